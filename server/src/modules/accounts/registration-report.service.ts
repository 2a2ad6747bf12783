import type { Deps } from '../../deps.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { fileErrorReport } from '../operator/index.js';
import { findCustomerById } from '../customers/index.js';
import { consumeToken, linkProblem, revokeTokens } from './one-time-tokens.js';
import { deleteAllSessionsOfUser } from './sessions.service.js';
import { findUserById } from './users.repository.js';

/** users.blocked_reason of an account the customer reported; like a staff block, only staff lift it. */
export const REPORTED_BY_CUSTOMER = 'reported_by_customer';

/**
 * ACC-2, ACC-13: with the link of the e-mail that told it of a new main user (tellCustomerOfMainUser), the
 * customer reports "this was not me". That user's access to the customer ends at once; an account that acts
 * for no other customer is blocked and its sessions and links end; customer service gets a report in the
 * back office to call the customer. The link works once, for 30 days; what the user did before stays recorded.
 */
export async function reportUnwantedRegistration(deps: Deps, token: string, actor: Actor): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const check = await consumeToken(trx, token, ['registration_report'], now);
    if (!check.ok) throw linkProblem(check);
    const { user_id: userId, customer_id: customerId } = check.token;
    const user = await findUserById(trx, userId);
    const customer = customerId ? await findCustomerById(trx, customerId) : undefined;
    if (!user || !customer) throw linkProblem({ ok: false, reason: 'invalid' });

    const ended = await trx
      .updateTable('memberships')
      .set({ status: 'denied', ended_at: now })
      .where('user_id', '=', userId)
      .where('customer_id', '=', customer.id)
      .where('status', '=', 'active')
      .returning('id')
      .execute();
    await trx.updateTable('sessions').set({ customer_id: null }).where('user_id', '=', userId).where('customer_id', '=', customer.id).execute();
    const otherCustomers = await trx.selectFrom('memberships').select('id').where('user_id', '=', userId).where('status', '=', 'active').execute();
    const blocked = otherCustomers.length === 0 && user.status !== 'deleted' && user.staff_role === null;
    if (blocked) {
      await trx.updateTable('users').set({ status: 'blocked', blocked_reason: REPORTED_BY_CUSTOMER, updated_at: now }).where('id', '=', userId).execute();
      await revokeTokens(trx, userId, ['activation', 'invitation', 'password_reset'], now);
      await deleteAllSessionsOfUser(trx, userId);
    }
    await fileErrorReport(trx, {
      page: '/report-registration',
      message: `The customer ${customer.customer_number} reports that it did not register the main user ${user.full_name} <${user.email}> `
        + `(registered ${user.created_at.toISOString()}). Their access to the customer was ended${blocked ? ' and the account blocked' : ''}; `
        + 'call the customer to sort it out.',
      contactEmail: customer.email,
    }, { userId: null, customerId: customer.id }, now);
    await recordAudit(trx, actor, {
      customerId: customer.id,
      action: 'registration.reported_by_customer',
      objectType: 'user',
      objectId: userId,
      details: { membershipsEnded: ended.length, accountBlocked: blocked },
    }, now);
  });
}
