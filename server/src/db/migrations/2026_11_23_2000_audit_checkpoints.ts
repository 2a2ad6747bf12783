import { type Kysely, sql } from 'kysely';

/**
 * Signed checkpoints of the audit chain head (ACC-17). Each row names an event (seq) and the hash the chain
 * had there, signed with a key the database does not hold; each signature covers the previous one, so
 * checkpoints cannot be dropped from the middle unnoticed either.
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
const statements = [
  `CREATE TABLE audit_checkpoints (
     seq bigint PRIMARY KEY,
     hash text NOT NULL,
     signed_at timestamptz NOT NULL,
     prev_signature text NOT NULL,
     signature text NOT NULL
   )`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql.raw('DROP TABLE audit_checkpoints').execute(db);
}
