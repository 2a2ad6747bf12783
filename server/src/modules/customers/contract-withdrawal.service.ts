import type { Withdrawal } from '@up/common/contracts/contract-lifecycle';
import { formatMoney } from '@up/common/money';
import { addDays, rigaDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { conflict, notFound } from '../../infra/errors.js';
import { recordAudit, type Actor } from '../audit/index.js';
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

/** What the withdrawal needs of the contract once `beginWithdrawal` has ended it. */
export interface WithdrawnContract {
  id: string;
  number: string;
  type: string;
  /** the Riga day it was concluded (created): money for it may come before the confirmation e-mail starts it */
  concludedOn: string;
  startsOn: string;
  withdrawnOn: string;
}

/** The money side of a withdrawal, as the payments module settles it in the ledger (billing's settleWithdrawal). */
export interface WithdrawalAmounts {
  paidCents: number;
  receivedCents: number;
  refundCents: number;
}

/**
 * BIL-13: the contract side of a withdrawal, first step, in the caller's transaction (the payments module's
 * `withdrawFromContract` runs the whole use case, since the refund is a ledger entry): within 14 days of the start
 * (the last day is start + 14; a day later is refused, naming the last day) the customer withdraws without a reason
 * and the contract ends today. The contract row is locked; a second withdrawal, a contract not started or ended
 * already is refused (409 naming `contractId`).
 */
export async function beginWithdrawal(trx: Db, customerId: string, contractId: string, today: string): Promise<WithdrawnContract> {
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
  return {
    id: contractId, number: contract.number, type: contract.type, concludedOn: rigaDate(contract.created_at), startsOn: contract.starts_on, withdrawnOn: today,
  };
}

/**
 * BIL-13: the contract side of a withdrawal, last step, in the caller's transaction after the money was settled:
 * the withdrawal is stored with its amounts and the refund's due day (14 days on), the customer gets an e-mail with
 * the amounts, and it is audited.
 */
export async function recordWithdrawal(
  trx: Db, deps: Pick<Deps, 'operator'>, actor: Actor, customerId: string, contract: WithdrawnContract, settlement: WithdrawalAmounts, now: Date,
): Promise<Withdrawal> {
  const today = contract.withdrawnOn;
  const row: ContractWithdrawalRow = {
    contract_id: contract.id, customer_id: customerId, withdrawn_on: today, paid_cents: settlement.paidCents, received_cents: settlement.receivedCents,
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
    customerId, action: 'contract.withdrawn', objectType: 'contract', objectId: contract.id,
    details: { number: contract.number, withdrawnOn: today, paidCents: settlement.paidCents, receivedCents: settlement.receivedCents, refundCents: settlement.refundCents, refundDueOn: row.refund_due_on },
  }, now);
  return toWithdrawal(row);
}
