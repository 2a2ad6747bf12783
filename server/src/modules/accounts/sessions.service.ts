import { sql } from 'kysely';
import type { Db } from '../../infra/db.js';
import { hashToken, newSecretToken } from '../../infra/ids.js';
import { addMinutes } from '../../infra/clock.js';
import type { ActiveMembership } from './memberships.repository.js';
import type { SessionCache } from './session-cache.js';
import type { UserRow } from '../../db/schema.js';
import { executeAudited, type Actor } from '../audit/index.js';
import { acceptedCurrentTerms } from '../terms/index.js';

/** Opaque server-side sessions: the cookie holds a random token, the database only its hash. */
export const SESSION_IDLE_MINUTES = 30;
export const SESSION_ABSOLUTE_HOURS = 12;
/** last_seen_at is written at most this often, so reads do not turn into writes. */
const TOUCH_EVERY_MS = 60_000;

export interface SessionUser {
  sessionIdHash: string;
  csrfToken: string;
  authMethod: 'password' | 'bank';
  authenticatedAt: Date;
  secondFactorPending: boolean;
  activeCustomerId: string | null;
  userId: string;
  email: string;
  fullName: string;
  phone: string | null;
  language: string;
  totpEnabled: boolean;
  staffRole: 'customer_service' | 'administrator' | null;
  mustChangePassword: boolean;
  passwordChangedAt: Date | null;
  hasPassword: boolean;
  acceptedCurrentTerms: boolean;
  /** the user's active membership in the customer asked about (see loadSession), if any */
  membership: ActiveMembership | null;
  expiresAt: Date;
  lastSeenAt: Date;
}

export interface CreatedSession {
  token: string;
  idHash: string;
  csrfToken: string;
  expiresAt: Date;
}

type NewSessionInput = { userId: string; authMethod: 'password' | 'bank'; secondFactorPending: boolean; customerId: string | null; ip: string; userAgent: string };

export async function createSession(trx: Db, input: NewSessionInput, now: Date): Promise<CreatedSession> {
  const session = newSession(trx, input, now);
  await session.insert.execute();
  return session.created;
}

/** A new session's tokens and the INSERT that stores it, for a caller that runs the insert in a larger statement. */
export function newSession(db: Db, input: NewSessionInput, now: Date) {
  const token = newSecretToken();
  const csrfToken = newSecretToken();
  const idHash = hashToken(token);
  const expiresAt = addMinutes(now, SESSION_ABSOLUTE_HOURS * 60);
  const insert = db.insertInto('sessions').values({
    id_hash: idHash,
    user_id: input.userId,
    customer_id: input.customerId,
    csrf_token: csrfToken,
    auth_method: input.authMethod,
    authenticated_at: now,
    second_factor_pending: input.secondFactorPending,
    created_at: now,
    last_seen_at: now,
    expires_at: expiresAt,
    ip: input.ip,
    user_agent: input.userAgent.slice(0, 300),
  });
  return { created: { token, idHash, csrfToken, expiresAt } satisfies CreatedSession, insert };
}

/**
 * The session check's answer for a session just created at login, from the rows the login read and wrote,
 * so that the login's answer needs no read of its own. It is what loadSession would read right after.
 */
export function sessionUserOfNewLogin(
  user: UserRow,
  created: CreatedSession,
  input: { authMethod: 'password' | 'bank'; secondFactorPending: boolean; customerId: string | null },
  acceptedCurrentTerms: boolean,
  now: Date,
): SessionUser {
  return {
    sessionIdHash: created.idHash,
    csrfToken: created.csrfToken,
    authMethod: input.authMethod,
    authenticatedAt: now,
    secondFactorPending: input.secondFactorPending,
    activeCustomerId: input.customerId,
    userId: user.id,
    email: user.email,
    fullName: user.full_name,
    phone: user.phone,
    language: user.language,
    totpEnabled: user.totp_enabled,
    staffRole: user.staff_role,
    mustChangePassword: user.must_change_password,
    passwordChangedAt: user.password_changed_at,
    hasPassword: user.password_hash !== null,
    acceptedCurrentTerms,
    membership: null,
    expiresAt: created.expiresAt,
    lastSeenAt: now,
  };
}

/**
 * The session check of every request: the live session, its active user, whether that user accepted the
 * current terms, and (for a customer-scoped route) the user's active membership in that customer. Served
 * from the session cache when it holds them, otherwise one query.
 */
export async function loadSession(
  db: Db, cache: SessionCache | null, token: string, now: Date, today: string, customerId: string | null = null,
): Promise<SessionUser | null> {
  const idHash = hashToken(token);
  const cached = cache?.get(idHash, customerId, now, today);
  if (cached && isLive(cached, now)) {
    await touchIfDue(db, cached, now);
    return cached;
  }
  if (!cache) return readAndTouch(db, idHash, now, today, customerId);
  if (cached) cache.forget(idHash, customerId);
  return cache.readOnce(idHash, customerId, async () => {
    const generationBefore = cache.generation;
    const session = await readAndTouch(db, idHash, now, today, customerId);
    if (session) cache.set(idHash, customerId, session, now, today, generationBefore);
    return session;
  });
}

async function readAndTouch(db: Db, idHash: string, now: Date, today: string, customerId: string | null): Promise<SessionUser | null> {
  const session = await readSession(db, idHash, now, today, customerId);
  if (session) await touchIfDue(db, session, now);
  return session;
}

function isLive(session: SessionUser, now: Date): boolean {
  return session.expiresAt > now && session.lastSeenAt > addMinutes(now, -SESSION_IDLE_MINUTES);
}

async function touchIfDue(db: Db, session: SessionUser, now: Date): Promise<void> {
  if (now.getTime() - session.lastSeenAt.getTime() <= TOUCH_EVERY_MS) return;
  session.lastSeenAt = now;
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', session.sessionIdHash).execute();
}

async function readSession(db: Db, idHash: string, now: Date, today: string, customerId: string | null): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .leftJoin('memberships as m', (join) =>
      join.onRef('m.user_id', '=', 'u.id').on('m.customer_id', '=', customerId ?? '').on('m.status', '=', 'active'))
    .select([
      'm.id as membership_id', 'm.role as membership_role', 'm.rights as membership_rights',
      's.id_hash', 's.csrf_token', 's.auth_method', 's.authenticated_at', 's.second_factor_pending', 's.customer_id',
      's.last_seen_at', 's.expires_at', 'u.id as user_id', 'u.email', 'u.full_name', 'u.phone', 'u.language', 'u.totp_enabled',
      'u.staff_role', 'u.must_change_password', 'u.password_changed_at',
      sql<boolean>`u.password_hash IS NOT NULL`.as('has_password'),
      acceptedCurrentTerms(sql.ref('u.id'), today).as('accepted_terms'),
    ])
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', now)
    .where('s.last_seen_at', '>', addMinutes(now, -SESSION_IDLE_MINUTES))
    .where('u.status', '=', 'active')
    .executeTakeFirst();
  if (!row) return null;
  return {
    sessionIdHash: row.id_hash,
    csrfToken: row.csrf_token,
    authMethod: row.auth_method,
    authenticatedAt: row.authenticated_at,
    secondFactorPending: row.second_factor_pending,
    activeCustomerId: row.customer_id,
    userId: row.user_id,
    email: row.email,
    fullName: row.full_name,
    phone: row.phone,
    language: row.language,
    totpEnabled: row.totp_enabled,
    staffRole: row.staff_role,
    mustChangePassword: row.must_change_password,
    passwordChangedAt: row.password_changed_at,
    hasPassword: row.has_password,
    acceptedCurrentTerms: row.accepted_terms,
    membership: row.membership_id && customerId
      ? { id: row.membership_id, userId: row.user_id, customerId, role: row.membership_role!, rights: row.membership_rights! }
      : null,
    expiresAt: row.expires_at,
    lastSeenAt: row.last_seen_at,
  };
}

/** ACC-17: signing out ends the session and is recorded, like every other change. */
export async function logOut(db: Db, session: SessionUser, actor: Actor, now: Date): Promise<void> {
  await executeAudited(db, [db.deleteFrom('sessions').where('id_hash', '=', session.sessionIdHash)], actor,
    { customerId: session.activeCustomerId, action: 'logout', objectType: 'user', objectId: session.userId }, now);
}

export async function deleteSession(db: Db, idHash: string): Promise<void> {
  await db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** ACC-13: access ends at once: every session of the user goes. */
export async function deleteAllSessionsOfUser(trx: Db, userId: string, exceptIdHash?: string): Promise<void> {
  let q = trx.deleteFrom('sessions').where('user_id', '=', userId);
  if (exceptIdHash) q = q.where('id_hash', '<>', exceptIdHash);
  await q.execute();
}

export async function listSessionsOfUser(db: Db, userId: string, now: Date) {
  const rows = await db
    .selectFrom('sessions')
    .select(['id_hash', 'created_at', 'last_seen_at', 'ip', 'user_agent', 'auth_method'])
    .where('user_id', '=', userId)
    .where('expires_at', '>', now)
    .where('last_seen_at', '>', addMinutes(now, -SESSION_IDLE_MINUTES))
    .orderBy('last_seen_at', 'desc')
    .execute();
  return rows;
}

export async function purgeExpiredSessions(db: Db, now: Date): Promise<void> {
  await db
    .deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb('last_seen_at', '<=', addMinutes(now, -SESSION_IDLE_MINUTES))]))
    .execute();
}
