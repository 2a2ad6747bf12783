// ACC-14: Latvian personal codes (personas kods) and company registration numbers.

export type PersonalCodeResult =
  | { ok: true; normalized: string; format: 'old' | 'new'; birthDate?: string }
  | { ok: false; reason: 'format' | 'date' | 'checksum' };

export type RegistrationNumberResult = { ok: true; normalized: string } | { ok: false; reason: 'format' };

const CHECKSUM_WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CENTURY_BY_DIGIT: Record<string, number> = { '0': 1800, '1': 1900, '2': 2000 };

/**
 * Synthetic codes that pass validation, for demo data and tests. Old-format ones have a computed
 * check digit; they are made up and not known to belong to anyone.
 */
export const EXAMPLE_VALID_PERSONAL_CODES = {
  old: [
    '150385-12346', // 1985-03-15
    '010190-11231', // 1990-01-01
    '290200-24579', // 2000-02-29 (leap year)
    '311299-18763', // 1999-12-31
    '070712-23458', // 2012-07-07
    '230645-16180', // 1945-06-23
    '180818-05121', // 1818-08-18
    '290296-17047', // 1996-02-29 (leap year)
  ],
  new: ['32579461005', '38204715963'],
} as const;

export function validatePersonalCode(input: string): PersonalCodeResult {
  const match = /^(\d{6})-?(\d{5})$/.exec(input.trim());
  if (!match) return { ok: false, reason: 'format' };
  const normalized = match[1] + match[2];

  // Old-format codes start with the day of month (01–31), so "32"–"39" can only be the new format.
  if (/^3[2-9]/.test(normalized)) return { ok: true, normalized, format: 'new' };

  const birthDate = oldFormatBirthDate(normalized);
  if (!birthDate) return { ok: false, reason: 'date' };
  if (oldFormatCheckDigit(normalized) !== Number(normalized[10])) return { ok: false, reason: 'checksum' };
  return { ok: true, normalized, format: 'old', birthDate };
}

export function isValidPersonalCode(input: string): boolean {
  return validatePersonalCode(input).ok;
}

/** Digits 1–10 weighted, X = (1101 − Σ) mod 11. A result of 10 never equals a digit. */
function oldFormatCheckDigit(code: string): number {
  let sum = 0;
  for (let i = 0; i < 10; i++) sum += CHECKSUM_WEIGHTS[i] * Number(code[i]);
  return (1101 - sum) % 11;
}

/** YYYY-MM-DD from DDMMYY + century digit, or null when the century digit or the date is invalid. */
function oldFormatBirthDate(code: string): string | null {
  const century = CENTURY_BY_DIGIT[code[6]];
  if (century === undefined) return null;
  const day = Number(code.slice(0, 2));
  const month = Number(code.slice(2, 4));
  const year = century + Number(code.slice(4, 6));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${year}-${code.slice(2, 4)}-${code.slice(0, 2)}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** 'DDMMYY-NNNNN' from an 11-digit code (a hyphen in the input is tolerated). */
export function formatPersonalCode(normalized: string): string {
  const digits = normalized.trim().replace('-', '');
  if (!/^\d{11}$/.test(digits)) throw new RangeError('A personal code has 11 digits');
  return `${digits.slice(0, 6)}-${digits.slice(6)}`;
}

export function validateRegistrationNumber(input: string): RegistrationNumberResult {
  const normalized = input.trim();
  return /^\d{11}$/.test(normalized) ? { ok: true, normalized } : { ok: false, reason: 'format' };
}
