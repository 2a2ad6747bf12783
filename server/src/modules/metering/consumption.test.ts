import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { Value } from 'typebox/value';
import { Consumption } from '@up/common/contracts/metering';
import { getConsumption } from './consumption.service.js';
import { createTestApp, type TestClient } from '../../test/test-app.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { DEMO_OBJECTS, seedDemoConsumption } from '../../db/demo-metering.js';

const t = await createTestApp();
afterAll(async () => { await t.close(); });

let janis: TestClient;
let customerId = '';
let objects: { id: string; eic: string | null; meters: { number: string }[]; microGenerator: unknown; dataAvailableUntil: string | null }[] = [];

beforeAll(async () => {
  const started = performance.now();
  await seedDemoConsumption(t.deps.db, t.clock.now());
  console.log('demo consumption seeded in', Math.round(performance.now() - started), 'ms');
  janis = t.client();
  await janis.login('janis@demo.example', DEMO_PASSWORD);
  customerId = (await t.deps.db.selectFrom('customers').select('id').where('customer_number', '=', 'C-100001').executeTakeFirstOrThrow()).id;
  objects = (await janis.get(`/api/customers/${customerId}/objects`)).json();
});

describe('objects (GRD-1)', () => {
  it('GRD-1: the household sees its two objects with meters, the replaced meter included, and the generator', () => {
    expect(objects.map((o) => o.eic).sort()).toEqual([DEMO_OBJECTS.flat.eic, DEMO_OBJECTS.house.eic].sort());
    const flat = objects.find((o) => o.eic === DEMO_OBJECTS.flat.eic)!;
    expect(flat.meters.map((m) => m.number)).toEqual(['LV26031544', 'LV10042871']);
    expect(objects.find((o) => o.eic === DEMO_OBJECTS.house.eic)!.microGenerator).toEqual({ powerKw: '9.90', scheme: 'net_billing', since: '2024-06-01', until: null });
    // data until the end of yesterday (Riga): the test clock is 2026-11-23 12:00 Riga
    expect(flat.dataAvailableUntil).toBe('2026-11-22T22:00:00.000Z');
  });
});

async function meterId(number: string): Promise<string> {
  return (await t.deps.db.selectFrom('meters').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
}

async function putDay(meterNumber: string, day: string, minutes: 15 | 60, importWh: (number | null)[], exportWh: (number | null)[], quality: string) {
  await t.deps.db.insertInto('interval_days').values({
    meter_id: await meterId(meterNumber), day, interval_minutes: minutes, import_wh: importWh, export_wh: exportWh, quality, import_id: 'test', updated_at: t.clock.now(),
  }).execute();
}

const flatId = () => objects.find((o) => o.eic === DEMO_OBJECTS.flat.eic)!.id;
const houseId = () => objects.find((o) => o.eic === DEMO_OBJECTS.house.eic)!.id;
const consumptionOf = async (objectId: string, query: string) => janis.get(`/api/customers/${customerId}/objects/${objectId}/consumption?${query}`);

describe('consumption (GRD-3)', () => {
  it('GRD-3: the 25-hour day has 25 hours and 100 quarter-hours, each at its own UTC instant', async () => {
    // 2025-10-26, the last Sunday of October 2025: hourly values 1 … 25 Wh
    await putDay('LV10042871', '2025-10-26', 60, Array.from({ length: 25 }, (_, i) => i + 1), Array(25).fill(0), 'm'.repeat(25));
    const hourly = (await consumptionOf(flatId(), 'from=2025-10-26&to=2025-10-27&resolution=hour')).json();
    expect(hourly.intervals.start).toHaveLength(25);
    expect(hourly.intervals.start[0]).toBe(Date.parse('2025-10-25T21:00:00Z') / 1000);
    expect(hourly.intervals.start[24]).toBe(Date.parse('2025-10-26T21:00:00Z') / 1000);
    expect(hourly.totals).toMatchObject({ importWh: 325, intervals: 25, missingIntervals: 0 });
    const daily = (await consumptionOf(flatId(), 'from=2025-10-26&to=2025-10-27&resolution=day')).json();
    expect(daily.intervals.importWh).toEqual([325]);
    expect(daily.intervals.end[0] - daily.intervals.start[0]).toBe(25 * 3600);
  });

  it('GRD-3: the 23-hour day has 92 quarter-hours, summed to 23 hours', async () => {
    // 2025-03-30, the last Sunday of March 2025: every quarter-hour 10 Wh
    await putDay('LV10042871', '2025-03-30', 15, Array(92).fill(10), Array(92).fill(0), 'm'.repeat(92));
    const quarters = (await consumptionOf(flatId(), 'from=2025-03-30&to=2025-03-31&resolution=15min')).json();
    expect(quarters.intervals.start).toHaveLength(92);
    const hours = (await consumptionOf(flatId(), 'from=2025-03-30&to=2025-03-31&resolution=hour')).json();
    expect(hours.intervals.importWh).toEqual(Array(23).fill(40));
    expect(hours.totals.importWh).toBe(920);
    expect(hours.dailyTotals.importWh).toEqual([920]);
    expect(hours.dailyTotals.end[0] - hours.dailyTotals.start[0]).toBe(23 * 3600);
    expect(hours.monthlyTotals.importWh).toEqual([920]);
  });

  it('GRD-3: missing intervals are null and counted, never zero; a day with some missing is marked partly missing', async () => {
    // 2025-04-02: 96 quarter-hours of 5 Wh, the 4 of 10:00–11:00 missing
    const values: (number | null)[] = Array(96).fill(5);
    let quality = 'm'.repeat(96);
    for (let i = 40; i < 44; i++) values[i] = null;
    quality = quality.slice(0, 40) + 'xxxx' + quality.slice(44);
    await putDay('LV10042871', '2025-04-02', 15, values, values.map((v) => (v === null ? null : 0)), quality);
    const hours = (await consumptionOf(flatId(), 'from=2025-04-02&to=2025-04-03&resolution=hour')).json();
    expect(hours.intervals.importWh[10]).toBeNull();
    expect(hours.intervals.quality[10]).toBe('x');
    expect(hours.intervals.importWh[9]).toBe(20);
    const day = (await consumptionOf(flatId(), 'from=2025-04-02&to=2025-04-03&resolution=day')).json();
    expect(day.intervals.importWh).toEqual([460]);
    expect(day.intervals.quality).toBe('p');
    expect(day.totals).toMatchObject({ importWh: 460, intervals: 96, missingIntervals: 4 });
    // a day with nothing stored at all inside the available data is missing too, not zero
    const twoDays = (await consumptionOf(flatId(), 'from=2025-04-02&to=2025-04-04&resolution=day')).json();
    expect(twoDays.intervals.importWh[1]).toBeNull();
    expect(twoDays.totals.missingIntervals).toBe(4 + 96); // counted in the quarter-hours the meter delivers
  });

  it('GRD-3: the imported energy is valued at the spot price exactly, rounded half-up once', async () => {
    // 2025-04-05: hourly 1 000 Wh at 100.00 €/MWh (100 000 µ€/kWh) = 0.10 € an hour; hour 0 costs 1 234 Wh × 85.43 €/MWh = 10.542062 c
    const importWh = Array(24).fill(1000);
    importWh[0] = 1234;
    await putDay('LV10042871', '2025-04-05', 60, importWh, Array(24).fill(0), 'm'.repeat(24));
    const prices = Array(24).fill(100_000);
    prices[0] = 85_430;
    await t.deps.db.insertInto('spot_prices').values({ zone: 'LV', day: '2025-04-05', interval_minutes: 60, price_ueur_per_kwh: prices, import_id: 'test', updated_at: t.clock.now() }).execute();
    const answer = (await consumptionOf(flatId(), 'from=2025-04-05&to=2025-04-06&resolution=hour')).json();
    expect(answer.intervals.spotEurPerMwh[0]).toBe(85.43);
    expect(answer.intervals.spotValueCents[0]).toBe(11);
    expect(answer.intervals.spotValueCents[1]).toBe(10);
    // 23 × 10 c + 10.542062 c = 240.542062 c → 241 c, rounded once for the total
    expect(answer.totals.spotValueCents).toBe(241);
  });

  it('GRD-1: a new occupant never sees the previous one\'s consumption', async () => {
    // Ojārs held the flat until 2021-03-01; a value stored for the day before is not Jānis'
    await putDay('LV10042871', '2021-02-28', 60, Array(24).fill(100), Array(24).fill(0), 'm'.repeat(24));
    await putDay('LV10042871', '2021-03-01', 60, Array(24).fill(7), Array(24).fill(0), 'm'.repeat(24));
    const answer = (await consumptionOf(flatId(), 'from=2021-02-28&to=2021-03-02&resolution=day')).json();
    expect(answer.visibleFrom).toBe('2021-02-28T22:00:00.000Z');
    expect(answer.intervals.importWh).toEqual([168]);
    expect(answer.totals.importWh).toBe(168);
  });

  it('GRD-3: a year of quarter-hours answers compactly as parallel arrays', async () => {
    const response = await consumptionOf(houseId(), 'from=2025-11-23&to=2026-11-23&resolution=15min');
    expect(response.statusCode).toBe(200);
    const answer = response.json();
    expect(answer.intervals.start.length).toBe(365 * 96); // the year has one 23- and one 25-hour day
    expect(answer.totals.missingIntervals).toBe(96); // the house's one lost day
    expect(response.body.length).toBeLessThan(2_500_000);
  });

  it('GRD-3: bad periods are refused naming the field', async () => {
    const refused = async (query: string, field: string) => {
      const response = await consumptionOf(flatId(), query);
      expect(response.statusCode, query).toBe(400);
      expect(JSON.stringify(response.json().error), query).toContain(field);
    };
    await refused('from=2026-02-30&to=2026-03-02&resolution=day', 'from');
    await refused('from=2026-03-02&to=2026-03-01&resolution=day', 'to');
    await refused('from=2024-01-01&to=2026-01-01&resolution=day', 'to');
    await refused('from=2026-03-01&to=2026-03-02&resolution=week', 'resolution');
  });
});

describe('HTTP caching of the consumption answer (GRD-3)', () => {
  const period = 'from=2025-04-07&to=2025-04-08&resolution=hour';
  const ask = (etag: string, objectId = flatId(), customer = customerId) =>
    janis.request('GET', `/api/customers/${customer}/objects/${objectId}/consumption?${period}`, undefined, { 'if-none-match': etag });

  it('GRD-3: the JSON answer has a strong ETag, is kept only privately, and is the answer getConsumption gives', async () => {
    await putDay('LV10042871', '2025-04-07', 60, Array(24).fill(3), Array(24).fill(0), 'm'.repeat(24));
    const response = await consumptionOf(flatId(), period);
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['cache-control']).toBe('private, no-cache');
    expect(response.headers.etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const answer = response.json();
    expect(Value.Check(Consumption, answer)).toBe(true);
    expect(answer).toEqual(await getConsumption(t.deps, customerId, flatId(), { from: '2025-04-07', to: '2025-04-08', resolution: 'hour' }, null));
    expect(answer.totals.importWh).toBe(72);
  });

  it('GRD-3: asked again with its ETag, an unchanged answer is 304 without a body; a changed value, price or deleted day gives a new ETag', async () => {
    const first = await consumptionOf(flatId(), period);
    const etag = first.headers.etag as string;
    const again = await ask(etag);
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.etag).toBe(etag);
    expect((await ask(`W/"other", W/${etag}`)).statusCode).toBe(304);
    expect((await ask('"other"')).statusCode).toBe(200);

    const changed = async (change: () => Promise<unknown>) => {
      const before = (await consumptionOf(flatId(), period)).headers.etag as string;
      await change();
      const after = await ask(before);
      expect(after.statusCode).toBe(200);
      expect(after.headers.etag).not.toBe(before);
      return after.json();
    };
    const flatMeter = await meterId('LV10042871');
    const corrected = await changed(() => t.deps.db.updateTable('interval_days').set({ import_wh: Array(24).fill(4) })
      .where('meter_id', '=', flatMeter).where('day', '=', '2025-04-07').execute());
    expect(corrected.totals.importWh).toBe(96);
    const priced = await changed(() => t.deps.db.insertInto('spot_prices')
      .values({ zone: 'LV', day: '2025-04-07', interval_minutes: 60, price_ueur_per_kwh: Array(24).fill(50_000), import_id: 'test', updated_at: t.clock.now() }).execute());
    expect(priced.intervals.spotEurPerMwh[0]).toBe(50);
    const deleted = await changed(() => t.deps.db.deleteFrom('interval_days').where('meter_id', '=', flatMeter).where('day', '=', '2025-04-07').execute());
    expect(deleted.totals.importWh).toBe(0);
  });

  it('GRD-1: an ETag opens nothing: another customer\'s path and an object not held answer as without it', async () => {
    const etag = (await consumptionOf(flatId(), period)).headers.etag as string;
    const other = (await t.deps.db.selectFrom('customers').select('id').where('customer_number', '=', 'C-100002').executeTakeFirstOrThrow()).id;
    const foreign = await ask(etag, flatId(), other);
    expect(foreign.statusCode).toBeGreaterThanOrEqual(400);
    expect(foreign.headers.etag).toBeUndefined();
    const unknown = await ask(etag, 'no-such-object');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers.etag).toBeUndefined();
  });
});

describe('downloads (GRD-3)', () => {
  it('GRD-3: CSV has UTC and Riga times; on the 25-hour day 03:00 Riga comes twice', async () => {
    const response = await consumptionOf(flatId(), 'from=2025-10-26&to=2025-10-27&resolution=hour&format=csv');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    expect(response.headers['content-disposition']).toContain('attachment');
    const lines = response.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe('interval_start_utc,interval_end_utc,interval_start_riga,interval_end_riga,import_kwh,export_kwh,quality,missing_intervals,spot_eur_per_mwh,spot_value_eur');
    expect(lines).toHaveLength(26);
    expect(lines[4]).toBe('2025-10-26T00:00:00.000Z,2025-10-26T01:00:00.000Z,2025-10-26 03:00,2025-10-26 03:00,0.004,0.000,measured,0,,');
    expect(lines[5].split(',')[2]).toBe('2025-10-26 03:00');
  });

  it('GRD-3: XLSX is a real spreadsheet with the same rows and a total', async () => {
    const response = await consumptionOf(flatId(), 'from=2025-10-26&to=2025-10-27&resolution=hour&format=xlsx');
    expect(response.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Consumption')!;
    expect(sheet.getRow(4).getCell(1).value).toBe('interval_start_utc');
    expect(sheet.getRow(5).getCell(5).value).toBe(0.001);
    const total = sheet.getRow(4 + 25 + 2);
    expect(total.getCell(1).value).toBe('total');
    expect(total.getCell(5).value).toBe(0.325);
  });
});
