import { sql } from 'kysely';
import type { Db } from '../../infra/db.js';
import { newId } from '../../infra/ids.js';
import { sqlTextArray } from '../../infra/sql-arrays.js';
import { findInvoicesForPayments, recordReceivedMoney } from '../billing/index.js';
import { customerIdsByNumbers } from '../customers/index.js';
import { matchKeysOf, resolveMatch, type Match } from './payment-matching.js';
import type { MatchedBy, PaymentSource } from './payments.tables.js';

/** Money that came in, as a bank statement, a payment provider or a staff member reports it. */
export interface IncomingPayment {
  source: PaymentSource;
  /** the source's own reference (the bank's entry reference, the provider's payment id): unique per source */
  reference: string;
  amountCents: number;
  /** BIL-4: the day the money reached the operator's account */
  receivedOn: string;
  payerName: string | null;
  payerAccount: string | null;
  creditorReference: string | null;
  remittanceText: string | null;
  endToEndId: string | null;
  statementId: string | null;
  /** known already (an online payment started by the customer, a staff entry for a customer) */
  customerId?: string;
  matchedBy?: MatchedBy;
  /** who made this payment when it is not the batch's creator (an online payment: whoever started it) */
  createdBy?: string;
}

export type Outcome = 'matched' | 'unmatched' | 'duplicate';

export interface TakenIn {
  /** per incoming payment, in the order given: a duplicate was seen before (same source and reference) and changed nothing */
  outcomes: Outcome[];
  /** the new payments' ids by their source reference */
  ids: Map<string, string>;
}

/**
 * Takes in a batch of incoming money, set-based, in the caller's transaction: matches each payment to a customer
 * by what the payer wrote (payment-matching.ts), stores it once (unique per source and reference, so a statement or
 * notice applied twice changes nothing) and puts the matched ones in the ledger, where they pay in BIL-5 order.
 * A payment no customer matches waits for staff (status unmatched).
 */
export async function takeInPayments(trx: Db, incoming: readonly IncomingPayment[], invoiceSeries: string, createdBy: string | null, now: Date): Promise<TakenIn> {
  if (incoming.length === 0) return { outcomes: [], ids: new Map() };
  const matches = await matchCustomers(trx, incoming, invoiceSeries);
  const ids = incoming.map(() => newId());
  const column = (pick: (payment: IncomingPayment, index: number) => string | number | null) => sqlTextArray(incoming.map(pick));
  const inserted = await sql<{ id: string; reference: string; customer_id: string | null; amount_cents: string; received_on: string }>`
    INSERT INTO payments (id, source, reference, customer_id, amount_cents, received_on, payer_name, payer_account, payment_reference,
      remittance_text, status, matched_by, statement_id, end_to_end_id, created_by, created_at, updated_at)
    SELECT u.id, u.source, u.reference, u.customer_id, u.amount::bigint, u.received_on::date, u.payer_name, u.payer_account, u.payment_reference,
      u.remittance_text, CASE WHEN u.customer_id IS NULL THEN 'unmatched' ELSE 'applied' END, u.matched_by, u.statement_id, u.end_to_end_id,
      u.created_by, ${now}, ${now}
    FROM unnest(${sqlTextArray(ids)}::text[], ${column((p) => p.source)}::text[], ${column((p) => p.reference)}::text[],
      ${column((_, i) => matches[i]?.customerId ?? null)}::text[], ${column((p) => p.amountCents)}::text[], ${column((p) => p.receivedOn)}::text[],
      ${column((p) => p.payerName)}::text[], ${column((p) => p.payerAccount)}::text[], ${column((p) => p.creditorReference)}::text[],
      ${column((p) => p.remittanceText)}::text[], ${column((_, i) => matches[i]?.matchedBy ?? null)}::text[], ${column((p) => p.statementId)}::text[],
      ${column((p) => p.endToEndId)}::text[], ${column((p) => p.createdBy ?? createdBy)}::text[])
      AS u(id, source, reference, customer_id, amount, received_on, payer_name, payer_account, payment_reference, remittance_text, matched_by,
        statement_id, end_to_end_id, created_by)
    ON CONFLICT (source, reference) DO NOTHING
    RETURNING id, reference, customer_id, amount_cents::text, received_on::text`.execute(trx);
  const matched = inserted.rows.filter((row) => row.customer_id !== null);
  await recordReceivedMoney(trx, matched.map((row) => ({
    customerId: row.customer_id!, paymentId: row.id, amountCents: Number(row.amount_cents), receivedOn: row.received_on,
  })), now);
  const newRows = new Map(inserted.rows.map((row) => [row.reference, row]));
  const outcomes = incoming.map((payment): Outcome => {
    const row = newRows.get(payment.reference);
    if (!row) return 'duplicate';
    newRows.delete(payment.reference); // the same reference twice in one batch: the second is a duplicate
    return row.customer_id === null ? 'unmatched' : 'matched';
  });
  return { outcomes, ids: new Map(inserted.rows.map((row) => [row.reference, row.id])) };
}

/** Each payment's customer, or null: a handful of lookups for the whole batch. */
async function matchCustomers(trx: Db, incoming: readonly IncomingPayment[], invoiceSeries: string): Promise<(Match | null)[]> {
  const keys = incoming.map((payment) => (payment.customerId ? null : matchKeysOf(payment, invoiceSeries)));
  const references = [...new Set(keys.flatMap((key) => key?.references ?? []))];
  const numbers = [...new Set(keys.flatMap((key) => key?.invoiceNumbers ?? []))];
  const customerNumbers = [...new Set(keys.flatMap((key) => key?.customerNumbers ?? []))];
  const [invoices, customers] = await Promise.all([
    findInvoicesForPayments(trx, { references, numbers }),
    customerIdsByNumbers(trx, customerNumbers),
  ]);
  const byReference = new Map(invoices.map((invoice) => [invoice.paymentReference, invoice.customerId]));
  const byInvoiceNumber = new Map(invoices.map((invoice) => [invoice.number, invoice.customerId]));
  return incoming.map((payment, index) => {
    if (payment.customerId) return { customerId: payment.customerId, matchedBy: payment.matchedBy ?? 'staff' };
    return resolveMatch(keys[index]!, byReference, byInvoiceNumber, customers);
  });
}
