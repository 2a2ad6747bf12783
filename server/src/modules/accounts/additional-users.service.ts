import { sql } from 'kysely';
import type { UserRight } from '@up/operators';
import type { Deps } from '../../deps.js';
import { conflict, forbidden, invalidField, notFound } from '../../infra/errors.js';
import { addMinutes } from '../../infra/clock.js';
import { isPlausibleEmail } from '@up/common';
import { recordAudit, type Actor } from '../audit/index.js';
import { postNotice, queueEmail } from '../notifications/index.js';
import { findCustomerById } from '../customers/index.js';
import { issueToken, TOKEN_LIFETIME_MINUTES } from './one-time-tokens.js';
import { findUserByEmail, findUserById, insertMembership, insertPendingUser, lockForCreation } from './users.repository.js';
import { GRANTABLE_RIGHTS } from './accounts.policy.js';
import type { ActiveMembership } from './memberships.repository.js';
import { ACCOUNTS_EMAILS } from './accounts.emails.js';

function assertRights(rights: string[]): UserRight[] {
  for (const right of rights) {
    if (!GRANTABLE_RIGHTS.includes(right as UserRight)) throw invalidField('rights', `unknown right "${right}"`);
  }
  return [...new Set(rights)] as UserRight[];
}

/** The customer's memberships with their users, the main user first, then in the order they were made. */
function membershipsOfCustomer(deps: Deps, customerId: string) {
  return deps.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .where('m.customer_id', '=', customerId)
    .orderBy(sql`m.role = 'main'`, 'desc')
    .orderBy('m.created_at');
}

export async function listCustomerUsers(deps: Deps, customerId: string) {
  const rows = await membershipsOfCustomer(deps, customerId)
    .select(['m.id as membership_id', 'u.id as user_id', 'u.full_name', 'u.email', 'u.status', 'm.role', 'm.rights', 'm.created_at'])
    .where('m.status', '=', 'active')
    .execute();
  return rows.map((row) => ({
    membershipId: row.membership_id,
    userId: row.user_id,
    fullName: row.full_name,
    email: row.email,
    role: row.role,
    rights: row.rights,
    status: row.status,
    since: row.created_at.toISOString(),
  }));
}

/**
 * ACC-10, PRV-7: the main user invites an additional user by e-mail; a new user chooses a password through
 * the link, a user who already has an account simply gets access. The inviter confirms the data is true.
 */
export async function inviteAdditionalUser(
  deps: Deps,
  membership: ActiveMembership,
  input: { email: string; fullName: string; rights: string[]; confirmDataTruthful: boolean; language?: string },
  actor: Actor,
): Promise<{ membershipId: string }> {
  const now = deps.clock.now();
  if (!input.confirmDataTruthful) throw invalidField('confirmDataTruthful', 'confirm that the data is true and you may share it');
  if (!isPlausibleEmail(input.email)) throw invalidField('email', 'not an e-mail address');
  const rights = assertRights(input.rights);
  const customer = await findCustomerById(deps.db, membership.customerId);
  const inviter = await findUserById(deps.db, membership.userId);
  if (!customer || !inviter) throw notFound();

  return deps.db.transaction().execute(async (trx) => {
    await lockForCreation(trx, { email: input.email });
    const existing = await findUserByEmail(trx, input.email);
    let userId: string;
    if (existing) {
      const already = await trx
        .selectFrom('memberships')
        .select('id')
        .where('user_id', '=', existing.id)
        .where('customer_id', '=', customer.id)
        .where('status', '=', 'active')
        .executeTakeFirst();
      if (already) throw conflict('ALREADY_A_USER', 'This person already has access to this customer');
      userId = existing.id;
      await postNotice(trx, {
        customerId: customer.id,
        userId,
        kind: 'access_granted',
        title: `Access to ${customer.name}`,
        body: `${inviter.full_name} gave you access to ${customer.name}. Choose it in the customer switcher.`,
      }, now);
    } else {
      const language = input.language ?? inviter.language;
      userId = await insertPendingUser(
        trx,
        { email: input.email, fullName: input.fullName, personalCode: null, phone: null, language },
        addMinutes(now, TOKEN_LIFETIME_MINUTES.invitation),
        now,
      );
      const token = await issueToken(trx, userId, 'invitation', now);
      await queueEmail(trx, {
        to: input.email,
        template: ACCOUNTS_EMAILS.invitation,
        language,
        vars: {
          portal: deps.operator.portalName,
          name: input.fullName,
          inviter: inviter.full_name,
          customer: customer.name,
          link: `${deps.config.publicUrl}/activate?token=${token}`,
        },
      }, now);
    }
    const membershipId = await insertMembership(trx, { userId, customerId: customer.id, role: 'additional', rights, invitedBy: inviter.id }, now);
    await recordAudit(trx, actor, {
      customerId: customer.id,
      action: 'user.invited',
      objectType: 'membership',
      objectId: membershipId,
      details: { email: input.email, rights, dataConfirmedTruthful: true },
    }, now);
    return { membershipId };
  });
}

async function findAdditionalMembership(deps: Deps, customerId: string, membershipId: string) {
  const row = await deps.db
    .selectFrom('memberships')
    .selectAll()
    .where('id', '=', membershipId)
    .where('customer_id', '=', customerId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (!row) throw notFound('USER_NOT_FOUND', 'No such user of this customer');
  if (row.role === 'main') throw forbidden('MAIN_USER_FIXED', "The main user's access cannot be changed here");
  return row;
}

/** ACC-10: the customer grants an individual user more (signing orders, EV charging, invoices) or takes it back. */
export async function changeUserRights(deps: Deps, customerId: string, membershipId: string, rights: string[], actor: Actor): Promise<void> {
  const now = deps.clock.now();
  const granted = assertRights(rights);
  const membership = await findAdditionalMembership(deps, customerId, membershipId);
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('memberships').set({ rights: granted }).where('id', '=', membership.id).execute();
    await recordAudit(trx, actor, {
      customerId,
      action: 'user.rights_changed',
      objectType: 'membership',
      objectId: membership.id,
      details: { before: membership.rights, after: granted },
    }, now);
  });
}

/**
 * ACC-10, ACC-13: the main user removes an additional user; access ends at once (every request checks the
 * membership). What the user did before stays valid and attributed: nothing of theirs is deleted.
 */
export async function removeAdditionalUser(deps: Deps, customerId: string, membershipId: string, actor: Actor): Promise<void> {
  await endMembership(deps, customerId, membershipId, 'removed', actor);
}

export async function endMembership(
  deps: Deps,
  customerId: string,
  membershipId: string,
  status: 'removed' | 'denied',
  actor: Actor,
): Promise<void> {
  const now = deps.clock.now();
  const membership = await findAdditionalMembership(deps, customerId, membershipId);
  const user = await findUserById(deps.db, membership.user_id);
  const customer = await findCustomerById(deps.db, customerId);
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('memberships').set({ status, ended_at: now }).where('id', '=', membership.id).execute();
    await trx.updateTable('sessions').set({ customer_id: null }).where('user_id', '=', membership.user_id).where('customer_id', '=', customerId).execute();
    if (user && customer && user.status !== 'deleted') {
      await queueEmail(trx, {
        to: user.email,
        template: ACCOUNTS_EMAILS.access_ended,
        language: user.language,
        vars: { portal: deps.operator.portalName, name: user.full_name, customer: customer.name },
      }, now);
    }
    await recordAudit(trx, actor, {
      customerId,
      action: status === 'denied' ? 'user.denied' : 'user.removed',
      objectType: 'membership',
      objectId: membership.id,
      details: { userId: membership.user_id },
    }, now);
  });
}

/** ACC-13: the customer's portal users as customer service sees them: every membership, ended ones too, with the account's state. */
export async function listPortalUsersOfCustomer(deps: Deps, customerId: string) {
  const users = await membershipsOfCustomer(deps, customerId)
    .select(['m.id as membership_id', 'm.role', 'm.rights', 'm.status as membership_status', 'u.id as user_id', 'u.full_name', 'u.email', 'u.status', 'u.blocked_reason', 'u.locked_until', 'u.must_change_password', 'u.last_login_at'])
    .execute();
  return users.map((u) => ({
    membershipId: u.membership_id,
    membershipStatus: u.membership_status,
    role: u.role,
    rights: u.rights,
    userId: u.user_id,
    fullName: u.full_name,
    email: u.email,
    status: u.status,
    blockedReason: u.blocked_reason,
    lockedUntil: u.locked_until ? u.locked_until.toISOString() : null,
    mustChangePassword: u.must_change_password,
    lastLoginAt: u.last_login_at ? u.last_login_at.toISOString() : null,
  }));
}

/** ACC-13: customer service denies a user of a customer at the customer's request (the membership names both). */
export async function denyMembership(deps: Deps, membershipId: string, actor: Actor): Promise<void> {
  const membership = await deps.db.selectFrom('memberships').select('customer_id').where('id', '=', membershipId).executeTakeFirst();
  if (!membership) throw notFound('MEMBERSHIP_NOT_FOUND', 'No such user of a customer');
  await endMembership(deps, membership.customer_id, membershipId, 'denied', actor);
}
