import { sql } from 'kysely';
import type { CustomerBalance } from '@up/common/contracts/payments';
import type { Db } from '../../infra/db.js';
import { interestOfLateInvoices } from './late-interest-rating.js';

/**
 * What the customer owes today (BIL-3, BIL-5, BIL-10): its open invoices with what is left of each, the overdue
 * part, the late interest counted to today and not yet on an invoice, and the credit it holds.
 */
export async function customerOpenItems(db: Db, customerId: string, today: string, lateInterestPercentPerDay: string): Promise<CustomerBalance> {
  const [balance, credit, open, interests] = await Promise.all([
    db.selectFrom('ledger_entries').select(sql<string>`coalesce(sum(amount_cents), 0)::text`.as('cents')).where('customer_id', '=', customerId).executeTakeFirstOrThrow(),
    db.selectFrom('ledger_entries').select(sql<string>`coalesce(sum(open_cents), 0)::text`.as('cents')).where('customer_id', '=', customerId).where('open_cents', '>', 0).executeTakeFirstOrThrow(),
    sql<{ invoice_id: string; number: string; issue_date: string; due_date: string; payable_cents: string; open_cents: string }>`
      SELECT i.id AS invoice_id, i.number, i.issue_date::text, i.due_date::text, i.payable_cents::text, sum(r.open_cents)::text AS open_cents
      FROM receivables r JOIN invoices i ON i.id = r.invoice_id
      WHERE r.customer_id = ${customerId} AND r.open_cents > 0 AND i.kind = 'invoice'
      GROUP BY i.id, i.number, i.issue_date, i.due_date, i.payable_cents
      ORDER BY i.due_date, i.number`.execute(db),
    interestOfLateInvoices(db, [customerId], today, today, lateInterestPercentPerDay),
  ]);
  const interestOf = new Map(interests.map((interest) => [interest.invoiceId, interest]));
  const openInvoices = open.rows.map((row) => {
    const interest = interestOf.get(row.invoice_id);
    return {
      invoiceId: row.invoice_id, number: row.number, issueDate: row.issue_date, dueDate: row.due_date,
      payableCents: Number(row.payable_cents), openCents: Number(row.open_cents), overdue: row.due_date < today,
      daysLate: interest?.daysLate ?? 0, interestToDateCents: interest?.interestCents ?? 0, interestChargedCents: interest?.chargedCents ?? 0,
    };
  });
  const openCents = openInvoices.reduce((sum, invoice) => sum + invoice.openCents, 0);
  const overdueCents = openInvoices.filter((invoice) => invoice.overdue).reduce((sum, invoice) => sum + invoice.openCents, 0);
  const interestAccruingCents = interests.reduce((sum, interest) => sum + Math.max(0, interest.interestCents - interest.chargedCents), 0);
  return {
    balanceCents: Number(balance.cents), openCents, overdueCents, creditCents: Number(credit.cents), interestAccruingCents,
    payNowCents: openCents, openInvoices,
  };
}

export interface CreditAllocation {
  paymentId: string;
  invoiceId: string | null;
  invoiceNumber: string | null;
  category: string;
  amountCents: number;
  allocatedOn: string;
  releasedOn: string | null;
}

/** What each of these payments paid (BIL-5), and what of each is still unallocated credit. */
export async function allocationsOfPayments(db: Db, customerId: string, paymentIds: readonly string[]): Promise<{ allocations: CreditAllocation[]; unallocated: Map<string, number> }> {
  if (paymentIds.length === 0) return { allocations: [], unallocated: new Map() };
  const [rows, entries] = await Promise.all([
    sql<{ reference: string; invoice_id: string | null; number: string | null; category: string; amount_cents: string; allocated_on: string; released_at: Date | null }>`
      SELECT e.reference, r.invoice_id, i.number, r.category, a.amount_cents::text, a.allocated_on::text, a.released_at
      FROM ledger_entries e
        JOIN allocations a ON a.credit_entry_id = e.id
        JOIN receivables r ON r.id = a.receivable_id
        LEFT JOIN invoices i ON i.id = r.invoice_id
      WHERE e.customer_id = ${customerId} AND e.kind = 'payment' AND e.reference = ANY(${[...paymentIds]}::text[])
      ORDER BY a.allocated_on, a.created_at`.execute(db),
    db.selectFrom('ledger_entries').select(['reference', 'open_cents'])
      .where('customer_id', '=', customerId).where('kind', '=', 'payment').where('reference', 'in', [...paymentIds]).execute(),
  ]);
  return {
    allocations: rows.rows.map((row) => ({
      paymentId: row.reference, invoiceId: row.invoice_id, invoiceNumber: row.number, category: row.category, amountCents: Number(row.amount_cents),
      allocatedOn: row.allocated_on, releasedOn: row.released_at ? new Date(row.released_at).toISOString().slice(0, 10) : null,
    })),
    unallocated: new Map(entries.map((entry) => [entry.reference, Number(entry.open_cents ?? 0)])),
  };
}
