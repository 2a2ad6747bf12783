import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { HandDrivenChanges } from '../../test/hand-driven-changes.js';
import { SessionCache } from './session-cache.js';
import type { SessionUser } from './sessions.service.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

let ipCounter = 0;
async function loginAs(email: string): Promise<TestClient> {
  const client = t.client(`10.7.0.${++ipCounter}`);
  await client.login(email, DEMO_PASSWORD);
  return client;
}

async function householdOf(client: TestClient): Promise<string> {
  const user = (await client.get('/api/session')).json().user;
  return user.customers.find((c: { customerNumber: string }) => c.customerNumber === 'C-100001').id;
}

async function waitFor(condition: () => boolean): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > 5_000) throw new Error('condition not met within 5 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Two requests, the second from the cache: proves the cache really holds the session before a change. */
async function cachedSummary(client: TestClient, customerId: string) {
  expect((await client.get(`/api/customers/${customerId}/summary`)).statusCode).toBe(200);
  const hitsBefore = t.deps.sessionCache.hits;
  const second = await client.get(`/api/customers/${customerId}/summary`);
  expect(second.statusCode).toBe(200);
  expect(t.deps.sessionCache.hits).toBe(hitsBefore + 1);
  return second.json();
}

describe('session cache: served from memory, dropped at once on every change', () => {
  it('ACC-13: staff blocking a user ends the session at once, though it was cached', async () => {
    const marta = await loginAs('marta@demo.example');
    const household = await householdOf(marta);
    await cachedSummary(marta, household);
    const staff = await loginAs('service@demo.example');
    const martaId = (await t.deps.db.selectFrom('users').select('id').where('email', '=', 'marta@demo.example').executeTakeFirstOrThrow()).id;
    const blocked = await staff.post(`/api/staff/users/${martaId}/block`, { reason: 'suspected unlawful use' });
    expect(blocked.statusCode, blocked.body).toBe(204);
    expect((await marta.get(`/api/customers/${household}/summary`)).statusCode).toBe(401);
    await staff.post(`/api/staff/users/${martaId}/unblock`, {});
  });

  it('ACC-10: a right taken away by the main user is refused on the very next request', async () => {
    const janis = await loginAs('janis@demo.example');
    const household = await householdOf(janis);
    const marta = await loginAs('marta@demo.example');
    expect((await cachedSummary(marta, household)).rights).toContain('see_invoices');
    const users = (await janis.get(`/api/customers/${household}/users`)).json();
    const membership = users.find((u: { email: string }) => u.email === 'marta@demo.example');
    expect((await janis.patch(`/api/customers/${household}/users/${membership.membershipId}`, { rights: [] })).statusCode).toBe(204);
    expect((await marta.get(`/api/customers/${household}/summary`)).json().rights).not.toContain('see_invoices');
    await janis.patch(`/api/customers/${household}/users/${membership.membershipId}`, { rights: membership.rights });
  });

  it('ACC-13: a change written straight into the database (as another process would) is seen at once', async () => {
    const janis = await loginAs('janis@demo.example');
    const household = await householdOf(janis);
    await cachedSummary(janis, household);
    await sql`UPDATE memberships SET status = 'denied' WHERE customer_id = ${household} AND role = 'main'`.execute(t.deps.db);
    expect((await janis.get(`/api/customers/${household}/summary`)).statusCode).toBe(404);
    await sql`UPDATE memberships SET status = 'active' WHERE customer_id = ${household} AND role = 'main'`.execute(t.deps.db);
    expect((await janis.get(`/api/customers/${household}/summary`)).statusCode).toBe(200);
  });

  it('OPS-1: a new terms version in force is asked for on the next request, though the session was cached', async () => {
    const janis = await loginAs('janis@demo.example');
    const household = await householdOf(janis);
    await cachedSummary(janis, household);
    const today = t.clock.now().toISOString().slice(0, 10);
    await t.deps.db.insertInto('terms_versions').values({
      id: 'cache-test-terms', version: '9.0-cache-test', approved_on: today, valid_from: today, valid_to: null,
      text_lv: 'x', text_en: 'x', text_ru: 'x', published_at: t.clock.now(),
    }).execute();
    const refused = await janis.get(`/api/customers/${household}/summary`);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('TERMS_NOT_ACCEPTED');
    await t.deps.db.deleteFrom('terms_versions').where('id', '=', 'cache-test-terms').execute();
    expect((await janis.get(`/api/customers/${household}/summary`)).statusCode).toBe(200);
  });

  it('a session touch (last seen) keeps the cache; idle expiry still ends a cached session', async () => {
    const janis = await loginAs('janis@demo.example');
    const household = await householdOf(janis);
    await cachedSummary(janis, household);
    await sql`UPDATE sessions SET last_seen_at = last_seen_at + interval '1 second'`.execute(t.deps.db);
    const hitsBefore = t.deps.sessionCache.hits;
    expect((await janis.get(`/api/customers/${household}/summary`)).statusCode).toBe(200);
    expect(t.deps.sessionCache.hits).toBe(hitsBefore + 1);
    t.clock.advanceMinutes(31);
    expect((await janis.get(`/api/customers/${household}/summary`)).statusCode).toBe(401);
  });

  it.skipIf(!process.env.DATABASE_URL)('while the change listener is disconnected nothing is cached; it reconnects by itself', async () => {
    const janis = await loginAs('janis@demo.example');
    const household = await householdOf(janis);
    await cachedSummary(janis, household);
    await sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity
              WHERE datname = current_database() AND pid <> pg_backend_pid() AND query ILIKE 'LISTEN%'`.execute(t.deps.db);
    await waitFor(() => !t.deps.sessionCache.live);
    const hitsBefore = t.deps.sessionCache.hits;
    expect((await janis.get(`/api/customers/${household}/summary`)).statusCode).toBe(200);
    expect((await janis.get(`/api/customers/${household}/summary`)).statusCode).toBe(200);
    expect(t.deps.sessionCache.hits).toBe(hitsBefore);
    await waitFor(() => t.deps.sessionCache.live);
    await cachedSummary(janis, household);
  });
});

describe('SessionCache', () => {
  const now = new Date('2026-11-23T10:00:00Z');
  const session = { userId: 'u1', sessionIdHash: 'h1' } as SessionUser;

  it('does not store a read that started before a change to the same user (it may be stale)', () => {
    const changes = new HandDrivenChanges();
    const cache = new SessionCache(changes);
    const before = cache.generation;
    changes.send('user:u1');
    cache.set('h1', null, session, now, '2026-11-23', before);
    expect(cache.get('h1', null, now, '2026-11-23')).toBeNull();
    cache.set('h1', null, session, now, '2026-11-23', cache.generation);
    expect(cache.get('h1', null, now, '2026-11-23')).toBe(session);
  });

  it('forgets a user on "user:<id>", everything on "*" or when the listener drops, and trusts nothing while it is down', () => {
    const changes = new HandDrivenChanges();
    const cache = new SessionCache(changes);
    const other = { userId: 'u2', sessionIdHash: 'h2' } as SessionUser;
    cache.set('h1', 'c1', session, now, '2026-11-23', cache.generation);
    cache.set('h2', null, other, now, '2026-11-23', cache.generation);
    changes.send('user:u1');
    expect(cache.get('h1', 'c1', now, '2026-11-23')).toBeNull();
    expect(cache.get('h2', null, now, '2026-11-23')).toBe(other);
    changes.send('*');
    expect(cache.size).toBe(0);
    changes.live = false;
    cache.set('h2', null, other, now, '2026-11-23', cache.generation);
    expect(cache.get('h2', null, now, '2026-11-23')).toBeNull();
  });

  it('requests that miss together share one read, but never one that began before a change', async () => {
    const changes = new HandDrivenChanges();
    const cache = new SessionCache(changes);
    let reads = 0;
    const finish: Array<() => void> = [];
    const read = () => {
      reads++;
      return new Promise<SessionUser | null>((resolve) => finish.push(() => resolve(session)));
    };
    const first = cache.readOnce('h1', null, read);
    const second = cache.readOnce('h1', null, read);
    expect(reads).toBe(1);
    changes.send('user:u1');
    const afterChange = cache.readOnce('h1', null, read);
    expect(reads).toBe(2);
    finish.forEach((done) => done());
    expect(await Promise.all([first, second, afterChange])).toEqual([session, session, session]);
    cache.readOnce('h1', null, read);
    expect(reads).toBe(3); // the finished read is not reused
  });

  it('reads again after maxAge, on a new day, and keeps at most maxEntries', () => {
    const changes = new HandDrivenChanges();
    const cache = new SessionCache(changes, { maxAgeMs: 1_000, maxEntries: 2 });
    cache.set('h1', null, session, now, '2026-11-23', cache.generation);
    expect(cache.get('h1', null, new Date(now.getTime() + 1_001), '2026-11-23')).toBeNull();
    cache.set('h1', null, session, now, '2026-11-23', cache.generation);
    expect(cache.get('h1', null, now, '2026-11-24')).toBeNull();
    for (const hash of ['a', 'b', 'c']) cache.set(hash, null, { ...session, sessionIdHash: hash }, now, '2026-11-23', cache.generation);
    expect(cache.size).toBe(2);
    expect(cache.get('a', null, now, '2026-11-23')).toBeNull();
  });
});
