import { sql } from 'kysely';
import type { Db } from '../infra/db.js';

/**
 * A digest of every table: a refused request must leave all of them as they were. Per table, its row count and the
 * sum of its rows' hashes: order-free, so no sort and no table-long string; a changed, added or removed row changes
 * the sum but with a chance of 2^-32. All tables in one statement: the all-routes walks take it twice per route, and
 * a statement per table made those walks minutes long.
 */
export async function fingerprint(db: Db): Promise<Record<string, string>> {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(db);
  const perTable = tables.rows.map(({ name }) => sql`
    SELECT ${name}::text AS name, count(*)::text || ':' || coalesce(sum(hashtext(t::text)::bigint), 0)::text AS digest
    FROM ${sql.table(name)} t`);
  const { rows } = await sql<{ name: string; digest: string }>`${sql.join(perTable, sql` UNION ALL `)}`.execute(db);
  return Object.fromEntries(rows.map((row) => [row.name, row.digest]));
}
