import { sql } from 'kysely';
import { isPlausibleEmail } from '@up/common';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { conflict, forbidden, invalidField, notFound } from '../../infra/errors.js';
import { addMinutes } from '../../infra/clock.js';
import { verifyPassword } from '../../infra/passwords.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { queueEmail } from '../notifications/index.js';
import { findCustomerById, hasLiveContract } from '../customers/index.js';
import { normalizeIdentityCode } from '../customers/index.js';
import { sendActivationLink } from './registration.service.js';
import { findMainMembership } from './memberships.repository.js';
import { revokeTokens, TOKEN_LIFETIME_MINUTES } from './one-time-tokens.js';
import { deleteAllSessionsOfUser } from './sessions.service.js';
import { findUserByEmail, findUserById, insertMembership, insertPendingUser } from './users.repository.js';
import type { UserRow } from '../../db/schema.js';
import { ACCOUNTS_EMAILS } from './accounts.emails.js';

/**
 * ACC-5: at a service centre, staff register a customer who shows an ID document. The account stays
 * inactive until the customer opens the e-mailed link and chooses a password; terms are accepted at first login.
 */
export async function registerAccountAtServiceCentre(
  deps: Deps,
  customerId: string,
  input: { fullName: string; email: string; phone?: string; personalCode?: string },
  actor: Actor,
): Promise<{ userId: string }> {
  const now = deps.clock.now();
  const customer = await findCustomerById(deps.db, customerId);
  if (!customer) throw notFound('CUSTOMER_NOT_FOUND', 'No such customer');
  if (!isPlausibleEmail(input.email)) throw invalidField('email', 'not an e-mail address');
  const personalCode = input.personalCode ? normalizeIdentityCode('person', input.personalCode, 'personalCode') : null;
  if (await findMainMembership(deps.db, customerId)) throw conflict('CUSTOMER_HAS_MAIN_USER', 'This customer already has a main user');
  if (await findUserByEmail(deps.db, input.email)) throw conflict('EMAIL_TAKEN', 'email: another account uses this e-mail address', { field: 'email' });
  return deps.db.transaction().execute(async (trx) => {
    const userId = await insertPendingUser(
      trx,
      { email: input.email, fullName: input.fullName, personalCode, phone: input.phone ?? null, language: customer.language },
      addMinutes(now, TOKEN_LIFETIME_MINUTES.activation),
      now,
    );
    await insertMembership(trx, { userId, customerId, role: 'main', rights: [], invitedBy: null }, now);
    await sendActivationLink(trx, deps, { id: userId, email: input.email, fullName: input.fullName, language: customer.language }, now);
    await recordAudit(trx, actor, { customerId, action: 'account.registered_by_staff', objectType: 'user', objectId: userId, details: { idDocumentShown: true } }, now);
    return { userId };
  });
}

async function requireUser(deps: Deps, userId: string): Promise<UserRow> {
  const user = await findUserById(deps.db, userId);
  if (!user || user.status === 'deleted') throw notFound('USER_NOT_FOUND', 'No such user');
  return user;
}

/** ACC-13: staff block a user on suspicion of unlawful use; every session ends at once. */
export async function blockUser(deps: Deps, userId: string, reason: string, actor: Actor): Promise<void> {
  const now = deps.clock.now();
  const user = await requireUser(deps, userId);
  if (user.staff_role) throw forbidden('STAFF_ACCOUNT', 'Staff accounts are managed elsewhere');
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ status: 'blocked', blocked_reason: `staff: ${reason}`, updated_at: now }).where('id', '=', userId).execute();
    await deleteAllSessionsOfUser(trx, userId);
    await recordAudit(trx, actor, { action: 'user.blocked_by_staff', objectType: 'user', objectId: userId, details: { reason } }, now);
  });
}

/**
 * ACC-6: when compromise is suspected, staff make the user choose a new password: every session ends at
 * once, and after the next login the portal allows nothing but the password change (PASSWORD_CHANGE_REQUIRED).
 * "Forgot password" works as well, so the real owner can get back in even if the password was changed.
 */
export async function requirePasswordChange(deps: Deps, userId: string, actor: Actor): Promise<void> {
  const now = deps.clock.now();
  const user = await requireUser(deps, userId);
  if (user.staff_role) throw forbidden('STAFF_ACCOUNT', 'Staff accounts are managed elsewhere');
  if (!user.password_hash) throw conflict('NO_PASSWORD_YET', 'The account has no password yet: it is chosen through the activation link');
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ must_change_password: true, updated_at: now }).where('id', '=', userId).execute();
    await deleteAllSessionsOfUser(trx, userId);
    await recordAudit(trx, actor, { action: 'user.password_change_required', objectType: 'user', objectId: userId }, now);
  });
}

/**
 * ACC-7: staff lift a temporary login block or their own block. An account blocked for not being
 * activated in time gets a fresh activation link instead, because it still has no password.
 */
export async function unblockUser(deps: Deps, userId: string, actor: Actor): Promise<void> {
  const now = deps.clock.now();
  const user = await requireUser(deps, userId);
  await deps.db.transaction().execute(async (trx) => {
    if (!user.password_hash) {
      await trx
        .updateTable('users')
        .set({ status: 'pending', blocked_reason: null, activation_deadline: addMinutes(now, TOKEN_LIFETIME_MINUTES.activation), updated_at: now })
        .where('id', '=', userId)
        .execute();
      await revokeTokens(trx, userId, ['activation', 'invitation'], now);
      await sendActivationLink(trx, deps, { id: userId, email: user.email, fullName: user.full_name, language: user.language }, now);
    } else {
      await trx
        .updateTable('users')
        .set({ status: 'active', blocked_reason: null, failed_logins: 0, locked_until: null, updated_at: now })
        .where('id', '=', userId)
        .execute();
    }
    await recordAudit(trx, actor, { action: 'user.unblocked', objectType: 'user', objectId: userId }, now);
  });
}

/**
 * ACC-12: the account is deleted: it can no longer log in and its e-mail is free again. The user row
 * stays (without password or second factor) so that what the user did stays attributed (ACC-10, ACC-17).
 */
export async function deleteAccount(deps: Deps, userId: string, reason: string, actor: Actor): Promise<void> {
  const now = deps.clock.now();
  const user = await requireUser(deps, userId);
  await deps.db.transaction().execute((trx) => markDeleted(trx, deps, user, reason, actor, now));
}

async function markDeleted(trx: Db, deps: Deps, user: UserRow, reason: string, actor: Actor, now: Date) {
  await trx
    .updateTable('users')
    .set({ status: 'deleted', password_hash: null, totp_secret: null, totp_enabled: false, locked_until: null, updated_at: now })
    .where('id', '=', user.id)
    .execute();
  await trx.updateTable('memberships').set({ status: 'removed', ended_at: now }).where('user_id', '=', user.id).where('status', '=', 'active').execute();
  await deleteAllSessionsOfUser(trx, user.id);
  await revokeTokens(trx, user.id, ['activation', 'invitation', 'password_reset'], now);
  await queueEmail(trx, {
    to: user.email,
    template: ACCOUNTS_EMAILS.account_deleted,
    language: user.language,
    vars: { portal: deps.operator.portalName, name: user.full_name, reason },
  }, now);
  await recordAudit(trx, actor, { action: 'account.deleted', objectType: 'user', objectId: user.id, details: { reason } }, now);
}

/** ACC-12: the user asks to end portal use; the password confirms it is really them. */
export async function endPortalUse(deps: Deps, userId: string, password: string, actor: Actor): Promise<void> {
  const user = await requireUser(deps, userId);
  if (!(await verifyPassword(user.password_hash, password))) throw invalidField('password', 'wrong password', 'WRONG_PASSWORD');
  await deleteAccount(deps, userId, 'the user asked to end portal use', actor);
}

/**
 * ACC-12: the scheduled clean-up: accounts without a login for longer than the operator's period (a year)
 * whose customers have no active contract are deleted. Staff accounts are never touched.
 */
export async function deleteInactiveAccounts(deps: Deps, actor: Actor): Promise<number> {
  const now = deps.clock.now();
  const cutoff = addMinutes(now, -deps.operator.rules.inactiveAccountDeletionDays * 24 * 60);
  const candidates = await deps.db
    .selectFrom('users as u')
    .selectAll('u')
    .where('u.status', '<>', 'deleted')
    .where('u.staff_role', 'is', null)
    .where((eb) => eb.or([eb('u.last_login_at', '<', cutoff), eb.and([eb('u.last_login_at', 'is', null), eb('u.created_at', '<', cutoff)])]))
    .where(({ not, exists, selectFrom }) =>
      not(exists(
        selectFrom('memberships as m')
          .select('m.id')
          .whereRef('m.user_id', '=', 'u.id')
          .where('m.status', '=', 'active')
          .where(hasLiveContract(sql.ref('m.customer_id'))),
      )),
    )
    .execute();
  for (const user of candidates) {
    await deps.db.transaction().execute((trx) => markDeleted(trx, deps, user, 'no active contract and no login for over a year', actor, now));
  }
  return candidates.length;
}
