import { sql } from 'kysely';
import type { Db } from '../infra/db.js';

/**
 * A digest of every table: a refused request must leave all of them as they were. Per table, its row count and the
 * sum of the hashes of its live row versions' identities (ctid, the version's place, and xmin, the transaction that
 * wrote it): any insert, update or delete that committed changes it — an update even when it wrote the same values,
 * because it made a new row version — with a chance of 2^-32 of a collision. No row is read as text, so a year of
 * metering arrays costs no more than a few rows; partitions are digested once, as themselves. All tables in one
 * statement: the all-routes walks take it twice per route.
 */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    SELECT relname AS name FROM pg_class
    WHERE relnamespace = current_schema()::regnamespace AND relkind = 'r' ORDER BY relname`.execute(db);
  const perTable = tables.rows.map(({ name }) => sql`
    SELECT ${name}::text AS name, count(*)::text || ':' || coalesce(sum(hashtext(ctid::text || xmin::text)::bigint), 0)::text AS digest
    FROM ${sql.table(name)}`);
  const { rows } = await sql<{ name: string; digest: string }>`${sql.join(perTable, sql` UNION ALL `)}`.execute(db);
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}
