import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withEicCheckCharacter } from '@up/common/eic';
import { addDays } from '@up/common/riga-time';
import { rigaDayStartMs } from '@up/common/riga-days';
import { createTestApp, type TestClient } from '../../test/test-app.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { fingerprint } from '../../test/table-fingerprint.js';
import { inferMinutes } from './sadales-json.js';

/**
 * GRD-3: the Sadales tīkls `get-object-consumption` JSON through POST /api/staff/metering/intervals
 * (application/json, streamed). cDt is the END of the interval. The clock stands at 2026-11-23T10:00:00Z.
 */

const t = await createTestApp();
afterAll(async () => { await t.close(); });
const db = t.deps.db;

const EIC = withEicCheckCharacter('11XSADALESJSON1');
const EIC_OTHER = withEicCheckCharacter('11XSADALESJSON2');
let staff: TestClient;

beforeAll(async () => {
  const now = new Date('2026-01-01T00:00:00Z');
  for (const [id, eic] of [['sj-obj', EIC], ['sj-obj-2', EIC_OTHER]]) {
    await db.insertInto('metering_objects').values({
      id, kind: 'connection_point', eic, address: 'Sadales iela 1', capacity_amperes: 25, phases: 1, voltage_volts: 230, status: 'active', created_at: now, updated_at: now,
    }).execute();
  }
  for (const [id, objectId, number, installedOn] of [['sj-meter', 'sj-obj', 'SJ-1001', '2025-01-01'], ['sj-meter-15', 'sj-obj', 'SJ-1002', '2025-01-01'],
    ['sj-meter-old', 'sj-obj-2', 'SJ-2001', '2020-01-01'], ['sj-meter-one', 'sj-obj-2', 'SJ-2002', '2025-01-01']]) {
    await db.insertInto('meters').values({
      id, object_id: objectId, number, type: 'smart', smart: true, registers: ['total'], multiplier: 1, installed_on: installedOn, removed_on: null,
    }).execute();
  }
  staff = t.client('10.0.7.3');
  await staff.login('service@demo.example', DEMO_PASSWORD);
});

const postJson = (body: string, query = '') => staff.request('POST', `/api/staff/metering/intervals${query}`, body, { 'content-type': 'application/json' });
const dayOf = (meterId: string, day: string) => db.selectFrom('interval_days').selectAll().where('meter_id', '=', meterId).where('day', '=', day).executeTakeFirst();
async function tables() {
  const { sessions: _sessions, ...rest } = await fingerprint(db);
  return rest;
}
function arrayWith(length: number, values: Record<number, number>): (number | null)[] {
  return Array.from({ length }, (_, p) => values[p] ?? null);
}
function qualityWith(length: number, letters: Record<number, string>): string {
  return Array.from({ length }, (_, p) => letters[p] ?? 'x').join('');
}

describe('interval data import, Sadales tīkls JSON (GRD-3)', () => {
  it('GRD-3: cDt is the end of the interval: the 00–01 hour (T01:00+02:00) lands at position 0; cVV before cVR; status letters', async () => {
    const body = JSON.stringify([{
      mpNr: EIC,
      mList: [{
        mNr: 'SJ-1001',
        cList: [
          { cDt: '2026-11-02T01:00:00.000+02:00', cVR: 0.512, cVRSt: '', cVV: null }, // 00–01: position 0, 512 Wh
          { cDt: '2026-11-02T02:00:00.000+02:00', cVR: 0.4, cVRSt: 'C', cVV: 0.45 }, // the billing value: 450 Wh, estimated
          { cDt: '2026-11-02T03:00:00.000+02:00', cVR: null, cVRSt: 'N' }, // communication error, no value: missing
          { cDt: '2026-11-02T04:00:00.000+02:00', cVR: 0.3, cVRSt: 'U' }, // not usable: kept, quality u
          { cDt: '2026-11-02T05:00:00.000+02:00', cVR: 0.2, cVRSt: 'DE' }, // estimated wins over corrected
          { cDt: '2026-11-03T00:00:00.000+02:00', cVR: 1.0, cVRSt: 'M' }, // 23–24: position 23, corrected
          { cDt: 'yesterday', cVR: 1 },
          { cDt: '2026-11-02T07:00:00.000+02:00', cVR: 0.1234 },
          { cDt: '2026-11-02T08:00:00.000+02:00', cVR: 0.1, cVRSt: 'Q' },
          { cDt: '2026-11-02T09:00:00.000+02:00', cVR: true },
        ],
      }, {
        mNr: 'SJ-9999',
        cList: [{ cDt: '2026-11-02T01:00:00.000+02:00', cVR: 1 }],
      }],
    }]);
    const response = await postJson(body);
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json();
    expect(answer).toMatchObject({ format: 'sadales_json', values: 11, inserted: 5, unchanged: 1, corrected: 0, rejectedTotal: 5, days: 1, meters: 1 });
    expect(answer.rejected).toEqual([
      { path: '[0].mList[0].cList[6]', reason: expect.stringContaining('cDt: "yesterday" is not an ISO 8601 instant') },
      { path: '[0].mList[0].cList[7]', reason: expect.stringContaining('cVR: "0.1234" has more than 3 decimals') },
      { path: '[0].mList[0].cList[8]', reason: expect.stringContaining('cVRSt: "Q" is not a Sadales tīkls status') },
      { path: '[0].mList[0].cList[9]', reason: 'cVR: must be a number' },
      { path: '[0].mList[1].cList[0]', reason: 'mNr: no meter has the number "SJ-9999"' },
    ]);
    const day = await dayOf('sj-meter', '2026-11-02');
    expect(day).toMatchObject({
      interval_minutes: 60,
      import_wh: arrayWith(24, { 0: 512, 1: 450, 3: 300, 4: 200, 23: 1000 }),
      export_wh: arrayWith(24, {}),
      quality: qualityWith(24, { 0: 'm', 1: 'e', 2: 'x', 3: 'u', 4: 'e', 23: 'c' }),
    });
  });

  it('GRD-3: the same JSON again is all unchanged; a value sent later (cVV) corrects it and keeps a revision', async () => {
    const body = (value: number) => JSON.stringify([{ mpNr: EIC, mList: [{ mNr: 'SJ-1001', cList: [
      { cDt: '2026-11-02T01:00:00.000+02:00', cVR: 0.512, cVRSt: '', cVV: null },
      { cDt: '2026-11-02T02:00:00.000+02:00', cVR: 0.4, cVRSt: 'C', cVV: value },
    ] }] }]);
    const before = await dayOf('sj-meter', '2026-11-02');
    t.clock.advanceMinutes(1);
    expect((await postJson(body(0.45))).json()).toMatchObject({ inserted: 0, corrected: 0, unchanged: 2, daysWritten: 0 });
    expect(await dayOf('sj-meter', '2026-11-02')).toEqual(before);
    const corrected = (await postJson(body(0.47))).json();
    expect(corrected).toMatchObject({ inserted: 0, corrected: 1, unchanged: 1, daysWritten: 1, revisions: 1 });
    expect((await dayOf('sj-meter', '2026-11-02'))!.import_wh.slice(0, 2)).toEqual([512, 470]);
    const revision = await db.selectFrom('interval_revisions').selectAll().where('meter_id', '=', 'sj-meter').executeTakeFirstOrThrow();
    expect(revision).toMatchObject({ replaced_by_import: corrected.importId, import_id: before!.import_id, import_wh: before!.import_wh });
  });

  it('GRD-3: 15-minute spacing is inferred; the first quarter-hour of the 23-hour day ends at 00:15+02:00', async () => {
    const cList = [
      { cDt: '2026-03-29T00:15:00.000+02:00', cVR: 0.011 },
      { cDt: '2026-03-29T00:30:00.000+02:00', cVR: 0.012 },
      { cDt: '2026-03-29T04:00:00.000+03:00', cVR: 0.013 }, // 03:45–04:00 local = 00:45–01:00Z: position 11
      { cDt: '2026-03-30T00:00:00.000+03:00', cVR: 0.014 }, // the last quarter-hour: position 91
    ];
    const answer = (await postJson(JSON.stringify([{ mList: [{ cList, mNr: 'SJ-1002' }], mpNr: EIC }]))).json(); // keys in another order
    expect(answer).toMatchObject({ inserted: 4, rejectedTotal: 0 });
    const day = await dayOf('sj-meter-15', '2026-03-29');
    expect(day).toMatchObject({ interval_minutes: 15, import_wh: arrayWith(92, { 0: 11, 1: 12, 11: 13, 91: 14 }) });
  });

  it('GRD-3: a list of one entry takes intervalMinutes (default 60)', async () => {
    const one = (mNr: string) => JSON.stringify([{ mpNr: EIC_OTHER, mList: [{ mNr, cList: [{ cDt: '2026-11-05T00:15:00+02:00', cVR: '0.250', cVRSt: 'E' }] }] }]);
    const hourly = (await postJson(one('SJ-2002'))).json();
    expect(hourly.rejected).toEqual([{ path: '[0].mList[0].cList[0]', reason: expect.stringContaining('is not the start of a 60-minute interval') }]);
    expect((await postJson(one('SJ-2002'), '?intervalMinutes=15')).json()).toMatchObject({ inserted: 1 });
    expect(await dayOf('sj-meter-one', '2026-11-05')).toMatchObject({ interval_minutes: 15, import_wh: arrayWith(96, { 0: 250 }), quality: qualityWith(96, { 0: 'c' }) });
    expect((await postJson(one('SJ-2002'), '?intervalMinutes=30')).statusCode).toBe(400);
  });

  it('GRD-3: truncated JSON is a 400 and changes nothing, even after batches were written', async () => {
    // ~2,150 hourly days (2020-11 … 2026-09): more meter-days than one batch writes, then the file breaks off.
    const entries: string[] = [];
    for (let day = '2020-11-01'; day < '2026-10-01'; day = addDays(day, 1)) {
      const start = rigaDayStartMs(day);
      const hours = (rigaDayStartMs(addDays(day, 1)) - start) / 3_600_000;
      for (let h = 1; h <= hours; h++) entries.push(`{"cDt":"${new Date(start + h * 3_600_000).toISOString()}","cVR":0.1}`);
    }
    const whole = `[{"mpNr":"${EIC_OTHER}","mList":[{"mNr":"SJ-2001","cList":[${entries.join(',')}]}]}]`;
    const before = await tables();
    const cut = await postJson(whole.slice(0, whole.length - 40));
    expect(cut.statusCode, cut.body).toBe(400);
    expect(cut.json().error).toMatchObject({ code: 'IMPORT_JSON', details: { field: 'body' } });
    expect(await tables()).toEqual(before);
    // and the whole file lands
    const landed = (await postJson(whole)).json();
    expect(landed).toMatchObject({ rejectedTotal: 0, inserted: entries.length, days: 2160 });
    expect(landed.daysWritten).toBe(2160);
  });

  it('GRD-3: broken JSON and wrong shapes are refused as a whole, naming the problem', async () => {
    const before = await tables();
    const cases: [string, string, string][] = [
      ['{"mpNr":"x"}', 'IMPORT_JSON_SHAPE', 'must be a JSON array'],
      ['[1]', 'IMPORT_JSON_SHAPE', '[0] must be an object'],
      [`[{"mpNr":"${EIC}","mList":{}}]`, 'IMPORT_JSON_SHAPE', '[0].mList must be an array'],
      [`[{"mpNr":"${EIC}","mList":[{"mNr":"SJ-1001","cList":[1]}]}]`, 'IMPORT_JSON_SHAPE', '[0].mList[0].cList[0] must be an object'],
      [`[{"mpNr":"${EIC}","mList":[{"mNr":"SJ-1001","cList":[{"cDt":"2026-11-02T03:00:00+02:00","cVR":0.1}]}]}`, 'IMPORT_JSON', 'ends inside'],
      ['[{"mpNr" "x"}]', 'IMPORT_JSON', 'not valid JSON'],
      ['[{"mpNr":"x",}]', 'IMPORT_JSON', 'not valid JSON'],
      ['[] []', 'IMPORT_JSON', ''],
      ['[{"a":tru}]', 'IMPORT_JSON', 'not valid JSON'],
      ['', 'IMPORT_JSON', 'empty'],
    ];
    for (const [body, code, message] of cases) {
      const response = await postJson(body);
      expect(response.statusCode, `${body}: ${response.body}`).toBe(400);
      expect(response.json().error.code, body).toBe(code);
      expect(response.json().error.message, body).toContain(message);
    }
    expect(await tables()).toEqual(before);
  });

  it('GRD-3: a missing or invalid mpNr or mNr rejects the entries of that list', async () => {
    const body = JSON.stringify([
      { mList: [{ mNr: 'SJ-1001', cList: [{ cDt: '2026-11-06T01:00:00+02:00', cVR: 0.1 }] }] },
      { mpNr: 'NOT-AN-EIC', mList: [{ mNr: 'SJ-1001', cList: [{ cDt: '2026-11-06T01:00:00+02:00', cVR: 0.1 }] }] },
      { mpNr: EIC, mList: [{ cList: [{ cDt: '2026-11-06T01:00:00+02:00', cVR: 0.1 }] }] },
      { mpNr: EIC_OTHER, mList: [{ mNr: 'SJ-1001', cList: [{ cDt: '2026-11-06T01:00:00+02:00', cVR: 0.1 }] }] },
    ]);
    const answer = (await postJson(body)).json();
    expect(answer.rejected).toEqual([
      { path: '[0].mList[0].cList[0]', reason: 'mpNr: missing' },
      { path: '[1].mList[0].cList[0]', reason: expect.stringContaining('mpNr: "NOT-AN-EIC" is no EIC') },
      { path: '[2].mList[0].cList[0]', reason: 'mNr: missing' },
      { path: '[3].mList[0].cList[0]', reason: `mNr: meter "SJ-1001" is not on the object ${EIC_OTHER}` },
    ]);
  });

  it('GRD-3: the interval length from the spacing of consecutive cDt', () => {
    expect(inferMinutes(15 * 60_000, 60)).toBe(15);
    expect(inferMinutes(60 * 60_000, 15)).toBe(60);
    expect(inferMinutes(180 * 60_000, 15)).toBe(60);
    expect(inferMinutes(45 * 60_000, 60)).toBe(15);
    expect(inferMinutes(7 * 60_000, 60)).toBe(60);
  });
});
