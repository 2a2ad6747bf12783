import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import pg from 'pg';
import { withEicCheckCharacter } from '@up/common/eic';
import { rigaDayStartMs } from '@up/common/riga-days';
import { createTestApp, type TestClient } from '../../test/test-app.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { addBilledCustomer } from '../../test/billing-fixtures.js';
import { HandDrivenChanges } from '../../test/hand-driven-changes.js';
import { SYSTEM_ACTOR } from '../audit/index.js';
import { ConsumptionAnswerCache, QUARTER_HOUR_MS } from './consumption-answer-cache.js';
import { importIntervals } from './interval-import.service.js';
import { acceptsGzip } from './consumption-json.js';

/**
 * GRD-1, GRD-3: the consumption answers kept in memory (consumption-answer-cache.ts) are never stale and never
 * anyone else's: each test first proves an answer was served from memory, then changes what it is made of the way
 * the portal does (an import, spot prices, a meter replaced, the occupant moving out) and expects the change in the
 * very next answer.
 */
const t = await createTestApp();
afterAll(async () => { await t.close(); });

let janis: TestClient;
let household = '';
let objectSeq = 0;

beforeAll(async () => {
  janis = t.client();
  await janis.login('janis@demo.example', DEMO_PASSWORD);
  household = (await t.deps.db.selectFrom('customers').select('id').where('customer_number', '=', 'C-100001').executeTakeFirstOrThrow()).id;
});

/** An object of the household since 2025-01-01 with one hourly meter and 1,000 Wh every hour of 1–2 June 2025. */
async function heldObject() {
  const objectId = randomUUID();
  const meterId = randomUUID();
  const eic = withEicCheckCharacter(`99XCACHE${String(++objectSeq).padStart(7, '0')}`);
  const meterNumber = `CACHE-${objectSeq}`;
  const now = t.clock.now();
  await t.deps.db.insertInto('metering_objects').values({
    id: objectId, kind: 'connection_point', eic, address: 'Kešatmiņas iela 1, Rīga', capacity_amperes: 25, phases: 1, voltage_volts: 230,
    status: 'active', created_at: now, updated_at: now,
  }).execute();
  await t.deps.db.insertInto('object_holdings').values({
    id: randomUUID(), object_id: objectId, customer_id: household, held_from: new Date(rigaDayStartMs('2025-01-01')), held_until: null,
  }).execute();
  await t.deps.db.insertInto('meters').values({
    id: meterId, object_id: objectId, number: meterNumber, type: 'electronic', smart: true, registers: ['total'], multiplier: 1, installed_on: '2024-01-01', removed_on: null,
  }).execute();
  for (const day of ['2025-06-01', '2025-06-02']) await putDay(meterId, day, 1000);
  return { objectId, meterId, eic, meterNumber };
}

async function putDay(meterId: string, day: string, wh: number) {
  await t.deps.db.insertInto('interval_days').values({
    meter_id: meterId, day, interval_minutes: 60, import_wh: Array(24).fill(wh), export_wh: Array(24).fill(0), quality: 'm'.repeat(24),
    import_id: 'test', updated_at: t.clock.now(),
  }).execute();
}

const JUNE = 'from=2025-06-01&to=2025-06-03&resolution=hour';
const ask = (client: TestClient, customerId: string, objectId: string, query = JUNE, headers: Record<string, string> = {}) =>
  client.request('GET', `/api/customers/${customerId}/objects/${objectId}/consumption?${query}`, undefined, headers);

/** Asks twice and expects the second answer from memory, byte for byte the first. */
async function cachedAnswer(client: TestClient, customerId: string, objectId: string) {
  const first = await ask(client, customerId, objectId);
  expect(first.statusCode, first.body).toBe(200);
  const hitsBefore = t.deps.consumptionAnswers.hits;
  const second = await ask(client, customerId, objectId);
  expect(t.deps.consumptionAnswers.hits).toBe(hitsBefore + 1);
  expect([second.statusCode, second.body, second.headers.etag]).toEqual([200, first.body, first.headers.etag]);
  return second;
}

describe('finished consumption answers kept in memory (GRD-3)', () => {
  it('GRD-3: a finished period asked again is answered from memory, also as 304 to its ETag; a period still running is computed every time', async () => {
    const { objectId } = await heldObject();
    const cached = await cachedAnswer(janis, household, objectId);
    expect(cached.json().totals.importWh).toBe(48_000);
    const hitsBefore = t.deps.consumptionAnswers.hits;
    const revalidated = await ask(janis, household, objectId, JUNE, { 'if-none-match': cached.headers.etag as string });
    expect([revalidated.statusCode, revalidated.body, t.deps.consumptionAnswers.hits]).toEqual([304, '', hitsBefore + 1]);

    // the test clock is 23 November 2026: a period up to tomorrow ends its visible part at "now"
    const running = 'from=2026-11-01&to=2026-11-24&resolution=day';
    await ask(janis, household, objectId, running);
    await ask(janis, household, objectId, running);
    expect(t.deps.consumptionAnswers.hits).toBe(hitsBefore + 1);
  });

  it('GRD-3: a value corrected by an import is in the very next answer, with a new ETag', async () => {
    const { objectId, eic, meterNumber } = await heldObject();
    const before = await cachedAnswer(janis, household, objectId);
    // 2025-06-01 03:00 Riga (00:00 UTC): 1.000 kWh corrected to 2.500 kWh
    const csv = `object_eic,meter_number,interval_start,interval_minutes,import_kwh,export_kwh,status\n${eic},${meterNumber},2025-06-01T00:00:00Z,60,2.500,0.000,\n`;
    const imported = await importIntervals(t.deps, (async function* () { yield csv; })(), { format: 'csv', source: 'cli', actor: SYSTEM_ACTOR });
    expect(imported.corrected).toBe(1);
    const after = await ask(janis, household, objectId);
    expect(after.json().totals.importWh).toBe(49_500);
    expect(after.headers.etag).not.toBe(before.headers.etag);
  });

  it('GRD-3: a new spot price and a replaced meter are in the very next answer', async () => {
    const { objectId, meterId } = await heldObject();
    await cachedAnswer(janis, household, objectId);
    await t.deps.db.insertInto('spot_prices').values({
      zone: 'LV', day: '2025-06-01', interval_minutes: 60, price_ueur_per_kwh: Array(24).fill(80_000), import_id: 'test', updated_at: t.clock.now(),
    }).onConflict((conflict) => conflict.columns(['zone', 'day']).doUpdateSet({ price_ueur_per_kwh: Array(24).fill(80_000) })).execute();
    expect((await ask(janis, household, objectId)).json().intervals.spotEurPerMwh[0]).toBe(80);

    await cachedAnswer(janis, household, objectId);
    // the meter replaced on 2 June: the new meter's day counts instead of the old one's
    await t.deps.db.updateTable('meters').set({ removed_on: '2025-06-02' }).where('id', '=', meterId).execute();
    await t.deps.db.deleteFrom('interval_days').where('meter_id', '=', meterId).where('day', '=', '2025-06-02').execute();
    const newMeterId = randomUUID();
    await t.deps.db.insertInto('meters').values({
      id: newMeterId, object_id: objectId, number: `CACHE-NEW-${objectSeq}`, type: 'electronic', smart: true, registers: ['total'], multiplier: 1,
      installed_on: '2025-06-02', removed_on: null,
    }).execute();
    await putDay(newMeterId, '2025-06-02', 10);
    expect((await ask(janis, household, objectId)).json().totals.importWh).toBe(24_000 + 240);
  });

  it('GRD-1: when the occupant moves out, the answer kept before is not given again: the part after the move is the new occupant\'s only', async () => {
    const { objectId } = await heldObject();
    expect((await cachedAnswer(janis, household, objectId)).json().totals.importWh).toBe(48_000);
    const newcomer = await addBilledCustomer(t.deps.db, 'cache-newcomer');
    const moved = new Date(rigaDayStartMs('2025-06-02'));
    await t.deps.db.updateTable('object_holdings').set({ held_until: moved }).where('object_id', '=', objectId).execute();
    await t.deps.db.insertInto('object_holdings').values({ id: randomUUID(), object_id: objectId, customer_id: newcomer.customerId, held_from: moved, held_until: null }).execute();
    const former = (await ask(janis, household, objectId)).json();
    expect([former.totals.importWh, former.visibleUntil]).toEqual([24_000, moved.toISOString()]);
  });
});

describe('compressed answers (GRD-3)', () => {
  it('GRD-3: a browser that takes gzip gets the same answer compressed, with its own ETag that revalidates; q=0 gets it plain', async () => {
    const { objectId } = await heldObject();
    const plain = await ask(janis, household, objectId);
    const compressed = await ask(janis, household, objectId, JUNE, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect([compressed.statusCode, compressed.headers['content-encoding'], compressed.headers.vary]).toEqual([200, 'gzip', 'accept-encoding']);
    expect(compressed.headers.etag).toBe(`${(plain.headers.etag as string).slice(0, -1)}-gzip"`);
    expect(gunzipSync(compressed.rawPayload).toString('utf8')).toBe(plain.body);
    expect(compressed.rawPayload.byteLength).toBeLessThan(plain.rawPayload.byteLength / 3);
    const revalidated = await ask(janis, household, objectId, JUNE, { 'accept-encoding': 'gzip', 'if-none-match': compressed.headers.etag as string });
    expect([revalidated.statusCode, revalidated.headers.etag]).toEqual([304, compressed.headers.etag]);
    const refused = await ask(janis, household, objectId, JUNE, { 'accept-encoding': 'gzip;q=0, identity' });
    expect([refused.headers['content-encoding'], refused.body]).toEqual([undefined, plain.body]);
    // a running period, computed for this request, is compressed too
    const running = await ask(janis, household, objectId, 'from=2026-11-01&to=2026-11-24&resolution=day', { 'accept-encoding': 'gzip' });
    expect(JSON.parse(gunzipSync(running.rawPayload).toString('utf8')).objectId).toBe(objectId);
  });

  it('reads Accept-Encoding as RFC 9110 says', () => {
    expect([undefined, '', 'br', 'gzip', 'GZIP;q=0.5', '*', 'gzip;q=0', 'gzip;q=0, *', 'br, *;q=0.1', '*;q=0'].map(acceptsGzip))
      .toEqual([false, false, false, true, true, true, false, false, true, false]);
  });
});

describe('ConsumptionAnswerCache', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const answer = (bytes: number) => ({ etag: '"e"', body: Buffer.alloc(bytes) });

  it('GRD-3: does not keep an answer read before a change (it may be stale), nor any while the listener is down', () => {
    const changes = new HandDrivenChanges();
    const cache = new ConsumptionAnswerCache(changes);
    const before = cache.generation;
    changes.send('metering');
    cache.set('k', answer(10), now, before);
    expect(cache.get('k', now)).toBeNull();
    changes.live = false;
    cache.set('k', answer(10), now, cache.generation);
    expect(cache.get('k', now)).toBeNull();
  });

  it('GRD-3: forgets everything on "metering", "*" or a lost listener; a user\'s session change keeps it', () => {
    const changes = new HandDrivenChanges();
    const cache = new ConsumptionAnswerCache(changes);
    for (const payload of ['metering', '*', null]) {
      cache.set('k', answer(10), now, cache.generation);
      changes.send('user:u1');
      expect(cache.get('k', now)).not.toBeNull();
      changes.send(payload);
      expect(cache.size).toBe(0);
    }
  });

  it('GRD-3: requests that miss together share one computation, but never one that began before a change', async () => {
    const changes = new HandDrivenChanges();
    const cache = new ConsumptionAnswerCache(changes);
    const finish: Array<() => void> = [];
    let computed = 0;
    const compute = () => {
      computed++;
      return new Promise<{ etag: string; body: Buffer }>((resolve) => finish.push(() => resolve(answer(10))));
    };
    const clock = () => now;
    const first = cache.computeOnce('k', now, clock, compute);
    const second = cache.computeOnce('k', now, clock, compute);
    expect(computed).toBe(1);
    changes.send('metering');
    const afterChange = cache.computeOnce('k', now, clock, compute);
    expect(computed).toBe(2);
    finish.forEach((done) => done());
    await Promise.all([first, second, afterChange]);
    expect(cache.get('k', now)).not.toBeNull(); // the computation begun after the change is kept
  });

  it('GRD-3: an answer is for the quarter-hour it was computed in; the least recently used goes when the bytes are full', () => {
    const changes = new HandDrivenChanges();
    const cache = new ConsumptionAnswerCache(changes, { maxBytes: 400 });
    cache.set('k', answer(10), now, cache.generation);
    expect(cache.get('k', new Date(now.getTime() + QUARTER_HOUR_MS))).toBeNull();
    for (const key of ['a', 'b', 'c']) cache.set(key, answer(100), now, cache.generation);
    expect(cache.get('a', now)).not.toBeNull(); // a used: b is now the least recently used
    cache.set('d', answer(100), now, cache.generation);
    cache.set('e', answer(100), now, cache.generation);
    expect(['a', 'b', 'c', 'd', 'e'].map((key) => cache.get(key, now) !== null)).toEqual([true, false, true, true, true]);
    cache.set('too-big', answer(101), now, cache.generation);
    expect(cache.get('too-big', now)).toBeNull();
  });
});

describe.skipIf(!process.env.DATABASE_URL)('another process\'s change (PostgreSQL)', () => {
  it('GRD-3: a correction committed by another process drops the kept answers as soon as its notification arrives', async () => {
    const { objectId, meterId } = await heldObject();
    await cachedAnswer(janis, household, objectId);
    const other = new pg.Client({ connectionString: t.databaseUrl! });
    await other.connect();
    try {
      await other.query(`UPDATE interval_days SET import_wh = array_fill(2000, ARRAY[24]) WHERE meter_id = $1 AND day = '2025-06-01'`, [meterId]);
    } finally {
      await other.end();
    }
    const started = Date.now();
    while (t.deps.consumptionAnswers.size > 0 && Date.now() - started < 5_000) await new Promise((resolve) => setTimeout(resolve, 10));
    expect((await ask(janis, household, objectId)).json().totals.importWh).toBe(72_000);
  });
});
