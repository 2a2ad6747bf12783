import type { IntervalSeries, Resolution } from '@up/common/contracts/metering';
import { firstOfNextMonth, rigaDayStartMs, rigaDaysBetween } from '@up/common/riga-days';
import { rigaOffsetMinutes } from '@up/common/riga-time';
import type { Period, PeriodView } from './period.ts';

/**
 * The consumption answer's parallel arrays turned into what the chart and the table show (GRD-3, GRD-4):
 * energy in kWh with missing kept as null (a gap, never 0), the previous period moved onto the current
 * axis by Riga wall-clock time, and the spot price. Timestamps are the API's interval starts (Unix
 * seconds, UTC), so a 23- or 25-hour day has 23 or 25 hours here without any arithmetic on hours.
 */

export type Quality = 'measured' | 'estimated' | 'corrected' | 'missing' | 'unusable' | 'partlyMissing';

const QUALITY_BY_LETTER: Record<string, Quality> = {
  m: 'measured',
  e: 'estimated',
  c: 'corrected',
  x: 'missing',
  u: 'unusable',
  p: 'partlyMissing',
};

/** The quality of interval `i` (an unknown letter counts as measured, an absent one as missing). */
export function qualityAt(series: Pick<IntervalSeries, 'quality'>, i: number): Quality {
  const letter = series.quality[i];
  if (letter === undefined) return 'missing';
  return QUALITY_BY_LETTER[letter] ?? 'measured';
}

/** True when nothing usable is known about the interval: it is drawn as a gap and shown as "—". */
export function isGap(series: Pick<IntervalSeries, 'quality'>, i: number): boolean {
  const quality = qualityAt(series, i);
  return quality === 'missing' || quality === 'unusable';
}

/** Wh → kWh, null (missing) stays null: missing is never zero. */
export function whToKwh(wh: number | null | undefined): number | null {
  return wh === null || wh === undefined || !Number.isFinite(wh) ? null : wh / 1000;
}

/** The energy of every interval in kWh; null where the value is missing or unusable. */
export function energyKwh(series: IntervalSeries, which: 'importWh' | 'exportWh'): (number | null)[] {
  const values = series[which];
  return series.start.map((_, i) => (isGap(series, i) ? null : whToKwh(values[i])));
}

/** Values drawn below the axis (fed-in energy under the consumed): negated, nulls kept. */
export function belowAxis(values: readonly (number | null)[]): (number | null)[] {
  return values.map((value) => (value === null ? null : value === 0 ? 0 : -value));
}

/** The period's bounds on the time axis, in Unix seconds: Riga midnight of `from` to Riga midnight of `to`. */
export function periodRangeSeconds(period: Pick<Period, 'from' | 'to'>): [number, number] {
  return [rigaDayStartMs(period.from) / 1000, rigaDayStartMs(period.to) / 1000];
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** Riga wall-clock time of an instant (Unix seconds) as milliseconds read with UTC getters (no strings: 35,040 a year). */
function rigaWallMs(seconds: number): number {
  const ms = seconds * 1000;
  return ms + rigaOffsetMinutes(ms) * MINUTE_MS;
}

/**
 * A wall-clock time moved onto the next period: a day, a calendar month or a year later on the clock
 * (not in elapsed time, so 14:00 stays 14:00 across a clock change); null when that day does not exist
 * (31 January has no 31 February; 29 February 2028 has no 29 February 2029).
 */
export function wallOntoNextPeriod(wall: number, view: PeriodView): number | null {
  const shift = dayShift(Math.floor(wall / DAY_MS), view);
  return shift === null ? null : wall + shift;
}

/** How far a wall-clock day (days since 1970) moves onto the next period, in ms; null when it has no counterpart. */
function dayShift(day: number, view: PeriodView): number | null {
  if (view === 'day') return DAY_MS;
  const date = new Date(day * DAY_MS);
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  const dayOfMonth = date.getUTCDate();
  const moved = view === 'month' ? Date.UTC(month === 11 ? year + 1 : year, (month + 1) % 12, dayOfMonth) : Date.UTC(year + 1, month, dayOfMonth);
  return new Date(moved).getUTCDate() === dayOfMonth ? moved - day * DAY_MS : null;
}

/**
 * A key per interval: its Riga wall-clock start (moved onto the next period with `view`) and whether that
 * wall-clock time came before (the repeated hour of the 25-hour day starts at 03:00 twice: the second gets
 * the odd key). Null for a start with no counterpart.
 */
export function wallClockKeys(starts: readonly number[], view?: PeriodView): (number | null)[] {
  const seen = new Set<number>();
  const shifts = new Map<number, number | null>();
  return starts.map((start) => {
    let wall = rigaWallMs(start);
    if (view) {
      const day = Math.floor(wall / DAY_MS);
      let shift = shifts.get(day);
      if (shift === undefined) {
        shift = dayShift(day, view);
        shifts.set(day, shift);
      }
      if (shift === null) return null;
      wall += shift;
    }
    const repeated = seen.has(wall);
    seen.add(wall);
    return wall * 2 + (repeated ? 1 : 0);
  });
}

/**
 * For each current interval, the index of the previous period's interval with the same Riga wall-clock start
 * once moved onto the current period (yesterday 14:00 beside today 14:00, 15 February beside 15 March,
 * March last year beside March), or -1: the skipped hour of the 23-hour day, the second 03:00 of the
 * 25-hour day, 31 March against February have no counterpart.
 */
export function previousIndexes(currentStarts: readonly number[], previousStarts: readonly number[], view: PeriodView): Int32Array {
  const byKey = new Map<number, number>();
  wallClockKeys(previousStarts, view).forEach((key, i) => {
    if (key !== null) byKey.set(key, i);
  });
  const keys = wallClockKeys(currentStarts);
  const indexes = new Int32Array(keys.length);
  keys.forEach((key, i) => {
    indexes[i] = key === null ? -1 : byKey.get(key) ?? -1;
  });
  return indexes;
}

/** The previous period's values placed at the current period's intervals (see previousIndexes); null where none. */
export function alignPrevious(
  currentStarts: readonly number[],
  previousStarts: readonly number[],
  previousValues: readonly (number | null)[],
  view: PeriodView,
): (number | null)[] {
  return pick(previousIndexes(currentStarts, previousStarts, view), previousValues);
}

function pick(indexes: Int32Array, values: readonly (number | null)[]): (number | null)[] {
  return Array.from(indexes, (index) => (index < 0 ? null : values[index] ?? null));
}

/**
 * The intervals a period has at a resolution, as Unix-second starts and ends: quarter-hours and hours step
 * from Riga midnight (Riga's offset is whole hours, so they are Riga ones too), days and months are
 * Riga days and months. Used where the answer has no intervals (the days of the period not yet measured),
 * so the previous period can still be drawn there.
 */
export function periodGrid(period: Pick<Period, 'from' | 'to'>, resolution: Resolution): { start: number[]; end: number[] } {
  const start: number[] = [];
  const end: number[] = [];
  if (resolution === '15min' || resolution === 'hour') {
    const step = resolution === 'hour' ? 3600 : 900;
    const [from, to] = periodRangeSeconds(period);
    for (let t = from; t < to; t += step) {
      start.push(t);
      end.push(t + step);
    }
  } else if (resolution === 'day') {
    const days = rigaDaysBetween(period.from, period.to);
    days.forEach((day, i) => {
      start.push(rigaDayStartMs(day) / 1000);
      end.push(rigaDayStartMs(days[i + 1] ?? period.to) / 1000);
    });
  } else {
    for (let month = period.from; month < period.to; month = firstOfNextMonth(month)) {
      start.push(rigaDayStartMs(month) / 1000);
      end.push(rigaDayStartMs(firstOfNextMonth(month)) / 1000);
    }
  }
  return { start, end };
}

export interface ChartData {
  /** the interval starts and, last, the end of the last interval (so the last step or bar has its width) */
  x: number[];
  /** each interval's end (one fewer than x) */
  ends: number[];
  importKwh: (number | null)[];
  exportKwh: (number | null)[];
  previousImportKwh: (number | null)[] | null;
  previousExportKwh: (number | null)[] | null;
  spotEurPerMwh: (number | null)[];
  /** the period's bounds in Unix seconds */
  range: [number, number];
}

/**
 * The chart's aligned arrays: the answer's intervals, and before and after them the period's intervals the
 * answer does not cover (not yet measured, or not the customer's), empty, so the previous period shows
 * over the whole period. `repeatLast` gives the closing point the last interval's values (a step line
 * needs it to draw the last interval); without it the closing point is empty (bars).
 */
export function buildChartData(
  period: Period,
  resolution: Resolution,
  current: IntervalSeries,
  previous: IntervalSeries | null,
  { repeatLast }: { repeatLast: boolean },
): ChartData {
  const n = current.start.length;
  const grid = periodGrid(period, resolution);
  const head = n === 0 ? grid.start.length : grid.end.findIndex((end) => end > current.start[0]);
  const headCount = head < 0 ? grid.start.length : head;
  const tail = n === 0 ? grid.start.length : grid.start.findIndex((start) => start >= current.end[n - 1]);
  const tailFrom = n === 0 || tail < 0 ? grid.start.length : tail;
  const starts = [...grid.start.slice(0, headCount), ...current.start, ...(n === 0 ? [] : grid.start.slice(tailFrom))];
  const ends = [...grid.end.slice(0, headCount), ...current.end, ...(n === 0 ? [] : grid.end.slice(tailFrom))];
  const padded = <T>(values: (T | null)[]): (T | null)[] => {
    const all = [...Array<T | null>(headCount).fill(null), ...values, ...Array<T | null>(n === 0 ? 0 : grid.start.length - tailFrom).fill(null)];
    return all.length === 0 ? all : [...all, repeatLast ? all[all.length - 1] : null];
  };
  const spot = current.start.map((_, i) => {
    const price = current.spotEurPerMwh[i];
    return price === null || price === undefined || !Number.isFinite(price) ? null : price;
  });
  const indexes = previous ? previousIndexes(starts, previous.start, period.view) : null;
  if (indexes && previous && resolution === '15min') {
    // stored intervals: an hour of a year measured hourly is not beside a quarter-hour (it would look 4× as large)
    indexes.forEach((index, i) => {
      if (index >= 0 && previous.end[index] - previous.start[index] !== ends[i] - starts[i]) indexes[i] = -1;
    });
  }
  const moved = (which: 'importWh' | 'exportWh') => {
    if (!previous || !indexes) return null;
    const values = pick(indexes, energyKwh(previous, which));
    return values.length === 0 ? values : [...values, repeatLast ? values[values.length - 1] : null];
  };
  return {
    x: starts.length === 0 ? [] : [...starts, ends[ends.length - 1]],
    ends,
    importKwh: padded(energyKwh(current, 'importWh')),
    exportKwh: padded(energyKwh(current, 'exportWh')),
    previousImportKwh: moved('importWh'),
    previousExportKwh: moved('exportWh'),
    spotEurPerMwh: padded(spot),
    range: periodRangeSeconds(period),
  };
}

/** The largest absolute value of the arrays (0 when all are null): sizes the energy axis. */
export function maxAbs(...arrays: readonly (readonly (number | null)[] | null)[]): number {
  let max = 0;
  for (const values of arrays) {
    if (!values) continue;
    for (const value of values) if (value !== null && Math.abs(value) > max) max = Math.abs(value);
  }
  return max;
}

/** True when the series has any fed-in energy (a non-null, non-zero export value). */
export function hasExport(series: IntervalSeries): boolean {
  return series.exportWh.some((wh) => wh !== null && wh !== 0);
}
