import { type Kysely, sql } from 'kysely';

/**
 * Rate-limit counters are short-lived (a minute to an hour) and cheap to lose: as an unlogged table their
 * writes skip the write-ahead log, so counting a login attempt needs no WAL flush of its own. After a
 * database crash (or on a promoted standby) the counters start again from zero, which only lifts the
 * limits for the current window. Frozen in time: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE rate_limit_buckets SET UNLOGGED`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE rate_limit_buckets SET LOGGED`.execute(db);
}
