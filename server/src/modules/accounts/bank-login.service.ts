import { REPORTED_BY_CUSTOMER } from './registration-report.service.js';
import type { Deps } from '../../deps.js';
import { AppError } from '../../infra/errors.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { findPersonCustomersByCode, hasActiveContract } from '../customers/index.js';
import { createSession, deleteSession, type SessionUser } from './sessions.service.js';
import { findMainMembership, listActiveMembershipsOfUser } from './memberships.repository.js';
import { findUserByEmail, insertMembership, insertUser } from './users.repository.js';

export class BankLoginRefused extends AppError {
  constructor(reason: 'not_customer' | 'no_account' | 'other_person' | 'blocked') {
    super('BANK_LOGIN_REFUSED', 403, `Bank login refused: ${reason}`, { reason });
  }
}

/**
 * ACC-9: a bank/eID identity logs in only when its personal code belongs to a customer who may use the
 * portal (the operator says which contract types qualify), or to a user acting for such a customer.
 * A customer without a portal account gets one on the spot, with the e-mail of the customer record.
 */
export async function loginWithBankIdentity(
  deps: Deps,
  identity: { personalCode: string; name: string },
  context: { ip: string; userAgent: string; previousSessionIdHash: string | null },
  actor: Actor,
): Promise<{ token: string; csrfToken: string }> {
  const now = deps.clock.now();
  const qualifying = deps.operator.rules.bankLoginRequiresContractTypes;
  let user = await deps.db
    .selectFrom('users')
    .selectAll()
    .where('personal_code', '=', identity.personalCode)
    .where('status', '<>', 'deleted')
    .where('staff_role', 'is', null)
    .orderBy('created_at')
    .executeTakeFirst();
  const ownCustomers = await findPersonCustomersByCode(deps.db, identity.personalCode);
  const ownCustomerQualifies = await hasActiveContract(deps.db, ownCustomers.map((c) => c.id), qualifying);
  const actsFor = user ? (await listActiveMembershipsOfUser(deps.db, user.id)).map((m) => m.customer_id) : [];
  const actsForQualifying = await hasActiveContract(deps.db, actsFor, qualifying);
  if (!ownCustomerQualifies && !actsForQualifying) {
    await deps.db.transaction().execute((trx) =>
      recordAudit(trx, actor, { action: 'login.bank_refused', details: { reason: 'not_customer' } }, now));
    throw new BankLoginRefused('not_customer');
  }
  // A block by staff, or by the customer's report of a registration it did not make, only staff lift.
  const blockedByPerson = user?.blocked_reason?.startsWith('staff') || user?.blocked_reason === REPORTED_BY_CUSTOMER;
  if (user && user.status === 'blocked' && blockedByPerson) throw new BankLoginRefused('blocked');

  return deps.db.transaction().execute(async (trx) => {
    if (!user) {
      const customer = ownCustomers.find((c) => c.email);
      if (!customer?.email || (await findUserByEmail(trx, customer.email))) throw new BankLoginRefused('no_account');
      const userId = await insertUser(
        trx,
        { email: customer.email, fullName: identity.name, personalCode: identity.personalCode, phone: customer.phone, language: customer.language },
        { status: 'active', activationDeadline: null, lastLoginAt: now },
        now,
      );
      for (const c of ownCustomers) {
        const hasMain = await findMainMembership(trx, c.id);
        await insertMembership(trx, { userId, customerId: c.id, role: hasMain ? 'additional' : 'main', rights: [], invitedBy: null }, now);
      }
      await recordAudit(trx, { ...actor, userId }, { customerId: customer.id, action: 'account.created_by_bank_login', objectType: 'user', objectId: userId }, now);
      user = await trx.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    } else {
      // The bank proved who this is: the same as a password reset, it lifts a lockout and an unactivated block.
      await trx
        .updateTable('users')
        .set({ status: 'active', blocked_reason: null, activation_deadline: null, failed_logins: 0, locked_until: null, last_login_at: now, updated_at: now })
        .where('id', '=', user.id)
        .execute();
    }
    if (context.previousSessionIdHash) await deleteSession(trx, context.previousSessionIdHash);
    const memberships = await listActiveMembershipsOfUser(trx, user.id);
    const session = await createSession(trx, {
      userId: user.id,
      authMethod: 'bank',
      secondFactorPending: false,
      customerId: memberships[0]?.customer_id ?? null,
      ip: context.ip,
      userAgent: context.userAgent,
    }, now);
    await recordAudit(trx, { ...actor, userId: user.id, role: 'user' }, { action: 'login.succeeded', objectType: 'user', objectId: user.id, details: { method: 'bank' } }, now);
    return { token: session.token, csrfToken: session.csrfToken };
  });
}

/** ACC-18: step-up: the logged-in user confirms with the bank; the identity must be the same person. */
export async function stepUpWithBankIdentity(deps: Deps, session: SessionUser, identity: { personalCode: string }, actor: Actor): Promise<void> {
  const now = deps.clock.now();
  const user = await deps.db.selectFrom('users').select(['personal_code']).where('id', '=', session.userId).executeTakeFirstOrThrow();
  if (user.personal_code !== identity.personalCode) {
    await deps.db.transaction().execute((trx) =>
      recordAudit(trx, actor, { action: 'login.step_up_refused', objectType: 'user', objectId: session.userId }, now));
    throw new BankLoginRefused('other_person');
  }
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('sessions').set({ auth_method: 'bank', authenticated_at: now }).where('id_hash', '=', session.sessionIdHash).execute();
    await recordAudit(trx, actor, { action: 'login.step_up', objectType: 'user', objectId: session.userId }, now);
  });
}

/** ACC-18: how recent a bank/eID login must be for an order type that needs it. */
export const STEP_UP_VALID_MINUTES = 15;

export function hasRecentStrongLogin(session: SessionUser, now: Date): boolean {
  return session.authMethod === 'bank' && now.getTime() - session.authenticatedAt.getTime() <= STEP_UP_VALID_MINUTES * 60_000;
}
