import { type Kysely, sql } from 'kysely';

/**
 * BIL-7: a claim may name the amount the customer disputes (optional; staff decide the correction themselves).
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE invoice_claims ADD COLUMN claimed_cents bigint CHECK (claimed_cents > 0)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE invoice_claims DROP COLUMN claimed_cents`.execute(db);
}
