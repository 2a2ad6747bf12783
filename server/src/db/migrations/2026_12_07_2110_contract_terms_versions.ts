import { type Kysely, sql } from 'kysely';

/**
 * BIL-13, BIL-14: the contract terms versions of each contract type and the day each takes effect, owned by the
 * customers module, which names the version in a new contract's confirmation e-mail. The terms module announces a
 * change (its `term_changes`) and records the version here through customers' index, so customers no longer asks
 * terms (the modules depend one way: terms uses customers). Filled from the changes announced so far.
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE contract_terms_versions (
    contract_type text NOT NULL,
    terms_version text NOT NULL,
    effective_on date NOT NULL,
    created_at timestamptz NOT NULL,
    PRIMARY KEY (contract_type, terms_version)
  )`.execute(db);
  await sql`CREATE INDEX contract_terms_versions_by_day ON contract_terms_versions (contract_type, effective_on)`.execute(db);
  await sql`INSERT INTO contract_terms_versions (contract_type, terms_version, effective_on, created_at)
    SELECT contract_type, terms_version, effective_on, created_at FROM term_changes`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE contract_terms_versions`.execute(db);
}
