import type { Withdrawal } from '@up/common/contracts/contract-lifecycle';
import { formatMoney } from '@up/common/money';
import { addDays, rigaDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import { conflict, notFound } from '../../infra/errors.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { settleWithdrawal } from '../billing/index.js';
import { queueEmail } from '../notifications/index.js';
import type { ContractWithdrawalRow } from './contract-lifecycle.tables.js';
import { findContractOfCustomer } from './contract-lifecycle.repository.js';
import { CONTRACT_LIFECYCLE_EMAILS, contractTypeName, languageOf } from './contract-lifecycle.emails.js';
import { withdrawalLastDay } from './contract-start.service.js';
import { findCustomerById } from './customers.repository.js';

/** BIL-13: the refund reaches the customer within 14 days of the withdrawal. */
export const REFUND_DAYS = 14;

export function toWithdrawal(row: ContractWithdrawalRow): Withdrawal {
  return {
    withdrawnOn: row.withdrawn_on, paidCents: Number(row.paid_cents), receivedCents: Number(row.received_cents), refundCents: Number(row.refund_cents),
    refundDueOn: row.refund_due_on, refundPaidOn: row.refund_paid_on,
  };
}

/**
 * BIL-13: within 14 days of the start (the last day is start + 14; a day later is refused, naming the last day) the
 * customer withdraws without a reason. The contract ends that day; what was paid is refunded less the value of the
 * service received until then (billing's settleWithdrawal rates it as the billing run does), due within 14 days;
 * the customer gets an e-mail with the amounts. One transaction with its audit event; a second withdrawal is refused.
 */
export async function withdrawFromContract(deps: Deps, customerId: string, contractId: string, actor: Actor): Promise<Withdrawal> {
  const now = deps.clock.now();
  const today = rigaDate(now);
  return deps.db.transaction().execute(async (trx) => {
    const contract = await findContractOfCustomer(trx, customerId, contractId, { lock: true });
    if (!contract) throw notFound('CONTRACT_NOT_FOUND', 'No such contract');
    const done = await trx.selectFrom('contract_withdrawals').select('contract_id').where('contract_id', '=', contractId).executeTakeFirst();
    if (done) throw conflict('ALREADY_WITHDRAWN', 'contractId: the customer has withdrawn from this contract already', { field: 'contractId' });
    if (contract.status === 'pending' || !contract.starts_on) {
      throw conflict('CONTRACT_NOT_STARTED', 'contractId: the contract has not started yet (its confirmation e-mail is not sent)', { field: 'contractId' });
    }
    if (contract.status === 'ended' || (contract.ends_on !== null && contract.ends_on < today)) {
      throw conflict('CONTRACT_ENDED', 'contractId: the contract has ended', { field: 'contractId' });
    }
    const lastDay = withdrawalLastDay(contract.starts_on);
    if (today > lastDay) {
      throw conflict('WITHDRAWAL_PERIOD_OVER', `contractId: the 14-day withdrawal period ended on ${lastDay}`, { field: 'contractId', lastDay });
    }
    await trx.updateTable('contracts').set({ status: 'ended', ends_on: today }).where('id', '=', contractId).execute();
    const settlement = await settleWithdrawal(trx, deps, {
      customerId, contractId, concludedOn: rigaDate(contract.created_at), startsOn: contract.starts_on, withdrawnOn: today, reference: `withdrawal:${contract.number}`,
    }, now);
    const row: ContractWithdrawalRow = {
      contract_id: contractId, customer_id: customerId, withdrawn_on: today, paid_cents: settlement.paidCents, received_cents: settlement.receivedCents,
      refund_cents: settlement.refundCents, refund_due_on: addDays(today, REFUND_DAYS), refund_paid_on: null, created_at: now,
    };
    await trx.insertInto('contract_withdrawals').values(row).execute();
    const customer = (await findCustomerById(trx, customerId))!;
    if (customer.email) {
      const lang = languageOf(customer.language);
      await queueEmail(trx, {
        to: customer.email,
        template: CONTRACT_LIFECYCLE_EMAILS.contract_withdrawn,
        language: lang,
        vars: {
          portal: deps.operator.portalName, number: contract.number, type: contractTypeName(contract.type, lang), withdrawnOn: today,
          paid: formatMoney(settlement.paidCents, lang), received: formatMoney(settlement.receivedCents, lang), refund: formatMoney(settlement.refundCents, lang),
          refundDueOn: row.refund_due_on, support: deps.operator.support.phone,
        },
      }, now);
    }
    await recordAudit(trx, actor, {
      customerId, action: 'contract.withdrawn', objectType: 'contract', objectId: contractId,
      details: { number: contract.number, withdrawnOn: today, paidCents: settlement.paidCents, receivedCents: settlement.receivedCents, refundCents: settlement.refundCents, refundDueOn: row.refund_due_on },
    }, now);
    return toWithdrawal(row);
  });
}
