import { type Kysely, sql } from 'kysely';

/**
 * BIL-14: the announcement of a change of contract terms tells its customers in batches, each its own short
 * transaction, instead of every e-mail and notice in the announcement's one transaction (800,000 customers held it
 * for minutes). Each notified contract keeps its number (the e-mail names them) and when its customer was told
 * (`told_at`, null until then); a partial index finds those still to tell. The announcements made so far told every
 * customer in their own transaction.
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE term_change_contracts ADD COLUMN contract_number text`.execute(db);
  await sql`ALTER TABLE term_change_contracts ADD COLUMN told_at timestamptz`.execute(db);
  await sql`UPDATE term_change_contracts c SET told_at = t.created_at FROM term_changes t WHERE t.id = c.term_change_id`.execute(db);
  await sql`CREATE INDEX term_change_contracts_untold ON term_change_contracts (term_change_id, customer_id) WHERE told_at IS NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP INDEX term_change_contracts_untold`.execute(db);
  await sql`ALTER TABLE term_change_contracts DROP COLUMN told_at`.execute(db);
  await sql`ALTER TABLE term_change_contracts DROP COLUMN contract_number`.execute(db);
}
