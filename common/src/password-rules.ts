// ACC-6: password rules shared by the registration/activation/change forms and the server.
import { COMMON_PASSWORDS } from './common-passwords.ts';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

export type PasswordProblem =
  | 'too_short'
  | 'too_long'
  | 'needs_letter'
  | 'needs_digit'
  | 'contains_personal_data'
  | 'common_password';

export interface PasswordPersonalData {
  email?: string;
  fullName?: string;
  personalCode?: string;
  phone?: string;
}

export type PasswordCheckResult = { ok: true } | { ok: false; problems: PasswordProblem[] };

const MIN_TEXT_PART = 3;
const MIN_DIGIT_RUN = 6;
const COMMON_SET: ReadonlySet<string> = new Set(COMMON_PASSWORDS.map(fold));

export function checkPassword(password: string, personal: PasswordPersonalData): PasswordCheckResult {
  const problems: PasswordProblem[] = [];
  // Count code points, so an emoji or a combined letter is not counted twice.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push('too_short');
  if (length > PASSWORD_MAX_LENGTH) problems.push('too_long');
  if (!/\p{L}/u.test(password)) problems.push('needs_letter');
  if (!/\p{Nd}/u.test(password)) problems.push('needs_digit');
  if (containsPersonalData(password, personal)) problems.push('contains_personal_data');
  if (isCommonPassword(password)) problems.push('common_password');
  return problems.length === 0 ? { ok: true } : { ok: false, problems };
}

/** Case-insensitive lookup, also after stripping leading/trailing digits, symbols and spaces ('Qwerty123!'). */
export function isCommonPassword(password: string): boolean {
  const folded = fold(password);
  const core = folded.replace(/^[\p{N}\p{P}\p{S}\s]+|[\p{N}\p{P}\p{S}\s]+$/gu, '');
  return COMMON_SET.has(folded) || (core.length > 0 && COMMON_SET.has(core));
}

function containsPersonalData(password: string, personal: PasswordPersonalData): boolean {
  const folded = fold(password);
  const textParts = [...emailParts(personal.email), ...nameParts(personal.fullName)];
  if (textParts.some((part) => folded.includes(part))) return true;
  const digitRuns = [...digitWindows(personal.personalCode), ...digitWindows(personal.phone)];
  return digitRuns.some((run) => password.includes(run));
}

/** The e-mail local part, and its pieces split at . _ - + (e.g. 'janis' and 'berzins' from 'janis.berzins@…'). */
function emailParts(email: string | undefined): string[] {
  const local = fold(email ?? '').split('@')[0];
  return [local, ...local.split(/[._+-]+/)].filter((part) => part.length >= MIN_TEXT_PART);
}

function nameParts(fullName: string | undefined): string[] {
  return fold(fullName ?? '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((part) => part.length >= MIN_TEXT_PART);
}

/** Every run of MIN_DIGIT_RUN consecutive digits of the value's digits ('+371 2612 3456' → '371261', …). */
function digitWindows(value: string | undefined): string[] {
  const digits = (value ?? '').replace(/\D/g, '');
  const runs: string[] = [];
  for (let i = 0; i + MIN_DIGIT_RUN <= digits.length; i++) runs.push(digits.slice(i, i + MIN_DIGIT_RUN));
  return runs;
}

/** Lowercase and drop diacritics, so 'Bērziņš' and 'berzins' compare equal. */
function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
