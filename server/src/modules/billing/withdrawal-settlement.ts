import { sql } from 'kysely';
import { firstOfNextMonth } from '@up/common/riga-days';
import type { Db } from '../../infra/db.js';
import { billingPeriod } from './billing-period.js';
import { rateCharges, type BillingDeps } from './billing-run.service.js';
import { invoiceAmounts } from './invoice-totals.js';
import { refundCredit } from './payment-ledger.js';

export interface WithdrawalSettlement {
  /** payments received from the day the contract was concluded to the withdrawal day, less those reversed */
  paidCents: number;
  /** the gross value of the contract's service from its start to the withdrawal day, as the billing run rates it */
  receivedCents: number;
  /** what goes back: paid less received, at most the credit the customer holds, never below zero */
  refundCents: number;
}

/**
 * BIL-13: the money side of a withdrawal, in the caller's transaction, after the contract's ends_on was set to
 * the withdrawal day. What was paid counts from the day the contract was concluded (`concludedOn`, its creation:
 * money may come before the confirmation e-mail starts it). The service received is rated month by month exactly as the billing run rates it (each
 * line rounded half-up once, VAT per rate on the month's lines rounded half-up once — the invoice's rounding;
 * a month's gross is what its invoice asks for this contract). What was paid, less that value,
 * is refunded from the customer's credit (a `refund` ledger entry keyed by `reference`); money that has already
 * paid other debt is not credit any more and is not refunded. The credit left (the value received) pays the
 * invoice the next run issues for those days.
 */
export async function settleWithdrawal(
  trx: Db, deps: BillingDeps,
  input: { customerId: string; contractId: string; concludedOn: string; startsOn: string; withdrawnOn: string; reference: string },
  now: Date,
): Promise<WithdrawalSettlement> {
  const receivedCents = await serviceReceivedCents(trx, deps, input.customerId, input.contractId, input.startsOn, input.withdrawnOn);
  const [paid, credit] = await Promise.all([
    sql<{ cents: string }>`SELECT coalesce(sum(-p.amount_cents), 0)::text AS cents FROM ledger_entries p
      WHERE p.customer_id = ${input.customerId} AND p.kind = 'payment'
        AND p.entry_date BETWEEN ${input.concludedOn}::date AND ${input.withdrawnOn}::date
        AND NOT EXISTS (SELECT 1 FROM ledger_entries r WHERE r.customer_id = p.customer_id AND r.kind = 'reversal' AND r.reference = p.reference)`.execute(trx),
    sql<{ cents: string }>`SELECT coalesce(sum(open_cents), 0)::text AS cents FROM ledger_entries
      WHERE customer_id = ${input.customerId} AND open_cents > 0`.execute(trx),
  ]);
  const paidCents = Number(paid.rows[0]!.cents);
  const refundCents = Math.max(0, Math.min(paidCents - receivedCents, Number(credit.rows[0]!.cents)));
  if (refundCents > 0) await refundCredit(trx, input.customerId, input.reference, refundCents, input.withdrawnOn, now);
  return { paidCents, receivedCents, refundCents };
}

/** The gross cents of the contract's charges for the days [from, through], month by month as the run invoices them. */
async function serviceReceivedCents(trx: Db, deps: BillingDeps, customerId: string, contractId: string, from: string, through: string): Promise<number> {
  let total = 0;
  for (let month = from.slice(0, 7); month <= through.slice(0, 7); month = firstOfNextMonth(`${month}-01`).slice(0, 7)) {
    const drafts = (await rateCharges(trx, deps, billingPeriod(month), [customerId])).filter((draft) => draft.contract_id === contractId);
    total += invoiceAmounts(drafts.map((draft) => ({ netCents: draft.net_cents, vatCategory: draft.vat_category, vatPercent: draft.vat_percent })), 0).grossCents;
  }
  return total;
}
