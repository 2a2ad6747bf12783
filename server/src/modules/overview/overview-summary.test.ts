import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { newId } from '../../infra/ids.js';
import { readOverviewSummaries as readCustomerSummaries } from './overview.service.js';

let t: TestApp;
let janis: TestClient;
let marta: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  for (const number of ['C-100001', 'C-100002', 'C-100005']) {
    ids[number] = (await db.selectFrom('customers').select('id').where('customer_number', '=', number).executeTakeFirstOrThrow()).id;
  }
  for (const email of ['janis@demo.example', 'marta@demo.example']) {
    ids[email] = (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  }
  janis = t.client('192.0.2.61');
  await janis.login('janis@demo.example', DEMO_PASSWORD);
  marta = t.client('192.0.2.62');
  await marta.login('marta@demo.example', DEMO_PASSWORD);
});

afterAll(async () => {
  await t?.close();
});

async function noticeFor(customerId: string, userId: string | null) {
  await t.deps.db.insertInto('notices').values({
    id: newId(), customer_id: customerId, user_id: userId, kind: 'test', title: 'Test notice', body: 'Test', created_at: t.clock.now(),
  }).execute();
}

describe('the overview summary, read for many requests in one query', () => {
  it('answers every (customer, reader) pair its own numbers, in order, and nothing for an unknown customer', async () => {
    const household = ids['C-100001'];
    await noticeFor(household, ids['marta@demo.example']);
    const [forJanis, forMarta, unknown, otherCustomer, endedContract] = await readCustomerSummaries(t.deps.db, [
      { customerId: household, userId: ids['janis@demo.example'] },
      { customerId: household, userId: ids['marta@demo.example'] },
      { customerId: 'no-such-customer', userId: ids['janis@demo.example'] },
      { customerId: ids['C-100002'], userId: ids['janis@demo.example'] },
      { customerId: ids['C-100005'], userId: ids['janis@demo.example'] },
    ]);
    expect(forJanis).toMatchObject({ id: household, customer_number: 'C-100001', contracts: 3, active_contracts: 3, users: 2 });
    expect(forMarta).toMatchObject({ id: household, unread_notices: forJanis!.unread_notices + 1 });
    expect(unknown).toBeUndefined();
    expect(otherCustomer).toMatchObject({ id: ids['C-100002'], customer_number: 'C-100002' });
    expect(endedContract).toMatchObject({ customer_number: 'C-100005', contracts: 1, active_contracts: 0, users: 0 });
  });

  it('concurrent requests of different users each get their own answer, with every change committed before they came', async () => {
    const household = ids['C-100001'];
    const before = (await janis.get(`/api/customers/${household}/summary`)).json().unreadNotices as number;
    await noticeFor(household, ids['janis@demo.example']);
    const responses = await Promise.all(
      Array.from({ length: 24 }, (_, i) => (i % 2 === 0 ? janis : marta).get(`/api/customers/${household}/summary`)),
    );
    const martaBefore = (await marta.get(`/api/customers/${household}/summary`)).json().unreadNotices as number;
    responses.forEach((response, i) => {
      expect(response.statusCode).toBe(200);
      if (i % 2 === 0) expect(response.json()).toMatchObject({ role: 'main', unreadNotices: before + 1 });
      else expect(response.json()).toMatchObject({ role: 'additional', unreadNotices: martaBefore, users: null });
    });
  });
});
