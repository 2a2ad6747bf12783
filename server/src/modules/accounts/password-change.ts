import { checkPassword } from '@up/common';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { AppError } from '../../infra/errors.js';
import { newId } from '../../infra/ids.js';
import { verifyPassword } from '../../infra/passwords.js';
import type { UserRow } from '../../db/schema.js';

/**
 * ACC-6: the rules every new password meets: length, a letter and a digit, none of the user's own
 * data, not a common password, and none of the user's last N passwords (N is the operator's setting).
 */
export async function assertAcceptablePassword(deps: Deps, user: Pick<UserRow, 'id' | 'email' | 'full_name' | 'personal_code' | 'phone'>, password: string, field = 'password'): Promise<void> {
  const result = checkPassword(password, {
    email: user.email,
    fullName: user.full_name,
    personalCode: user.personal_code ?? undefined,
    phone: user.phone ?? undefined,
  });
  if (!result.ok) {
    throw new AppError('PASSWORD_REJECTED', 400, `${field}: ${result.problems.join(', ')}`, { field, reason: result.problems.join(', '), problems: result.problems });
  }
  const recent = await deps.db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', user.id)
    .orderBy('created_at', 'desc')
    .limit(deps.operator.rules.passwordHistory)
    .execute();
  for (const old of recent) {
    if (await verifyPassword(old.password_hash, password)) {
      throw new AppError('PASSWORD_REJECTED', 400, `${field}: used before`, { field, reason: 'used_before', problems: ['used_before'] });
    }
  }
}

/** Stores a new password (already hashed outside the transaction) and remembers it for the history check. */
export async function storeNewPassword(trx: Db, userId: string, passwordHash: string, now: Date): Promise<void> {
  await trx
    .updateTable('users')
    .set({ password_hash: passwordHash, password_changed_at: now, must_change_password: false, updated_at: now })
    .where('id', '=', userId)
    .execute();
  await trx.insertInto('password_history').values({ id: newId(), user_id: userId, password_hash: passwordHash, created_at: now }).execute();
}

