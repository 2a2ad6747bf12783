import { type Kysely, sql } from 'kysely';

/**
 * The 30-second time step of the last second-factor code a user gave: a code is accepted only for a later
 * step, so a code seen over someone's shoulder or in a log cannot be used again (RFC 6238 §5.2).
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN totp_last_step bigint`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE users DROP COLUMN totp_last_step`.execute(db);
}
