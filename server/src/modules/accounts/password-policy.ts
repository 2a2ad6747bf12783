import type { OperatorProfile } from '@up/operators';

/**
 * ACC-6: a password must be changed when staff or the system suspect compromise (must_change_password),
 * and — where the operator enforces rotation — when it is older than the operator's maximum age.
 */
export function passwordExpired(
  user: { mustChangePassword: boolean; passwordChangedAt: Date | null; hasPassword: boolean },
  operator: OperatorProfile,
  now: Date,
): boolean {
  if (user.mustChangePassword) return true;
  const maxAgeDays = operator.rules.passwordMaxAgeDays;
  if (maxAgeDays === null || !user.hasPassword || !user.passwordChangedAt) return false;
  return now.getTime() - user.passwordChangedAt.getTime() > maxAgeDays * 86_400_000;
}

/** Where rotation is only recommended, the profile page shows a hint after this many days. */
export const RECOMMENDED_PASSWORD_AGE_DAYS = 90;
