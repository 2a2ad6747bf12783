import type { Db } from '../../infra/db.js';
import { AppError } from '../../infra/errors.js';
import { hashToken, newSecretToken } from '../../infra/ids.js';
import { addMinutes } from '../../infra/clock.js';
import type { OneTimeTokenRow, TokenPurpose } from '../../db/schema.js';

/**
 * ACC-4: activation and invitation links live 24 hours; ACC-8: reset links 1 hour; ACC-2: the link with which
 * a customer reports a main user it did not register, 30 days (the notice may be read late).
 */
export const TOKEN_LIFETIME_MINUTES: Record<TokenPurpose, number> = {
  activation: 24 * 60,
  invitation: 24 * 60,
  password_reset: 60,
  registration_report: 30 * 24 * 60,
};

/** A new single-use link for the user; `customerId` names the customer a registration_report link is about. */
export async function issueToken(trx: Db, userId: string, purpose: TokenPurpose, now: Date, customerId: string | null = null): Promise<string> {
  const token = newSecretToken();
  await trx
    .insertInto('one_time_tokens')
    .values({
      token_hash: hashToken(token),
      purpose,
      user_id: userId,
      customer_id: customerId,
      expires_at: addMinutes(now, TOKEN_LIFETIME_MINUTES[purpose]),
      used_at: null,
      created_at: now,
    })
    .execute();
  return token;
}

export type TokenCheck = { ok: true; token: OneTimeTokenRow } | { ok: false; reason: 'invalid' | 'expired'; token?: OneTimeTokenRow };

/**
 * Uses a link once. The conditional UPDATE makes it single-use even when two processes receive the
 * same link at the same moment: only one of them gets the row back.
 */
export async function consumeToken(trx: Db, token: string, purposes: TokenPurpose[], now: Date): Promise<TokenCheck> {
  const tokenHash = hashToken(token);
  const row = await trx.selectFrom('one_time_tokens').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
  if (!row || !purposes.includes(row.purpose) || row.used_at) return { ok: false, reason: 'invalid' };
  if (row.expires_at <= now) return { ok: false, reason: 'expired', token: row };
  const used = await trx
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return used ? { ok: true, token: used } : { ok: false, reason: 'invalid' };
}

export function linkProblem(check: Exclude<TokenCheck, { ok: true }>): AppError {
  return check.reason === 'expired'
    ? new AppError('LINK_EXPIRED', 410, 'This link has expired. Use "Forgot password" to get a new one.')
    : new AppError('LINK_INVALID', 410, 'This link is not valid or was already used. Use "Forgot password" to get a new one.');
}

/** A new link makes the older ones of the same purpose useless. */
export async function revokeTokens(trx: Db, userId: string, purposes: TokenPurpose[], now: Date): Promise<void> {
  await trx
    .updateTable('one_time_tokens')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('purpose', 'in', purposes)
    .where('used_at', 'is', null)
    .execute();
}

/** Looks a link up without using it, to check the new password against its owner before the transaction. */
export async function peekToken(db: Db, token: string): Promise<OneTimeTokenRow | undefined> {
  return db.selectFrom('one_time_tokens').selectAll().where('token_hash', '=', hashToken(token)).executeTakeFirst();
}

export function isLive(row: OneTimeTokenRow, now: Date): boolean {
  return !row.used_at && row.expires_at > now;
}

/** ACC-7, ACC-8: a fresh single-use reset link for the user (1 hour); the earlier ones stop working. */
export async function newResetLink(trx: Db, publicUrl: string, userId: string, now: Date): Promise<string> {
  await revokeTokens(trx, userId, ['password_reset'], now);
  const token = await issueToken(trx, userId, 'password_reset', now);
  return `${publicUrl}/reset-password?token=${token}`;
}
