import type { LifecycleContract, RefundDue } from '@up/common/contracts/contract-lifecycle';
import { addDays, rigaDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import { conflict, notFound } from '../../infra/errors.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { toContract } from './customers.repository.js';
import { withdrawalsOfCustomer } from './contract-lifecycle.repository.js';
import { withdrawalLastDay } from './contract-start.service.js';
import { toWithdrawal } from './contract-withdrawal.service.js';

/** BIL-13: the customer's contracts with their terms version, the withdrawal right while it lasts and any withdrawal. */
export async function listLifecycleContracts(deps: Deps, customerId: string): Promise<LifecycleContract[]> {
  const today = rigaDate(deps.clock.now());
  const [contracts, withdrawals] = await Promise.all([
    deps.db.selectFrom('contracts').selectAll().where('customer_id', '=', customerId).orderBy('created_at').execute(),
    withdrawalsOfCustomer(deps.db, customerId),
  ]);
  const withdrawalOf = new Map(withdrawals.map((row) => [row.contract_id, toWithdrawal(row)]));
  return contracts.map((row) => {
    const withdrawal = withdrawalOf.get(row.id) ?? null;
    const lastDay = row.starts_on ? withdrawalLastDay(row.starts_on) : null;
    const mayWithdraw = !withdrawal && lastDay !== null && today <= lastDay && (row.status === 'active' || row.status === 'suspended')
      && (row.ends_on === null || row.ends_on >= today);
    return { ...toContract(row), termsVersion: row.terms_version, withdrawalLastDay: mayWithdraw ? lastDay : null, withdrawal };
  });
}

/** BIL-13: withdrawal refunds staff must pay out, the earliest due first; those paid out in the last 30 days too. */
export async function listRefundsDue(deps: Deps): Promise<RefundDue[]> {
  const rows = await deps.db.selectFrom('contract_withdrawals as w')
    .innerJoin('contracts as k', 'k.id', 'w.contract_id')
    .innerJoin('customers as c', 'c.id', 'w.customer_id')
    .select(['w.contract_id', 'k.number', 'w.customer_id', 'c.name', 'c.customer_number', 'w.withdrawn_on', 'w.refund_cents', 'w.refund_due_on', 'w.refund_paid_on'])
    .where('w.refund_cents', '>', 0)
    .where((eb) => eb.or([eb('w.refund_paid_on', 'is', null), eb('w.withdrawn_on', '>=', addDays(rigaDate(deps.clock.now()), -30))]))
    .orderBy('w.refund_paid_on', 'desc').orderBy('w.refund_due_on').orderBy('k.number')
    .limit(500)
    .execute();
  return rows.map((row) => ({
    contractId: row.contract_id, contractNumber: row.number, customerId: row.customer_id, customerName: row.name, customerNumber: row.customer_number,
    withdrawnOn: row.withdrawn_on, refundCents: Number(row.refund_cents), refundDueOn: row.refund_due_on, refundPaidOn: row.refund_paid_on,
  }));
}

/** BIL-13: staff record that a withdrawal refund went out to the payer's account (once; a second time is refused). */
export async function markRefundPaidOut(deps: Deps, contractId: string, actor: Actor): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('contract_withdrawals').selectAll().where('contract_id', '=', contractId).forUpdate().executeTakeFirst();
    if (!row || Number(row.refund_cents) === 0) throw notFound('REFUND_NOT_FOUND', 'No refund is due for this contract');
    if (row.refund_paid_on) throw conflict('REFUND_ALREADY_PAID', `contractId: the refund was paid out on ${row.refund_paid_on}`, { field: 'contractId' });
    const paidOn = rigaDate(now);
    await trx.updateTable('contract_withdrawals').set({ refund_paid_on: paidOn }).where('contract_id', '=', contractId).execute();
    await recordAudit(trx, actor, {
      customerId: row.customer_id, action: 'contract.refund_paid_out', objectType: 'contract', objectId: contractId,
      details: { refundCents: Number(row.refund_cents), paidOn, dueOn: row.refund_due_on },
    }, now);
  });
}
