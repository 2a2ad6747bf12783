import { sql } from 'kysely';
import { intervalsInRigaDay, rigaDayStartMs, rigaDaysBetween } from '@up/common/riga-days';
import type { Db } from '../../infra/db.js';
import { insideWindows, type HoldingWindow } from './object-access.js';
import { NONE, parseIntegerArray } from './interval-store.js';
import { readSpotPrices } from './spot-prices.service.js';

/**
 * One object's stored intervals over Riga days, as parallel arrays in time order: what consumption, downloads
 * and the micro-generator settlement are computed from (GRD-3, GRD-4). Only intervals inside the customer's
 * windows (GRD-1) and before `until` are in it. Days with no stored data before `until` come out as missing
 * intervals (quality 'x', values null), never as zeros. On a meter replacement day both meters' values are added.
 */
export interface Timeline {
  startMs: number[];
  minutes: number[];
  importWh: (number | null)[];
  exportWh: (number | null)[];
  /** m measured, e estimated, c corrected, x missing, u unusable */
  quality: string[];
  /** the spot price in micro-euros per kWh for the interval (the average for an hour of quarter-hour prices) */
  priceUeurPerKwh: (number | null)[];
}

export interface DayValues {
  minutes: number;
  importWh: (number | null)[];
  exportWh: (number | null)[];
  quality: string;
}

export interface TimelineRequest {
  /** the object's meters (a meter's stored days are the ones it was installed on, so all of them may be given) */
  meterIds: readonly string[];
  windows: readonly HoldingWindow[];
  /** Riga days, `to` exclusive */
  from: string;
  to: string;
  /** nothing at or after this instant (the end of the data, or now) */
  untilMs: number;
  spotPriceZone: string;
}

export async function loadTimeline(db: Db, request: TimelineRequest): Promise<Timeline> {
  const { meterIds } = request;
  const [rows, prices] = await Promise.all([
    // The arrays come as text and are parsed here: the driver's generic array parser was most of a year's read.
    meterIds.length === 0 ? [] : db.selectFrom('interval_days')
      .select(['day', 'interval_minutes', 'quality', sql<string>`import_wh::text`.as('import_text'), sql<string>`export_wh::text`.as('export_text')])
      .where('meter_id', 'in', meterIds)
      .where('day', '>=', request.from)
      .where('day', '<', request.to)
      .execute(),
    readSpotPrices(db, request.spotPriceZone, request.from, request.to),
  ]);
  const byDay = new Map<string, DayValues>();
  const buffer = new Int32Array(100);
  for (const row of rows) {
    const stored: DayValues = {
      minutes: row.interval_minutes, importWh: arrayOf(row.import_text, buffer), exportWh: arrayOf(row.export_text, buffer), quality: row.quality,
    };
    const earlier = byDay.get(row.day);
    byDay.set(row.day, earlier ? addMeters(row.day, earlier, stored) : stored);
  }

  // Sized once for the whole period (a year of quarter-hours at most 35 136 entries), filled by index.
  const days = rigaDaysBetween(request.from, request.to);
  const capacity = days.length * 100;
  const timeline: Timeline = {
    startMs: new Array(capacity), minutes: new Array(capacity), importWh: new Array(capacity), exportWh: new Array(capacity),
    quality: new Array(capacity), priceUeurPerKwh: new Array(capacity),
  };
  let n = 0;
  let usualMinutes: number = rows[0]?.interval_minutes ?? 60;
  for (const day of days) {
    const stored = byDay.get(day);
    if (stored) usualMinutes = stored.minutes;
    const minutes = stored?.minutes ?? usualMinutes;
    const dayStart = rigaDayStartMs(day);
    const count = intervalsInRigaDay(day, minutes);
    const price = prices.get(day);
    // Most days lie wholly inside one of the customer's windows: then no interval needs its own check.
    const wholeDayInside = request.windows.some((window) => window.from.getTime() <= dayStart
      && (window.until === null || window.until.getTime() >= dayStart + count * minutes * 60_000));
    for (let i = 0; i < count; i++) {
      const start = dayStart + i * minutes * 60_000;
      if (start + minutes * 60_000 > request.untilMs) break;
      if (!wholeDayInside && !insideWindows(request.windows, start)) continue;
      const letter = stored?.quality[i] ?? 'x';
      timeline.startMs[n] = start;
      timeline.minutes[n] = minutes;
      timeline.importWh[n] = letter === 'x' ? null : stored?.importWh[i] ?? null;
      timeline.exportWh[n] = letter === 'x' ? null : stored?.exportWh[i] ?? null;
      timeline.quality[n] = letter;
      timeline.priceUeurPerKwh[n] = price ? priceOf(price.intervalMinutes, price.pricesUeurPerKwh, i, minutes) : null;
      n++;
    }
  }
  for (const values of Object.values(timeline)) values.length = n;
  return timeline;
}

/** The price of interval `i` of `minutes` from a day of prices of `priceMinutes` (average when coarser data meets finer prices). */
export function priceOf(priceMinutes: number, prices: (number | null)[], i: number, minutes: number): number | null {
  if (priceMinutes >= minutes) return prices[Math.floor((i * minutes) / priceMinutes)] ?? null;
  const per = minutes / priceMinutes;
  let sum = 0;
  for (let k = i * per; k < (i + 1) * per; k++) {
    const value = prices[k];
    if (value === null || value === undefined) return null;
    sum += value;
  }
  return Math.round(sum / per);
}

/** Two meters on one day (a replacement): values add; hourly data meets quarter-hours as hours. */
export function addMeters(day: string, a: DayValues, b: DayValues): DayValues {
  const minutes = Math.max(a.minutes, b.minutes);
  const left = toMinutes(day, a, minutes);
  const right = toMinutes(day, b, minutes);
  const count = intervalsInRigaDay(day, minutes);
  const sum: DayValues = { minutes, importWh: [], exportWh: [], quality: '' };
  for (let i = 0; i < count; i++) {
    const [ql, qr] = [left.quality[i] ?? 'x', right.quality[i] ?? 'x'];
    sum.importWh.push(addNullable(ql === 'x' ? null : left.importWh[i], qr === 'x' ? null : right.importWh[i]));
    sum.exportWh.push(addNullable(ql === 'x' ? null : left.exportWh[i], qr === 'x' ? null : right.exportWh[i]));
    sum.quality += ql === 'x' ? qr : qr === 'x' ? ql : worseOf(ql, qr);
  }
  return sum;
}

function toMinutes(day: string, values: DayValues, minutes: number): DayValues {
  if (values.minutes === minutes) return values;
  const per = minutes / values.minutes;
  const out: DayValues = { minutes, importWh: [], exportWh: [], quality: '' };
  for (let i = 0; i < intervalsInRigaDay(day, minutes); i++) {
    let importWh: number | null = 0;
    let exportWh: number | null = 0;
    let letter = 'm';
    for (let k = i * per; k < (i + 1) * per; k++) {
      const q = values.quality[k] ?? 'x';
      if (q === 'x') { importWh = null; exportWh = null; letter = 'x'; break; }
      importWh = addNullable(importWh, values.importWh[k]);
      exportWh = addNullable(exportWh, values.exportWh[k]);
      letter = worseOf(letter, q);
    }
    out.importWh.push(importWh);
    out.exportWh.push(exportWh);
    out.quality += letter;
  }
  return out;
}

const RANK: Record<string, number> = { m: 0, c: 1, e: 2, u: 3, x: 4 };
function worseOf(a: string, b: string): string {
  return (RANK[a] ?? 4) >= (RANK[b] ?? 4) ? a : b;
}

function addNullable(a: number | null | undefined, b: number | null | undefined): number | null {
  if (a === null || a === undefined) return b ?? null;
  if (b === null || b === undefined) return a;
  return a + b;
}

export function arrayOf(text: string, buffer: Int32Array): (number | null)[] {
  const count = parseIntegerArray(text, buffer);
  const values: (number | null)[] = new Array(count);
  for (let i = 0; i < count; i++) values[i] = buffer[i] === NONE ? null : buffer[i];
  return values;
}
