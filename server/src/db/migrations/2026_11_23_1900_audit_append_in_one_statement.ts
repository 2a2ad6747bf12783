import { type Kysely, sql } from 'kysely';

/**
 * The chain head also keeps the hash it replaced, so that appending an event is one statement: the UPDATE
 * advances seq, moves the old hash to prev_hash and computes the new hash in SQL, and RETURNING hands both
 * hashes to the INSERT of the event (PostgreSQL 15's RETURNING sees only new values).
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
const statements = [
  `ALTER TABLE audit_chain_head ADD COLUMN prev_hash text`,
  `UPDATE audit_chain_head
   SET prev_hash = COALESCE((SELECT prev_hash FROM audit_events ORDER BY seq DESC LIMIT 1), repeat('0', 64))`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('ALTER TABLE audit_chain_head DROP COLUMN prev_hash').execute(db);
}
