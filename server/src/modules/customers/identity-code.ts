import { validatePersonalCode, validateRegistrationNumber } from '@up/common';
import { invalidField } from '../../infra/errors.js';

/** ACC-14: a person's personal code or a company's registration number, normalized to 11 digits. */
export function normalizeIdentityCode(kind: 'person' | 'company', code: string, field = 'identityCode'): string {
  if (kind === 'company') {
    const result = validateRegistrationNumber(code);
    if (!result.ok) throw invalidField(field, 'a registration number has 11 digits');
    return result.normalized;
  }
  const result = validatePersonalCode(code);
  if (!result.ok) {
    const reasons = {
      format: 'a personal code has 11 digits, as DDMMYY-NNNNN or 3NNNNNNNNNN',
      date: 'the personal code does not give a real birth date',
      checksum: 'the check digit of the personal code does not match',
    } as const;
    throw invalidField(field, reasons[result.reason]);
  }
  return result.normalized;
}
