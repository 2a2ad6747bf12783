import { type Kysely, sql } from 'kysely';

/**
 * Issue 13: a bank statement's credits are matched to invoices by the RF reference the payer wrote
 * (`findInvoicesForPayments`). Without an index each batch of 1,000 credits read every invoice (a sequential scan
 * of 100,000 invoices took 190 ms a batch on the payments benchmark); with it a batch's lookup is a few milliseconds.
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX invoices_payment_reference_idx ON invoices (payment_reference)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX invoices_payment_reference_idx`.execute(db);
}
