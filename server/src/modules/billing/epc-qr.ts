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
  const trials = makeScoringMasksHere(code);
  const count = code.getModuleCount();
  const made = Array.from({ length: count }, (_, row) => Array.from({ length: count }, (_, column) => code.isDark(row, column)));
  if (!trials) return made;
  const best = bestMask(trials, count);
  return best === 0 ? made : withMask(made, trials, best);
}

type QrCode = ReturnType<typeof qrcode>;

/** qrcode-generator's error correction level M in its format information (ISO/IEC 18004 table 12: M is 00). */
const LEVEL_M_BITS = 0;

/**
 * Makes the code, leaving the choice of the mask to bestMask. qrcode-generator tries all eight masks and scores
 * each by reading the matrix module by module through the code's own getModuleCount() and isDark(): 11 % of an
 * invoice PDF's time. Each trial is copied out here instead (and getModuleCount() answers 0, so its scoring
 * reads nothing and it keeps mask 0); bestMask scores the copies the same way, faster. Returns the eight trial
 * matrices, or null when the library did not score through those two methods (another version).
 */
function makeScoringMasksHere(code: QrCode): Uint8Array[] | null {
  const { getModuleCount, isDark } = code;
  const trials: Uint8Array[] = [];
  code.getModuleCount = () => {
    const count = getModuleCount();
    const matrix = new Uint8Array(count * count);
    for (let row = 0; row < count; row++) {
      for (let column = 0; column < count; column++) matrix[row * count + column] = isDark(row, column) ? 1 : 0;
    }
    trials.push(matrix);
    return 0;
  };
  try {
    code.make();
  } finally {
    code.getModuleCount = getModuleCount;
  }
  // Another version of the library: the code is still valid (any mask is), and the test comparing with the
  // library's own choice says so.
  return trials.length === 8 ? trials : null;
}

/** The first mask with the lowest penalty, as qrcode-generator chooses (its QRUtil.getLostPoint, same arithmetic). */
function bestMask(trials: Uint8Array[], count: number): number {
  let best = 0;
  let lowest = 0;
  trials.forEach((matrix, mask) => {
    const penalty = maskPenalty(matrix, count);
    if (mask === 0 || lowest > penalty) [best, lowest] = [mask, penalty];
  });
  return best;
}

function maskPenalty(m: Uint8Array, n: number): number {
  let lost = 0;
  // modules with more than five like neighbours among the eight around them: the dark ones counted from
  // running sums (sums[(r + 1) * (n + 1) + c + 1] is the number of dark modules above and left of r, c inclusive)
  const w = n + 1;
  const sums = new Int32Array(w * w);
  for (let row = 0; row < n; row++) {
    let inRow = 0;
    for (let column = 0; column < n; column++) {
      inRow += m[row * n + column];
      sums[(row + 1) * w + column + 1] = sums[row * w + column + 1] + inRow;
    }
  }
  for (let row = 0; row < n; row++) {
    const [top, bottom] = [Math.max(0, row - 1), Math.min(n - 1, row + 1)];
    for (let column = 0; column < n; column++) {
      const [left, right] = [Math.max(0, column - 1), Math.min(n - 1, column + 1)];
      const dark = m[row * n + column];
      const darkAround = sums[(bottom + 1) * w + right + 1] - sums[top * w + right + 1] - sums[(bottom + 1) * w + left] + sums[top * w + left] - dark;
      const around = (bottom - top + 1) * (right - left + 1) - 1;
      const same = dark ? darkAround : around - darkAround;
      if (same > 5) lost += 3 + same - 5;
    }
  }
  // 2×2 blocks of one colour
  for (let row = 0; row < n - 1; row++) {
    for (let column = 0; column < n - 1; column++) {
      const at = row * n + column;
      const dark = m[at] + m[at + n] + m[at + 1] + m[at + n + 1];
      if (dark === 0 || dark === 4) lost += 3;
    }
  }
  // 1:1:3:1:1 finder-like runs (dark light dark dark dark light dark), in rows and in columns
  for (let row = 0; row < n; row++) {
    for (let at = row * n, end = at + n - 6; at < end; at++) {
      if (m[at] & ~m[at + 1] & m[at + 2] & m[at + 3] & m[at + 4] & ~m[at + 5] & m[at + 6] & 1) lost += 40;
    }
  }
  for (let column = 0; column < n; column++) {
    for (let at = column, end = (n - 6) * n; at < end; at += n) {
      if (m[at] & ~m[at + n] & m[at + 2 * n] & m[at + 3 * n] & m[at + 4 * n] & ~m[at + 5 * n] & m[at + 6 * n] & 1) lost += 40;
    }
  }
  // the balance of dark and light
  let darkCount = 0;
  for (const dark of m) darkCount += dark;
  const ratio = Math.abs(100 * darkCount / n / n - 50) / 5;
  return lost + ratio * 10;
}

/**
 * The code with another mask than the one made: the trials differ from the finished code only in the format and
 * version information (blank in a trial) and the dark module, none of which the mask touches except the format
 * bits. So: made XOR trial[0] XOR trial[best] everywhere, then the format information of the best mask.
 */
function withMask(made: boolean[][], trials: Uint8Array[], mask: number): boolean[][] {
  const n = made.length;
  const [first, chosen] = [trials[0], trials[mask]];
  const modules = made.map((row, r) => row.map((dark, c) => dark !== (first[r * n + c] !== chosen[r * n + c])));
  const bits = formatBits((LEVEL_M_BITS << 3) | mask);
  for (let i = 0; i < 15; i++) {
    const dark = ((bits >> i) & 1) === 1;
    // the two copies, placed as ISO/IEC 18004 figure 25 (and qrcode-generator) place them
    modules[i < 6 ? i : i < 8 ? i + 1 : n - 15 + i][8] = dark;
    modules[8][i < 8 ? n - i - 1 : i < 9 ? 15 - i : 14 - i] = dark;
  }
  return modules;
}

/** The 15 format bits: 5 data bits, their BCH(15,5) remainder, XOR 101010000010010. */
function formatBits(data: number): number {
  const generator = 0b10100110111;
  let remainder = data << 10;
  for (let bit = 14; bit >= 10; bit--) if ((remainder >> bit) & 1) remainder ^= generator << (bit - 10);
  return ((data << 10) | remainder) ^ 0b101010000010010;
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
