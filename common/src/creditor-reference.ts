/**
 * ISO 11649 structured creditor references ("RF" references): what an invoice asks the payer to write on a
 * SEPA credit transfer, so a bank statement names the invoice exactly (EPC QR, UBL PaymentID, camt.053).
 */

/** 'RF' + two check digits + the body (1–21 letters and digits), e.g. creditorReference('2026000101') → 'RF842026000101'. */
export function creditorReference(body: string): string {
  if (!/^[0-9A-Z]{1,21}$/.test(body)) throw new RangeError(`Not a creditor reference body: ${JSON.stringify(body)}`);
  const check = 98 - mod97(`${body}RF00`);
  return `RF${String(check).padStart(2, '0')}${body}`;
}

/** True when `reference` (spaces allowed) is a well-formed RF reference whose check digits hold. */
export function isCreditorReference(reference: string): boolean {
  const compact = reference.replace(/ /g, '').toUpperCase();
  if (!/^RF[0-9]{2}[0-9A-Z]{1,21}$/.test(compact)) return false;
  return mod97(`${compact.slice(4)}${compact.slice(0, 4)}`) === 1;
}

/** Letters become 10…35, then the number is taken modulo 97 piece by piece (it is far longer than a safe integer). */
function mod97(text: string): number {
  let rest = 0;
  for (const char of text) {
    const digits = /[0-9]/.test(char) ? char : String(char.charCodeAt(0) - 55);
    for (const digit of digits) rest = (rest * 10 + Number(digit)) % 97;
  }
  return rest;
}
