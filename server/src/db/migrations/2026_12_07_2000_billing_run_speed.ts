import { type Kysely, sql } from 'kysely';

/**
 * The billing run's speed (issue 12; docs/BENCHMARKS.md, "Results 2026-12-07 … the billing run's speed"):
 *  - receivables by customer and due day: the run's late interest (BIL-10) looks at each batch customer's
 *    receivables due before the period's end, open or paid. Only the open ones had an index by customer
 *    (receivables_open_idx), so every batch read every receivable ever issued: a batch cost more the longer the
 *    portal had run (1.9 s a batch of 1,000 after 20,000 invoices; 14 ms with this index).
 *  - billing_charges keeps half of each page free: the run sets invoice_id on every charge of a page in one
 *    transaction, and the new versions are heap-only (HOT, no index entries) only while the page has room for
 *    them all. At fillfactor 70 only 37 % were; at 45, all. Applies to pages filled from now on.
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX receivables_customer_due_idx ON receivables (customer_id, due_date)`.execute(db);
  await sql`ALTER TABLE billing_charges SET (fillfactor = 45)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE billing_charges SET (fillfactor = 70)`.execute(db);
  await sql`DROP INDEX receivables_customer_due_idx`.execute(db);
}
