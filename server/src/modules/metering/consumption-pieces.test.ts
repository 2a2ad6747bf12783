import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { IntervalSeries, Resolution } from '@up/common/contracts/metering';
import { withEicCheckCharacter } from '@up/common/eic';
import { NANO_EUROS_PER_CENT, roundHalfUp } from '@up/common/money';
import { firstOfNextMonth, intervalsInRigaDay, rigaDayOfMs, rigaDayStartMs } from '@up/common/riga-days';
import { addDays } from '@up/common/riga-time';
import { createTestApp } from '../../test/test-app.js';
import { DEMO_OBJECTS, seedDemoConsumption } from '../../db/demo-metering.js';
import { SYSTEM_ACTOR } from '../audit/index.js';
import { rigaDaysOf } from './consumption-pieces.js';
import { consumptionAnswer, getConsumption } from './consumption.service.js';
import { writeConsumptionJson } from './consumption-series.js';
import { INTERVAL_CSV_HEADER } from './interval-csv.js';
import { importIntervals } from './interval-import.service.js';
import { computeDayHours, DayHours, NONE, QUALITY } from './interval-store.js';
import { loadTimeline, type Timeline } from './interval-timeline.js';
import { findHeldObject, type HoldingWindow } from './object-access.js';
import { metersOnObjectBetween } from './objects.repository.js';

/**
 * GRD-3: the hour aggregates stored beside the intervals (interval_days.hour_*) are the sums of the intervals after
 * every kind of write, and a consumption answer read from them is byte for byte the answer summed from the
 * intervals as before (the earlier code is kept below as the reference: loadTimeline, which billing and the
 * settlement still use, and the earlier summing).
 */

const t = await createTestApp();
afterAll(async () => { await t.close(); });
const db = t.deps.db;

let customerId = '';

beforeAll(async () => {
  await seedDemoConsumption(db, t.clock.now());
  customerId = (await db.selectFrom('customers').select('id').where('customer_number', '=', 'C-100001').executeTakeFirstOrThrow()).id;
});

/** Rows whose stored hours differ from interval_day_hours() of their arrays (the migration's SQL). */
async function hoursNotMatchingTheirIntervals(): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT count(*)::int AS n FROM interval_days d, interval_day_hours(d.interval_minutes, d.import_wh, d.export_wh, d.quality) h
    WHERE (d.hour_import_wh, d.hour_export_wh, d.hour_quality, d.hour_missing, d.estimated_intervals)
      IS DISTINCT FROM (h.hour_import_wh, h.hour_export_wh, h.hour_quality, h.hour_missing, h.estimated_intervals)`.execute(db);
  return result.rows[0].n;
}

async function hoursOf(meterId: string, day: string) {
  const row = await db.selectFrom('interval_days').select(['hour_import_wh', 'hour_export_wh', 'hour_quality', 'hour_missing', 'estimated_intervals'])
    .where('meter_id', '=', meterId).where('day', '=', day).executeTakeFirstOrThrow();
  // bigint[] elements come as text from pg
  const numbers = (values: (number | string | null)[]) => values.map((v) => (v === null ? null : Number(v)));
  return { ...row, hour_import_wh: numbers(row.hour_import_wh), hour_export_wh: numbers(row.hour_export_wh) };
}

let objectCount = 0;
/** A new object of Jānis' household with the given holding windows and meters. */
async function newObject(windows: { from: string; until: string | null }[], meters: { id: string; installedOn: string; removedOn?: string }[]) {
  const objectId = `pieces-obj-${++objectCount}`;
  const now = t.clock.now();
  await db.insertInto('metering_objects').values({
    id: objectId, kind: 'connection_point', eic: withEicCheckCharacter(`11XPIECES${String(objectCount).padStart(6, '0')}`), address: `Gabalu iela ${objectCount}`,
    capacity_amperes: 25, phases: 3, voltage_volts: 400, status: 'active', created_at: now, updated_at: now,
  }).execute();
  for (const [i, window] of windows.entries()) {
    await db.insertInto('object_holdings').values({
      id: `${objectId}-h${i}`, object_id: objectId, customer_id: customerId, held_from: new Date(window.from), held_until: window.until ? new Date(window.until) : null,
    }).execute();
  }
  for (const meter of meters) {
    await db.insertInto('meters').values({
      id: meter.id, object_id: objectId, number: meter.id.toUpperCase(), type: 'smart', smart: true, registers: ['total'], multiplier: 1,
      installed_on: meter.installedOn, removed_on: meter.removedOn ?? null,
    }).execute();
  }
  return objectId;
}

const importCsv = (lines: string[]) => importIntervals(t.deps, (async function* () { yield [INTERVAL_CSV_HEADER, ...lines].join('\n'); })(), {
  format: 'csv', source: 'cli', actor: SYSTEM_ACTOR,
});

describe('hour aggregates beside the intervals (GRD-3)', () => {
  it('GRD-3: the import writes each day\'s hours as the sums of its quarter-hours, through inserts, corrections and re-imports', async () => {
    await newObject([{ from: '2020-01-01T00:00:00Z', until: null }], [{ id: 'pieces-imp', installedOn: '2025-01-01' }]);
    const eic = (await db.selectFrom('metering_objects').innerJoin('meters', 'meters.object_id', 'metering_objects.id')
      .select('eic').where('meters.id', '=', 'pieces-imp').executeTakeFirstOrThrow()).eic!;
    const row = (start: string, importKwh: string, exportKwh: string, status: string) => `${eic},PIECES-IMP,${start},15,${importKwh},${exportKwh},${status}`;
    // 2025-03-30 has 23 hours (Riga midnight 2025-03-29T22:00Z); hour 0 = 22:00–23:00Z, hour 1 = 23:00Z–00:00Z.
    const first = await importCsv([
      row('2025-03-29T22:00:00Z', '0.100', '0.000', ''), row('2025-03-29T22:15:00Z', '0.200', '0.005', 'N'),
      row('2025-03-29T22:30:00Z', '0.300', '', 'E'), row('2025-03-29T22:45:00Z', '0.050', '', ''), // hour 0: all four, one estimated, one corrected
      row('2025-03-29T23:00:00Z', '0.010', '', ''), row('2025-03-29T23:15:00Z', '0.020', '', 'U'), // hour 1: two missing, one unusable
      row('2025-10-25T21:00:00Z', '1.000', '', ''), // 2025-10-26, 25 hours: one value in hour 0
    ]);
    expect(first).toMatchObject({ inserted: 7, rejectedTotal: 0 });
    const spring = await hoursOf('pieces-imp', '2025-03-30');
    expect(spring.hour_quality).toBe(`ep${'x'.repeat(21)}`);
    expect(spring.hour_missing).toBe(`03${'4'.repeat(21)}`);
    expect(spring.hour_import_wh).toEqual([650, 10, ...Array(21).fill(null)]);
    expect(spring.hour_export_wh).toEqual([5, 0, ...Array(21).fill(null)]);
    expect(spring.estimated_intervals).toBe(1);
    const autumn = await hoursOf('pieces-imp', '2025-10-26');
    expect(autumn.hour_quality).toBe(`p${'x'.repeat(24)}`);
    expect(autumn.hour_import_wh).toHaveLength(25);
    expect(await hoursNotMatchingTheirIntervals()).toBe(0);

    // a correction: hour 1 gets its missing values, the unusable one becomes usable, hour 0 loses its estimate
    t.clock.advanceMinutes(1);
    const corrected = await importCsv([
      row('2025-03-29T22:15:00Z', '0.210', '', 'E'),
      row('2025-03-29T23:15:00Z', '0.030', '', ''), row('2025-03-29T23:30:00Z', '0.040', '', ''), row('2025-03-29T23:45:00Z', '0.000', '', ''),
    ]);
    expect(corrected).toMatchObject({ inserted: 2, corrected: 2, rejectedTotal: 0 });
    const after = await hoursOf('pieces-imp', '2025-03-30');
    expect(after.hour_quality).toBe(`cm${'x'.repeat(21)}`);
    expect(after.hour_missing).toBe(`00${'4'.repeat(21)}`);
    expect(after.hour_import_wh!.slice(0, 2)).toEqual([660, 80]);
    expect(after.estimated_intervals).toBe(0);
    expect(await hoursNotMatchingTheirIntervals()).toBe(0);

    // the same file again changes nothing
    t.clock.advanceMinutes(1);
    expect(await importCsv([row('2025-03-29T23:30:00Z', '0.040', '', '')])).toMatchObject({ unchanged: 1, daysWritten: 0 });
    expect(await hoursOf('pieces-imp', '2025-03-30')).toEqual(after);
  }, 120_000);

  it('GRD-3: a day written without its hours gets them from the database, and so does one whose intervals are changed by hand', async () => {
    await newObject([{ from: '2020-01-01T00:00:00Z', until: null }], [{ id: 'pieces-hand', installedOn: '2025-01-01' }]);
    await db.insertInto('interval_days').values({
      meter_id: 'pieces-hand', day: '2025-05-05', interval_minutes: 60, import_wh: [1, null, 3, ...Array(21).fill(4)], export_wh: Array(24).fill(0),
      quality: `mxu${'e'.repeat(21)}`, import_id: 'test', updated_at: t.clock.now(),
    }).execute();
    expect(await hoursOf('pieces-hand', '2025-05-05')).toEqual({
      hour_import_wh: [1, null, null, ...Array(21).fill(4)], hour_export_wh: [0, null, null, ...Array(21).fill(0)],
      hour_quality: `mxu${'e'.repeat(21)}`, hour_missing: `011${'0'.repeat(21)}`, estimated_intervals: 21,
    });
    await db.updateTable('interval_days').set({ quality: 'm'.repeat(24) }).where('meter_id', '=', 'pieces-hand').execute();
    expect(await hoursOf('pieces-hand', '2025-05-05')).toMatchObject({ hour_import_wh: [1, 0, 3, ...Array(21).fill(4)], hour_quality: 'm'.repeat(24), estimated_intervals: 0 });
    expect(await hoursNotMatchingTheirIntervals()).toBe(0);
  });

  it('GRD-3: the import\'s hours (computeDayHours) equal the database\'s interval_day_hours() for any day', async () => {
    const random = seeded(11);
    const letters = 'mmmmecxu';
    for (let round = 0; round < 200; round++) {
      const minutes = random() < 0.3 ? 60 : 15;
      const n = [23, 24, 25][Math.floor(random() * 3)] * (60 / minutes);
      const imp = new Int32Array(100).fill(NONE);
      const exp = new Int32Array(100).fill(NONE);
      const q = new Uint8Array(100);
      for (let p = 0; p < n; p++) {
        q[p] = letters.charCodeAt(Math.floor(random() * letters.length));
        if (q[p] !== QUALITY.missing && random() < 0.9) imp[p] = Math.floor(random() * 4000) - 100;
        if (q[p] !== QUALITY.missing && random() < 0.5) exp[p] = Math.floor(random() * 900);
      }
      const hours = computeDayHours(minutes, imp, exp, q, n, new DayHours());
      const array = (values: Int32Array) => Array.from(values.subarray(0, n), (v) => (v === NONE ? null : v));
      const inSql = (await sql<{ hour_import_wh: (number | null)[]; hour_export_wh: (number | null)[]; hour_quality: string; hour_missing: string; estimated_intervals: number }>`
        SELECT h.* FROM interval_day_hours(${minutes}::integer, ${array(imp)}::integer[], ${array(exp)}::integer[], ${Buffer.from(q.subarray(0, n)).toString('latin1')}) h`.execute(db)).rows[0];
      const numbers = (values: Float64Array) => Array.from(values.subarray(0, hours.hours), (v) => (Number.isNaN(v) ? null : v));
      expect({
        hour_import_wh: numbers(hours.importWh), hour_export_wh: numbers(hours.exportWh),
        hour_quality: Buffer.from(hours.quality.subarray(0, hours.hours)).toString('latin1'),
        hour_missing: Array.from(hours.missing.subarray(0, hours.hours)).join(''), estimated_intervals: hours.estimated,
      }).toEqual({ ...inSql, hour_import_wh: inSql.hour_import_wh.map((v) => (v === null ? null : Number(v))), hour_export_wh: inSql.hour_export_wh.map((v) => (v === null ? null : Number(v))) });
    }
  });
});

const resolutions: Resolution[] = ['15min', 'hour', 'day', 'month'];

async function expectSameAnswers(objectId: string, periods: [string, string][]) {
  for (const [from, to] of periods) {
    for (const resolution of resolutions) {
      const query = { from, to, resolution };
      const reference = JSON.stringify(await referenceConsumption(objectId, query));
      const answer = JSON.stringify(await getConsumption(t.deps, customerId, objectId, query, null));
      expect(answer, `${objectId} ${from}…${to} ${resolution}`).toBe(reference);
      // the route's bytes, written straight from the typed arrays
      const bytes = writeConsumptionJson(await consumptionAnswer(t.deps, customerId, objectId, query, null)).toString('utf8');
      expect(bytes, `${objectId} ${from}…${to} ${resolution} as bytes`).toBe(reference);
    }
  }
}

describe('consumption from the hours is the consumption from the intervals (GRD-3)', () => {

  it('GRD-3: the demo household (quarter-hour prices, a meter replacement, gaps, estimates, corrections, feed-in) answers as before', async () => {
    const objectIds = await db.selectFrom('metering_objects').select('id').where('eic', 'in', [DEMO_OBJECTS.flat.eic, DEMO_OBJECTS.house.eic]).execute();
    for (const { id } of objectIds) {
      await expectSameAnswers(id, [
        ['2025-11-23', '2026-11-23'], ['2025-11-01', '2026-11-24'], ['2026-03-01', '2026-04-01'], ['2026-03-14', '2026-03-17'],
        ['2026-03-29', '2026-03-30'], ['2025-10-26', '2025-10-27'], ['2026-11-20', '2026-11-24'], ['2021-02-01', '2021-03-05'],
      ]);
    }
  }, 120_000);

  it('GRD-3: random days (hourly and quarter-hour values, every letter, prices of both lengths, cut windows, two meters, hand-written days) answer as before', async () => {
    const random = seeded(7);
    const objectId = await newObject(
      [{ from: '2025-01-01T00:00:00Z', until: '2025-04-10T09:15:00Z' }, { from: '2025-05-02T13:00:00Z', until: null }],
      [{ id: 'pieces-a', installedOn: '2025-01-01', removedOn: '2025-08-15' }, { id: 'pieces-b', installedOn: '2025-08-15' }],
    );
    const letters = 'mmmmmmecxu';
    const rows = [];
    const prices = [];
    for (let day = '2024-12-25'; day < '2026-01-10'; day = addDays(day, 1)) {
      for (const meter of ['pieces-a', 'pieces-b']) {
        if ((meter === 'pieces-a' && day > '2025-08-15') || (meter === 'pieces-b' && day < '2025-08-15') || random() < 0.04) continue;
        const minutes = day >= '2025-02-01' && day < '2025-03-01' ? 60 : random() < 0.1 ? 60 : 15;
        let n = intervalsInRigaDay(day, minutes);
        if (random() < 0.01) n += 4; // written by hand with a wrong length
        const quality = Array.from({ length: n }, () => letters[Math.floor(random() * letters.length)]).join('');
        rows.push({
          meter_id: meter, day, interval_minutes: minutes as 15 | 60, quality, import_id: 'test', updated_at: t.clock.now(),
          import_wh: Array.from({ length: n }, (_, p) => (quality[p] === 'x' || random() < 0.05 ? null : Math.floor(random() * 3000))),
          export_wh: Array.from({ length: n }, (_, p) => (quality[p] === 'x' || random() < 0.3 ? null : Math.floor(random() * 800))),
        });
      }
      const priceMinutes = random() < 0.3 ? null : random() < 0.5 ? 15 : 60;
      if (priceMinutes !== null && !(await db.selectFrom('spot_prices').select('day').where('zone', '=', 'LV').where('day', '=', day).executeTakeFirst())) {
        prices.push({
          zone: 'LV', day, interval_minutes: priceMinutes as 15 | 60, import_id: 'test', updated_at: t.clock.now(),
          price_ueur_per_kwh: Array.from({ length: intervalsInRigaDay(day, priceMinutes) }, () => (random() < 0.02 ? null : Math.floor(random() * 300_000) - 20_000)),
        });
      }
    }
    for (let i = 0; i < rows.length; i += 100) await db.insertInto('interval_days').values(rows.slice(i, i + 100)).execute();
    for (let i = 0; i < prices.length; i += 100) await db.insertInto('spot_prices').values(prices.slice(i, i + 100)).execute();
    const periods: [string, string][] = [['2025-01-01', '2026-01-01'], ['2024-12-01', '2025-12-31'], ['2025-03-01', '2025-06-01'], ['2025-08-10', '2025-08-20']];
    for (let i = 0; i < 12; i++) {
      const from = addDays('2024-12-20', Math.floor(random() * 380));
      periods.push([from, addDays(from, 1 + Math.floor(random() * 60))]);
    }
    await expectSameAnswers(objectId, periods);
    // "now" in the middle of a day of data: the answer ends there
    const clock = t.clock.now();
    try {
      t.clock.set('2025-10-14T09:40:00Z');
      await expectSameAnswers(objectId, [['2025-01-01', '2026-01-01'], ['2025-10-01', '2025-10-20']]);
    } finally {
      t.clock.set(clock);
    }
  }, 120_000);
});

describe('data available until, beyond the head\'s look back (GRD-3)', () => {
  it('GRD-3: data whose newest usable value is older than the look back (newer days all missing) is available until that value, as before', async () => {
    const objectId = await newObject([{ from: '2024-01-01T00:00:00Z', until: null }], [{ id: 'pieces-old', installedOn: '2024-01-01' }]);
    const day = (date: string, quality: string) => ({
      meter_id: 'pieces-old', day: date, interval_minutes: 60 as const, quality, import_id: 'test', updated_at: t.clock.now(),
      import_wh: Array.from(quality, (letter) => (letter === 'x' ? null : 5)), export_wh: Array.from(quality, () => null),
    });
    await db.insertInto('interval_days').values([
      day('2024-06-01', 'm'.repeat(24)), day('2024-06-02', `${'m'.repeat(10)}${'x'.repeat(14)}`), day(addDays(rigaDayOfMs(t.clock.now().getTime()), -3), 'x'.repeat(24)),
    ]).execute();
    const answer = await getConsumption(t.deps, customerId, objectId, { from: '2024-06-01', to: '2024-06-03', resolution: 'hour' }, null);
    expect(answer.dataAvailableUntil).toBe('2024-06-02T07:00:00.000Z'); // 10 hours after Riga midnight (21:00 UTC)
    await expectSameAnswers(objectId, [['2024-06-01', '2024-06-03'], ['2024-05-01', '2025-06-01']]);
  }, 120_000);
});

/** A small deterministic random source (mulberry32). */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

// ---- The reference: the consumption answer as it was computed before the hour aggregates (2026-12-01). ----

async function referenceConsumption(objectId: string, query: { from: string; to: string; resolution: Resolution }) {
  const deps = t.deps;
  const { from, to, resolution } = query;
  const held = await findHeldObject(deps.db, customerId, objectId, null);
  const now = deps.clock.now();
  const visible = visibleWindow(held.windows, rigaDayStartMs(from), rigaDayStartMs(to), now.getTime());
  const meterIds = (await metersOnObjectBetween(deps.db, objectId, from, to)).map((meter) => meter.id);
  const heldUntilMs = held.windows.some((window) => window.until === null) ? now.getTime() : Math.max(...held.windows.map((window) => window.until!.getTime()));
  const availableUntil = await referenceAvailableUntil(meterIds, new Date(Math.min(heldUntilMs, now.getTime())));
  const untilMs = Math.min(availableUntil ? Date.parse(availableUntil) : 0, visible?.untilMs ?? 0);
  const timeline = visible
    ? await loadTimeline(deps.db, { meterIds, windows: held.windows, from, to, untilMs, spotPriceZone: deps.operator.metering.spotPriceZone })
    : { startMs: [], minutes: [], importWh: [], exportWh: [], quality: [], priceUeurPerKwh: [] };
  const { intervals, totals } = referenceAggregate(timeline, resolution);
  const dailyTotals = resolution === 'day' ? intervals : referenceAggregate(timeline, 'day').intervals;
  const monthlyTotals = resolution === 'month' ? intervals : referenceAggregate(timeline, 'month').intervals;
  return {
    objectId, from, to, resolution, timeZone: 'Europe/Riga',
    visibleFrom: visible ? new Date(visible.fromMs).toISOString() : null,
    visibleUntil: visible ? new Date(visible.untilMs).toISOString() : null,
    dataAvailableUntil: availableUntil, intervals, dailyTotals, monthlyTotals, totals,
  };
}

async function referenceAvailableUntil(meterIds: readonly string[], until: Date): Promise<string | null> {
  const rows = meterIds.length === 0 ? [] : await db.selectFrom('interval_days')
    .select(['meter_id', 'day', 'interval_minutes', 'quality'])
    .where('meter_id', 'in', meterIds)
    .where('day', '<=', rigaDayOfMs(until.getTime()))
    .orderBy('day', 'desc')
    .limit(4 * meterIds.length)
    .execute();
  let latest = 0;
  for (const row of rows) {
    const dayStart = rigaDayStartMs(row.day);
    const count = Math.min(row.quality.length, intervalsInRigaDay(row.day, row.interval_minutes));
    for (let i = count - 1; i >= 0; i--) {
      if (row.quality[i] === 'x') continue;
      const end = dayStart + (i + 1) * row.interval_minutes * 60_000;
      if (end <= until.getTime() && end > latest) latest = end;
      if (end <= until.getTime()) break;
    }
  }
  return latest > 0 ? new Date(latest).toISOString() : null;
}

function visibleWindow(windows: readonly HoldingWindow[], fromMs: number, toMs: number, nowMs: number) {
  let first = Infinity;
  let last = -Infinity;
  for (const window of windows) {
    const start = Math.max(window.from.getTime(), fromMs);
    const end = Math.min(window.until?.getTime() ?? Infinity, toMs, nowMs);
    if (end <= start) continue;
    first = Math.min(first, start);
    last = Math.max(last, end);
  }
  return first < last ? { fromMs: first, untilMs: last } : null;
}

function bucketStartOf(startMs: number, resolution: Resolution): number {
  if (resolution === 'hour') return Math.floor(startMs / 3_600_000) * 3_600_000;
  const day = rigaDayOfMs(startMs);
  if (resolution === 'day') return rigaDayStartMs(day);
  return rigaDayStartMs(`${day.slice(0, 7)}-01`);
}

function bucketEndOf(bucketStart: number, resolution: Resolution): number {
  if (resolution === 'hour') return bucketStart + 3_600_000;
  const day = rigaDayOfMs(bucketStart);
  return rigaDayStartMs(resolution === 'day' ? addDays(day, 1) : firstOfNextMonth(day));
}

function referenceAggregate(timeline: Timeline, resolution: Resolution) {
  const intervals: IntervalSeries = { start: [], end: [], importWh: [], exportWh: [], quality: '', missing: [], spotEurPerMwh: [], spotValueCents: [] };
  const totals = { importWh: 0, exportWh: 0, intervals: 0, missingIntervals: 0, estimatedIntervals: 0, spotValueCents: null as number | null };
  const showPrice = resolution === '15min' || resolution === 'hour';
  let totalNano = 0;
  let anyPrice = false;

  let bucket: { start: number; end: number; importWh: number; exportWh: number; values: number; missing: number; worst: string; priceSum: number; prices: number; nano: number; priced: number } | null = null;
  const flush = () => {
    if (!bucket) return;
    intervals.start.push(bucket.start / 1000);
    intervals.end.push(bucket.end / 1000);
    intervals.importWh.push(bucket.values > 0 ? bucket.importWh : null);
    intervals.exportWh.push(bucket.values > 0 ? bucket.exportWh : null);
    intervals.quality += bucket.values === 0 ? (bucket.worst === 'u' ? 'u' : 'x') : bucket.missing > 0 ? 'p' : bucket.worst;
    intervals.missing.push(bucket.missing);
    intervals.spotEurPerMwh.push(showPrice && bucket.prices > 0 ? Math.round(bucket.priceSum / bucket.prices) / 1000 : null);
    intervals.spotValueCents.push(bucket.priced > 0 ? roundHalfUp(bucket.nano, NANO_EUROS_PER_CENT) : null);
  };

  for (let i = 0; i < timeline.startMs.length; i++) {
    const start = timeline.startMs[i];
    const minutes = timeline.minutes[i];
    if (!bucket || start >= bucket.end || start < bucket.start) {
      flush();
      const bucketStart = resolution === '15min' ? start : bucketStartOf(start, resolution);
      const end: number = resolution === '15min' ? start + minutes * 60_000 : bucketEndOf(bucketStart, resolution);
      bucket = { start: bucketStart, end, importWh: 0, exportWh: 0, values: 0, missing: 0, worst: 'm', priceSum: 0, prices: 0, nano: 0, priced: 0 };
    }
    const letter = timeline.quality[i];
    const price = timeline.priceUeurPerKwh[i];
    totals.intervals++;
    if (price !== null) {
      bucket.priceSum += price;
      bucket.prices++;
    }
    if (letter === 'x' || letter === 'u') {
      bucket.missing++;
      if (letter === 'u') bucket.worst = 'u';
      totals.missingIntervals++;
      continue;
    }
    const importWh = timeline.importWh[i] ?? 0;
    const exportWh = timeline.exportWh[i] ?? 0;
    bucket.values++;
    bucket.importWh += importWh;
    bucket.exportWh += exportWh;
    if (bucket.worst !== 'u' && RANK[letter] > RANK[bucket.worst]) bucket.worst = letter;
    if (letter === 'e') totals.estimatedIntervals++;
    totals.importWh += importWh;
    totals.exportWh += exportWh;
    if (price !== null) {
      const nano = importWh * price;
      bucket.nano += nano;
      bucket.priced++;
      totalNano += nano;
      anyPrice = true;
    }
  }
  flush();
  totals.spotValueCents = anyPrice ? roundHalfUp(totalNano, NANO_EUROS_PER_CENT) : null;
  return { intervals, totals };
}

const RANK: Record<string, number> = { m: 0, c: 1, e: 2 };

describe('Riga days of a period', () => {
  it('GRD-3: rigaDaysOf has the days, their bounds and their months as rigaDayStartMs gives them, 2020–2031', () => {
    const period = rigaDaysOf('2020-01-01', '2031-01-01');
    let i = 0;
    for (let day = '2020-01-01'; day < '2031-01-01'; day = addDays(day, 1), i++) {
      expect(period.names[i]).toBe(day);
      expect(period.dayStartMs[i]).toBe(rigaDayStartMs(day));
      expect(period.monthStartMs[i]).toBe(rigaDayStartMs(`${day.slice(0, 7)}-01`));
      expect(period.monthEndMs[i]).toBe(rigaDayStartMs(firstOfNextMonth(day)));
    }
    expect(period.names).toHaveLength(i);
    expect(period.dayStartMs[i]).toBe(rigaDayStartMs('2031-01-01'));
  });
});
