import { sql } from 'kysely';
import { MAX_LISTED_REJECTIONS, type ImportRejection, type SpotPriceImportResult } from '@up/common/contracts/metering-imports';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { newId } from '../../infra/ids.js';
import { recordAudit } from '../audit/index.js';
import { decimalProblem, InstantParser, malformed, parseMilli, readLines, splitQuotedLine } from './interval-csv.js';
import { echo, integerArray, NONE, parseIntegerArray, RigaDayCache, textArray, type RigaDay } from './interval-store.js';
import { lockMeteringImports, type IntervalImportOptions } from './interval-import.service.js';

/**
 * GRD-4: day-ahead spot prices of the operator's bidding zone (deps.operator.metering.spotPriceZone, LV),
 * imported from CSV like meter data (docs/API.md, "Spot prices"): header `interval_start,interval_minutes,eur_per_mwh`,
 * a price in €/MWh with at most 3 decimals, stored exactly as integer milli-euros per MWh (= micro-euros per
 * kWh) in one row per Riga day. Hourly before 1 October 2025 and 15-minute since, but either is taken; a day
 * keeps the interval length it was first stored with. Negative prices are real and kept. Prices of a day the
 * file does not carry stay; the same file again changes nothing.
 */

export const SPOT_PRICE_CSV_HEADER = 'interval_start,interval_minutes,eur_per_mwh';

const MAX_POSITIONS = 100;
const MINUTE_MS = 60_000;
const BATCH_DAYS = 1000;
/** Day-ahead prices are known a day ahead: a start further out than this is refused. */
const MAX_AHEAD_MS = 2 * 86_400_000;

class PriceDay {
  day!: RigaDay;
  minutes = 0;
  positions = 0;
  readonly prices = new Int32Array(MAX_POSITIONS);
  readonly lines = new Int32Array(MAX_POSITIONS);
  /** positions the file had for this day in batches written before (a bit each) */
  earlier: Uint8Array | null = null;
}

export type SpotPriceImportOptions = Pick<IntervalImportOptions, 'source' | 'actor'>;

/** GRD-4: imports a spot price CSV from a stream into the operator's zone; answers the counts. */
export async function importSpotPrices(
  deps: Pick<Deps, 'db' | 'clock' | 'operator'>,
  input: AsyncIterable<Uint8Array | string>,
  options: SpotPriceImportOptions,
): Promise<SpotPriceImportResult> {
  const zone = deps.operator.metering.spotPriceZone;
  const importId = newId();
  const startedAt = deps.clock.now();
  const nowMs = startedAt.getTime();
  const nowText = startedAt.toISOString();

  return deps.db.transaction().execute(async (trx) => {
    await lockMeteringImports(trx);
    const instants = new InstantParser();
    const days = new RigaDayCache();
    const buffers = new Map<string, PriceDay>();
    /** per day the file brought: the positions it had, for duplicates across batches */
    const seen = new Map<string, Uint8Array>();
    const rejections: { line: number; reason: string }[] = [];
    const counts = { inserted: 0, corrected: 0, unchanged: 0, rejectedTotal: 0, days: 0, daysWritten: 0 };
    let fromMs = Infinity;
    let untilMs = -Infinity;
    let headerSeen = false;

    const reject = (line: number, reason: string) => {
      counts.rejectedTotal++;
      if (rejections.length < MAX_LISTED_REJECTIONS) rejections.push({ line, reason });
    };

    const row = (text: string, s: number, e: number, line: number) => {
      const c1 = text.indexOf(',', s);
      const c2 = c1 === -1 ? -1 : text.indexOf(',', c1 + 1);
      if (c2 === -1 || c2 >= e) return reject(line, `expected 3 fields: ${SPOT_PRICE_CSV_HEADER}`);
      const c3 = text.indexOf(',', c2 + 1);
      if (c3 !== -1 && c3 < e) return reject(line, 'more than 3 fields');
      const startMs = instants.parse(text, s, c1);
      if (startMs !== startMs) return reject(line, `interval_start: ${echo(text.slice(s, c1))} is not an ISO 8601 instant with Z or an offset, e.g. 2026-03-29T00:00:00+02:00`);
      const minutesText = text.slice(c1 + 1, c2);
      const minutes = minutesText === '15' ? 15 : minutesText === '60' ? 60 : 0;
      if (minutes === 0) return reject(line, `interval_minutes: ${echo(minutesText)} must be 15 or 60`);
      if (c2 + 1 === e) return reject(line, 'eur_per_mwh: missing');
      const price = parseMilli(text, c2 + 1, e, true);
      if (price !== price) return reject(line, `eur_per_mwh: ${decimalProblem(text.slice(c2 + 1, e), true, '€/MWh')}`);
      if (startMs > nowMs + MAX_AHEAD_MS) return reject(line, `${new Date(startMs).toISOString()} is more than two days ahead: day-ahead prices are not known yet`);
      const day = days.of(startMs);
      const stepMs = minutes * MINUTE_MS;
      const offset = startMs - day.startMs;
      if (offset % stepMs !== 0) return reject(line, `${new Date(startMs).toISOString()} is not the start of a ${minutes}-minute interval of the Riga day ${day.day}`);
      const position = offset / stepMs;
      let buffer = buffers.get(day.day);
      if (buffer === undefined) {
        buffer = new PriceDay();
        buffer.earlier = seen.get(day.day) ?? null;
        buffer.day = day;
        buffer.minutes = minutes;
        buffer.positions = (day.endMs - day.startMs) / stepMs;
        buffer.prices.fill(NONE);
        buffers.set(day.day, buffer);
      } else if (buffer.minutes !== minutes) {
        return reject(line, `a ${minutes}-minute price, but the file's other prices for ${day.day} are for ${buffer.minutes} minutes`);
      }
      if (buffer.prices[position] !== NONE) return reject(line, `the same interval as line ${buffer.lines[position]} (the first one counts)`);
      if (buffer.earlier !== null && (buffer.earlier[position >> 3] & (1 << (position & 7))) !== 0) {
        return reject(line, 'the same interval as an earlier line (the first one counts)');
      }
      buffer.prices[position] = price;
      buffer.lines[position] = line;
    };

    const flush = async () => {
      if (buffers.size === 0) return;
      const batch = [...buffers.values()];
      buffers.clear();
      const stored = await sql<{ day: string; interval_minutes: number; prices: string }>`
        SELECT day::text AS day, interval_minutes, price_ueur_per_kwh::text AS prices FROM spot_prices
        WHERE zone = ${zone} AND day = ANY(${textArray(batch.map((b) => b.day.day))}::date[])`.execute(trx);
      const storedByDay = new Map(stored.rows.map((r) => [r.day, r]));
      const write = { days: [] as string[], minutes: [] as string[], prices: [] as string[] };
      const old = new Int32Array(MAX_POSITIONS);
      const merged = new Int32Array(MAX_POSITIONS);
      for (const buffer of batch) {
        const n = buffer.positions;
        const before = storedByDay.get(buffer.day.day);
        if (before !== undefined && before.interval_minutes !== buffer.minutes) {
          for (let p = 0; p < n; p++) {
            if (buffer.prices[p] !== NONE) reject(buffer.lines[p], `a ${buffer.minutes}-minute price, but ${buffer.day.day} has ${before.interval_minutes}-minute prices stored`);
          }
          continue;
        }
        let mask = seen.get(buffer.day.day);
        if (mask === undefined) {
          seen.set(buffer.day.day, (mask = new Uint8Array(13)));
          counts.days++;
        }
        if (before !== undefined) parseIntegerArray(before.prices, old);
        else old.fill(NONE);
        let changed = false;
        for (let p = 0; p < n; p++) {
          const price = buffer.prices[p];
          merged[p] = old[p];
          if (price === NONE) continue;
          mask[p >> 3] |= 1 << (p & 7);
          const startMs = buffer.day.startMs + p * buffer.minutes * MINUTE_MS;
          if (startMs < fromMs) fromMs = startMs;
          if (startMs + buffer.minutes * MINUTE_MS > untilMs) untilMs = startMs + buffer.minutes * MINUTE_MS;
          if (price === old[p]) {
            counts.unchanged++;
            continue;
          }
          changed = true;
          if (old[p] === NONE) counts.inserted++;
          else counts.corrected++;
          merged[p] = price;
        }
        if (!changed) continue;
        write.days.push(buffer.day.day);
        write.minutes.push(String(buffer.minutes));
        write.prices.push(integerArray(merged, n));
      }
      if (write.days.length === 0) return;
      await sql`
        INSERT INTO spot_prices (zone, day, interval_minutes, price_ueur_per_kwh, import_id, updated_at)
        SELECT ${zone}, u.day, u.interval_minutes, u.prices::integer[], ${importId}, ${nowText}::timestamptz
        FROM unnest(${textArray(write.days)}::date[], ${`{${write.minutes.join(',')}}`}::smallint[], ${textArray(write.prices)}::text[]) AS u(day, interval_minutes, prices)
        ON CONFLICT (zone, day) DO UPDATE SET interval_minutes = EXCLUDED.interval_minutes, price_ueur_per_kwh = EXCLUDED.price_ueur_per_kwh,
          import_id = EXCLUDED.import_id, updated_at = EXCLUDED.updated_at`.execute(trx);
      counts.daysWritten += write.days.length;
    };

    const onLine = (text: string, s: number, e: number, line: number) => {
      if (!headerSeen) {
        headerSeen = true;
        const header = text.slice(s, e).trim();
        if (header !== SPOT_PRICE_CSV_HEADER) throw malformed('IMPORT_HEADER', `the first line must be the header ${SPOT_PRICE_CSV_HEADER}, got ${echo(header)}`);
        return;
      }
      if (s === e) return;
      const lineText = text.slice(s, e);
      if (lineText.includes('"')) {
        const fields = splitQuotedLine(lineText);
        if (fields === null) return reject(line, 'a double quote is not closed');
        const plain = fields.join(',');
        return row(plain, 0, plain.length, line);
      }
      row(text, s, e, line);
    };

    await readLines(input, onLine, async () => {
      if (buffers.size >= BATCH_DAYS) await flush();
    });
    if (!headerSeen) throw malformed('IMPORT_HEADER', `the file is empty: the first line must be the header ${SPOT_PRICE_CSV_HEADER}`);
    await flush();

    const rejected: ImportRejection[] = rejections.sort((a, b) => a.line - b.line);
    const result: SpotPriceImportResult = {
      importId,
      zone,
      values: counts.inserted + counts.corrected + counts.unchanged + counts.rejectedTotal,
      inserted: counts.inserted,
      corrected: counts.corrected,
      unchanged: counts.unchanged,
      rejectedTotal: counts.rejectedTotal,
      rejected,
      days: counts.days,
      daysWritten: counts.daysWritten,
      from: Number.isFinite(fromMs) ? new Date(fromMs).toISOString() : null,
      until: Number.isFinite(untilMs) ? new Date(untilMs).toISOString() : null,
    };
    const finishedAt = deps.clock.now();
    const { rejected: _list, importId: _id, ...summary } = result;
    await trx.insertInto('metering_imports').values({
      id: importId, kind: 'spot_prices', format: 'spot_prices_csv', source: options.source, started_by: options.actor.userId,
      started_at: startedAt, finished_at: finishedAt, counts: JSON.stringify(summary),
    }).execute();
    await recordAudit(trx, options.actor, {
      action: 'metering.spot_prices_imported', objectType: 'metering_import', objectId: importId, details: { ...summary, source: options.source },
    }, finishedAt);
    return result;
  });
}

/** One Riga day of spot prices: the interval length and a price per interval, micro-euros per kWh (null where none was loaded). */
export interface SpotPriceDay {
  day: string;
  intervalMinutes: 15 | 60;
  pricesUeurPerKwh: (number | null)[];
}

/** GRD-4: the spot prices of a zone for the Riga days from `from` to `to` (exclusive), by day; days without prices are absent. */
export async function readSpotPrices(db: Db, zone: string, from: string, to: string): Promise<Map<string, SpotPriceDay>> {
  const rows = await sql<{ day: string; interval_minutes: number; prices: string }>`
    SELECT day::text AS day, interval_minutes, price_ueur_per_kwh::text AS prices FROM spot_prices
    WHERE zone = ${zone} AND day >= ${from}::date AND day < ${to}::date ORDER BY day`.execute(db);
  const days = new Map<string, SpotPriceDay>();
  const scratch = new Int32Array(MAX_POSITIONS);
  for (const row of rows.rows) days.set(row.day, spotPriceDayOf(row.day, row.interval_minutes, row.prices, scratch));
  return days;
}

/** A day of spot prices from its price array in PostgreSQL's text form. */
export function spotPriceDayOf(day: string, minutes: number, pricesText: string, scratch = new Int32Array(MAX_POSITIONS)): SpotPriceDay {
  const n = parseIntegerArray(pricesText, scratch);
  const prices: (number | null)[] = new Array(n);
  for (let p = 0; p < n; p++) prices[p] = scratch[p] === NONE ? null : scratch[p];
  return { day, intervalMinutes: minutes as 15 | 60, pricesUeurPerKwh: prices };
}
