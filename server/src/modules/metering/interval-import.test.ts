import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { isValidEic, withEicCheckCharacter } from '@up/common/eic';
import { createTestApp, type TestClient } from '../../test/test-app.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { fingerprint } from '../../test/table-fingerprint.js';
import { INTERVAL_CSV_HEADER, parseMilli, qualityOf, InstantParser } from './interval-csv.js';
import { importIntervals } from './interval-import.service.js';
import { SYSTEM_ACTOR } from '../audit/index.js';

/**
 * GRD-3: interval data import from the portal CSV through POST /api/staff/metering/intervals (streamed), with
 * amounts written out by hand. The clock stands at 2026-11-23T10:00:00Z (createTestApp).
 */

const t = await createTestApp();
afterAll(async () => { await t.close(); });
const db = t.deps.db;

const EIC_A = withEicCheckCharacter('11XIMPORTTEST01');
const EIC_B = withEicCheckCharacter('11XIMPORTTEST02');
const EIC_UNKNOWN = withEicCheckCharacter('11XIMPORTTEST09');

let staff: TestClient;
let janis: TestClient;

beforeAll(async () => {
  const now = new Date('2026-01-01T00:00:00Z');
  for (const [id, eic] of [['imp-obj-a', EIC_A], ['imp-obj-b', EIC_B]]) {
    await db.insertInto('metering_objects').values({
      id, kind: 'connection_point', eic, address: `Importa iela ${id}`, capacity_amperes: 25, phases: 3, voltage_volts: 400, status: 'active', created_at: now, updated_at: now,
    }).execute();
  }
  const meter = (id: string, objectId: string, number: string, installedOn: string, removedOn: string | null = null) => db.insertInto('meters').values({
    id, object_id: objectId, number, type: 'smart', smart: true, registers: ['total'], multiplier: 1, installed_on: installedOn, removed_on: removedOn,
  }).execute();
  await meter('imp-meter-a', 'imp-obj-a', 'IMP-0001', '2025-01-01');
  await meter('imp-meter-late', 'imp-obj-a', 'IMP-0002', '2026-06-01');
  await meter('imp-meter-b', 'imp-obj-b', 'IMP-0003', '2025-01-01');
  staff = t.client('10.0.7.1');
  await staff.login('service@demo.example', DEMO_PASSWORD);
  janis = t.client('10.0.7.2');
  await janis.login('janis@demo.example', DEMO_PASSWORD);
});

const postCsv = (csv: string, client = staff) => client.request('POST', '/api/staff/metering/intervals', csv, { 'content-type': 'text/csv' });

async function dayOf(meterId: string, day: string) {
  const row = await db.selectFrom('interval_days').selectAll().where('meter_id', '=', meterId).where('day', '=', day).executeTakeFirst();
  return row === undefined ? undefined : { ...row, updated_at: new Date(row.updated_at).toISOString() };
}
/** Every table but the session bookkeeping a moved clock touches. */
async function tables() {
  const { sessions: _sessions, ...rest } = await fingerprint(db);
  return rest;
}
const revisionCount = async () => Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM interval_revisions`.execute(db)).rows[0].n);
/** A day's array with only the given positions set. */
function arrayWith(length: number, values: Record<number, number>): (number | null)[] {
  return Array.from({ length }, (_, p) => values[p] ?? null);
}
function qualityWith(length: number, letters: Record<number, string>): string {
  return Array.from({ length }, (_, p) => letters[p] ?? 'x').join('');
}

// 2026-03-29 (clocks go forward at 03:00): Riga midnight is 2026-03-28T22:00Z, the day has 92 quarter-hours.
// 2026-10-25 (clocks go back at 04:00): Riga midnight is 2026-10-24T21:00Z, the day has 100 quarter-hours.
const FIRST_FILE = [
  INTERVAL_CSV_HEADER,
  `${EIC_A},IMP-0001,2026-03-29T00:00:00+02:00,15,0.250,,`, // position 0: 250 Wh
  `${EIC_A},IMP-0001,2026-03-29T04:00:00+03:00,15,1.500,0.125,`, // 01:00Z: 3 hours after midnight = position 12
  `${EIC_A},IMP-0001,2026-03-29T23:45:00+03:00,15,0.001,,`, // 20:45Z: 22¾ hours = position 91, the last
  `${EIC_A},IMP-0001,2026-10-25T03:00:00+03:00,15,0.100,,`, // 00:00Z: the first 03:00 = position 12
  `${EIC_A},IMP-0001,2026-10-25T03:00:00+02:00,15,0.200,,`, // 01:00Z: the repeated 03:00 = position 16
  `${EIC_A},IMP-0001,2026-10-25T10:00:00Z,15,2.000,,E`, // 13 hours after 21:00Z = position 52, corrected by the metering system
  `${EIC_A},IMP-0001,2026-10-25T23:45:00+02:00,15,0.003,,`, // 21:45Z: 24¾ hours = position 99, the last
  `${EIC_A},IMP-0001,2026-10-25T00:15:00+03:00,15,,,N`, // position 1: nothing measured (missing)
].join('\n');

describe('interval data import, portal CSV (GRD-3)', () => {
  it('GRD-3: values land at their Riga-day positions, on the 23-hour day (92 quarter-hours) and the 25-hour day (100)', async () => {
    const response = await postCsv(FIRST_FILE);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      format: 'csv', values: 8, inserted: 7, corrected: 0, unchanged: 1, rejectedTotal: 0, rejected: [],
      meters: 1, days: 2, daysWritten: 2, revisions: 0,
      from: '2026-03-28T22:00:00.000Z', until: '2026-10-25T22:00:00.000Z',
    });
    const spring = await dayOf('imp-meter-a', '2026-03-29');
    expect(spring).toMatchObject({
      interval_minutes: 15,
      import_wh: arrayWith(92, { 0: 250, 12: 1500, 91: 1 }),
      export_wh: arrayWith(92, { 12: 125 }),
      quality: qualityWith(92, { 0: 'm', 12: 'm', 91: 'm' }),
      import_id: response.json().importId,
    });
    const autumn = await dayOf('imp-meter-a', '2026-10-25');
    expect(autumn!.import_wh).toEqual(arrayWith(100, { 12: 100, 16: 200, 52: 2000, 99: 3 }));
    expect(autumn!.export_wh).toEqual(arrayWith(100, {}));
    expect(autumn!.quality).toBe(qualityWith(100, { 12: 'm', 16: 'm', 52: 'c', 99: 'm' }));
  });

  it('GRD-3: missing stays NULL, never 0', async () => {
    const autumn = await dayOf('imp-meter-a', '2026-10-25');
    expect(autumn!.import_wh[1]).toBeNull();
    expect(autumn!.quality[1]).toBe('x');
    expect(autumn!.import_wh.filter((v) => v === 0)).toEqual([]);
  });

  it('GRD-3: importing the same file again changes nothing and writes no row', async () => {
    const before = { spring: await dayOf('imp-meter-a', '2026-03-29'), autumn: await dayOf('imp-meter-a', '2026-10-25'), revisions: await revisionCount() };
    t.clock.advanceMinutes(5);
    const response = await postCsv(FIRST_FILE);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ values: 8, inserted: 0, corrected: 0, unchanged: 8, rejectedTotal: 0, days: 2, daysWritten: 0, revisions: 0 });
    expect(await dayOf('imp-meter-a', '2026-03-29')).toEqual(before.spring);
    expect(await dayOf('imp-meter-a', '2026-10-25')).toEqual(before.autumn);
    expect(await revisionCount()).toBe(before.revisions);
  });

  it('GRD-3: a corrected value replaces the stored one, the day\'s earlier arrays stay as a revision, other intervals keep theirs', async () => {
    const first = await dayOf('imp-meter-a', '2026-03-29');
    t.clock.advanceMinutes(5);
    const response = await postCsv([
      INTERVAL_CSV_HEADER,
      `${EIC_A},IMP-0001,2026-03-29T00:00:00+02:00,15,0.275,,M`, // 250 → 275 Wh, corrected
      `${EIC_A},IMP-0001,2026-03-29T00:15:00+02:00,15,0.260,,`, // position 1, new
    ].join('\r\n'));
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json();
    expect(answer).toMatchObject({ values: 2, inserted: 1, corrected: 1, unchanged: 0, daysWritten: 1, revisions: 1 });
    const now = await dayOf('imp-meter-a', '2026-03-29');
    expect(now!.import_wh).toEqual(arrayWith(92, { 0: 275, 1: 260, 12: 1500, 91: 1 }));
    expect(now!.export_wh).toEqual(arrayWith(92, { 12: 125 }));
    expect(now!.quality).toBe(qualityWith(92, { 0: 'c', 1: 'm', 12: 'm', 91: 'm' }));
    expect(now!.import_id).toBe(answer.importId);
    const revisions = await db.selectFrom('interval_revisions').selectAll().where('meter_id', '=', 'imp-meter-a').where('day', '=', '2026-03-29').execute();
    expect(revisions).toHaveLength(1);
    expect(revisions[0]).toMatchObject({
      replaced_by_import: answer.importId, import_id: first!.import_id, interval_minutes: 15,
      import_wh: first!.import_wh, export_wh: first!.export_wh, quality: first!.quality,
    });
    expect(new Date(revisions[0].replaced_at).toISOString()).toBe(t.clock.now().toISOString());
  });

  it('GRD-3: bad rows are rejected with their line and reason while the good rows land', async () => {
    const csv = [
      INTERVAL_CSV_HEADER,
      `${EIC_B},IMP-0003,2026-11-01T00:00:00+02:00,15,0.500,0.010,`, // 2 good
      `${EIC_UNKNOWN},IMP-0003,2026-11-01T00:15:00+02:00,15,0.500,,`, // 3
      `${EIC_B.slice(0, 15)}${EIC_B[15] === 'A' ? 'B' : 'A'},IMP-0003,2026-11-01T00:15:00+02:00,15,0.500,,`, // 4
      `${EIC_B},IMP-9999,2026-11-01T00:15:00+02:00,15,0.500,,`, // 5
      `${EIC_A},IMP-0003,2026-11-01T00:15:00+02:00,15,0.500,,`, // 6
      `${EIC_A},IMP-0002,2026-05-31T12:00:00+03:00,15,0.500,,`, // 7 installed 2026-06-01
      `${EIC_B},IMP-0003,2026-11-01T00:07:00+02:00,15,0.500,,`, // 8
      `${EIC_B},IMP-0003,2026-11-01T00:30:00+02:00,30,0.500,,`, // 9
      `${EIC_B},IMP-0003,2026-11-23T10:00:00Z,15,0.500,,`, // 10 ends after now
      `${EIC_B},IMP-0003,2026-11-01T00:30:00+02:00,15,1.2345,,`, // 11
      `${EIC_B},IMP-0003,2026-11-01T00:30:00+02:00,15,-0.500,,`, // 12
      `${EIC_B},IMP-0003,2026-11-01T00:00:00+02:00,15,0.700,,`, // 13 duplicate of line 2
      `${EIC_A},IMP-0001,2026-03-29T01:00:00+02:00,60,0.700,,`, // 14 the day is stored with 15 minutes
      `${EIC_B},IMP-0003,2026-11-01T00:30:00+02:00,15,1.2300,,`, // 15 good: 1230 Wh
      `${EIC_B},IMP-0003,2026-11-01T00:45:00+02:00,15,0.100,,X`, // 16
      `${EIC_B},IMP-0003,2026-11-01T01:00:00+02:00,15,0.100`, // 17
      `${EIC_B},IMP-0003,2026-11-01 01:00,15,0.100,,`, // 18 no offset
      '', // a blank line is skipped
      `${EIC_B},IMP-0003,2026-11-01T01:00:00.000+02:00,15,1,,C`, // 20 good: 1000 Wh, estimated
    ].join('\n');
    const response = await postCsv(csv);
    expect(response.statusCode, response.body).toBe(200);
    const answer = response.json();
    expect(answer).toMatchObject({ values: 18, inserted: 3, corrected: 0, unchanged: 0, rejectedTotal: 15 });
    expect(answer.rejected).toEqual([
      { line: 3, reason: expect.stringContaining(`no object has the EIC "${EIC_UNKNOWN}"`) },
      { line: 4, reason: expect.stringMatching(/^object_eic: .* is no EIC: wrong check character/) },
      { line: 5, reason: 'meter_number: no meter has the number "IMP-9999"' },
      { line: 6, reason: `meter_number: meter "IMP-0003" is not on the object ${EIC_A}` },
      { line: 7, reason: 'meter "IMP-0002" was not installed on 2026-05-31 (installed 2026-06-01)' },
      { line: 8, reason: '2026-10-31T22:07:00.000Z is not the start of a 15-minute interval of the Riga day 2026-11-01' },
      { line: 9, reason: 'interval_minutes: "30" must be 15 or 60' },
      { line: 10, reason: 'the interval 2026-11-23T10:00:00.000Z–2026-11-23T10:15:00.000Z has not ended yet' },
      { line: 11, reason: expect.stringContaining('more than 3 decimals') },
      { line: 12, reason: expect.stringContaining('cannot be negative') },
      { line: 13, reason: 'the same meter and interval as line 2 (the first one counts)' },
      { line: 14, reason: 'a 60-minute interval, but meter "IMP-0001" has 15-minute intervals stored for 2026-03-29' },
      { line: 16, reason: expect.stringContaining('status: "X" is not a Sadales tīkls status') },
      { line: 17, reason: expect.stringContaining('expected 7 fields') },
      { line: 18, reason: expect.stringContaining('interval_start: "2026-11-01 01:00" is not an ISO 8601 instant') },
    ]);
    const day = await dayOf('imp-meter-b', '2026-11-01');
    expect(day!.import_wh).toEqual(arrayWith(96, { 0: 500, 2: 1230, 4: 1000 }));
    expect(day!.export_wh).toEqual(arrayWith(96, { 0: 10 }));
    expect(day!.quality).toBe(qualityWith(96, { 0: 'm', 2: 'm', 4: 'e' }));
  });

  it('GRD-3: a file with a wrong header is refused as a whole (400) and changes nothing', async () => {
    const before = await tables();
    const response = await postCsv(`object_eic,meter_number,interval_start,minutes,import_kwh,export_kwh,status\n${EIC_A},IMP-0001,2026-11-02T00:00:00+02:00,15,0.5,,`);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'IMPORT_HEADER', details: { field: 'body' } });
    expect(response.json().error.message).toContain(INTERVAL_CSV_HEADER);
    const empty = await postCsv('');
    expect(empty.statusCode, empty.body).toBe(400);
    expect(await tables()).toEqual(before);
  });

  it('GRD-3: a request without a file, or of another type, is refused and changes nothing', async () => {
    const before = await tables();
    const none = await staff.request('POST', '/api/staff/metering/intervals');
    expect(none.statusCode, none.body).toBe(400);
    expect(none.json().error.code).toBe('IMPORT_NO_FILE');
    const xml = await staff.request('POST', '/api/staff/metering/intervals', '<x/>', { 'content-type': 'application/xml' });
    expect(xml.statusCode, xml.body).toBe(415);
    const prices = await staff.request('POST', '/api/staff/metering/spot-prices', '[]', { 'content-type': 'application/json' });
    expect(prices.statusCode, prices.body).toBe(415);
    expect(await tables()).toEqual(before);
  });

  it('GRD-3: only staff import; a customer user gets 403 and nothing changes', async () => {
    const before = await tables();
    const intervals = await postCsv(FIRST_FILE, janis);
    expect(intervals.statusCode, intervals.body).toBe(403);
    expect(intervals.json().error.code).toBe('STAFF_ONLY');
    const prices = await janis.request('POST', '/api/staff/metering/spot-prices', 'interval_start,interval_minutes,eur_per_mwh\n', { 'content-type': 'text/csv' });
    expect(prices.statusCode).toBe(403);
    expect((await janis.get('/api/staff/metering/imports')).statusCode).toBe(403);
    expect(await tables()).toEqual(before);
  });

  it('GRD-3: every import is listed with its counts and audited once with them', async () => {
    const list = await staff.get('/api/staff/metering/imports');
    expect(list.statusCode, list.body).toBe(200);
    const imports = list.json() as { id: string; kind: string; format: string; source: string; startedBy: string | null; startedByName: string | null; counts: Record<string, unknown> }[];
    const ours = imports.filter((i) => i.kind === 'intervals' && i.source === 'api');
    expect(ours.length).toBe(4);
    expect(ours[ours.length - 1].counts).toMatchObject({ inserted: 7, unchanged: 1, rejectedTotal: 0 });
    expect(ours[0].counts).not.toHaveProperty('rejected');
    const service = await db.selectFrom('users').select('id').where('email', '=', 'service@demo.example').executeTakeFirstOrThrow();
    expect(ours.every((i) => i.startedBy === service.id && i.startedByName === 'Ilze Apkalpotāja')).toBe(true);
    const audits = await db.selectFrom('audit_events').select(['object_id', 'details']).where('action', '=', 'metering.intervals_imported').execute();
    expect(audits.map((a) => a.object_id).sort()).toEqual(ours.map((i) => i.id).sort());
  });

  it('GRD-3: the service takes any stream (the CLI passes a file) and records the source', async () => {
    async function* chunks() {
      // split anywhere, even inside a line and a multi-byte character
      const bytes = Buffer.from(`\ufeff${INTERVAL_CSV_HEADER}\n${EIC_B},IMP-0003,2026-11-02T00:00:00+02:00,60,0.5,,\n${EIC_B},IMP-0003,2026-11-02T01:00:00+02:00,60,0.6,,"D"\n`);
      for (let i = 0; i < bytes.length; i += 7) yield bytes.subarray(i, i + 7);
    }
    const answer = await importIntervals(t.deps, chunks(), { format: 'csv', source: 'cli', actor: SYSTEM_ACTOR });
    expect(answer).toMatchObject({ inserted: 2, rejectedTotal: 0 });
    expect((await dayOf('imp-meter-b', '2026-11-02'))).toMatchObject({ interval_minutes: 60, import_wh: arrayWith(24, { 0: 500, 1: 600 }), quality: qualityWith(24, { 0: 'm', 1: 'e' }) });
    const row = await db.selectFrom('metering_imports').selectAll().where('id', '=', answer.importId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ kind: 'intervals', format: 'csv', source: 'cli', started_by: null });
  });
});

describe('interval data import in batches (GRD-3)', () => {
  it('GRD-3: a file of more meter-days than a batch: later rows of a written day merge with it, repeats are refused', async () => {
    const days: string[] = [];
    for (let ms = Date.parse('2020-06-01T00:00:00Z'); days.length < 2100; ms += 86_400_000) days.push(new Date(ms).toISOString().slice(0, 10));
    // 12:00 Riga summer time = 09:00Z, winter time = 10:00Z: an hourly value at position 12 of each day
    const noon = (day: string) => (Number(day.slice(5, 7)) >= 4 && Number(day.slice(5, 7)) <= 10 ? `${day}T12:00:00+03:00` : `${day}T12:00:00+02:00`);
    const firstPart = `${INTERVAL_CSV_HEADER}\n${days.map((day) => `${EIC_B},IMP-0003,${noon(day)},60,0.100,,`).join('\n')}\n`;
    const secondPart = [
      `${EIC_B},IMP-0003,${noon(days[0])},60,0.999,,`, // a repeat of line 2, in a batch written before
      `${EIC_B},IMP-0003,${days[5]}T13:00:00+03:00,60,0.200,,`, // the same day as line 7, another hour
    ].join('\n');
    await db.insertInto('meters').values({
      id: 'imp-meter-old', object_id: 'imp-obj-b', number: 'IMP-0004', type: 'smart', smart: true, registers: ['total'], multiplier: 1, installed_on: '2020-01-01', removed_on: null,
    }).execute();
    async function* chunks() {
      yield Buffer.from(firstPart.replaceAll('IMP-0003', 'IMP-0004'));
      yield Buffer.from(secondPart.replaceAll('IMP-0003', 'IMP-0004'));
    }
    const revisionsBefore = await revisionCount();
    const answer = await importIntervals(t.deps, chunks(), { format: 'csv', source: 'cli', actor: SYSTEM_ACTOR });
    expect(answer).toMatchObject({ values: 2102, inserted: 2101, corrected: 0, rejectedTotal: 1, days: 2100, revisions: 0 });
    expect(answer.rejected).toEqual([{ line: 2102, reason: 'the same meter and interval as an earlier row of the file (the first one counts)' }]);
    expect((await dayOf('imp-meter-old', days[0]))!.import_wh).toEqual(arrayWith(24, { 12: 100 }));
    expect((await dayOf('imp-meter-old', days[5]))!.import_wh).toEqual(arrayWith(24, { 12: 100, 13: 200 }));
    expect(await revisionCount()).toBe(revisionsBefore);
  });
});

describe('value parsers (GRD-3)', () => {
  it('GRD-3: kWh with at most 3 decimals become exact Wh', () => {
    const wh = (text: string) => parseMilli(text, 0, text.length, false);
    expect(wh('0.001')).toBe(1);
    expect(wh('12.5')).toBe(12500);
    expect(wh('7')).toBe(7000);
    expect(wh('.25')).toBe(250);
    expect(wh('1.2300000')).toBe(1230);
    expect(wh('0.1+0.2'.slice(0, 3))).toBe(100);
    for (const bad of ['1.2345', '-1', '1,5', '1e3', '', '.', '1.', 'abc', '99999999999']) expect(wh(bad), bad).toBeNaN();
    expect(parseMilli('-12.345', 0, 7, true)).toBe(-12345);
  });

  it('GRD-3: Sadales tīkls status letters map to the stored quality', () => {
    const q = (status: string, hasValue = true) => String.fromCharCode(qualityOf(status, 0, status.length, hasValue));
    expect(q('')).toBe('m');
    expect(q('U')).toBe('u');
    expect(q('N')).toBe('e');
    expect(q('N', false)).toBe('x');
    expect(q('C')).toBe('e');
    expect(q('D')).toBe('e');
    expect(q('E')).toBe('c');
    expect(q('M')).toBe('c');
    expect(q('CE')).toBe('e');
    expect(q('EU')).toBe('u');
    expect(q('', false)).toBe('x');
    expect(qualityOf('x', 0, 1, true)).toBe(0);
  });

  it('GRD-3: ISO 8601 instants with Z or an offset', () => {
    const parser = new InstantParser();
    const ms = (text: string) => parser.parse(text, 0, text.length);
    expect(ms('2026-03-29T04:00:00+03:00')).toBe(Date.parse('2026-03-29T01:00:00Z'));
    expect(ms('2026-03-29T04:00+0300')).toBe(Date.parse('2026-03-29T01:00:00Z'));
    expect(ms('2026-03-29T01:00:00.000Z')).toBe(Date.parse('2026-03-29T01:00:00Z'));
    expect(ms('2026-10-25T03:00:00+02')).toBe(Date.parse('2026-10-25T01:00:00Z'));
    for (const bad of ['2026-03-29T04:00:00', '2026-02-30T00:00:00Z', '2026-03-29T24:00:00Z', '2026-03-29T04:00:00+03:00x', 'yesterday']) expect(ms(bad), bad).toBeNaN();
  });

  it('GRD-1: the test EICs are valid', () => {
    expect([EIC_A, EIC_B, EIC_UNKNOWN].every(isValidEic)).toBe(true);
  });
});
