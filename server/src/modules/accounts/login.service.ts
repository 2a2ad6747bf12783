import { formatRigaDateTime } from '@up/common';
import type { Deps } from '../../deps.js';
import { AppError, forbidden } from '../../infra/errors.js';
import { addMinutes } from '../../infra/clock.js';
import { enforceRateLimit, refuseOverLimit } from '../../infra/rate-limit.js';
import { verifyPassword } from '../../infra/passwords.js';
import { executeAudited, recordAudit, type Actor } from '../audit/index.js';
import { queueEmail } from '../notifications/index.js';
import { newResetLink } from './one-time-tokens.js';
import type { ActiveMembershipOfUser } from './memberships.repository.js';
import { findLoginCandidate, type LoginCandidate } from './login-lookup.js';
import { newSession, sessionUserOfNewLogin, type SessionUser } from './sessions.service.js';
import { totpStep } from './totp.js';
import type { Language } from '@up/operators';
import { rigaDate } from '@up/common/riga-time';
import { sql } from 'kysely';
import { ACCOUNTS_EMAILS } from './accounts.emails.js';

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
  const email = input.email.trim().toLowerCase();
  const rateLimit = { key: `login-ip:${input.ip}`, limit: 30, windowSeconds: 60 };
  const lookup = await findLoginCandidate(deps.db, rateLimit, email, now, rigaDate(now));
  refuseOverLimit(rateLimit, lookup.rateLimitHits, now);
  const user = lookup.candidate;
  if (!user) {
    if (lookup.unknownAddressLockedUntil && lookup.unknownAddressLockedUntil > now) throw loginBlocked(lookup.unknownAddressLockedUntil);
    await verifyPassword(null, input.password);
    const until = await countUnknownAddressFailure(deps, email, now);
    if (until) throw loginBlocked(until);
    throw invalidCredentials();
  }
  if (user.locked_until && user.locked_until > now) throw loginBlocked(user.locked_until);

  const passwordOk = await verifyPassword(user.password_hash, input.password);
  if (!passwordOk) {
    const until = await countWrongPassword(deps, user, actor, now);
    if (until) throw loginBlocked(until);
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
 * Counting and blocking is one conditional UPDATE (an upsert for unknown addresses): a wrong password counts
 * only while the login is not blocked, and the threshold-th one blocks it in the same statement. Parallel
 * wrong passwords queue on the row, so 20 at once answer like 20 in a row: 4 × 401, then 423, and only the
 * one that blocks sends the lockout e-mail.
 */
const failureCount = (threshold: number) =>
  sql<number>`CASE WHEN failed_logins + 1 >= ${threshold} THEN 0 ELSE failed_logins + 1 END`;
const lockedUntilAfterFailure = (threshold: number, until: Date) =>
  sql<Date | null>`CASE WHEN failed_logins + 1 >= ${threshold} THEN ${until}::timestamptz ELSE locked_until END`;

/** ACC-7: one more wrong password for an account; answers the end of the block when the login is (now) blocked. */
async function countWrongPassword(deps: Deps, user: LoginCandidate, actor: Actor, now: Date): Promise<Date | null> {
  const { lockoutThreshold, lockoutMinutes } = deps.operator.rules;
  const until = addMinutes(now, lockoutMinutes);
  return deps.db.transaction().execute(async (trx) => {
    const counted = await trx
      .updateTable('users')
      .set({ failed_logins: failureCount(lockoutThreshold), locked_until: lockedUntilAfterFailure(lockoutThreshold, until), updated_at: now })
      .where('id', '=', user.id)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .returning(['failed_logins', 'locked_until'])
      .executeTakeFirst();
    if (!counted) {
      // Another request blocked the login while this one checked the password: answer as a blocked login does.
      const blocked = await trx.selectFrom('users').select('locked_until').where('id', '=', user.id).executeTakeFirstOrThrow();
      return blocked.locked_until;
    }
    const blocks = counted.locked_until !== null && counted.locked_until > now;
    await recordAudit(trx, { ...actor, userId: null }, {
      action: 'login.failed', objectType: 'user', objectId: user.id, details: { attempt: blocks ? lockoutThreshold : counted.failed_logins },
    }, now);
    if (!blocks) return null;
    const link = await newResetLink(trx, deps.config.publicUrl, user.id, now);
    await queueEmail(trx, {
      to: user.email,
      template: ACCOUNTS_EMAILS.login_blocked,
      language: user.language,
      vars: {
        portal: deps.operator.portalName,
        name: user.full_name,
        attempts: lockoutThreshold,
        until: formatRigaDateTime(until, user.language as Language),
        link,
        support: deps.operator.support.phone,
      },
    }, now);
    await recordAudit(trx, { ...actor, userId: null }, { action: 'login.blocked', objectType: 'user', objectId: user.id, details: { until: until.toISOString() } }, now);
    return until;
  });
}

/**
 * An unknown address is counted the same way in unknown_address_logins, so that neither the answers nor
 * their timing tell whether an account exists. Answers the end of the block when the login is (now) blocked.
 */
async function countUnknownAddressFailure(deps: Deps, email: string, now: Date): Promise<Date | null> {
  const { lockoutThreshold, lockoutMinutes } = deps.operator.rules;
  const until = addMinutes(now, lockoutMinutes);
  // The first failure inserts the row; then it is counted like an account's, only while not blocked.
  await sql`
    INSERT INTO unknown_address_logins (email, failed_logins, locked_until, updated_at) VALUES (${email}, 0, NULL, ${now})
    ON CONFLICT (email) DO NOTHING`.execute(deps.db);
  const counted = await sql<{ locked_until: Date | null }>`
    UPDATE unknown_address_logins
    SET failed_logins = ${failureCount(lockoutThreshold)}, locked_until = ${lockedUntilAfterFailure(lockoutThreshold, until)}, updated_at = ${now}
    WHERE email = ${email} AND (locked_until IS NULL OR locked_until <= ${now})
    RETURNING locked_until`.execute(deps.db);
  if (counted.rows.length === 0) {
    const blocked = await deps.db.selectFrom('unknown_address_logins').select('locked_until').where('email', '=', email).executeTakeFirstOrThrow();
    return blocked.locked_until;
  }
  const lockedUntil = counted.rows[0].locked_until;
  return lockedUntil && new Date(lockedUntil) > now ? new Date(lockedUntil) : null;
}

/**
 * Hourly clean-up: an unknown address with no count and no block holds nothing; one idle for 90 days is
 * dropped too (an account keeps its count longer, which only a 90-day wait could tell apart).
 */
export async function purgeUnknownAddressLogins(deps: Deps, now: Date): Promise<void> {
  const idleSince = new Date(now.getTime() - 90 * 86_400_000);
  await deps.db.deleteFrom('unknown_address_logins')
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .where((eb) => eb.or([eb('failed_logins', '=', 0), eb('updated_at', '<', idleSince)]))
    .execute();
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
