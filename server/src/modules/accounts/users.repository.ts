import { sql } from 'kysely';
import type { Db } from '../../infra/db.js';
import { newId } from '../../infra/ids.js';
import type { UserRow } from '../../db/schema.js';

/** ACC-3: the e-mail is the username, compared without regard to case. */
/**
 * Holds, until the transaction ends, a lock on one e-mail address or customer: two requests that check and
 * then create (a registration, an invitation) take their turns, so the second sees what the first created and
 * answers as it would one after the other. Take the customer's lock before the e-mail's, never the other way.
 */
export async function lockForCreation(trx: Db, what: { customerId: string } | { email: string }): Promise<void> {
  const key = 'customerId' in what ? `customer:${what.customerId}` : `email:${what.email.trim().toLowerCase()}`;
  await sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`.execute(trx);
}

export async function findUserByEmail(db: Db, email: string): Promise<UserRow | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where(sql`lower(email)`, '=', email.trim().toLowerCase())
    .where('status', '<>', 'deleted')
    .executeTakeFirst();
}

export async function findUserById(db: Db, userId: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
}

type NewUser = { email: string; fullName: string; personalCode: string | null; phone: string | null; language: string };

/** A user who waits for the activation link to choose a password (ACC-4, ACC-5, ACC-10). */
export async function insertPendingUser(trx: Db, input: NewUser, activationDeadline: Date, now: Date): Promise<string> {
  return insertUser(trx, input, { status: 'pending', activationDeadline, lastLoginAt: null }, now);
}

/** Every new user starts without a password, a second factor or a staff role. */
export async function insertUser(
  trx: Db,
  input: NewUser,
  state: { status: 'pending' | 'active'; activationDeadline: Date | null; lastLoginAt: Date | null },
  now: Date,
): Promise<string> {
  const id = newId();
  await trx
    .insertInto('users')
    .values({
      id,
      email: input.email.trim(),
      full_name: input.fullName.trim(),
      personal_code: input.personalCode,
      phone: input.phone,
      language: input.language,
      password_hash: null,
      password_changed_at: null,
      must_change_password: false,
      status: state.status,
      blocked_reason: null,
      activation_deadline: state.activationDeadline,
      failed_logins: 0,
      locked_until: null,
      last_login_at: state.lastLoginAt,
      totp_secret: null,
      totp_enabled: false,
      staff_role: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function insertMembership(
  trx: Db,
  input: { userId: string; customerId: string; role: 'main' | 'additional'; rights: string[]; invitedBy: string | null },
  now: Date,
): Promise<string> {
  const id = newId();
  await trx
    .insertInto('memberships')
    .values({
      id,
      user_id: input.userId,
      customer_id: input.customerId,
      role: input.role,
      rights: input.rights,
      status: 'active',
      invited_by: input.invitedBy,
      created_at: now,
      ended_at: null,
    })
    .execute();
  return id;
}

/** Name, e-mail and state of the given users (deleted ones too: what they did stays attributed, ACC-10). */
export async function describeUsers(db: Db, userIds: readonly string[]) {
  if (userIds.length === 0) return new Map<string, { fullName: string; email: string; deleted: boolean }>();
  const rows = await db.selectFrom('users').select(['id', 'full_name', 'email', 'status']).where('id', 'in', [...userIds]).execute();
  return new Map(rows.map((row) => [row.id, { fullName: row.full_name, email: row.email, deleted: row.status === 'deleted' }]));
}

/** Every user, deleted ones too, who has or had this e-mail address (it is freed when an account is deleted). */
export async function findUserIdsByEmail(db: Db, email: string): Promise<string[]> {
  const rows = await db.selectFrom('users').select('id').where(sql`lower(email)`, '=', email.trim().toLowerCase()).execute();
  return rows.map((row) => row.id);
}
