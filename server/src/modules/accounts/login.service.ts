import { formatRigaDateTime } from '@up/common';
import type { Deps } from '../../deps.js';
import { AppError, forbidden } from '../../infra/errors.js';
import { addMinutes } from '../../infra/clock.js';
import { enforceRateLimit, refuseOverLimit } from '../../infra/rate-limit.js';
import { verifyPassword } from '../../infra/passwords.js';
import { executeAudited, recordAudit, type Actor } from '../audit/audit.service.js';
import { queueEmail } from '../notifications/notifications.service.js';
import { issueToken, revokeTokens } from './one-time-tokens.js';
import type { ActiveMembershipOfUser } from './memberships.repository.js';
import { findLoginCandidate } from './login-lookup.js';
import { newSession, sessionUserOfNewLogin, type SessionUser } from './sessions.service.js';
import { findUserByEmail } from './users.repository.js';
import { totpStep } from './totp.js';
import type { Language } from '@up/operators';
import { rigaDate } from '@up/common/riga-time';
import { sql } from 'kysely';

export interface LoginInput {
  email: string;
  password: string;
  ip: string;
  userAgent: string;
  /** the session the browser had before, ended so the session id rotates at login */
  previousSessionIdHash: string | null;
}

export interface NewSession {
  token: string;
  /** what the session check would read for the new session (its csrfToken included) */
  session: SessionUser;
  /** the user's active memberships, read for the login anyway (the answer lists them) */
  memberships: ActiveMembershipOfUser[];
}

const invalidCredentials = () => new AppError('INVALID_CREDENTIALS', 401, 'Wrong e-mail or password');

/**
 * The same words whether or not the address has an account (the account's language would tell that it
 * exists); the web app shows the time from details.until in the reader's own language.
 */
function loginBlocked(until: Date) {
  return new AppError(
    'LOGIN_BLOCKED',
    423,
    `Too many wrong passwords. Login is blocked until ${formatRigaDateTime(until, 'en')} (Riga time); wait, or use "Forgot password" to unblock it now.`,
    { until: until.toISOString() },
  );
}

/**
 * ACC-7: five wrong passwords in a row block login for a while; the user is told how to regain access and
 * gets an e-mail with a reset link that lifts the block; a successful login resets the count.
 * Unknown addresses are counted the same way, so the answers never tell whether an account exists.
 */
export async function loginWithPassword(deps: Deps, input: LoginInput, actor: Actor): Promise<NewSession> {
  const now = deps.clock.now();
  const { lockoutThreshold, lockoutMinutes } = deps.operator.rules;
  const email = input.email.trim().toLowerCase();
  const rateLimit = { key: `login-ip:${input.ip}`, limit: 30, windowSeconds: 60 };
  const { rateLimitHits, candidate: user } = await findLoginCandidate(deps.db, rateLimit, email, now, rigaDate(now));
  refuseOverLimit(rateLimit, rateLimitHits, now);
  if (!user) {
    const blockedUntil = await unknownAddressBlockedUntil(deps, email, now);
    if (blockedUntil) throw loginBlocked(blockedUntil);
    await verifyPassword(null, input.password);
    const until = await countUnknownAddressFailure(deps, email, now);
    if (until) throw loginBlocked(until);
    throw invalidCredentials();
  }
  if (user.locked_until && user.locked_until > now) throw loginBlocked(user.locked_until);

  const passwordOk = await verifyPassword(user.password_hash, input.password);
  if (!passwordOk) {
    await deps.db.transaction().execute(async (trx) => {
      // Counted in the database row, so all portal processes see the same count.
      const counted = await trx
        .updateTable('users')
        .set({ failed_logins: sql`failed_logins + 1`, updated_at: now })
        .where('id', '=', user.id)
        .returning('failed_logins')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, { ...actor, userId: null }, { action: 'login.failed', objectType: 'user', objectId: user.id, details: { attempt: counted.failed_logins } }, now);
      if (counted.failed_logins < lockoutThreshold) return;
      const until = addMinutes(now, lockoutMinutes);
      await trx.updateTable('users').set({ failed_logins: 0, locked_until: until }).where('id', '=', user.id).execute();
      await revokeTokens(trx, user.id, ['password_reset'], now);
      const token = await issueToken(trx, user.id, 'password_reset', now);
      await queueEmail(trx, {
        to: user.email,
        template: 'login_blocked',
        language: user.language,
        vars: {
          portal: deps.operator.portalName,
          name: user.full_name,
          attempts: lockoutThreshold,
          until: formatRigaDateTime(until, user.language as Language),
          link: `${deps.config.publicUrl}/reset-password?token=${token}`,
          support: deps.operator.support.phone,
        },
      }, now);
      await recordAudit(trx, { ...actor, userId: null }, { action: 'login.blocked', objectType: 'user', objectId: user.id, details: { until: until.toISOString() } }, now);
    });
    const fresh = await findUserByEmail(deps.db, email);
    if (fresh?.locked_until && fresh.locked_until > now) throw loginBlocked(fresh.locked_until);
    throw invalidCredentials();
  }

  if (user.status === 'blocked') {
    throw forbidden('ACCOUNT_BLOCKED', user.blocked_reason === 'not_activated'
      ? 'The account was not activated within 24 hours. Use "Forgot password" to unblock it.'
      : 'This account is blocked. Please contact customer service.');
  }
  if (user.status !== 'active') throw invalidCredentials();

  // The user row, the session and the audit event in one statement: logins are the busiest write.
  const { memberships } = user;
  const started = { authMethod: 'password' as const, secondFactorPending: user.totp_enabled, customerId: memberships[0]?.customer_id ?? null };
  const { created, insert } = newSession(deps.db, { userId: user.id, ...started, ip: input.ip, userAgent: input.userAgent }, now);
  await executeAudited(deps.db, [
    deps.db.updateTable('users').set({ failed_logins: 0, locked_until: null, last_login_at: now, updated_at: now }).where('id', '=', user.id),
    ...(input.previousSessionIdHash ? [deps.db.deleteFrom('sessions').where('id_hash', '=', input.previousSessionIdHash)] : []),
    insert,
  ], { ...actor, userId: user.id, role: user.staff_role ?? 'user' }, { action: 'login.succeeded', objectType: 'user', objectId: user.id, details: { method: 'password' } }, now);
  return {
    token: created.token,
    session: sessionUserOfNewLogin(user, created, started, user.accepted_current_terms, now),
    memberships,
  };
}

/*
 * Unknown addresses mirror the users row (failed_logins, locked_until), so that neither the answers nor their
 * timing tell whether an account exists: failures in a row are counted (not per clock window), and the
 * threshold-th one blocks for lockoutMinutes from that moment. Both live in rate_limit_buckets, shared by
 * all processes: the count under login-unknown:<email> (window_start = last failure), the block under
 * login-unknown-block:<email> (window_start = the end of the block).
 */
async function unknownAddressBlockedUntil(deps: Deps, email: string, now: Date): Promise<Date | null> {
  const block = await deps.db
    .selectFrom('rate_limit_buckets')
    .select('window_start')
    .where('key', '=', `login-unknown-block:${email}`)
    .where('window_start', '>', now)
    .orderBy('window_start', 'desc')
    .executeTakeFirst();
  return block ? new Date(block.window_start) : null;
}

/** Counts one more failure for an unknown address; answers the end of the block when this one starts it. */
async function countUnknownAddressFailure(deps: Deps, email: string, now: Date): Promise<Date | null> {
  const { lockoutThreshold, lockoutMinutes } = deps.operator.rules;
  const countKey = `login-unknown:${email}`;
  const blockKey = `login-unknown-block:${email}`;
  return deps.db.transaction().execute(async (trx) => {
    const previous = await trx.deleteFrom('rate_limit_buckets').where('key', '=', countKey).returning('hits').execute();
    const failures = previous.reduce((sum, row) => sum + row.hits, 0) + 1;
    if (failures < lockoutThreshold) {
      await trx
        .insertInto('rate_limit_buckets')
        .values({ key: countKey, window_start: now, hits: failures })
        .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`rate_limit_buckets.hits + excluded.hits` }))
        .execute();
      return null;
    }
    const until = addMinutes(now, lockoutMinutes);
    await trx.deleteFrom('rate_limit_buckets').where('key', '=', blockKey).execute();
    await trx
      .insertInto('rate_limit_buckets')
      .values({ key: blockKey, window_start: until, hits: 0 })
      .onConflict((oc) => oc.columns(['key', 'window_start']).doNothing())
      .execute();
    return until;
  });
}

/**
 * The second step of a login with TOTP enabled. Attempts are limited to 5 per 5 minutes per user, and each
 * code works once: a code of the same or an earlier time step than the last one accepted is refused.
 */
export async function verifySecondFactor(deps: Deps, session: { sessionIdHash: string; userId: string }, code: string, actor: Actor): Promise<void> {
  const now = deps.clock.now();
  await enforceRateLimit(deps.db, `totp:${session.userId}`, 5, 300, now);
  const user = await deps.db.selectFrom('users').select(['totp_secret', 'totp_enabled']).where('id', '=', session.userId).executeTakeFirstOrThrow();
  const step = user.totp_enabled && user.totp_secret ? totpStep(code, user.totp_secret) : null;
  if (step === null) {
    await recordSecondFactorFailure(deps, actor, session.userId, 'invalid', now);
    throw new AppError('SECOND_FACTOR_INVALID', 401, 'The code is not right; try the current one from your app');
  }
  const accepted = await deps.db.transaction().execute(async (trx) => {
    // claiming the step in the row makes a replay lose even when it arrives at the same moment
    const claimed = await trx
      .updateTable('users')
      .set({ totp_last_step: step })
      .where('id', '=', session.userId)
      .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
      .executeTakeFirst();
    if (claimed.numUpdatedRows === 0n) return false;
    await trx.updateTable('sessions').set({ second_factor_pending: false }).where('id_hash', '=', session.sessionIdHash).execute();
    await recordAudit(trx, actor, { action: 'login.second_factor_passed', objectType: 'user', objectId: session.userId }, now);
    return true;
  });
  if (!accepted) {
    await recordSecondFactorFailure(deps, actor, session.userId, 'used', now);
    throw new AppError('SECOND_FACTOR_REUSED', 401, 'This code has been used already; wait for the next one in your app');
  }
}

function recordSecondFactorFailure(deps: Deps, actor: Actor, userId: string, reason: 'invalid' | 'used', now: Date) {
  return deps.db.transaction().execute((trx) =>
    recordAudit(trx, actor, { action: 'login.second_factor_failed', objectType: 'user', objectId: userId, details: { reason } }, now));
}
