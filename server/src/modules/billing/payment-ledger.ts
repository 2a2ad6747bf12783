import { sql } from 'kysely';
import type { Db } from '../../infra/db.js';
import { conflict } from '../../infra/errors.js';
import { newId } from '../../infra/ids.js';
import { sqlTextArray } from '../../infra/sql-arrays.js';
import { allocateCreditTo, insertCreditsAndSettle, insertReceivables, lockLedgers, releaseAllocations, settleCustomers } from './clearing.js';

/**
 * What the payments module writes to the ledger (issue 13): money received, money returned, credit refunded.
 * Each in the caller's transaction; each keyed by the payment's own reference, so a retry adds nothing.
 */

export interface ReceivedMoney {
  customerId: string;
  /** the payments module's payment id: the ledger entry's reference */
  paymentId: string;
  amountCents: number;
  /** BIL-4: the day the money reached the operator's account */
  receivedOn: string;
}

/**
 * Money received (BIL-3, BIL-4, BIL-5): one payment entry each, then each customer's open credits pay its open
 * receivables in BIL-5 order as of the day the money arrived. Set-based for a statement's batch.
 */
export async function recordReceivedMoney(trx: Db, received: readonly ReceivedMoney[], now: Date): Promise<void> {
  await insertCreditsAndSettle(trx, 'payment', received.map((money) => ({
    customerId: money.customerId, entryDate: money.receivedOn, reference: money.paymentId, amountCents: money.amountCents,
  })), now);
}

/**
 * A payment returned by the bank or reversed (a chargeback): what it paid is open again, and a reversal entry
 * (its amount, owed again) takes its money back, so the balance is as if it never came. Then the customer's other
 * credit, if any, pays what was reopened. A second reversal of the same payment changes nothing.
 */
export async function reverseReceivedMoney(trx: Db, customerId: string, paymentId: string, on: string, reason: string, now: Date): Promise<boolean> {
  await lockLedgers(trx, [customerId]);
  const payment = await trx.selectFrom('ledger_entries').select(['id', 'amount_cents'])
    .where('customer_id', '=', customerId).where('kind', '=', 'payment').where('reference', '=', paymentId).executeTakeFirst();
  if (!payment) throw conflict('PAYMENT_NOT_IN_LEDGER', 'The payment is not in the customer\'s ledger');
  const reversal = await trx.insertInto('ledger_entries')
    .values({ id: newId(), customer_id: customerId, entry_date: on, kind: 'reversal', amount_cents: -payment.amount_cents, invoice_id: null, reference: paymentId, open_cents: null, created_at: now })
    .onConflict((oc) => oc.columns(['customer_id', 'kind', 'reference']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!reversal) return false;
  await releaseAllocations(trx, customerId, { creditEntryId: payment.id }, reason, now);
  const [receivableId] = await insertReceivables(trx, [{
    customerId, ledgerEntryId: reversal.id, invoiceId: null, category: 'reversal', issuedOn: on, dueDate: on, orderKey: paymentId, amountCents: -payment.amount_cents,
  }]);
  await allocateCreditTo(trx, customerId, payment.id, [receivableId!], now);
  await settleCustomers(trx, [customerId], on, now);
  return true;
}

/**
 * A refund of credit the customer holds (an overpayment, a credit note, a withdrawal): a refund entry paid from
 * the customer's open credits, oldest first. Refused when the customer holds less. Keyed by the refund's reference.
 */
export async function refundCredit(trx: Db, customerId: string, reference: string, amountCents: number, on: string, now: Date): Promise<boolean> {
  await lockLedgers(trx, [customerId]);
  const credits = await trx.selectFrom('ledger_entries').select(['id', 'open_cents'])
    .where('customer_id', '=', customerId).where('open_cents', '>', 0)
    .orderBy('entry_date').orderBy('reference')
    .execute();
  const done = await trx.selectFrom('ledger_entries').select('id')
    .where('customer_id', '=', customerId).where('kind', '=', 'refund').where('reference', '=', reference).executeTakeFirst();
  if (done) return false;
  const held = credits.reduce((sum, credit) => sum + Number(credit.open_cents), 0);
  if (amountCents > held) throw conflict('NOT_ENOUGH_CREDIT', `The customer holds ${held} cents of credit; ${amountCents} cannot be refunded`, { field: 'amountCents' });
  const refundId = newId();
  await trx.insertInto('ledger_entries')
    .values({ id: refundId, customer_id: customerId, entry_date: on, kind: 'refund', amount_cents: amountCents, invoice_id: null, reference, open_cents: null, created_at: now })
    .execute();
  const [receivableId] = await insertReceivables(trx, [{
    customerId, ledgerEntryId: refundId, invoiceId: null, category: 'refund', issuedOn: on, dueDate: on, orderKey: reference, amountCents,
  }]);
  // oldest credit first; once the refund is paid in full the later credits add nothing
  for (const credit of credits) await allocateCreditTo(trx, customerId, credit.id, [receivableId!], now);
  return true;
}

export interface PayableInvoice {
  id: string;
  customerId: string;
  number: string;
  paymentReference: string;
}

/**
 * Issued invoices by the RF references or the numbers a payer wrote, for matching incoming money to a customer.
 * Each list is one array parameter, so a statement's batches of any size share one prepared statement, and each
 * side is an index lookup (invoices_payment_reference_idx, invoices_number_key).
 */
export async function findInvoicesForPayments(db: Db, keys: { references: readonly string[]; numbers: readonly string[] }): Promise<PayableInvoice[]> {
  if (keys.references.length === 0 && keys.numbers.length === 0) return [];
  const rows = await sql<{ id: string; customer_id: string; number: string; payment_reference: string }>`
    SELECT id, customer_id, number, payment_reference FROM invoices
    WHERE kind = 'invoice' AND payment_reference = ANY(${sqlTextArray(keys.references)}::text[])
    UNION
    SELECT id, customer_id, number, payment_reference FROM invoices
    WHERE kind = 'invoice' AND number = ANY(${sqlTextArray(keys.numbers)}::text[])`.execute(db);
  return rows.rows.map((row) => ({ id: row.id, customerId: row.customer_id, number: row.number, paymentReference: row.payment_reference }));
}
