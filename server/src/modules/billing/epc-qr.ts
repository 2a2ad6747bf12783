import qrcode from 'qrcode-generator';
import { isCreditorReference } from '@up/common/creditor-reference';

/**
 * The EPC QR code ("GiroCode", EPC069-12 version 002): a SEPA credit transfer a banking app fills in from a
 * photo of the invoice.
 */
export interface EpcQrInput {
  /** the payee's BIC (8 or 11 characters); '' leaves it out, as version 002 allows inside the EEA */
  bic: string;
  /** the payee's name, at most 70 characters */
  name: string;
  iban: string;
  /** 0 leaves the amount for the payer to fill in */
  amountCents: number;
  /** an ISO 11649 RF reference goes into the structured remittance; anything else is unstructured text */
  reference: string;
  /**
   * With an RF reference: a note shown to the payer (beneficiary to originator information, ≤ 70).
   * Without one: the unstructured remittance instead of the reference (≤ 140).
   */
  text?: string;
}

const MAX_PAYLOAD_BYTES = 331;
const MAX_AMOUNT_CENTS = 99_999_999_999; // EUR999999999.99

/** The payload text, lines separated by LF, no trailing LF (empty trailing elements are left out). */
export function epcQrPayload(input: EpcQrInput): string {
  const bic = input.bic.replace(/ /g, '').toUpperCase();
  if (bic !== '' && !/^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$/.test(bic)) fail('bic', 'is not a BIC');

  const name = input.name.trim();
  checkText('name', name, 70);
  if (name === '') fail('name', 'is empty');

  const iban = input.iban.replace(/ /g, '').toUpperCase();
  if (!isIban(iban)) fail('iban', 'is not a valid IBAN');

  const cents = input.amountCents;
  if (!Number.isSafeInteger(cents) || cents < 0 || cents > MAX_AMOUNT_CENTS) {
    fail('amountCents', `must be a whole number of cents from 0 to ${MAX_AMOUNT_CENTS}`);
  }
  const amount = cents === 0 ? '' : `EUR${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

  const reference = input.reference.trim();
  const text = input.text?.trim() ?? '';
  let structured = '';
  let unstructured = '';
  let information = '';
  if (isCreditorReference(reference)) {
    structured = reference.replace(/ /g, '').toUpperCase();
    checkText('text', text, 70);
    information = text;
  } else {
    unstructured = text || reference;
    checkText(text ? 'text' : 'reference', unstructured, 140);
    if (unstructured === '') fail('reference', 'is empty');
  }

  const elements = ['BCD', '002', '1', 'SCT', bic, name, iban, amount, '', structured, unstructured, information];
  while (elements[elements.length - 1] === '') elements.pop();
  const payload = elements.join('\n');
  const bytes = Buffer.byteLength(payload, 'utf8');
  if (bytes > MAX_PAYLOAD_BYTES) fail('payload', `is ${bytes} bytes, more than ${MAX_PAYLOAD_BYTES}`);
  return payload;
}

/** The QR matrix of a payload, `modules[row][column]` true for dark, without the quiet zone. */
export function epcQrModules(payload: string): boolean[][] {
  const code = qrcode(0, 'M'); // EPC069-12 asks for error correction level M
  // qrcode-generator's byte mode keeps only the low byte of each UTF-16 unit, so hand it the UTF-8 bytes
  // one character each (character set 1 of the payload is UTF-8).
  code.addData(Buffer.from(payload, 'utf8').toString('latin1'), 'Byte');
  code.make();
  const count = code.getModuleCount();
  return Array.from({ length: count }, (_, row) => Array.from({ length: count }, (_, column) => code.isDark(row, column)));
}

function checkText(field: string, value: string, maxLength: number): void {
  if (/[\r\n]/.test(value)) fail(field, 'must be on one line');
  if ([...value].length > maxLength) fail(field, `is longer than ${maxLength} characters`);
}

function isIban(iban: string): boolean {
  if (!/^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$/.test(iban)) return false;
  let rest = 0;
  for (const char of iban.slice(4) + iban.slice(0, 4)) {
    for (const digit of String(parseInt(char, 36))) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest === 1;
}

function fail(field: string, problem: string): never {
  throw new RangeError(`EPC QR ${field} ${problem}`);
}
