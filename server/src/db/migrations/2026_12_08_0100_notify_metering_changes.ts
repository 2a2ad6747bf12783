import { type Kysely, sql } from 'kysely';

/**
 * GRD-3, issue 11: every statement that changes what a consumption answer is made of — a customer's windows on an
 * object (object_holdings), the object's meters, the stored days (interval_days) or the spot prices — notifies
 * `metering` on the `up_changes` channel when its transaction commits, so each portal process drops the finished
 * answers it keeps (modules/metering/consumption-answer-cache.ts). Per statement, not per row: an import writes
 * thousands of days in a statement, and PostgreSQL sends one notification a transaction for the same payload.
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
const TABLES = ['object_holdings', 'meters', 'interval_days', 'spot_prices'];

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE FUNCTION up_notify_metering_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('up_changes', 'metering');
      RETURN NULL;
    END $$`.execute(db);
  for (const table of TABLES) {
    await sql.raw(`CREATE TRIGGER ${table}_notify_metering AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${table}
      FOR EACH STATEMENT EXECUTE FUNCTION up_notify_metering_change()`).execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) await sql.raw(`DROP TRIGGER ${table}_notify_metering ON ${table}`).execute(db);
  await sql`DROP FUNCTION up_notify_metering_change()`.execute(db);
}
