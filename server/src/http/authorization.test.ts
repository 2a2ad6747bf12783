/**
 * Table-driven access tests over EVERY route the app registers (route-registry.ts), so that a route added
 * later is covered without anyone writing a test for it: it must declare its access, and the declared
 * access must hold for a user of another customer, an additional user without rights, staff and anonymous.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestClient } from '../test/test-app.js';
import { registeredRoutes, type RegisteredRoute } from './route-registry.js';
import { DEMO_PASSWORD } from '../db/demo-data.js';
import { fingerprint } from '../test/table-fingerprint.js';
import { exampleOf, type JsonSchema } from '../test/schema-examples.js';

// ---- the app, its routes and the actors -------------------------------------------------------------

// A year of invoices from the real billing run, so the invoice routes have invoices to answer.
const t = await createTestApp({ demoYear: true });
afterAll(async () => { await t.close(); });

const apiRoutes = registeredRoutes(t.app).filter((route) => route.url.startsWith('/api/'));
const label = (route: RegisteredRoute) => `${route.method} ${route.url}`;
const customerRoutes = apiRoutes.filter((route): route is RegisteredRoute & { access: { customer: string } } =>
  typeof route.access === 'object');
const staffRoutes = apiRoutes.filter((route) => route.access === 'staff' || route.access === 'administrator');
const administratorRoutes = apiRoutes.filter((route) => route.access === 'administrator');
const userRoutes = apiRoutes.filter((route) => route.access === 'user');

const ids = { customerId: '', membershipId: '', userId: '', objectId: '', invoiceId: '', intentId: '', contractId: '' };
/** The e-invoice is a legal entity's: the main user reads it on his company's invoice (Jānis is main user of both). */
const companyInvoice = { customerId: '', invoiceId: '' };
const actors = {} as Record<'janis' | 'marta' | 'otherCustomerUser' | 'service' | 'anonymous', TestClient>;

function requestOf(route: RegisteredRoute, known: Record<string, string> = ids): { url: string; body: unknown } {
  const schema = (route.schema ?? {}) as { params?: JsonSchema; querystring?: JsonSchema; body?: JsonSchema };
  const url = route.url.replace(/:(\w+)/g, (_match, name: string) => {
    const value0 = known[name];
    const value = value0 || String(exampleOf(schema.params?.properties?.[name] ?? { type: 'string', minLength: 1 }));
    return encodeURIComponent(value);
  });
  const query = schema.querystring ? new URLSearchParams(exampleOf(schema.querystring) as Record<string, string>).toString() : '';
  return { url: query ? `${url}?${query}` : url, body: schema.body ? exampleOf(schema.body) : undefined };
}

function call(client: TestClient, route: RegisteredRoute, known: Record<string, string> = ids): Promise<LightMyRequestResponse> {
  const { url, body } = requestOf(route, known);
  return client.request(route.method, url, body);
}

async function expectRefusedWithoutChange(client: TestClient, route: RegisteredRoute, status: number, codes: string[]) {
  const before = await fingerprint(t.deps.db);
  const response = await call(client, route);
  expect(response.statusCode, response.body).toBe(status);
  expect(codes).toContain(response.json().error.code);
  expect(await fingerprint(t.deps.db)).toEqual(before);
}

beforeAll(async () => {
  const db = t.deps.db;
  const customer = (number: string) => db.selectFrom('customers').select('id').where('customer_number', '=', number).executeTakeFirstOrThrow();
  const janisHousehold = await customer('C-100001');
  const annaHousehold = await customer('C-100002');
  const marta = await db.selectFrom('users').select('id').where('email', '=', 'marta@demo.example').executeTakeFirstOrThrow();
  const martaMembership = await db.selectFrom('memberships').select('id')
    .where('user_id', '=', marta.id).where('customer_id', '=', janisHousehold.id).executeTakeFirstOrThrow();
  const flat = await db.selectFrom('object_holdings').select('object_id').where('customer_id', '=', janisHousehold.id).orderBy('held_from').executeTakeFirstOrThrow();
  const latestInvoice = (customerId: string) => db.selectFrom('invoices').select('id').where('customer_id', '=', customerId)
    .orderBy('sequence', 'desc').limit(1).executeTakeFirstOrThrow();
  const company = await customer('C-100003');
  Object.assign(companyInvoice, { customerId: company.id, invoiceId: (await latestInvoice(company.id)).id });
  Object.assign(ids, {
    customerId: janisHousehold.id, membershipId: martaMembership.id, userId: marta.id, objectId: flat.object_id, invoiceId: (await latestInvoice(janisHousehold.id)).id,
  });

  // A contract of Jānis's household, for the termination routes (BIL-12).
  ids.contractId = (await db.selectFrom('contracts').select('id').where('customer_id', '=', janisHousehold.id).orderBy('created_at').executeTakeFirstOrThrow()).id;

  // An online payment Jānis started (BIL-15), for the route that reads one.
  ids.intentId = 'intent-authorization';
  await db.insertInto('payment_intents').values({
    id: ids.intentId, customer_id: janisHousehold.id, created_by: 'test', provider: 'demo', provider_payment_id: 'demo-authorization', amount_cents: 100,
    invoice_ids: [ids.invoiceId], status: 'started', payment_id: null, created_at: t.clock.now(), completed_at: null,
  }).execute();

  // An additional user without any right (the demo gives Marta see_invoices).
  await db.updateTable('memberships').set({ rights: sql<string[]>`'{}'::text[]` }).where('id', '=', martaMembership.id).execute();

  // A household user of another customer, registered at a service centre (ACC-5) and activated.
  actors.service = t.client('10.0.1.1');
  await actors.service.login('service@demo.example', DEMO_PASSWORD);
  const registered = await actors.service.post(`/api/staff/customers/${annaHousehold.id}/accounts`, { fullName: 'Anna Kalniņa', email: 'anna.household@example.com' });
  expect(registered.statusCode, registered.body).toBe(201);
  const link = await t.linkFromMail('anna.household@example.com', '/activate?token=');
  actors.otherCustomerUser = t.client('10.0.1.2');
  const activated = await actors.otherCustomerUser.post('/api/auth/activate', { token: new URL(link).searchParams.get('token'), password: 'Dzintars-Jura-88' });
  expect(activated.statusCode, activated.body).toBe(200);
  await actors.otherCustomerUser.login('anna.household@example.com', 'Dzintars-Jura-88');
  expect((await actors.otherCustomerUser.post('/api/me/terms/accept', { version: '1.0' })).statusCode).toBe(204);
  // She is a full user of her own customer, so a 404 on Jānis's customer is the authorization at work.
  expect((await actors.otherCustomerUser.get(`/api/customers/${annaHousehold.id}/summary`)).statusCode).toBe(200);

  actors.janis = t.client('10.0.1.3');
  await actors.janis.login('janis@demo.example', DEMO_PASSWORD);
  actors.marta = t.client('10.0.1.4');
  await actors.marta.login('marta@demo.example', DEMO_PASSWORD);
  actors.anonymous = t.client('10.0.1.5');
});

describe('every route declares its access', () => {
  it('the app has the routes this file walks through (the registry sees them all)', () => {
    expect(customerRoutes.length).toBeGreaterThanOrEqual(10);
    expect(staffRoutes.length).toBeGreaterThanOrEqual(10);
    expect(userRoutes.length).toBeGreaterThanOrEqual(5);
    expect(apiRoutes.map(label)).toEqual(expect.arrayContaining(['GET /api/openapi.json', 'GET /api/docs/json']));
  });

  it('ACC-17: no /api route is left without an access rule', () => {
    expect(apiRoutes.filter((route) => !route.access).map(label)).toEqual([]);
  });

  it('ACC-11: every customer route names its customer in :customerId', () => {
    expect(customerRoutes.filter((route) => !route.url.includes(':customerId')).map(label)).toEqual([]);
  });

  it('every route schema yields a valid example request (so the tables below can call it)', () => {
    for (const route of apiRoutes) expect(() => requestOf(route), label(route)).not.toThrow();
  });

  it('the API documentation is public', async () => {
    expect((await actors.anonymous.get('/api/docs/json')).statusCode).toBe(200);
    expect([200, 302]).toContain((await actors.anonymous.get('/api/docs')).statusCode);
  });
});

/**
 * The permission each customer route needs, written out here rather than read from the routes, so that a
 * change of a route's access (or a new customer route) must be made here too and shows in review; the
 * OpenAPI document (docs/openapi.json) states the same rule in each operation's description.
 * Seeing orders is for every user of the customer (GRD-6: the status is visible to the customer); signing one
 * needs sign_orders (ACC-10, ACC-18). Objects, consumption and readings are for every user too (GRD-1); data
 * tokens are the main user's.
 */
const DOCUMENTED_CUSTOMER_ACCESS: Record<string, string> = {
  'GET /api/customers/:customerId/summary': 'member',
  'GET /api/customers/:customerId/contracts': 'member',
  'GET /api/customers/:customerId/contract-lifecycle': 'member',
  'POST /api/customers/:customerId/contracts/:contractId/withdrawal': 'main',
  'GET /api/customers/:customerId/term-changes': 'member',
  'POST /api/customers/:customerId/term-changes/:termChangeId/leave': 'main',
  'GET /api/customers/:customerId/users': 'main',
  'POST /api/customers/:customerId/users': 'main',
  'PATCH /api/customers/:customerId/users/:membershipId': 'main',
  'DELETE /api/customers/:customerId/users/:membershipId': 'main',
  'GET /api/customers/:customerId/contact': 'member',
  'PUT /api/customers/:customerId/contact': 'main',
  'PUT /api/customers/:customerId/service-password': 'main',
  'GET /api/customers/:customerId/activity': 'main',
  'GET /api/customers/:customerId/orders': 'member',
  'POST /api/customers/:customerId/orders': 'sign_orders',
  'GET /api/customers/:customerId/objects': 'member',
  'GET /api/customers/:customerId/objects/:objectId/consumption': 'member',
  'GET /api/customers/:customerId/objects/:objectId/settlement': 'member',
  'GET /api/customers/:customerId/objects/:objectId/readings': 'member',
  'POST /api/customers/:customerId/objects/:objectId/readings': 'sign_orders',
  'GET /api/customers/:customerId/invoices': 'see_invoices',
  'GET /api/customers/:customerId/invoices/:invoiceId': 'see_invoices',
  'GET /api/customers/:customerId/invoices/:invoiceId/lines/:lineNumber': 'see_invoices',
  'GET /api/customers/:customerId/invoices/:invoiceId/pdf': 'see_invoices',
  'GET /api/customers/:customerId/invoices/:invoiceId/xml': 'see_invoices',
  'GET /api/customers/:customerId/billing/estimate': 'see_invoices',
  'GET /api/customers/:customerId/tariffs': 'member',
  'GET /api/customers/:customerId/claims': 'see_invoices',
  'GET /api/customers/:customerId/spending': 'see_invoices',
  'POST /api/customers/:customerId/invoices/:invoiceId/claims': 'sign_orders',
  'GET /api/customers/:customerId/payments': 'member',
  'GET /api/customers/:customerId/balance': 'see_invoices',
  'POST /api/customers/:customerId/online-payments': 'see_invoices',
  'GET /api/customers/:customerId/online-payments/:intentId': 'see_invoices',
  'GET /api/customers/:customerId/service-status': 'member',
  'GET /api/customers/:customerId/contracts/:contractId/termination': 'main',
  'POST /api/customers/:customerId/contracts/:contractId/termination': 'main',
  'GET /api/customers/:customerId/data-tokens': 'main',
  'POST /api/customers/:customerId/data-tokens': 'main',
  'DELETE /api/customers/:customerId/data-tokens/:tokenId': 'main',
};

describe('customer routes need the documented permission', () => {
  it('ACC-10: every customer route declares the permission documented for it', () => {
    const declared = Object.fromEntries(customerRoutes.map((route) => [label(route), route.access.customer]));
    expect(declared).toEqual(DOCUMENTED_CUSTOMER_ACCESS);
  });

  it('ACC-10, GRD-6: an additional user without sign_orders sees the orders but cannot sign one', async () => {
    expect((await actors.marta.get(`/api/customers/${ids.customerId}/orders`)).statusCode).toBe(200);
    const signed = await actors.marta.post(`/api/customers/${ids.customerId}/orders`, { type: 'meter_reading', payload: {} });
    expect(signed.statusCode).toBe(403);
    expect(signed.json().error.code).toBe('RIGHT_MISSING');
  });
});

describe.each(customerRoutes.map((route) => ({ name: `${label(route)} (${route.access.customer})`, route })))('customer route $name', ({ route }) => {
  it('ACC-11: a user of another customer gets 404 and nothing changes', async () => {
    await expectRefusedWithoutChange(actors.otherCustomerUser, route, 404, ['CUSTOMER_NOT_FOUND']);
  });

  if (route.access.customer !== 'member') {
    it('ACC-10: an additional user without rights gets 403 and nothing changes', async () => {
      await expectRefusedWithoutChange(actors.marta, route, 403, ['RIGHT_MISSING']);
    });
  } else if (route.method === 'GET') {
    it('ACC-10: any user of the customer may read it', async () => {
      expect((await call(actors.marta, route)).statusCode).toBe(200);
    });
  }

  it('anonymous gets 401 and nothing changes', async () => {
    await expectRefusedWithoutChange(actors.anonymous, route, 401, ['NOT_AUTHENTICATED']);
  });

  if (route.method === 'GET') {
    it('the main user gets it (the request above was a valid one)', async () => {
      const response = await call(actors.janis, route, route.url.endsWith('/xml') ? { ...ids, ...companyInvoice } : ids);
      expect(response.statusCode, response.body).toBe(200);
    });
  }
});

describe.each(staffRoutes.map((route) => ({ name: `${label(route)} (${String(route.access)})`, route })))('staff route $name', ({ route }) => {
  it('ACC-5: a customer user gets 403 and nothing changes', async () => {
    await expectRefusedWithoutChange(actors.janis, route, 403, ['STAFF_ONLY', 'ADMINISTRATOR_ONLY']);
  });

  it('anonymous gets 401 and nothing changes', async () => {
    await expectRefusedWithoutChange(actors.anonymous, route, 401, ['NOT_AUTHENTICATED']);
  });

  if (administratorRoutes.includes(route)) {
    it('customer service (not an administrator) gets 403 and nothing changes', async () => {
      await expectRefusedWithoutChange(actors.service, route, 403, ['ADMINISTRATOR_ONLY']);
    });
  }
});

describe.each(userRoutes.map((route) => ({ name: label(route), route })))('user route $name', ({ route }) => {
  it('anonymous gets 401 and nothing changes', async () => {
    await expectRefusedWithoutChange(actors.anonymous, route, 401, ['NOT_AUTHENTICATED']);
  });
});
