import { type Kysely, sql } from 'kysely';

/**
 * The audit chain's newest seq and hash in one row. Appending an event locks and advances this row in one
 * statement (instead of an advisory lock plus a read of the newest event), and the verification compares the
 * newest event with it, so deleting the newest events is noticed too.
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
const statements = [
  `CREATE TABLE audit_chain_head (
     id integer PRIMARY KEY CHECK (id = 1),
     seq bigint NOT NULL,
     hash text NOT NULL
   )`,
  `INSERT INTO audit_chain_head (id, seq, hash)
   SELECT 1, COALESCE((SELECT max(seq) FROM audit_events), 0),
          COALESCE((SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1), repeat('0', 64))`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE audit_chain_head').execute(db);
}
