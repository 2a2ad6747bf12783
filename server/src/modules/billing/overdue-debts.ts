import { sql } from 'kysely';
import type { Db } from '../../infra/db.js';

/** An invoice still open after its due day (BIL-11: what collections remind of). */
export interface OverdueInvoice {
  customerId: string;
  invoiceId: string;
  number: string;
  dueDate: string;
  paymentReference: string;
  openCents: number;
}

/**
 * Invoices with something open whose due day is before `today` (BIL-4: the due day itself is still in time), of
 * every customer or of the ones named, oldest due first. `dueBefore` narrows it to invoices due before that day
 * (e.g. at least N days late). One statement over the open receivables' index.
 */
export async function overdueInvoices(db: Db, options: { today: string; dueBefore?: string; customerIds?: readonly string[] }): Promise<OverdueInvoice[]> {
  const dueBefore = options.dueBefore !== undefined && options.dueBefore < options.today ? options.dueBefore : options.today;
  if (options.customerIds && options.customerIds.length === 0) return [];
  const customers = options.customerIds ? sql`AND r.customer_id = ANY(${[...options.customerIds]}::text[])` : sql``;
  const rows = await sql<{ customer_id: string; invoice_id: string; number: string; due_date: string; payment_reference: string; open_cents: string }>`
    SELECT i.customer_id, i.id AS invoice_id, i.number, i.due_date::text, i.payment_reference, sum(r.open_cents)::text AS open_cents
    FROM receivables r JOIN invoices i ON i.id = r.invoice_id
    WHERE r.open_cents > 0 AND r.due_date < ${dueBefore} AND i.kind = 'invoice' ${customers}
    GROUP BY i.customer_id, i.id, i.number, i.due_date, i.payment_reference
    ORDER BY i.due_date, i.number`.execute(db);
  return rows.rows.map((row) => ({
    customerId: row.customer_id, invoiceId: row.invoice_id, number: row.number, dueDate: row.due_date, paymentReference: row.payment_reference,
    openCents: Number(row.open_cents),
  }));
}

/**
 * BIL-11: what each of these customers owes past its due day today (invoices, and payments taken back since), in one
 * statement; a customer that owes nothing overdue is absent from the answer.
 */
export async function overdueCentsOfCustomers(db: Db, customerIds: readonly string[], today: string): Promise<Map<string, number>> {
  if (customerIds.length === 0) return new Map();
  const rows = await sql<{ customer_id: string; cents: string }>`
    SELECT customer_id, sum(open_cents)::text AS cents FROM receivables
    WHERE customer_id = ANY(${[...customerIds]}::text[]) AND open_cents > 0 AND due_date < ${today}
    GROUP BY customer_id`.execute(db);
  return new Map(rows.rows.map((row) => [row.customer_id, Number(row.cents)]));
}
