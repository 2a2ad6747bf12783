import { sql } from 'kysely';
import type { IntervalImportFormat, IntervalImportResult, MeteringImportList } from '@up/common/contracts/metering-imports';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { newId } from '../../infra/ids.js';
import { describeUsers } from '../accounts/index.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { readIntervalCsv } from './interval-csv.js';
import { readSadalesJson } from './sadales-json.js';
import { IntervalStore, MeterDirectory } from './interval-store.js';

/**
 * GRD-3: interval data imports (docs/API.md, "Interval data import"). The file streams through a parser into
 * the store, which writes one meter-day batch at a time; the whole import is one transaction that first takes
 * the metering imports' advisory lock, so two imports of overlapping data run one after the other, and a file
 * that turns out malformed half-way (a 400) leaves nothing behind. Bad rows are rejected with their line (CSV)
 * or index path (JSON) and reason while the good ones land. One metering_imports row and one audit event with
 * the counts per import.
 */

/** pg_advisory_xact_lock key every metering import (intervals, spot prices, objects) takes first. */
export const METERING_IMPORT_LOCK = 7_261_034_811;

export async function lockMeteringImports(trx: Db): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(${METERING_IMPORT_LOCK}::bigint)`.execute(trx);
}

export type ImportSource = 'api' | 'cli';

export interface IntervalImportOptions {
  format: IntervalImportFormat;
  source: ImportSource;
  /** who imports: the staff user (API) or SYSTEM_ACTOR (CLI); started_by is its user id */
  actor: Actor;
  /** Sadales tīkls JSON: the interval length of a meter whose list holds a single entry (default 60) */
  intervalMinutes?: 15 | 60;
}

/** GRD-3: imports an interval file (portal CSV or Sadales tīkls JSON) from a stream; answers the counts. */
export async function importIntervals(
  deps: Pick<Deps, 'db' | 'clock'>,
  input: AsyncIterable<Uint8Array | string>,
  options: IntervalImportOptions,
): Promise<IntervalImportResult> {
  const importId = newId();
  const startedAt = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await lockMeteringImports(trx);
    const paths: string[] = [];
    const csv = options.format === 'csv';
    const store = new IntervalStore(trx, {
      importId,
      now: startedAt,
      describe: csv ? (line) => ({ line }) : (group, index) => ({ path: `${paths[group]}.cList[${index}]` }),
    });
    const directory = new MeterDirectory(trx, csv ? { eic: 'object_eic', meter: 'meter_number' } : { eic: 'mpNr', meter: 'mNr' });
    let summary;
    try {
      if (csv) await readIntervalCsv(input, directory, store);
      else await readSadalesJson(input, directory, store, paths, { defaultMinutes: options.intervalMinutes ?? 60 });
      summary = await store.finish();
    } catch (error) {
      await store.abandon();
      throw error;
    }
    const result: IntervalImportResult = {
      importId,
      format: options.format,
      values: summary.inserted + summary.corrected + summary.unchanged + summary.rejectedTotal,
      ...summary,
    };
    const finishedAt = deps.clock.now();
    const { rejected: _list, importId: _id, ...counts } = result;
    await trx.insertInto('metering_imports').values({
      id: importId, kind: 'intervals', format: options.format, source: options.source, started_by: options.actor.userId,
      started_at: startedAt, finished_at: finishedAt, counts: JSON.stringify(counts),
    }).execute();
    await recordAudit(trx, options.actor, {
      action: 'metering.intervals_imported', objectType: 'metering_import', objectId: importId, details: { ...counts, source: options.source },
    }, finishedAt);
    return result;
  });
}

/** The latest imports (50 unless told), newest first, with their counts. */
export async function listMeteringImports(db: Db, limit = 50): Promise<MeteringImportList> {
  const rows = await db.selectFrom('metering_imports').selectAll().orderBy('started_at', 'desc').orderBy('id').limit(limit).execute();
  const staff = await describeUsers(db, [...new Set(rows.flatMap((row) => (row.started_by ? [row.started_by] : [])))]);
  return rows.map((row) => ({
    id: row.id,
    kind: row.kind,
    format: row.format,
    source: row.source,
    startedBy: row.started_by,
    startedByName: row.started_by ? staff.get(row.started_by)?.fullName ?? null : null,
    startedAt: new Date(row.started_at).toISOString(),
    finishedAt: row.finished_at === null ? null : new Date(row.finished_at).toISOString(),
    counts: countsOf(row.counts),
  }));
}

function countsOf(counts: unknown): Record<string, unknown> | null {
  if (counts === null || counts === undefined) return null;
  const value = typeof counts === 'string' ? JSON.parse(counts) : counts;
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
