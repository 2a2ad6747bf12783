/** GRD-2: meter readings — the history, and a submitted reading as a signed order (GRD-6, ACC-18). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { withEicCheckCharacter } from '@up/common/eic';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { fingerprint } from '../../test/table-fingerprint.js';
import { insideReadingWindow, kwhToWh, whToKwh } from './meter-readings.service.js';

let objectSeq = 0;

/** An object of the customer (held from `heldFrom`), as staff import would store it. */
async function addObject(t: TestApp, customerId: string, options: { heldFrom?: string; heldUntil?: string; amperes?: number | null; phases?: 1 | 3 | null } = {}) {
  const id = randomUUID();
  const now = t.clock.now();
  await t.deps.db.insertInto('metering_objects').values({
    id, kind: 'connection_point', eic: withEicCheckCharacter(`99XTESTRDG${String(++objectSeq).padStart(5, '0')}`), address: 'Testa iela 1, Rīga',
    capacity_amperes: options.amperes === undefined ? null : options.amperes, phases: options.phases === undefined ? null : options.phases,
    voltage_volts: 230, status: 'active', created_at: now, updated_at: now,
  }).execute();
  await t.deps.db.insertInto('object_holdings').values({
    id: randomUUID(), object_id: id, customer_id: customerId,
    held_from: new Date(options.heldFrom ?? '2025-12-31T22:00:00Z'), held_until: options.heldUntil ? new Date(options.heldUntil) : null,
  }).execute();
  return id;
}

async function addMeter(t: TestApp, objectId: string, options: { registers?: string[]; installedOn?: string; removedOn?: string | null; multiplier?: number } = {}) {
  const id = randomUUID();
  const number = `RT-${id.slice(0, 8)}`;
  await t.deps.db.insertInto('meters').values({
    id, object_id: objectId, number, type: 'electronic', smart: false, registers: options.registers ?? ['total'],
    multiplier: options.multiplier ?? 1, installed_on: options.installedOn ?? '2020-01-01', removed_on: options.removedOn ?? null,
  }).execute();
  return { id, number };
}

async function addOperatorReading(t: TestApp, meterId: string, readOn: string, kwh: string, register = 'total') {
  await t.deps.db.insertInto('meter_readings').values({
    id: randomUUID(), meter_id: meterId, register, read_on: readOn, reading_wh: kwhToWh(kwh), source: 'operator',
    customer_id: null, order_id: null, created_at: t.clock.now(),
  }).execute();
}

const customerIdOf = async (t: TestApp, number: string) =>
  (await t.deps.db.selectFrom('customers').select('id').where('customer_number', '=', number).executeTakeFirstOrThrow()).id;

async function login(t: TestApp, email: string, ip: string) {
  const client = t.client(ip);
  await client.login(email, DEMO_PASSWORD);
  return client;
}

const readingsUrl = (customerId: string, objectId: string) => `/api/customers/${customerId}/objects/${objectId}/readings`;

async function expectRefused(t: TestApp, client: TestClient, url: string, body: unknown, status: number, code: string, details?: Record<string, unknown>) {
  const before = await fingerprint(t.deps.db);
  const response = await client.post(url, body);
  expect(response.statusCode, response.body).toBe(status);
  expect(response.json().error.code).toBe(code);
  if (details) expect(response.json().error.details).toMatchObject(details);
  expect(await fingerprint(t.deps.db)).toEqual(before);
  return response.json().error;
}

describe('GRD-2: readings as numbers', () => {
  it('GRD-2: kWh with up to 3 decimals are stored as exact Wh and shown back without trailing zeros', () => {
    expect(kwhToWh('12345.6')).toBe(12_345_600);
    expect(kwhToWh('0.001')).toBe(1);
    expect(kwhToWh('999999999.999')).toBe(999_999_999_999);
    expect(whToKwh(12_345_600)).toBe('12345.6');
    expect(whToKwh(1)).toBe('0.001');
    expect(whToKwh(7_000)).toBe('7');
  });

  it('GRD-2: the reading window 25 → 3 runs from the 25th through the 3rd of the next month; 5 → 10 within a month; null any day', () => {
    const wrap = { firstDay: 25, lastDay: 3 };
    expect(['2026-11-25', '2026-11-30', '2026-12-01', '2026-12-03', '2027-02-28'].map((day) => insideReadingWindow(wrap, day))).toEqual([true, true, true, true, true]);
    expect(['2026-11-24', '2026-12-04', '2026-12-15'].map((day) => insideReadingWindow(wrap, day))).toEqual([false, false, false]);
    const within = { firstDay: 5, lastDay: 10 };
    expect(['2026-11-04', '2026-11-05', '2026-11-10', '2026-11-11'].map((day) => insideReadingWindow(within, day))).toEqual([false, true, true, false]);
    expect(insideReadingWindow(null, '2026-11-17')).toBe(true);
  });
});

describe('GRD-2: submitting and reading meter readings', () => {
  let t: TestApp;
  let household: string;
  let otherCustomer: string;
  let janis: TestClient;
  let marta: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    household = await customerIdOf(t, 'C-100001');
    otherCustomer = await customerIdOf(t, 'C-100002');
    janis = await login(t, 'janis@demo.example', '10.0.40.1');
    marta = await login(t, 'marta@demo.example', '10.0.40.2');
  });
  afterAll(async () => { await t?.close(); });

  it('GRD-2, GRD-6, ACC-18: a reading below the last one is refused naming the field and changes nothing; a higher one is a signed order with its reading', async () => {
    const objectId = await addObject(t, household);
    const meter = await addMeter(t, objectId);
    await addOperatorReading(t, meter.id, '2026-10-31', '12000.5');
    const url = readingsUrl(household, objectId);

    const below = await expectRefused(t, janis, url, { meterId: meter.id, register: 'total', readOn: '2026-11-22', readingKwh: '11999' }, 400, 'READING_BELOW_LAST');
    expect(below.details).toEqual({ field: 'readingKwh', reason: 'below the last reading of this meter and register', lastReadOn: '2026-10-31', lastReadingKwh: '12000.5' });
    expect(await t.deps.db.selectFrom('orders').select('id').where('customer_id', '=', household).where('type', '=', 'meter_reading').execute()).toEqual([]);

    const accepted = await janis.post(url, { meterId: meter.id, register: 'total', readOn: '2026-11-22', readingKwh: '12100.250' });
    expect(accepted.statusCode, accepted.body).toBe(201);
    const { readingId, orderId, status } = accepted.json();
    expect(status).toBe('submitted');

    const order = await t.deps.db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow();
    const janisId = (await t.deps.db.selectFrom('users').select('id').where('email', '=', 'janis@demo.example').executeTakeFirstOrThrow()).id;
    expect(order).toMatchObject({ customer_id: household, user_id: janisId, type: 'meter_reading', status: 'submitted', signed_with: 'password' });
    expect(order.payload).toEqual({ objectId, meterId: meter.id, meterNumber: meter.number, register: 'total', readOn: '2026-11-22', readingKwh: '12100.25' });
    const reading = await t.deps.db.selectFrom('meter_readings').selectAll().where('id', '=', readingId).executeTakeFirstOrThrow();
    expect(reading).toMatchObject({ meter_id: meter.id, register: 'total', read_on: '2026-11-22', reading_wh: 12_100_250, source: 'customer', customer_id: household, order_id: orderId });

    // ACC-17: the order's signature and the reading as business events (no meter value in the reading's event)
    const events = await t.deps.db.selectFrom('audit_events').select(['action', 'object_id', 'actor_user_id', 'customer_id', 'details'])
      .where('object_id', 'in', [orderId, readingId]).orderBy('seq').execute();
    expect(events.map((event) => event.action)).toEqual(['order.signed', 'metering.reading_submitted']);
    expect(events[1]).toMatchObject({ actor_user_id: janisId, customer_id: household, details: { orderId, meterNumber: meter.number, register: 'total', readOn: '2026-11-22' } });
    expect(JSON.stringify(events[1].details)).not.toContain('12100');

    // GRD-6: the order is among the customer's orders, with its status
    const orders = (await janis.get(`/api/customers/${household}/orders`)).json();
    expect(orders.find((o: { id: string }) => o.id === orderId)).toMatchObject({ type: 'meter_reading', status: 'submitted', signedWith: 'password', signedBy: 'Jānis Bērziņš' });

    // The history, newest first, from both sources.
    const history = await janis.get(url);
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().map((r: { readOn: string; readingKwh: string; source: string; orderId: string | null; meterNumber: string }) => [r.readOn, r.readingKwh, r.source, r.orderId, r.meterNumber])).toEqual([
      ['2026-11-22', '12100.25', 'customer', orderId, meter.number],
      ['2026-10-31', '12000.5', 'operator', null, meter.number],
    ]);

    // One reading of a meter and register a day from the customer.
    await expectRefused(t, janis, url, { meterId: meter.id, register: 'total', readOn: '2026-11-22', readingKwh: '12200' }, 409, 'READING_EXISTS', { field: 'readOn' });
    // A later reading may not go above a reading already there for a later day.
    await expectRefused(t, janis, url, { meterId: meter.id, register: 'total', readOn: '2026-11-15', readingKwh: '12150' }, 400, 'READING_ABOVE_NEXT', { field: 'readingKwh', nextReadOn: '2026-11-22' });
  });

  it('GRD-2, GRD-6: the generic order form does not take meter readings: it names the readings route', async () => {
    const before = await fingerprint(t.deps.db);
    const response = await janis.post(`/api/customers/${household}/orders`, { type: 'meter_reading', payload: { reading: 1234 } });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error).toMatchObject({ code: 'ORDER_TYPE_HAS_OWN_ROUTE', details: { field: 'type', route: 'POST /api/customers/:customerId/objects/:objectId/readings' } });
    expect(await fingerprint(t.deps.db)).toEqual(before);
  });

  it('GRD-2: a replaced meter starts its own history: the new meter is not compared with the old one, the old one takes no reading after its removal', async () => {
    const objectId = await addObject(t, household);
    const old = await addMeter(t, objectId, { installedOn: '2015-03-01', removedOn: '2026-11-10' });
    const fresh = await addMeter(t, objectId, { installedOn: '2026-11-10' });
    await addOperatorReading(t, old.id, '2026-10-31', '48210');
    await addOperatorReading(t, old.id, '2026-11-10', '48300');
    await addOperatorReading(t, fresh.id, '2026-11-10', '0');
    const url = readingsUrl(household, objectId);

    const accepted = await janis.post(url, { meterId: fresh.id, register: 'total', readOn: '2026-11-22', readingKwh: '95.5' });
    expect(accepted.statusCode, accepted.body).toBe(201);
    await expectRefused(t, janis, url, { meterId: old.id, register: 'total', readOn: '2026-11-22', readingKwh: '48400' }, 400, 'METER_NOT_INSTALLED',
      { field: 'readOn', installedOn: '2015-03-01', removedOn: '2026-11-10' });
    // both meters' histories stay
    const history = (await janis.get(url)).json() as { meterNumber: string; readingKwh: string }[];
    expect(history.map((r) => `${r.meterNumber} ${r.readingKwh}`)).toEqual([`${fresh.number} 95.5`, expect.any(String), expect.any(String), `${old.number} 48210`]);
    expect(history.slice(1, 3).map((r) => `${r.meterNumber} ${r.readingKwh}`).sort()).toEqual([`${fresh.number} 0`, `${old.number} 48300`].sort());
  });

  it('GRD-2: a reading implying more daily use than the connection can carry, or far more than the customer used before, is refused as implausible', async () => {
    // (a) 25 A × 1 phase × 230 V × 24 h = 138 kWh a day at most
    const small = await addObject(t, household, { amperes: 25, phases: 1 });
    const meter = await addMeter(t, small);
    await addOperatorReading(t, meter.id, '2026-11-20', '1000');
    const capacity = await expectRefused(t, janis, readingsUrl(household, small), { meterId: meter.id, register: 'total', readOn: '2026-11-22', readingKwh: '1280' }, 400, 'READING_IMPLAUSIBLE');
    expect(capacity.details).toMatchObject({ field: 'readingKwh', rule: 'capacity', maxKwhPerDay: 138, impliedKwhPerDay: 140 });
    expect((await janis.post(readingsUrl(household, small), { meterId: meter.id, register: 'total', readOn: '2026-11-22', readingKwh: '1270' })).statusCode).toBe(201);

    // (b) no capacity data; 10 kWh a day over the last readings: at most 5 × 10 + 10 = 60 kWh a day
    const house = await addObject(t, household);
    const dayNight = await addMeter(t, house, { registers: ['day', 'night'] });
    await addOperatorReading(t, dayNight.id, '2026-09-21', '1000', 'day');
    await addOperatorReading(t, dayNight.id, '2026-10-22', '1310', 'day');
    const url = readingsUrl(household, house);
    const history = await expectRefused(t, janis, url, { meterId: dayNight.id, register: 'day', readOn: '2026-11-22', readingKwh: String(1310 + 31 * 61) }, 400, 'READING_IMPLAUSIBLE');
    expect(history.details).toMatchObject({ field: 'readingKwh', rule: 'history', maxKwhPerDay: 60, impliedKwhPerDay: 61 });
    expect((await janis.post(url, { meterId: dayNight.id, register: 'day', readOn: '2026-11-22', readingKwh: String(1310 + 31 * 59) })).statusCode).toBe(201);
    // With a single earlier reading there is no past use to judge by (and no capacity): accepted.
    await addOperatorReading(t, dayNight.id, '2026-10-22', '500', 'night');
    expect((await janis.post(url, { meterId: dayNight.id, register: 'night', readOn: '2026-11-22', readingKwh: '5000' })).statusCode).toBe(201);
  });

  it('GRD-2: meter, register and date are checked, each refusal naming the field', async () => {
    const objectId = await addObject(t, household, { heldFrom: '2026-05-31T21:00:00Z' }); // from 1 June, Riga time
    const meter = await addMeter(t, objectId, { registers: ['day', 'night'] });
    const otherObject = await addObject(t, household);
    const foreignMeter = await addMeter(t, otherObject);
    const url = readingsUrl(household, objectId);
    const body = { meterId: meter.id, register: 'day', readOn: '2026-11-22', readingKwh: '10' };
    await expectRefused(t, janis, url, { ...body, meterId: foreignMeter.id }, 400, 'METER_NOT_ON_OBJECT', { field: 'meterId' });
    await expectRefused(t, janis, url, { ...body, register: 'total' }, 400, 'REGISTER_UNKNOWN', { field: 'register', registers: ['day', 'night'] });
    await expectRefused(t, janis, url, { ...body, readOn: '2026-11-24' }, 400, 'READ_ON_IN_FUTURE', { field: 'readOn', today: '2026-11-23' });
    await expectRefused(t, janis, url, { ...body, readOn: '2026-05-31' }, 400, 'READ_ON_OUTSIDE_HOLDING', { field: 'readOn' });
    await expectRefused(t, janis, url, { ...body, readingKwh: '-5' }, 400, 'VALIDATION_FAILED', { field: 'readingKwh' });
    await expectRefused(t, janis, url, { ...body, readingKwh: '1.2345' }, 400, 'VALIDATION_FAILED', { field: 'readingKwh' });
    expect((await janis.post(url, { ...body, readOn: '2026-06-01' })).statusCode).toBe(201);
  });

  it('GRD-1, GRD-2: the history shows only the customer\'s time with the object; a customer reading of another customer is not shown', async () => {
    const objectId = await addObject(t, household, { heldFrom: '2026-05-31T21:00:00Z' });
    const meter = await addMeter(t, objectId);
    await addOperatorReading(t, meter.id, '2026-05-31', '700'); // the previous occupant's last day
    await addOperatorReading(t, meter.id, '2026-06-01', '705');
    await t.deps.db.insertInto('object_holdings').values({
      id: randomUUID(), object_id: objectId, customer_id: otherCustomer, held_from: new Date('2026-01-01T00:00:00Z'), held_until: new Date('2026-05-31T21:00:00Z'),
    }).execute();
    await t.deps.db.insertInto('meter_readings').values({
      id: randomUUID(), meter_id: meter.id, register: 'total', read_on: '2026-06-01', reading_wh: 706_000, source: 'customer',
      customer_id: otherCustomer, order_id: null, created_at: t.clock.now(),
    }).execute();
    const history = (await janis.get(readingsUrl(household, objectId))).json() as { readOn: string; source: string }[];
    expect(history.map((r) => `${r.readOn} ${r.source}`)).toEqual(['2026-06-01 operator']);
    // A reading below one the customer may not see is refused without showing it.
    await expectRefused(t, janis, readingsUrl(household, objectId), { meterId: meter.id, register: 'total', readOn: '2026-06-02', readingKwh: '705.5' }, 400, 'READING_BELOW_LAST',
      { field: 'readingKwh', lastReadOn: null, lastReadingKwh: null });
  });

  it('ACC-10, GRD-2: an additional user without sign_orders sees the readings but cannot submit one; another customer\'s object is 404', async () => {
    const objectId = await addObject(t, household);
    const meter = await addMeter(t, objectId);
    await addOperatorReading(t, meter.id, '2026-11-01', '321');
    const url = readingsUrl(household, objectId);
    const seen = await marta.get(url);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toHaveLength(1);
    await expectRefused(t, marta, url, { meterId: meter.id, register: 'total', readOn: '2026-11-22', readingKwh: '400' }, 403, 'RIGHT_MISSING');

    // an object of another customer, asked for under Jānis's own customer, does not exist for him
    const theirs = await addObject(t, otherCustomer);
    const theirMeter = await addMeter(t, theirs);
    const notFound = await janis.get(readingsUrl(household, theirs));
    expect(notFound.statusCode).toBe(404);
    expect(notFound.json().error.code).toBe('OBJECT_NOT_FOUND');
    await expectRefused(t, janis, readingsUrl(household, theirs), { meterId: theirMeter.id, register: 'total', readOn: '2026-11-22', readingKwh: '1' }, 404, 'OBJECT_NOT_FOUND');
    // and another customer's path is that customer's, which he does not act for
    expect((await janis.get(readingsUrl(otherCustomer, theirs))).json().error.code).toBe('CUSTOMER_NOT_FOUND');
  });
});

describe('GRD-2: the operator\'s rules for readings', () => {
  it('GRD-2: outside the operator\'s reading window (25th → 3rd) a reading is refused with the window; inside it is taken', async () => {
    const t = await createTestApp({ operator: { metering: { readingWindow: { firstDay: 25, lastDay: 3 }, netBillingMarginEurPerKwh: '0.0200', spotPriceZone: 'LV' } } });
    try {
      const household = await customerIdOf(t, 'C-100001');
      const janis = await login(t, 'janis@demo.example', '10.0.41.1');
      const objectId = await addObject(t, household);
      const meter = await addMeter(t, objectId);
      const body = { meterId: meter.id, register: 'total', readOn: '2026-11-23', readingKwh: '100' };
      const refused = await expectRefused(t, janis, readingsUrl(household, objectId), body, 400, 'READING_OUTSIDE_WINDOW');
      expect(refused.details).toEqual({ firstDay: 25, lastDay: 3, today: '2026-11-23', opensOn: '2026-11-25' });
      t.clock.set('2026-11-24T21:59:00Z'); // 23:59 on the 24th in Riga: still closed
      await janis.login('janis@demo.example', DEMO_PASSWORD); // the session has timed out meanwhile
      await expectRefused(t, janis, readingsUrl(household, objectId), body, 400, 'READING_OUTSIDE_WINDOW');
      t.clock.set('2026-11-24T22:00:00Z'); // 00:00 on the 25th in Riga
      await janis.login('janis@demo.example', DEMO_PASSWORD);
      const accepted = await janis.post(readingsUrl(household, objectId), body);
      expect(accepted.statusCode, accepted.body).toBe(201);
    } finally {
      await t.close();
    }
  });

  it('ACC-18: where the operator wants a bank/eID login for readings, a password login is refused with STEP_UP_REQUIRED and nothing is stored', async () => {
    const t = await createTestApp({ operator: { rules: { stepUpOrderTypes: ['meter_reading'] } } });
    try {
      const household = await customerIdOf(t, 'C-100001');
      const janis = await login(t, 'janis@demo.example', '10.0.42.1');
      const objectId = await addObject(t, household);
      const meter = await addMeter(t, objectId);
      await expectRefused(t, janis, readingsUrl(household, objectId), { meterId: meter.id, register: 'total', readOn: '2026-11-23', readingKwh: '100' }, 403, 'STEP_UP_REQUIRED', { orderType: 'meter_reading' });
    } finally {
      await t.close();
    }
  });

  it('OPS-3: a profile without meter_reading orders takes no readings', async () => {
    const t = await createTestApp({ operator: { orderTypes: ['service_application'] } });
    try {
      const household = await customerIdOf(t, 'C-100001');
      const janis = await login(t, 'janis@demo.example', '10.0.43.1');
      const objectId = await addObject(t, household);
      const meter = await addMeter(t, objectId);
      await expectRefused(t, janis, readingsUrl(household, objectId), { meterId: meter.id, register: 'total', readOn: '2026-11-23', readingKwh: '100' }, 400, 'ORDER_TYPE_OFF');
    } finally {
      await t.close();
    }
  });
});
