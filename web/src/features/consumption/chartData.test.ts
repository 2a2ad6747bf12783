import { describe, expect, it } from 'vitest';
import type { IntervalSeries } from '@up/common/contracts/metering';
import { rigaDayStartMs, rigaWallClock } from '@up/common/riga-days';
import {
  alignPrevious,
  belowAxis,
  buildChartData,
  energyKwh,
  hasExport,
  isGap,
  maxAbs,
  periodGrid,
  periodRangeSeconds,
  qualityAt,
  wallClockKeys,
  wallOntoNextPeriod,
  whToKwh,
} from './chartData.ts';
import { periodOf } from './period.ts';

const HOUR = 3600;

/** Hourly intervals from Riga midnight of `from` to Riga midnight of `to`, as the API answers them. */
function hourly(from: string, to: string, value: (i: number) => number | null = (i) => (i + 1) * 100, quality?: string): IntervalSeries {
  const first = rigaDayStartMs(from) / 1000;
  const last = rigaDayStartMs(to) / 1000;
  const start: number[] = [];
  for (let t = first; t < last; t += HOUR) start.push(t);
  const importWh = start.map((_, i) => value(i));
  return {
    start,
    end: start.map((s) => s + HOUR),
    importWh,
    exportWh: start.map(() => 0),
    quality: quality ?? importWh.map((wh) => (wh === null ? 'x' : 'm')).join(''),
    missing: importWh.map((wh) => (wh === null ? 1 : 0)),
    spotEurPerMwh: start.map((_, i) => (i % 2 ? -5.5 : 80)),
    spotValueCents: start.map(() => null),
  };
}

/** Daily intervals, one per Riga day. */
function daily(from: string, to: string, value: (day: string) => number | null): IntervalSeries {
  const start: number[] = [];
  const end: number[] = [];
  for (let day = from; day < to; ) {
    const next = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    start.push(rigaDayStartMs(day) / 1000);
    end.push(rigaDayStartMs(next) / 1000);
    day = next;
  }
  const importWh = start.map((s) => value(rigaWallClock(s * 1000).slice(0, 10)));
  return {
    start,
    end,
    importWh,
    exportWh: start.map(() => null),
    quality: importWh.map((wh) => (wh === null ? 'x' : 'm')).join(''),
    missing: start.map(() => 0),
    spotEurPerMwh: start.map(() => null),
    spotValueCents: start.map(() => null),
  };
}

describe('consumption answers as chart data (GRD-3)', () => {
  it('keeps missing apart from zero: null stays null, a measured 0 stays 0, missing or unusable quality is a gap', () => {
    expect(whToKwh(null)).toBeNull();
    expect(whToKwh(0)).toBe(0);
    expect(whToKwh(1234)).toBe(1.234);
    const series = { ...hourly('2026-07-01', '2026-07-02', (i) => (i === 2 ? null : i === 3 ? 0 : 500)), quality: 'mmxmu' + 'm'.repeat(19) };
    expect(energyKwh(series, 'importWh').slice(0, 5)).toEqual([0.5, 0.5, null, 0, null]);
    expect([0, 2, 4, 5].map((i) => qualityAt(series, i))).toEqual(['measured', 'missing', 'unusable', 'measured']);
    expect(isGap(series, 2)).toBe(true);
    expect(isGap(series, 3)).toBe(false);
    expect(qualityAt({ quality: 'p' }, 0)).toBe('partlyMissing');
  });

  it('draws fed-in energy below the axis without turning gaps into zero', () => {
    expect(belowAxis([1.5, null, 0, 2])).toEqual([-1.5, null, 0, -2]);
  });

  it('spans the Riga days of the period: 23 hours on the last Sunday of March, 25 on the last Sunday of October', () => {
    const [springFrom, springTo] = periodRangeSeconds(periodOf('day', '2026-03-29'));
    expect((springTo - springFrom) / HOUR).toBe(23);
    const [autumnFrom, autumnTo] = periodRangeSeconds(periodOf('day', '2026-10-25'));
    expect((autumnTo - autumnFrom) / HOUR).toBe(25);
    expect(new Date(springFrom * 1000).toISOString()).toBe('2026-03-28T22:00:00.000Z');
  });

  it('uses the API starts as x and closes the last interval with its end: a step repeats the last value, a bar does not', () => {
    const series = hourly('2026-03-29', '2026-03-30');
    expect(series.start).toHaveLength(23);
    const steps = buildChartData(periodOf('day', '2026-03-29'), 'hour', series, null, { repeatLast: true });
    expect(steps.x).toHaveLength(24);
    expect(steps.x.slice(0, 23)).toEqual(series.start);
    expect(steps.x[23]).toBe(series.end[22]);
    expect(steps.importKwh[22]).toBe(2.3);
    expect(steps.importKwh[23]).toBe(2.3);
    expect(steps.spotEurPerMwh.slice(0, 2)).toEqual([80, -5.5]);
    expect(steps.previousImportKwh).toBeNull();
    const bars = buildChartData(periodOf('day', '2026-03-29'), 'hour', series, null, { repeatLast: false });
    expect(bars.importKwh[23]).toBeNull();
    expect(bars.range).toEqual(periodRangeSeconds(periodOf('day', '2026-03-29')));
  });

  it('draws the previous period over the part of the current one not measured yet (or not the customer’s)', () => {
    const empty = hourly('2026-07-01', '2026-07-01');
    const yesterday = hourly('2026-06-30', '2026-07-01', (i) => i * 1000);
    const none = buildChartData(periodOf('day', '2026-07-01'), 'hour', empty, yesterday, { repeatLast: true });
    expect(none.x).toHaveLength(25);
    expect(none.importKwh.every((value) => value === null)).toBe(true);
    expect(none.previousImportKwh?.slice(0, 3)).toEqual([0, 1, 2]);
    // a month measured until the 10th: the rest of the month is on the axis, empty, with last month beside it
    const march = daily('2026-03-05', '2026-03-11', () => 5000);
    const february = daily('2026-02-01', '2026-03-01', (day) => Number(day.slice(8)) * 1000);
    const chart = buildChartData(periodOf('month', '2026-03-01'), 'day', march, february, { repeatLast: false });
    expect(chart.x).toHaveLength(32);
    expect(chart.ends[30]).toBe(rigaDayStartMs('2026-04-01') / 1000);
    expect(chart.x.slice(0, 31)).toEqual(periodGrid(periodOf('month', '2026-03-01'), 'day').start);
    expect(chart.importKwh.slice(0, 6)).toEqual([null, null, null, null, 5, 5]);
    expect(chart.importKwh.slice(10, 12)).toEqual([null, null]);
    expect(chart.previousImportKwh?.slice(0, 3)).toEqual([1, 2, 3]);
    expect(chart.previousImportKwh?.[20]).toBe(21);
  });

  it('lays out a period’s intervals by the Riga calendar: 92 quarter-hours on the spring day, 100 on the autumn day', () => {
    expect(periodGrid(periodOf('day', '2026-03-29'), '15min').start).toHaveLength(92);
    expect(periodGrid(periodOf('day', '2026-10-25'), '15min').start).toHaveLength(100);
    expect(periodGrid(periodOf('day', '2026-10-25'), 'hour').start).toHaveLength(25);
    const days = periodGrid(periodOf('month', '2026-10-01'), 'day');
    expect(days.start).toHaveLength(31);
    expect((days.end[24] - days.start[24]) / HOUR).toBe(25);
    const months = periodGrid(periodOf('year', '2026-10-01'), 'month');
    expect(months.start.map((s) => rigaWallClock(s * 1000).slice(0, 10))).toEqual(
      Array.from({ length: 12 }, (_, m) => `2026-${String(m + 1).padStart(2, '0')}-01`),
    );
  });

  it('keys intervals by Riga wall-clock time, telling the repeated autumn hour apart', () => {
    const autumn = hourly('2026-10-25', '2026-10-26');
    expect(autumn.start).toHaveLength(25);
    const keys = wallClockKeys(autumn.start);
    expect(new Set(keys).size).toBe(25);
    // the two 03:00 starts share a wall-clock time: even and odd key of it
    expect(keys[4]).toBe((keys[3] ?? 0) + 1);
    // 04:00 is an hour later on the clock than 03:00 (keys are twice the wall-clock milliseconds)
    expect(keys[5]).toBe((keys[3] ?? 0) + 2 * 3_600_000);
  });

  it('moves a wall-clock time onto the next period, or nowhere when the day does not exist', () => {
    const wall = (text: string) => Date.parse(`${text}Z`);
    const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString().slice(0, 16));
    expect(iso(wallOntoNextPeriod(wall('2026-03-28T14:00'), 'day'))).toBe('2026-03-29T14:00');
    expect(iso(wallOntoNextPeriod(wall('2026-02-15T00:00'), 'month'))).toBe('2026-03-15T00:00');
    expect(iso(wallOntoNextPeriod(wall('2025-12-31T23:45'), 'month'))).toBe('2026-01-31T23:45');
    expect(wallOntoNextPeriod(wall('2026-01-31T10:00'), 'month')).toBeNull();
    expect(iso(wallOntoNextPeriod(wall('2025-03-29T03:00'), 'year'))).toBe('2026-03-29T03:00');
    expect(wallOntoNextPeriod(wall('2028-02-29T00:00'), 'year')).toBeNull();
  });

  it('puts yesterday beside today hour by hour, across the spring clock change (the skipped 03:00 has no counterpart)', () => {
    const today = hourly('2026-03-29', '2026-03-30');
    const yesterday = hourly('2026-03-28', '2026-03-29', (i) => i * 1000);
    const moved = alignPrevious(today.start, yesterday.start, energyKwh(yesterday, 'importWh'), 'day');
    expect(moved).toHaveLength(23);
    // today: 00, 01, 02, 04, 05 … (no 03:00); yesterday's values are its hour numbers in kWh
    expect(moved.slice(0, 5)).toEqual([0, 1, 2, 4, 5]);
    expect(moved[22]).toBe(23);
  });

  it('puts yesterday beside the 25-hour day: the second 03:00 has no counterpart and is a gap', () => {
    const today = hourly('2026-10-25', '2026-10-26');
    const yesterday = hourly('2026-10-24', '2026-10-25', (i) => i * 1000);
    const moved = alignPrevious(today.start, yesterday.start, energyKwh(yesterday, 'importWh'), 'day');
    expect(moved).toHaveLength(25);
    expect(moved.slice(2, 6)).toEqual([2, 3, null, 4]);
    expect(moved[24]).toBe(23);
  });

  it('puts the previous month beside the current day by day (31 March has no February day) and keeps its gaps', () => {
    const march = daily('2026-03-01', '2026-04-01', () => 5000);
    const february = daily('2026-02-01', '2026-03-01', (day) => (day === '2026-02-10' ? null : Number(day.slice(8)) * 1000));
    const chart = buildChartData(periodOf('month', '2026-03-01'), 'day', march, february, { repeatLast: false });
    const previous = chart.previousImportKwh ?? [];
    expect(previous).toHaveLength(32); // 31 days and the closing point
    expect(previous[0]).toBe(1);
    expect(previous[9]).toBeNull(); // 10 February was missing
    expect(previous[27]).toBe(28);
    expect(previous.slice(28)).toEqual([null, null, null, null]);
  });

  it('puts last year beside this year month by month', () => {
    const monthly = (year: number, kwh: number): IntervalSeries => {
      const starts = Array.from({ length: 12 }, (_, m) => rigaDayStartMs(`${year}-${String(m + 1).padStart(2, '0')}-01`) / 1000);
      return {
        start: starts,
        end: [...starts.slice(1), rigaDayStartMs(`${year + 1}-01-01`) / 1000],
        importWh: starts.map((_, m) => (m + 1) * kwh * 1000),
        exportWh: starts.map(() => null),
        quality: 'm'.repeat(12),
        missing: starts.map(() => 0),
        spotEurPerMwh: starts.map(() => null),
        spotValueCents: starts.map(() => null),
      };
    };
    const chart = buildChartData(periodOf('year', '2026-06-01'), 'month', monthly(2026, 100), monthly(2025, 10), { repeatLast: false });
    expect(chart.previousImportKwh?.slice(0, 12)).toEqual([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120]);
    expect(chart.importKwh[11]).toBe(1200);
  });

  it('finds the largest value for the axis and whether anything was fed in', () => {
    expect(maxAbs([1, null, -7], null, [3])).toBe(7);
    expect(maxAbs([null])).toBe(0);
    const series = hourly('2026-07-01', '2026-07-02');
    expect(hasExport(series)).toBe(false);
    expect(hasExport({ ...series, exportWh: series.exportWh.map((_, i) => (i === 12 ? 800 : null)) })).toBe(true);
  });

  it('puts no hour of an hourly-measured year beside a quarter-hour (it would look four times as large)', () => {
    const quarter = (from: string, to: string): IntervalSeries => {
      const hours = hourly(from, to);
      const start = hours.start.flatMap((s) => [s, s + 900, s + 1800, s + 2700]);
      return { ...hours, start, end: start.map((s) => s + 900), importWh: start.map(() => 100), exportWh: start.map(() => 0), quality: 'm'.repeat(start.length), missing: start.map(() => 0), spotEurPerMwh: start.map(() => null), spotValueCents: start.map(() => null) };
    };
    const today = quarter('2026-07-02', '2026-07-03');
    const hourlyYesterday = hourly('2026-07-01', '2026-07-02');
    const chart = buildChartData(periodOf('day', '2026-07-02'), '15min', today, hourlyYesterday, { repeatLast: true });
    expect(chart.previousImportKwh?.every((value) => value === null)).toBe(true);
    const quarterYesterday = quarter('2026-07-01', '2026-07-02');
    const same = buildChartData(periodOf('day', '2026-07-02'), '15min', today, quarterYesterday, { repeatLast: true });
    expect(same.previousImportKwh?.slice(0, 4)).toEqual([0.1, 0.1, 0.1, 0.1]);
  });
});
