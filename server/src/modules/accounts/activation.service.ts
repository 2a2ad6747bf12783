import type { Deps } from '../../deps.js';
import { AppError } from '../../infra/errors.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { queueEmail } from '../notifications/index.js';
import { consumeToken, isLive, linkProblem, newResetLink, peekToken, revokeTokens } from './one-time-tokens.js';
import { assertAcceptablePassword, storeNewPassword } from './password-change.js';
import { hashPassword } from '../../infra/passwords.js';
import { deleteAllSessionsOfUser } from './sessions.service.js';
import { findUserByEmail, findUserById } from './users.repository.js';
import { countRateLimitHit, enforceRateLimit } from '../../infra/rate-limit.js';
import { newId } from '../../infra/ids.js';
import { ACCOUNTS_EMAILS } from './accounts.emails.js';

/** ACC-6: a live link's new password must meet the rules of its owner (a dead link fails later anyway). */
async function checkPasswordForLink(deps: Deps, token: string, password: string, now: Date) {
  const link = await peekToken(deps.db, token);
  const owner = link && isLive(link, now) ? await findUserById(deps.db, link.user_id) : undefined;
  if (owner) await assertAcceptablePassword(deps, owner, password);
  return link;
}

/**
 * ACC-4, ACC-5, ACC-10: the activation (or invitation) link lets the user choose a password. A link older
 * than 24 hours fails and the account is blocked at once (the scheduled job blocks the ones never opened).
 */
export async function activateAccount(deps: Deps, token: string, password: string, actor: Actor): Promise<void> {
  const now = deps.clock.now();
  const preview = await checkPasswordForLink(deps, token, password, now);
  const passwordHash = await hashPassword(password);
  if (preview && !preview.used_at && !isLive(preview, now)) {
    // Blocked in its own transaction: the refusal below must not roll the block back.
    await deps.db.transaction().execute((trx) => blockUnactivatedUser(trx, preview.user_id, actor, now));
  }
  await deps.db.transaction().execute(async (trx) => {
    const check = await consumeToken(trx, token, ['activation', 'invitation'], now);
    if (!check.ok) throw linkProblem(check);
    const owner = await findUserById(trx, check.token.user_id);
    if (!owner || owner.status !== 'pending') throw linkProblem({ ok: false, reason: 'invalid' });
    await storeNewPassword(trx, owner.id, passwordHash, now);
    await trx.updateTable('users').set({ status: 'active', activation_deadline: null, updated_at: now }).where('id', '=', owner.id).execute();
    await recordAudit(trx, { ...actor, userId: owner.id, role: 'user' }, { action: 'account.activated', objectType: 'user', objectId: owner.id }, now);
  });
}

/** Runs only after the link expired, so a late click is safe. */
async function blockUnactivatedUser(trx: Deps['db'], userId: string, actor: Actor, now: Date) {
  const blocked = await trx
    .updateTable('users')
    .set({ status: 'blocked', blocked_reason: 'not_activated', updated_at: now })
    .where('id', '=', userId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (Number(blocked.numUpdatedRows) > 0) {
    await recordAudit(trx, actor, { action: 'account.blocked_not_activated', objectType: 'user', objectId: userId }, now);
  }
}

/** ACC-4: the scheduled job's half: pending accounts past their 24 hours are blocked. */
export async function blockExpiredActivations(deps: Deps, actor: Actor): Promise<number> {
  const now = deps.clock.now();
  const expired = await deps.db
    .selectFrom('users')
    .select('id')
    .where('status', '=', 'pending')
    .where('activation_deadline', '<=', now)
    .execute();
  for (const { id } of expired) {
    await deps.db.transaction().execute((trx) => blockUnactivatedUser(trx, id, actor, now));
  }
  return expired.length;
}

/**
 * ACC-8: a single-use reset link by e-mail; the answer is the same whether or not the account exists, and
 * so is the work before it: the request only counts against the IP's limit and is queued. The job worker
 * looks the address up and sends the link (handlePasswordResetRequests), so neither the answer nor its
 * timing tells whether an account exists. Rate-limited per IP and per account so it cannot flood a mailbox.
 */
export async function requestPasswordReset(deps: Deps, email: string, actor: Actor): Promise<void> {
  const now = deps.clock.now();
  await enforceRateLimit(deps.db, `reset-ip:${actor.ip}`, 20, 3600, now);
  await deps.db
    .insertInto('password_reset_requests')
    .values({ id: newId(), email: email.trim().toLowerCase(), ip: actor.ip, requested_at: now })
    .execute();
}

/**
 * The job worker's half of ACC-8: each queued request whose address has an account gets a fresh reset link
 * (older ones stop working), at most 5 an hour per account. Several processes may run this at once: SKIP
 * LOCKED gives each request to one, and a request is deleted in the transaction that handles it.
 */
export async function handlePasswordResetRequests(deps: Deps): Promise<number> {
  const now = deps.clock.now();
  let handled = 0;
  for (;;) {
    const done = await deps.db.transaction().execute(async (trx) => {
      const request = await trx.selectFrom('password_reset_requests').selectAll().orderBy('requested_at').limit(1).forUpdate().skipLocked().executeTakeFirst();
      if (!request) return false;
      await trx.deleteFrom('password_reset_requests').where('id', '=', request.id).execute();
      const user = await findUserByEmail(trx, request.email);
      if (!user) return true;
      const { hits } = await countRateLimitHit(trx, { key: `reset-email:${user.id}`, limit: 5, windowSeconds: 3600 }, now).executeTakeFirstOrThrow();
      if (hits > 5) return true; // never tell anyone that this address is being limited
      const link = await newResetLink(trx, deps.config.publicUrl, user.id, now);
      await queueEmail(trx, {
        to: user.email,
        template: ACCOUNTS_EMAILS.password_reset,
        language: user.language,
        vars: { portal: deps.operator.portalName, name: user.full_name, link },
      }, now);
      await recordAudit(trx, { userId: null, role: 'anonymous', ip: request.ip }, {
        action: 'password.reset_requested', objectType: 'user', objectId: user.id, details: { requestedAt: request.requested_at.toISOString() },
      }, now);
      return true;
    });
    if (!done) return handled;
    handled += 1;
  }
}

/**
 * ACC-4, ACC-7, ACC-8: the reset link sets a new password, lifts a temporary login block and unblocks an
 * account that was blocked for not being activated in time. A block by staff (suspected misuse) stays.
 */
export async function resetPassword(deps: Deps, token: string, password: string, actor: Actor): Promise<void> {
  const now = deps.clock.now();
  await checkPasswordForLink(deps, token, password, now);
  const passwordHash = await hashPassword(password);
  await deps.db.transaction().execute(async (trx) => {
    const check = await consumeToken(trx, token, ['password_reset'], now);
    if (!check.ok) throw linkProblem(check);
    const owner = await findUserById(trx, check.token.user_id);
    if (!owner || owner.status === 'deleted') throw linkProblem({ ok: false, reason: 'invalid' });
    if (owner.status === 'blocked' && owner.blocked_reason !== 'not_activated') {
      throw new AppError('ACCOUNT_BLOCKED', 403, 'This account is blocked. Please contact customer service.');
    }
    await storeNewPassword(trx, owner.id, passwordHash, now);
    await trx
      .updateTable('users')
      .set({ status: 'active', blocked_reason: null, activation_deadline: null, failed_logins: 0, locked_until: null, updated_at: now })
      .where('id', '=', owner.id)
      .execute();
    await revokeTokens(trx, owner.id, ['activation', 'invitation', 'password_reset'], now);
    await deleteAllSessionsOfUser(trx, owner.id);
    await recordAudit(trx, { ...actor, userId: owner.id, role: 'user' }, { action: 'password.reset', objectType: 'user', objectId: owner.id }, now);
  });
}
