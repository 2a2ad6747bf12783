/**
 * Customer data API tokens (issue 11, point 7): created and revoked by the main user, read with
 * `Authorization: Bearer …` on routes declared `dataToken: true`, every use audited (ACC-17), rate limited.
 * The Bearer path is tested on a probe route of a test module, so it does not depend on the consumption routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash, randomUUID } from 'node:crypto';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { withEicCheckCharacter } from '@up/common/eic';
import { ObjectParams } from '@up/common/contracts/metering';
import type { Deps } from '../../deps.js';
import type { PortalModule } from '../../portal-module.js';
import { PORTAL_MODULES } from '../../modules.js';
import { allowedObjectIds } from '../../http/route-access.js';
import { answers } from '../../http/answers.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { fingerprint } from '../../test/table-fingerprint.js';
import { findHeldObject } from './object-access.js';
import { DATA_TOKEN_RATE_LIMIT } from './data-tokens.service.js';

const PROBE_ROUTE = '/api/customers/:customerId/objects/:objectId/probe';

/** A consumption-like route: a user of the customer or a data token of it reads an object it held. */
const probeModule: PortalModule = {
  name: 'data-token-probe',
  switchedBy: 'core',
  auditActions: [],
  customerRoutes: (async (app, deps) => {
    app.get(PROBE_ROUTE, {
      config: { access: { customer: 'member', dataToken: true } },
      schema: { params: ObjectParams, response: answers({ 200: Type.Object({ objectId: Type.String(), viaToken: Type.Boolean() }) }) },
    }, async (request) => {
      const held = await findHeldObject(deps.db, request.params.customerId, request.params.objectId, allowedObjectIds(request));
      return { objectId: held.objectId, viaToken: request.dataToken !== null };
    });
  }) as FastifyPluginAsyncTypebox<Deps>,
};

let t: TestApp;
let household: string;
let otherCustomer: string;
let objects: { flat: string; house: string; theirs: string };
let janis: TestClient;
let marta: TestClient;
let objectSeq = 0;

async function addObject(customerId: string) {
  const id = randomUUID();
  const now = t.clock.now();
  await t.deps.db.insertInto('metering_objects').values({
    id, kind: 'connection_point', eic: withEicCheckCharacter(`99XTESTTOK${String(++objectSeq).padStart(5, '0')}`), address: 'Testa iela 2, Rīga',
    capacity_amperes: 25, phases: 1, voltage_volts: 230, status: 'active', created_at: now, updated_at: now,
  }).execute();
  await t.deps.db.insertInto('object_holdings').values({ id: randomUUID(), object_id: id, customer_id: customerId, held_from: new Date('2026-01-01T00:00:00Z'), held_until: null }).execute();
  return id;
}

const probeUrl = (customerId: string, objectId: string) => `/api/customers/${customerId}/objects/${objectId}/probe`;
/** A third party: no cookies, only the token. */
const withToken = (token: string, url: string, method = 'GET') => t.client('10.0.50.9').request(method, url, method === 'GET' ? undefined : {}, { authorization: `Bearer ${token}` });

async function createToken(body: { name?: string; objectIds?: string[] | null; expiresOn?: string } = {}) {
  const response = await janis.post(`/api/customers/${household}/data-tokens`, { name: 'Energy app', objectIds: null, expiresOn: '2027-06-30', ...body });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { token: string; dataToken: { id: string; name: string; objectIds: string[] | null; expiresAt: string; lastUsedAt: string | null; revokedAt: string | null; createdBy: string } };
}

const usesOf = (tokenId: string) => t.deps.db.selectFrom('audit_events').select(['action', 'customer_id', 'actor_user_id', 'actor_role', 'ip', 'details'])
  .where('object_id', '=', tokenId).where('action', '=', 'data_token.used').orderBy('seq').execute();

beforeAll(async () => {
  t = await createTestApp({ modules: [...PORTAL_MODULES, probeModule] });
  const customer = async (number: string) => (await t.deps.db.selectFrom('customers').select('id').where('customer_number', '=', number).executeTakeFirstOrThrow()).id;
  household = await customer('C-100001');
  otherCustomer = await customer('C-100002');
  objects = { flat: await addObject(household), house: await addObject(household), theirs: await addObject(otherCustomer) };
  janis = t.client('10.0.50.1');
  await janis.login('janis@demo.example', DEMO_PASSWORD);
  marta = t.client('10.0.50.2');
  await marta.login('marta@demo.example', DEMO_PASSWORD);
});
afterAll(async () => { await t?.close(); });

describe('data tokens: created by the main user, shown once, stored hashed', () => {
  it('ACC-10: only the main user creates, lists and revokes tokens: an additional user gets 403 and nothing changes', async () => {
    const before = await fingerprint(t.deps.db);
    const created = await marta.post(`/api/customers/${household}/data-tokens`, { name: 'Mine', objectIds: null, expiresOn: '2027-01-31' });
    expect(created.statusCode).toBe(403);
    expect(created.json().error.code).toBe('RIGHT_MISSING');
    expect((await marta.get(`/api/customers/${household}/data-tokens`)).statusCode).toBe(403);
    expect(await fingerprint(t.deps.db)).toEqual(before);
  });

  it('ACC-17: the token is answered once with a recognisable prefix; the portal keeps only its SHA-256 hash; the creation is audited without it', async () => {
    const { token, dataToken } = await createToken({ name: '  Energy app  ' });
    expect(token).toMatch(/^upd_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token.slice(4), 'base64url')).toHaveLength(32);
    expect(dataToken).toMatchObject({ name: 'Energy app', objectIds: null, lastUsedAt: null, revokedAt: null, createdBy: 'Jānis Bērziņš' });
    // valid through the Riga day 30 June 2027 (summer time, UTC+3)
    expect(dataToken.expiresAt).toBe('2027-06-30T21:00:00.000Z');

    const row = await t.deps.db.selectFrom('data_tokens').selectAll().where('id', '=', dataToken.id).executeTakeFirstOrThrow();
    expect(row.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    const list = await janis.get(`/api/customers/${household}/data-tokens`);
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(token.slice(4));
    expect(list.json().map((item: { id: string }) => item.id)).toContain(dataToken.id);

    const events = await t.deps.db.selectFrom('audit_events').selectAll().where('object_id', '=', dataToken.id).execute();
    expect(events.map((event) => event.action)).toEqual(['data_token.created']);
    expect(events[0]).toMatchObject({ customer_id: household, ip: '10.0.50.1', details: { name: 'Energy app', objectIds: null } });
    expect(JSON.stringify(events)).not.toContain(token.slice(4));
  });

  it('a token expires after today and within 366 days, and only for the customer\'s own objects: else 400 naming the field, nothing changed', async () => {
    const url = `/api/customers/${household}/data-tokens`;
    const refusals = [
      [{ name: 'x', objectIds: null, expiresOn: '2026-11-23' }, 'expiresOn'], // today
      [{ name: 'x', objectIds: null, expiresOn: '2027-11-25' }, 'expiresOn'], // 367 days ahead
      [{ name: 'x', objectIds: null, expiresOn: '2027-02-30' }, 'expiresOn'],
      [{ name: '   ', objectIds: null, expiresOn: '2027-01-31' }, 'name'],
      [{ name: 'x', objectIds: [objects.flat, objects.theirs], expiresOn: '2027-01-31' }, 'objectIds'],
      [{ name: 'x', objectIds: [], expiresOn: '2027-01-31' }, 'objectIds'],
    ] as const;
    for (const [body, field] of refusals) {
      const before = await fingerprint(t.deps.db);
      const response = await janis.post(url, body);
      expect(response.statusCode, JSON.stringify(body)).toBe(400);
      expect(response.json().error.details.field, response.body).toBe(field);
      expect(await fingerprint(t.deps.db)).toEqual(before);
    }
    expect((await janis.post(url, { name: 'x', objectIds: null, expiresOn: '2027-11-24' })).statusCode).toBe(201); // 366 days
  });
});

describe('data tokens: reading with Authorization: Bearer', () => {
  it('ACC-17: a third party without cookies reads with the token; every use is audited (method and route, never the token) and shown as last use', async () => {
    const { token, dataToken } = await createToken();
    for (const objectId of [objects.flat, objects.house, objects.flat]) {
      const response = await withToken(token, probeUrl(household, objectId));
      expect(response.statusCode, response.body).toBe(200);
      expect(response.json()).toEqual({ objectId, viaToken: true });
    }
    const uses = await usesOf(dataToken.id);
    expect(uses).toHaveLength(3);
    expect(uses[1]).toEqual({
      action: 'data_token.used', customer_id: household, actor_user_id: null, actor_role: 'data_token', ip: '10.0.50.9',
      details: { method: 'GET', route: PROBE_ROUTE, path: probeUrl(household, objects.house) },
    });
    expect(JSON.stringify(uses)).not.toContain(token.slice(4));
    const listed = (await janis.get(`/api/customers/${household}/data-tokens`)).json().find((item: { id: string }) => item.id === dataToken.id);
    expect(listed.lastUsedAt).toBe(t.clock.now().toISOString());
    // The same route still works for the customer's users with their session.
    expect((await marta.get(probeUrl(household, objects.flat))).json()).toEqual({ objectId: objects.flat, viaToken: false });
  });

  it('GRD-1: a token for chosen objects is refused (404) on the customer\'s other objects; a token is 404 on another customer\'s path', async () => {
    const { token } = await createToken({ objectIds: [objects.flat] });
    expect((await withToken(token, probeUrl(household, objects.flat))).statusCode).toBe(200);
    const other = await withToken(token, probeUrl(household, objects.house));
    expect(other.statusCode).toBe(404);
    expect(other.json().error.code).toBe('OBJECT_NOT_FOUND');
    const foreign = await withToken(token, probeUrl(otherCustomer, objects.theirs));
    expect(foreign.statusCode).toBe(404);
    expect(foreign.json().error.code).toBe('CUSTOMER_NOT_FOUND');
  });

  it('ACC-17: a revoked token is refused at once with 401 and WWW-Authenticate; revoking is audited and shown', async () => {
    const { token, dataToken } = await createToken();
    expect((await withToken(token, probeUrl(household, objects.flat))).statusCode).toBe(200);
    const revoked = await janis.delete(`/api/customers/${household}/data-tokens/${dataToken.id}`);
    expect(revoked.statusCode, revoked.body).toBe(204);
    const refused = await withToken(token, probeUrl(household, objects.flat));
    expect(refused.statusCode).toBe(401);
    expect(refused.json().error.code).toBe('DATA_TOKEN_INVALID');
    expect(refused.headers['www-authenticate']).toMatch(/^Bearer realm="customer-data", error="invalid_token"/);
    expect(await usesOf(dataToken.id)).toHaveLength(1);
    const events = await t.deps.db.selectFrom('audit_events').select(['action', 'actor_user_id']).where('object_id', '=', dataToken.id).orderBy('seq').execute();
    expect(events.map((event) => event.action)).toEqual(['data_token.created', 'data_token.used', 'data_token.revoked']);
    const listed = (await janis.get(`/api/customers/${household}/data-tokens`)).json().find((item: { id: string }) => item.id === dataToken.id);
    expect(listed.revokedAt).toBe(t.clock.now().toISOString());
    // Revoking again changes nothing; another customer's or an unknown token is 404.
    const before = await fingerprint(t.deps.db);
    expect((await janis.delete(`/api/customers/${household}/data-tokens/${dataToken.id}`)).statusCode).toBe(204);
    expect((await janis.delete(`/api/customers/${household}/data-tokens/${randomUUID()}`)).statusCode).toBe(404);
    expect(await fingerprint(t.deps.db)).toEqual(before);
  });

  it('a token works through the Riga day it expires on and never after', async () => {
    const { token } = await createToken({ expiresOn: '2026-11-30' });
    t.clock.set('2026-11-30T21:59:59Z'); // 23:59:59 on 30 November in Riga
    expect((await withToken(token, probeUrl(household, objects.flat))).statusCode).toBe(200);
    t.clock.set('2026-11-30T22:00:00Z');
    const expired = await withToken(token, probeUrl(household, objects.flat));
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error.code).toBe('DATA_TOKEN_INVALID');
    t.clock.set('2026-11-23T10:00:00Z');
    await janis.login('janis@demo.example', DEMO_PASSWORD);
    await marta.login('marta@demo.example', DEMO_PASSWORD);
  });

  it(`a token is limited to ${DATA_TOKEN_RATE_LIMIT.limit} requests a minute: then 429 with Retry-After, and the refused requests are not uses`, async () => {
    const { token, dataToken } = await createToken();
    t.clock.set('2026-11-23T10:05:00Z');
    for (let i = 0; i < DATA_TOKEN_RATE_LIMIT.limit; i++) {
      const response = await withToken(token, probeUrl(household, objects.flat));
      expect(response.statusCode, `request ${i + 1}`).toBe(200);
    }
    t.clock.set('2026-11-23T10:05:20Z');
    const limited = await withToken(token, probeUrl(household, objects.flat));
    expect(limited.statusCode).toBe(429);
    expect(limited.json().error).toMatchObject({ code: 'RATE_LIMITED', details: { retryAfterSeconds: 40 } });
    expect(limited.headers['retry-after']).toBe('40');
    expect(await usesOf(dataToken.id)).toHaveLength(DATA_TOKEN_RATE_LIMIT.limit);
    // another token of the customer has its own limit; the next minute the first works again
    expect((await withToken((await createToken()).token, probeUrl(household, objects.flat))).statusCode).toBe(200);
    t.clock.set('2026-11-23T10:06:00Z');
    expect((await withToken(token, probeUrl(household, objects.flat))).statusCode).toBe(200);
    t.clock.set('2026-11-23T10:00:00Z');
  });

  it('a Bearer token is refused (401) on routes that do not take one, on other methods, beside a session, or when it is not a token; nothing changes', async () => {
    const { token } = await createToken();
    const before = await fingerprint(t.deps.db);
    const refusals: [string, string, string][] = [
      ['GET', `/api/customers/${household}/data-tokens`, 'DATA_TOKEN_NOT_ACCEPTED'],
      ['GET', `/api/customers/${household}/objects/${objects.flat}/readings`, 'DATA_TOKEN_NOT_ACCEPTED'],
      ['GET', '/api/session', 'DATA_TOKEN_NOT_ACCEPTED'],
      ['POST', `/api/customers/${household}/data-tokens`, 'DATA_TOKEN_NOT_ACCEPTED'],
      ['DELETE', `/api/customers/${household}/data-tokens/${randomUUID()}`, 'DATA_TOKEN_NOT_ACCEPTED'],
    ];
    for (const [method, url, code] of refusals) {
      const response = await withToken(token, url, method);
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(response.json().error.code).toBe(code);
      expect(response.headers['www-authenticate']).toMatch(/^Bearer /);
    }
    for (const bad of ['', 'upd_short', `upd_${'A'.repeat(43)}`, `${token}x`]) {
      const response = await withToken(bad, probeUrl(household, objects.flat));
      expect(response.statusCode, bad).toBe(401);
      expect(response.json().error.code).toBe('DATA_TOKEN_INVALID');
    }
    // a logged-in user's request carrying a token too: one credential per request
    const both = await janis.request('GET', probeUrl(household, objects.flat), undefined, { authorization: `Bearer ${token}` });
    expect(both.statusCode).toBe(401);
    expect(both.json().error.code).toBe('CREDENTIALS_AMBIGUOUS');
    // without any credential, a token route says what it takes
    const anonymous = await t.client('10.0.50.8').get(probeUrl(household, objects.flat));
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['www-authenticate']).toBe('Bearer realm="customer-data"');
    expect(await fingerprint(t.deps.db)).toEqual(before);
  });

  it('the API document says which routes take a data token', () => {
    const paths = (t.app.swagger() as { paths: Record<string, Record<string, { description?: string }>> }).paths;
    expect(paths['/api/customers/{customerId}/objects/{objectId}/probe'].get.description).toContain('or a data token of the customer');
    expect(paths['/api/customers/{customerId}/data-tokens'].get.description).toBe('Access: the main user of the customer.');
  });
});
