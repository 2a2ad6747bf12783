import { sql } from 'kysely';
import type { Db } from '../../infra/db.js';

/**
 * interval_days is partitioned by the month of its Riga day (docs/ARCHITECTURE.md, "Interval data"). The
 * metering migration creates 2020-01 … 2030-12 and a default partition; a daily job keeps the next 24
 * months created. Partitions are never created inside an import: on PostgreSQL that would lock the whole
 * table against readers until the import commits.
 */
export function partitionNameOf(month: string): string {
  return `interval_days_${month.slice(0, 4)}_${month.slice(5, 7)}`;
}

function nextMonth(month: string): string {
  const [year, m] = month.split('-').map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

function partitionDdl(month: string): string {
  return `CREATE TABLE IF NOT EXISTS ${partitionNameOf(month)} PARTITION OF interval_days FOR VALUES FROM ('${month}-01') TO ('${nextMonth(month)}-01')`;
}

/**
 * The daily job: the partitions of this month and the next 24 exist. A month that already has rows in the
 * default partition cannot get its own (PostgreSQL refuses); it is left there and logged, and stays correct.
 */
export async function createPartitionsAhead(db: Db, today: string): Promise<{ created: string[]; leftInDefault: string[] }> {
  const created: string[] = [];
  const leftInDefault: string[] = [];
  let month = today.slice(0, 7);
  for (let i = 0; i <= 24; i++, month = nextMonth(month)) {
    const name = partitionNameOf(month);
    const exists = await sql<{ found: boolean }>`SELECT to_regclass(${name}) IS NOT NULL AS found`.execute(db);
    if (exists.rows[0].found) continue;
    const inDefault = await sql<{ n: number }>`SELECT count(*)::int AS n FROM interval_days_default
      WHERE day >= ${`${month}-01`}::date AND day < ${`${nextMonth(month)}-01`}::date`.execute(db);
    if (inDefault.rows[0].n > 0) {
      leftInDefault.push(month);
      continue;
    }
    await sql.raw(partitionDdl(month)).execute(db);
    created.push(month);
  }
  return { created, leftInDefault };
}
