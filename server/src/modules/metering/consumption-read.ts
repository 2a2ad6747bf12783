import { sql } from 'kysely';
import type { Db } from '../../infra/db.js';
import type { HoldingWindow } from './object-access.js';
import { spotPriceDayOf, type SpotPriceDay } from './spot-prices.service.js';

/**
 * What one consumption answer reads (GRD-1, GRD-3), in one statement and one round trip: the customer's windows
 * on the object, the object's meters in the period, their newest stored days up to `lastDay` (for "data available
 * until"), and — unless only the head is wanted — the period's spot prices and stored days. Each row comes as one
 * text, its fields separated by spaces (none has one: dates, numbers, letters, ids and arrays in PostgreSQL's text
 * form), tagged by its first letter: the driver's work per field and row was most of a year's read in JavaScript.
 *
 * The head alone (readConsumptionHead) also carries how many stored days and price days the period has and the sum
 * of their row versions (xmin, new on every insert and update): with the windows, meters and newest days that is
 * what an answer's ETag is made of, so a revalidation costs no read of the arrays.
 */

/** A stored meter-day of the period: its hours, or its intervals (arrays in PostgreSQL's text form). */
export interface DayRow {
  day: string;
  interval_minutes: number;
  hours: { quality: string; missing: string; estimated: number; importWh: string; exportWh: string } | null;
  /** the day's intervals: all of them (15-minute answers), or the letters and imports of a day with quarter-hour prices */
  intervals: { quality: string; importWh: string; exportWh: string } | null;
}

export interface LatestDay { day: string; interval_minutes: number; quality: string }

/**
 * How far back the head looks for the newest stored days. Unbounded, the statement touched every monthly partition
 * up to today, and PostgreSQL planned it afresh each time (a custom plan: 17–35 ms of planning on the busy bench
 * machine, 2–13 ms with this bound). Older data is looked up by the caller when nothing usable is found here.
 */
export const LATEST_LOOKBACK_DAYS = 400;

export interface ConsumptionHead {
  windows: HoldingWindow[];
  meterIds: string[];
  /** the newest stored days up to lastDay and at most LATEST_LOOKBACK_DAYS before it, newest first (latestIntervalDays) */
  latest: LatestDay[];
  /** the stored days and price days of the period: how many, and the sum of their row versions */
  version: string;
}

export interface ConsumptionRead extends ConsumptionHead {
  prices: Map<string, SpotPriceDay>;
  rows: DayRow[];
}

export interface ConsumptionReadRequest {
  customerId: string;
  objectId: string;
  from: string;
  to: string;
  /** the Riga day up to which the newest stored days are read */
  lastDay: string;
  spotPriceZone: string;
  /** the days' intervals (15-minute answers) instead of their hours */
  byInterval: boolean;
}

const heldAndMeters = (request: ConsumptionReadRequest) => sql`
  WITH held AS (
    SELECT held_from, held_until FROM object_holdings WHERE customer_id = ${request.customerId} AND object_id = ${request.objectId}
  ), on_object AS (
    SELECT id FROM meters
    WHERE object_id = ${request.objectId} AND installed_on < ${request.to}::date AND (removed_on IS NULL OR removed_on >= ${request.from}::date)
      AND EXISTS (SELECT FROM held)
  )
  SELECT concat_ws(' ', 'h', floor(extract(epoch FROM held_from) * 1000)::bigint, floor(extract(epoch FROM held_until) * 1000)::bigint) AS r FROM held
  UNION ALL SELECT 'm ' || id FROM on_object
  UNION ALL (
    SELECT concat_ws(' ', 'l', n.day, n.interval_minutes, n.quality) FROM on_object m CROSS JOIN LATERAL (
      SELECT day, interval_minutes, quality FROM interval_days d
      WHERE d.meter_id = m.id AND d.day <= ${request.lastDay}::date AND d.day > ${request.lastDay}::date - ${sql.lit(LATEST_LOOKBACK_DAYS)}
      ORDER BY d.day DESC LIMIT 4 * (SELECT count(*) FROM on_object)
    ) n
    ORDER BY n.day DESC LIMIT 4 * (SELECT count(*) FROM on_object)
  )`;

/** The windows, meters, newest days and the period's version; null when the customer never held the object. */
export async function readConsumptionHead(db: Db, request: ConsumptionReadRequest): Promise<ConsumptionHead | null> {
  const result = await sql<{ r: string }>`${heldAndMeters(request)}
    UNION ALL SELECT concat_ws(' ', 'v', count(*), sum(d.xmin::text::bigint)) FROM on_object m
      JOIN interval_days d ON d.meter_id = m.id AND d.day >= ${request.from}::date AND d.day < ${request.to}::date
    UNION ALL SELECT concat_ws(' ', 'w', count(*), sum(xmin::text::bigint)) FROM spot_prices
      WHERE zone = ${request.spotPriceZone} AND day >= ${request.from}::date AND day < ${request.to}::date AND EXISTS (SELECT FROM held)`.execute(db);
  const read = parseRows(result.rows);
  return read && { windows: read.windows, meterIds: read.meterIds, latest: read.latest, version: read.version };
}

/** Everything an answer is summed from; null when the customer never held the object. */
export async function readConsumption(db: Db, request: ConsumptionReadRequest): Promise<ConsumptionRead | null> {
  const period = sql`day >= ${request.from}::date AND day < ${request.to}::date`;
  // a day with quarter-hour prices brings its quarter-hour letters and imports beside its hours (each quarter-hour
  // is valued at its own price); a 15-minute answer reads the intervals instead of the hours
  const days = request.byInterval
    ? sql`SELECT concat_ws(' ', 'i', d.day, d.interval_minutes, d.xmin, d.quality, d.import_wh, d.export_wh) FROM on_object m
        JOIN interval_days d ON d.meter_id = m.id AND d.day >= ${request.from}::date AND d.day < ${request.to}::date`
    : sql`SELECT concat_ws(' ', 'd', d.day, d.interval_minutes, d.xmin, d.estimated_intervals, d.hour_quality, d.hour_missing,
          d.hour_import_wh, d.hour_export_wh,
          CASE WHEN p.interval_minutes < 60 THEN d.quality END, CASE WHEN p.interval_minutes < 60 THEN d.import_wh END)
        FROM on_object m JOIN interval_days d ON d.meter_id = m.id AND d.day >= ${request.from}::date AND d.day < ${request.to}::date
        LEFT JOIN spot_prices p ON p.zone = ${request.spotPriceZone} AND p.day = d.day`;
  const result = await sql<{ r: string }>`${heldAndMeters(request)}
    UNION ALL SELECT concat_ws(' ', 'p', day, interval_minutes, xmin, price_ueur_per_kwh) FROM spot_prices
      WHERE zone = ${request.spotPriceZone} AND ${period} AND EXISTS (SELECT FROM held)
    UNION ALL ${days}`.execute(db);
  return parseRows(result.rows);
}

function parseRows(rows: { r: string }[]): ConsumptionRead | null {
  const windows: HoldingWindow[] = [];
  const meterIds: string[] = [];
  const latest: LatestDay[] = [];
  const prices = new Map<string, SpotPriceDay>();
  const days: DayRow[] = [];
  let dayCount = 0;
  let daySum = 0;
  let priceCount = 0;
  let priceSum = 0;
  const scratch = new Int32Array(100);
  for (const { r } of rows) {
    const fields = r.split(' ');
    switch (fields[0]) {
      case 'h':
        windows.push({ from: new Date(Number(fields[1])), until: fields.length > 2 ? new Date(Number(fields[2])) : null });
        break;
      case 'm':
        meterIds.push(fields[1]);
        break;
      case 'l':
        latest.push({ day: fields[1], interval_minutes: Number(fields[2]), quality: fields[3] });
        break;
      case 'v':
        dayCount = Number(fields[1]);
        daySum = Number(fields[2] ?? 0);
        break;
      case 'w':
        priceCount = Number(fields[1]);
        priceSum = Number(fields[2] ?? 0);
        break;
      case 'p':
        priceCount++;
        priceSum += Number(fields[3]);
        prices.set(fields[1], spotPriceDayOf(fields[1], Number(fields[2]), fields[4], scratch));
        break;
      case 'd': {
        const [, day, minutes, xmin, estimated, quality, missing, importWh, exportWh, quarterQuality, quarterImport] = fields;
        dayCount++;
        daySum += Number(xmin);
        days.push({
          day, interval_minutes: Number(minutes), hours: { quality, missing, estimated: Number(estimated), importWh, exportWh },
          intervals: quarterQuality === undefined ? null : { quality: quarterQuality, importWh: quarterImport, exportWh: '' },
        });
        break;
      }
      case 'i': {
        const [, day, minutes, xmin, quality, importWh, exportWh] = fields;
        dayCount++;
        daySum += Number(xmin);
        days.push({ day, interval_minutes: Number(minutes), hours: null, intervals: { quality, importWh, exportWh } });
        break;
      }
      default:
        throw new Error(`unexpected consumption row ${fields[0]}`);
    }
  }
  if (windows.length === 0) return null;
  windows.sort((a, b) => a.from.getTime() - b.from.getTime());
  latest.sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : 0));
  return { windows, meterIds, latest, version: `${dayCount}.${daySum}.${priceCount}.${priceSum}`, prices, rows: days };
}
