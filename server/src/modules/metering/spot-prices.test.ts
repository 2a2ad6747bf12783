import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient } from '../../test/test-app.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { fingerprint } from '../../test/table-fingerprint.js';
import { readSpotPrices, SPOT_PRICE_CSV_HEADER } from './spot-prices.service.js';

/**
 * The demo data holds LV prices for the year up to yesterday (2025-11-23 … 2026-11-22): the days used here lie outside it.
 * GRD-4: day-ahead spot prices of the LV zone through POST /api/staff/metering/spot-prices (text/csv, streamed),
 * stored exactly as integer micro-euros per kWh (= milli-euros per MWh). The clock stands at 2026-11-23T10:00:00Z.
 */

const t = await createTestApp();
afterAll(async () => { await t.close(); });
const db = t.deps.db;
let staff: TestClient;

beforeAll(async () => {
  staff = t.client('10.0.7.4');
  await staff.login('service@demo.example', DEMO_PASSWORD);
});

const postCsv = (csv: string) => staff.request('POST', '/api/staff/metering/spot-prices', csv, { 'content-type': 'text/csv; charset=utf-8' });
function arrayWith(length: number, values: Record<number, number>): (number | null)[] {
  return Array.from({ length }, (_, p) => values[p] ?? null);
}

describe('spot prices import (GRD-4)', () => {
  it('GRD-4: hourly prices before 2025-10-01 and 15-minute since land exactly, negative prices kept', async () => {
    const csv = [
      SPOT_PRICE_CSV_HEADER,
      '2025-09-30T00:00:00+03:00,60,101.25', // hourly day, position 0: 101 250 µ€/kWh
      '2025-09-30T23:00:00+03:00,60,-0.01', // the last hour, a negative price: -10
      '2025-10-01T00:00:00+03:00,15,85.123', // the first 15-minute day, position 0
      '2025-10-01T00:15:00+03:00,15,-5.5', // -5 500
      '2025-10-01T23:45:00+03:00,15,0', // the last quarter-hour: 0 is a price, not a gap
      '2025-10-26T03:00:00+03:00,15,40.000', // the 25-hour day: the first 03:00 = position 12
      '2025-10-26T03:00:00+02:00,15,39.9', // the repeated 03:00 = position 16
      '2025-10-26T23:45:00+02:00,15,12.001', // position 99, the last of 100
    ].join('\n');
    const response = await postCsv(csv);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      zone: 'LV', values: 8, inserted: 8, corrected: 0, unchanged: 0, rejectedTotal: 0, rejected: [], days: 3, daysWritten: 3,
      from: '2025-09-29T21:00:00.000Z', until: '2025-10-26T22:00:00.000Z',
    });
    const prices = await readSpotPrices(db, 'LV', '2025-09-30', '2025-10-02');
    expect(prices.get('2025-09-30')).toEqual({ day: '2025-09-30', intervalMinutes: 60, pricesUeurPerKwh: arrayWith(24, { 0: 101_250, 23: -10 }) });
    expect(prices.get('2025-10-01')).toEqual({ day: '2025-10-01', intervalMinutes: 15, pricesUeurPerKwh: arrayWith(96, { 0: 85_123, 1: -5_500, 95: 0 }) });
    const autumn = (await readSpotPrices(db, 'LV', '2025-10-26', '2025-10-27')).get('2025-10-26')!;
    expect(autumn.pricesUeurPerKwh).toEqual(arrayWith(100, { 12: 40_000, 16: 39_900, 99: 12_001 }));
    expect(autumn.intervalMinutes).toBe(15);
  });

  it('GRD-4: the same file again changes nothing; a corrected price replaces the stored one, the rest of the day stays', async () => {
    const before = await db.selectFrom('spot_prices').selectAll().where('day', '=', '2025-10-01').executeTakeFirstOrThrow();
    t.clock.advanceMinutes(1);
    const again = (await postCsv(`${SPOT_PRICE_CSV_HEADER}\n2025-10-01T00:00:00+03:00,15,85.123\n2025-10-01T00:15:00+03:00,15,-5.500`)).json();
    expect(again).toMatchObject({ inserted: 0, corrected: 0, unchanged: 2, daysWritten: 0 });
    expect(await db.selectFrom('spot_prices').selectAll().where('day', '=', '2025-10-01').executeTakeFirstOrThrow()).toEqual(before);
    const corrected = (await postCsv(`${SPOT_PRICE_CSV_HEADER}\n2025-10-01T00:15:00+03:00,15,-6.125\n2025-10-01T00:30:00+03:00,15,70`)).json();
    expect(corrected).toMatchObject({ inserted: 1, corrected: 1, unchanged: 0, daysWritten: 1 });
    const day = (await readSpotPrices(db, 'LV', '2025-10-01', '2025-10-02')).get('2025-10-01')!;
    expect(day.pricesUeurPerKwh).toEqual(arrayWith(96, { 0: 85_123, 1: -6_125, 2: 70_000, 95: 0 }));
  });

  it('GRD-4: bad rows are rejected with line and reason while good ones land; a wrong header changes nothing', async () => {
    const csv = [
      SPOT_PRICE_CSV_HEADER,
      '2025-11-20T00:00:00+02:00,15,55.5', // 2 good
      '2025-11-20T00:15:00+02:00,15,55.5555', // 3
      '2025-11-20T00:15:00+02:00,30,55.5', // 4
      '2025-11-20T00:20:00+02:00,15,55.5', // 5
      '2025-11-20T00:00:00+02:00,15,60', // 6 duplicate
      '2025-11-20T01:00:00+02:00,60,60', // 7 the day's other rows are 15-minute
      '2025-10-01T01:00:00+03:00,60,60', // 8 the day is stored with 15 minutes
      '2026-11-30T00:00:00+02:00,15,60', // 9 too far ahead
      '2025-11-20T00:30:00+02:00,15,', // 10
      '2026-11-24T00:00:00+02:00,15,1e3', // 11
      '2026-11-24T00:00:00+02:00,15,99.1,', // 12
      '2026-11-24T00:00:00+02:00,15,-99.1', // 13 good: tomorrow's day-ahead price
    ].join('\n');
    const answer = (await postCsv(csv)).json();
    expect(answer).toMatchObject({ values: 12, inserted: 2, rejectedTotal: 10 });
    expect(answer.rejected).toEqual([
      { line: 3, reason: expect.stringContaining('more than 3 decimals') },
      { line: 4, reason: 'interval_minutes: "30" must be 15 or 60' },
      { line: 5, reason: '2025-11-19T22:20:00.000Z is not the start of a 15-minute interval of the Riga day 2025-11-20' },
      { line: 6, reason: 'the same interval as line 2 (the first one counts)' },
      { line: 7, reason: 'a 60-minute price, but the file\'s other prices for 2025-11-20 are for 15 minutes' },
      { line: 8, reason: 'a 60-minute price, but 2025-10-01 has 15-minute prices stored' },
      { line: 9, reason: expect.stringContaining('more than two days ahead') },
      { line: 10, reason: 'eur_per_mwh: missing' },
      { line: 11, reason: expect.stringContaining('is not a decimal number') },
      { line: 12, reason: 'more than 3 fields' },
    ]);
    expect((await readSpotPrices(db, 'LV', '2025-11-20', '2025-11-21')).get('2025-11-20')!.pricesUeurPerKwh[0]).toBe(55_500);
    expect((await readSpotPrices(db, 'LV', '2026-11-24', '2026-11-25')).get('2026-11-24')!.pricesUeurPerKwh[0]).toBe(-99_100);

    const { sessions: _s, ...before } = await fingerprint(db);
    const wrong = await postCsv('start,minutes,price\n2026-11-20T00:00:00+02:00,15,1');
    expect(wrong.statusCode, wrong.body).toBe(400);
    expect(wrong.json().error.code).toBe('IMPORT_HEADER');
    const { sessions: _s2, ...after } = await fingerprint(db);
    expect(after).toEqual(before);
  });

  it('GRD-4: an import is listed and audited with its counts', async () => {
    const imports = (await staff.get('/api/staff/metering/imports')).json() as { kind: string; format: string; counts: Record<string, unknown> }[];
    const prices = imports.filter((i) => i.kind === 'spot_prices');
    expect(prices).toHaveLength(4);
    expect(prices.every((i) => i.format === 'spot_prices_csv')).toBe(true);
    expect(prices[prices.length - 1].counts).toMatchObject({ zone: 'LV', inserted: 8 });
    const audits = await db.selectFrom('audit_events').select('details').where('action', '=', 'metering.spot_prices_imported').execute();
    expect(audits).toHaveLength(4);
  });
});
