import { sql } from 'kysely';
import { firstOfNextMonth, rigaDayStartMs } from '@up/common/riga-days';
import { rigaOffsetMinutes } from '@up/common/riga-time';
import type { Db } from '../../infra/db.js';
import { insideWindows } from './object-access.js';
import { NONE, parseIntegerArray, QUALITY, textArray } from './interval-store.js';
import { addMeters, arrayOf, priceOf, type DayValues, type TimelineRequest } from './interval-timeline.js';
import type { SpotPriceDay } from './spot-prices.service.js';
import type { DayRow } from './consumption-read.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MINUTE_MS = 60_000;

/**
 * What a consumption answer is summed from (GRD-3): the same intervals as loadTimeline (interval-timeline.ts: only
 * inside the customer's windows and before `until`, a day with nothing stored before `until` missing, two meters on a
 * replacement day added), in time order, as pieces with what the answer needs of them, in typed arrays. A piece is
 * one interval, or a whole Riga hour read from the hour aggregates stored beside the intervals (interval_days.hour_*):
 * for a year of hours that is 24 sums a day instead of 96 quarter-hours. A day is read from its intervals instead
 * when the answer is in intervals (15 minutes), when the day is cut by the customer's windows or by `until`, when two
 * meters share it, and when it has quarter-hour prices and quarter-hour values (each quarter-hour is valued at its
 * own price).
 */
export class Pieces {
  count = 0;
  startMs = new Float64Array(0);
  endMs = new Float64Array(0);
  /** the piece's Riga day: an index into the day bounds below */
  day = new Uint16Array(0);
  /** the stored intervals in the piece, and how many of them are missing or unusable */
  intervals = new Uint8Array(0);
  missing = new Uint8Array(0);
  /** the piece's letter as a consumption answer gives it (m, c, e, p, x, u), as a character code */
  letter = new Uint8Array(0);
  /** sums over the intervals with a value */
  importWh = new Float64Array(0);
  exportWh = new Float64Array(0);
  /** the spot prices of its intervals that have one: their sum (µ€/kWh) and count */
  priceSum = new Float64Array(0);
  prices = new Uint8Array(0);
  /** imported Wh × price over the intervals with a value and a price (nano-euros), and how many those are */
  nano = new Float64Array(0);
  priced = new Uint8Array(0);
  /** estimated intervals in all pieces */
  estimated = 0;

  /**
   * @param days the period's Riga days: day i starts at dayStartMs[i] and ends at dayStartMs[i + 1]; its month
   * starts at monthStartMs[i] and ends at monthEndMs[i]
   */
  constructor(
    capacity: number,
    readonly dayStartMs: Float64Array = new Float64Array(1),
    readonly monthStartMs: Float64Array = new Float64Array(0),
    readonly monthEndMs: Float64Array = new Float64Array(0),
  ) {
    this.#allocate(Math.max(capacity, 16));
  }

  /** The index of a new piece, its fields zero. */
  add(): number {
    if (this.count === this.startMs.length) this.#allocate(this.count * 2);
    return this.count++;
  }

  #allocate(capacity: number): void {
    const grow = <T extends Float64Array | Uint16Array | Uint8Array>(old: T, bigger: T): T => {
      bigger.set(old);
      return bigger;
    };
    this.startMs = grow(this.startMs, new Float64Array(capacity));
    this.endMs = grow(this.endMs, new Float64Array(capacity));
    this.day = grow(this.day, new Uint16Array(capacity));
    this.intervals = grow(this.intervals, new Uint8Array(capacity));
    this.missing = grow(this.missing, new Uint8Array(capacity));
    this.letter = grow(this.letter, new Uint8Array(capacity));
    this.importWh = grow(this.importWh, new Float64Array(capacity));
    this.exportWh = grow(this.exportWh, new Float64Array(capacity));
    this.priceSum = grow(this.priceSum, new Float64Array(capacity));
    this.prices = grow(this.prices, new Uint8Array(capacity));
    this.nano = grow(this.nano, new Float64Array(capacity));
    this.priced = grow(this.priced, new Uint8Array(capacity));
  }
}

export interface PiecesRequest extends TimelineRequest {
  /** every piece one interval (the 15-minute answer); else whole hours where the day allows */
  byInterval: boolean;
}

interface RigaDay { day: string; index: number; startMs: number; endMs: number }

/**
 * @param stored what readConsumption read for the request: the period's spot prices, and its stored days as hours
 * (with the quarter-hour letters and imports of days with quarter-hour prices) or, for 15 minutes, as intervals
 */
export async function loadConsumptionPieces(db: Db, request: PiecesRequest, stored: { prices: Map<string, SpotPriceDay>; rows: DayRow[] }): Promise<Pieces> {
  const { meterIds, windows, untilMs } = request;
  const period = rigaDaysOf(request.from, request.to);
  const days: RigaDay[] = period.names.map((day, index) => ({ day, index, startMs: period.dayStartMs[index], endMs: period.dayStartMs[index + 1] }));
  const { prices, rows } = stored;
  const wholeDayInside = (day: RigaDay) => windows.some((window) => window.from.getTime() <= day.startMs
    && (window.until === null || window.until.getTime() >= day.endMs));
  const byDay = groupByDay(rows);
  const usesHours = (day: RigaDay, stored: DayRow[] | undefined) => {
    if (request.byInterval || stored === undefined || stored.length !== 1 || !wholeDayInside(day) || day.endMs > untilMs) return false;
    const { hours, interval_minutes: minutes } = stored[0];
    const count = (day.endMs - day.startMs) / HOUR_MS;
    if (hours === null || hours.quality.length !== count || hours.missing.length !== count) return false;
    if (minutes === 60 || (prices.get(day.day)?.intervalMinutes ?? 60) === 60) return true;
    return stored[0].intervals !== null && stored[0].intervals.quality.length === count * 4;
  };
  // The days read from their intervals after all: cut by the windows or by `until`, two meters, hours that do not
  // fit the day (written by hand).
  if (!request.byInterval) {
    const intervalDays = days.filter((day) => day.startMs < untilMs && byDay.has(day.day) && !usesHours(day, byDay.get(day.day))).map((day) => day.day);
    if (intervalDays.length > 0) {
      for (const [day, same] of groupByDay(await readIntervalDays(db, meterIds, request.from, request.to, intervalDays))) byDay.set(day, same);
    }
  }

  const pieces = new Pieces(request.byInterval ? days.length * 96 : days.length * 24, period.dayStartMs, period.monthStartMs, period.monthEndMs);
  const hourImport = new Float64Array(25);
  const hourExport = new Float64Array(25);
  const quarterImport = new Int32Array(100);
  const scratch = new Int32Array(100);
  // as loadTimeline: a day with nothing stored has the intervals of the day before it, or of the first row read
  let usualMinutes: number = rows[0]?.interval_minutes ?? 60;
  for (const day of days) {
    const stored = byDay.get(day.day);
    if (stored) usualMinutes = stored.length === 1 ? stored[0].interval_minutes : Math.max(...stored.map((row) => row.interval_minutes));
    const minutes = usualMinutes;
    if (day.startMs + minutes * MINUTE_MS > untilMs) break;
    const price = prices.get(day.day);
    if (usesHours(day, stored)) {
      const { hours } = stored![0];
      parseNumberArray(hours!.importWh, hourImport);
      parseNumberArray(hours!.exportWh, hourExport);
      const quarter = minutes < 60 && price !== undefined && price.intervalMinutes < 60 ? stored![0].intervals! : null;
      if (quarter !== null) parseIntegerArray(quarter.importWh, quarterImport);
      addHours(pieces, day, minutes, hours!, hourImport, hourExport, price, quarter === null ? null : { quality: quarter.quality, importWh: quarterImport });
    } else {
      const values = stored === undefined ? undefined : dayValuesOf(day.day, stored, scratch);
      addIntervals(pieces, day, minutes, values, price, request);
    }
  }
  return pieces;
}

/** The intervals of the given stored days of the period (days that cannot be read from their hours), as one text a row. */
async function readIntervalDays(db: Db, meterIds: readonly string[], from: string, to: string, days: string[]): Promise<DayRow[]> {
  const result = await sql<{ r: string }>`
    SELECT concat_ws(' ', day, interval_minutes, quality, import_wh, export_wh) AS r
    FROM interval_days WHERE meter_id IN (${sql.join(meterIds)}) AND day >= ${from} AND day < ${to} AND day = ANY(${textArray(days)}::date[])`.execute(db);
  return result.rows.map(({ r }) => {
    const [day, minutes, quality, importWh, exportWh] = r.split(' ');
    return { day, interval_minutes: Number(minutes), hours: null, intervals: { quality, importWh, exportWh } };
  });
}

function groupByDay(rows: DayRow[]): Map<string, DayRow[]> {
  const byDay = new Map<string, DayRow[]>();
  for (const row of rows) {
    const same = byDay.get(row.day);
    if (same) same.push(row);
    else byDay.set(row.day, [row]);
  }
  return byDay;
}

/** A day's intervals as loadTimeline keeps them: two meters added. */
function dayValuesOf(day: string, stored: DayRow[], scratch: Int32Array): DayValues {
  const one = (row: DayRow): DayValues => ({
    minutes: row.interval_minutes, importWh: arrayOf(row.intervals!.importWh, scratch), exportWh: arrayOf(row.intervals!.exportWh, scratch), quality: row.intervals!.quality,
  });
  let values = one(stored[0]);
  for (let i = 1; i < stored.length; i++) values = addMeters(day, values, one(stored[i]));
  return values;
}

/**
 * A whole day from its hour aggregates: one piece per hour. With quarter-hour prices and quarter-hour values, the
 * day's quarter-hour imports and letters value each quarter-hour at its own price.
 */
function addHours(
  pieces: Pieces, day: RigaDay, minutes: number, hours: NonNullable<DayRow['hours']>, hourImport: Float64Array, hourExport: Float64Array,
  price: SpotPriceDay | undefined, quarters: { quality: string; importWh: Int32Array } | null,
): void {
  const perHour = 60 / minutes;
  for (let hour = 0; hour < hours.quality.length; hour++) {
    const k = pieces.add();
    const start = day.startMs + hour * HOUR_MS;
    const missing = hours.missing.charCodeAt(hour) - 48;
    const values = perHour - missing;
    pieces.startMs[k] = start;
    pieces.endMs[k] = start + HOUR_MS;
    pieces.day[k] = day.index;
    pieces.intervals[k] = perHour;
    pieces.missing[k] = missing;
    pieces.letter[k] = hours.quality.charCodeAt(hour);
    if (values > 0) {
      pieces.importWh[k] = hourImport[hour];
      pieces.exportWh[k] = hourExport[hour];
    }
    if (price === undefined) continue;
    for (let i = hour * perHour; i < (hour + 1) * perHour; i++) {
      const intervalPrice = priceOf(price.intervalMinutes, price.pricesUeurPerKwh, i, minutes);
      if (intervalPrice === null) continue;
      pieces.priceSum[k] += intervalPrice;
      pieces.prices[k]++;
    }
    if (quarters !== null) {
      for (let i = hour * perHour; i < (hour + 1) * perHour; i++) {
        const letter = quarters.quality.charCodeAt(i);
        const intervalPrice = priceOf(price.intervalMinutes, price.pricesUeurPerKwh, i, minutes);
        if (letter === QUALITY.missing || letter === QUALITY.unusable || intervalPrice === null) continue;
        pieces.nano[k] += (quarters.importWh[i] === NONE ? 0 : quarters.importWh[i]) * intervalPrice;
        pieces.priced[k]++;
      }
      continue;
    }
    // Every interval of the hour has the same price here (hourly prices, or hourly values): the sum times the price
    // is the sum of each value times it.
    const hourPrice = priceOf(price.intervalMinutes, price.pricesUeurPerKwh, hour * perHour, minutes);
    if (values > 0 && hourPrice !== null) {
      pieces.nano[k] = hourImport[hour] * hourPrice;
      pieces.priced[k] = values;
    }
  }
  pieces.estimated += hours.estimated;
}

/** A day interval by interval, as loadTimeline lays it out: one piece each. */
function addIntervals(pieces: Pieces, day: RigaDay, minutes: number, stored: DayValues | undefined, price: SpotPriceDay | undefined, request: PiecesRequest): void {
  const stepMs = minutes * MINUTE_MS;
  const count = (day.endMs - day.startMs) / stepMs;
  const wholeDayInside = request.windows.some((window) => window.from.getTime() <= day.startMs
    && (window.until === null || window.until.getTime() >= day.startMs + count * stepMs));
  for (let i = 0; i < count; i++) {
    const start = day.startMs + i * stepMs;
    if (start + stepMs > request.untilMs) break;
    if (!wholeDayInside && !insideWindows(request.windows, start)) continue;
    const letter = stored?.quality.charCodeAt(i) || QUALITY.missing;
    const intervalPrice = price ? priceOf(price.intervalMinutes, price.pricesUeurPerKwh, i, minutes) : null;
    const k = pieces.add();
    pieces.startMs[k] = start;
    pieces.endMs[k] = start + stepMs;
    pieces.day[k] = day.index;
    pieces.intervals[k] = 1;
    if (intervalPrice !== null) {
      pieces.priceSum[k] = intervalPrice;
      pieces.prices[k] = 1;
    }
    if (letter === QUALITY.missing || letter === QUALITY.unusable) {
      pieces.missing[k] = 1;
      pieces.letter[k] = letter;
      continue;
    }
    const importWh = stored!.importWh[i] ?? 0;
    pieces.letter[k] = letter === QUALITY.estimated || letter === QUALITY.corrected ? letter : QUALITY.measured;
    pieces.importWh[k] = importWh;
    pieces.exportWh[k] = stored!.exportWh[i] ?? 0;
    if (letter === QUALITY.estimated) pieces.estimated++;
    if (intervalPrice !== null) {
      pieces.nano[k] = importWh * intervalPrice;
      pieces.priced[k] = 1;
    }
  }
}

/**
 * The Riga days from `from` to `to` (exclusive) with their bounds: day i starts at dayStartMs[i] and ends at
 * dayStartMs[i + 1] (23, 24 or 25 hours later); its month starts at monthStartMs[i] and ends at monthEndMs[i].
 * Walked in UTC dates rather than with addDays and rigaDayStartMs per day (parsing dates was a tenth of a year's
 * answer); rigaDayStartMs gives the same instants (consumption-pieces.test.ts).
 */
export function rigaDaysOf(from: string, to: string) {
  const firstUtc = Date.parse(`${from}T00:00:00Z`);
  const count = Math.round((Date.parse(`${to}T00:00:00Z`) - firstUtc) / DAY_MS);
  const names: string[] = new Array(count);
  const dayStartMs = new Float64Array(count + 1);
  const monthStartMs = new Float64Array(count);
  const monthEndMs = new Float64Array(count);
  let monthKey = '';
  let monthStart = 0;
  let monthEnd = 0;
  for (let i = 0; i <= count; i++) {
    const utcMidnight = firstUtc + i * DAY_MS;
    // Riga midnight is 2 or 3 hours before UTC midnight; the offset at 21:00 UTC the evening before decides which
    dayStartMs[i] = utcMidnight - rigaOffsetMinutes(utcMidnight - 3 * HOUR_MS) * MINUTE_MS;
    if (i === count) break;
    const name = new Date(utcMidnight).toISOString().slice(0, 10);
    names[i] = name;
    if (name.slice(0, 7) !== monthKey) {
      monthKey = name.slice(0, 7);
      monthStart = rigaDayStartMs(`${monthKey}-01`);
      monthEnd = rigaDayStartMs(firstOfNextMonth(name));
    }
    monthStartMs[i] = monthStart;
    monthEndMs[i] = monthEnd;
  }
  return { names, dayStartMs, monthStartMs, monthEndMs };
}

/** Parses PostgreSQL's text form of a bigint[] of whole numbers into out, NULL as 0; returns the element count. */
export function parseNumberArray(text: string, out: Float64Array): number {
  let n = 0;
  let at = 1;
  const end = text.length - 1;
  while (at < end && n < out.length) {
    let c = text.charCodeAt(at);
    if (c === 78) { // NULL
      out[n++] = 0;
      at += 4;
    } else {
      let negative = false;
      if (c === 45) { negative = true; c = text.charCodeAt(++at); }
      let value = 0;
      while (c >= 48 && c <= 57) {
        value = value * 10 + (c - 48);
        c = text.charCodeAt(++at);
      }
      out[n++] = negative ? -value : value;
    }
    at++; // the comma
  }
  return n;
}
