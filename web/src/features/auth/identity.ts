import { validatePersonalCode, validateRegistrationNumber } from '@up/common';
import type { Customer } from '@up/common/contracts/customers';

/**
 * ACC-14: the translation key of what is wrong with a personal code (person) or registration number
 * (company), or null when it is valid.
 */
export function identityCodeProblem(kind: Customer['kind'], code: string): string | null {
  if (!code.trim()) return 'validation.required';
  if (kind === 'company') return validateRegistrationNumber(code).ok ? null : 'validation.registrationNumber';
  const result = validatePersonalCode(code);
  return result.ok ? null : `validation.personalCode.${result.reason}`;
}
