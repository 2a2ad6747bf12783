/**
 * ACC-9 and ACC-18 end to end: the portal's bank-login routes against the REAL demo identity provider
 * (oidc-provider over HTTP), with a fetch-based browser at the bank and the TestClient at the portal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp, type TestAppOptions, type TestClient } from '../../test/test-app.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { startDemoIdentityProvider, type DemoIdentityProvider } from './demo-identity-provider.js';
import { createOidcLogin, type OidcLogin } from './oidc-login.js';
import { FetchBrowser } from '../../test/fetch-browser.js';

const CALLBACK = 'http://portal.test/api/auth/bank/callback';

let provider: DemoIdentityProvider;
let bankLogin: OidcLogin;

beforeAll(async () => {
  provider = await startDemoIdentityProvider({
    port: 0,
    clients: [{ clientId: 'portal', clientSecret: 's', redirectUris: [CALLBACK] }],
  });
  bankLogin = await createOidcLogin({ issuer: provider.issuer, clientId: 'portal', clientSecret: 's', redirectUri: CALLBACK, allowInsecureHttp: true });
});
afterAll(async () => { await provider?.close(); });

/** From the portal's start link, through the bank's login page as `identity`, back to the portal's callback. */
async function atTheBank(client: TestClient, identity: string, startQuery = ''): Promise<URL> {
  const start = await client.get(`/api/auth/bank/start${startQuery}`);
  expect(start.statusCode, start.body).toBe(302);
  const authorizationUrl = String(start.headers.location);
  expect(authorizationUrl.startsWith(`${provider.issuer}/`)).toBe(true);
  const browser = new FetchBrowser();
  const toPage = await browser.request(authorizationUrl);
  expect(toPage.status).toBe(303);
  const pageUrl = new URL(toPage.headers.get('location')!, authorizationUrl);
  const page = await browser.request(pageUrl.href);
  expect(page.status).toBe(200);
  const action = /action="([^"]*\/login)"/.exec(await page.text())?.[1];
  if (!action) throw new Error('no login form on the bank page');
  return browser.followUntil(CALLBACK, new URL(action, pageUrl).href, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ identity }).toString(),
  });
}

/** The whole bank login: returns the portal's answer to the callback. */
async function bankFlow(client: TestClient, identity: string, startQuery = ''): Promise<LightMyRequestResponse> {
  const callback = await atTheBank(client, identity, startQuery);
  return client.get(`${callback.pathname}${callback.search}`);
}

async function withApp(options: TestAppOptions, run: (t: TestApp) => Promise<void>): Promise<void> {
  const t = await createTestApp({ ...options, bankLogin });
  try {
    await run(t);
  } finally {
    await t.close();
  }
}

describe('ACC-9: login through the bank / eID', () => {
  let t: TestApp;
  beforeAll(async () => { t = await createTestApp({ bankLogin }); });
  afterAll(async () => { await t?.close(); });

  it('ACC-9: Jānis logs in with the bank as his existing user', async () => {
    const client = t.client();
    const usersBefore = await t.deps.db.selectFrom('users').select('id').execute();
    const response = await bankFlow(client, 'janis');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
    expect(client.cookies.up_session).toBeTruthy();
    expect(client.cookies.up_bank_login).toBeUndefined();
    const session = (await client.get('/api/session')).json();
    const janis = await t.deps.db.selectFrom('users').select('id').where('email', '=', 'janis@demo.example').executeTakeFirstOrThrow();
    expect(session.user).toMatchObject({ id: janis.id, email: 'janis@demo.example', authMethod: 'bank' });
    expect((await t.deps.db.selectFrom('users').select('id').execute()).length).toBe(usersBefore.length);
  });

  it('ACC-9: Anna, a customer without a portal account, gets one on the spot with the record e-mail as main user', async () => {
    const client = t.client();
    const response = await bankFlow(client, 'anna');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/');
    const session = (await client.get('/api/session')).json();
    expect(session.user).toMatchObject({ email: 'anna@demo.example', fullName: 'Anna Kalniņa', authMethod: 'bank', hasPassword: false });
    expect(session.user.customers).toEqual([expect.objectContaining({ customerNumber: 'C-100002', role: 'main' })]);
    const user = await t.deps.db.selectFrom('users').selectAll().where('email', '=', 'anna@demo.example').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ personal_code: '02079011115', status: 'active' });
    const created = await t.deps.db.selectFrom('audit_events').select('action').where('actor_user_id', '=', user.id).execute();
    expect(created.map((e) => e.action)).toEqual(expect.arrayContaining(['account.created_by_bank_login', 'login.succeeded']));

    // The next bank login finds the same account.
    const again = t.client();
    expect((await bankFlow(again, 'anna')).headers.location).toBe('/');
    expect((await t.deps.db.selectFrom('users').select('id').where('personal_code', '=', '02079011115').execute()).length).toBe(1);
    expect((await again.get('/api/session')).json().user.id).toBe(user.id);
  });

  it('ACC-9: Pēteris, who is not a customer, is refused and gets no session', async () => {
    const client = t.client();
    const response = await bankFlow(client, 'peteris');
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toBe('/login?error=bank_not_customer');
    expect(client.cookies.up_session).toBeUndefined();
    expect((await client.get('/api/session')).json().user).toBeNull();
    expect(await t.deps.db.selectFrom('users').select('id').where('personal_code', '=', '21127805678').executeTakeFirst()).toBeUndefined();
  });

  it('ACC-9: a bank e-services page can link straight in, back to a page of the portal but never to another site', async () => {
    const inside = t.client();
    expect((await bankFlow(inside, 'janis', '?returnTo=%2Finvoices%3Fyear%3D2026')).headers.location).toBe('/invoices?year=2026');
    // Browsers drop tabs and line breaks inside a URL, so "/<tab>/evil.example" would become "//evil.example".
    for (const returnTo of ['//evil.example', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)', '/\t/evil.example', '/\n/evil.example', '/\r\n/evil.example']) {
      const client = t.client();
      const response = await bankFlow(client, 'janis', `?returnTo=${encodeURIComponent(returnTo)}`);
      expect(response.headers.location, returnTo).toBe('/');
      expect(client.cookies.up_session).toBeTruthy();
    }
  });

  it('ACC-9: a callback this browser did not start is refused (no login CSRF)', async () => {
    const victim = t.client();
    const callback = await atTheBank(t.client(), 'janis');
    const response = await victim.get(`${callback.pathname}${callback.search}`);
    expect(response.headers.location).toBe('/login?error=bank_failed');
    expect(victim.cookies.up_session).toBeUndefined();
  });
});

describe('ACC-9: the operator says which contracts allow a bank login', () => {
  it('ACC-9: with electricity supply required, Līga (only a radio permit, C-100004) is refused', async () => {
    await withApp({ operator: { rules: { bankLoginRequiresContractTypes: ['electricity_supply'] } } }, async (t) => {
      const client = t.client();
      const response = await bankFlow(client, 'new-format');
      expect(response.headers.location).toBe('/login?error=bank_not_customer');
      expect(client.cookies.up_session).toBeUndefined();
    });
  });

  it('ACC-9: with radio permits allowed, the same Līga logs in (main user of C-100004)', async () => {
    await withApp({ operator: { rules: { bankLoginRequiresContractTypes: ['radio_permit'] } } }, async (t) => {
      const client = t.client();
      expect((await bankFlow(client, 'new-format')).headers.location).toBe('/');
      const session = (await client.get('/api/session')).json();
      expect(session.user).toMatchObject({ email: 'liga@demo.example' });
      expect(session.user.customers).toEqual([expect.objectContaining({ customerNumber: 'C-100004', role: 'main' })]);
    });
  });
});

describe('ACC-18: step-up with the bank for chosen order types', () => {
  let t: TestApp;
  let customerId: string;
  const order = { type: 'contract_conclusion', payload: {} };
  beforeAll(async () => {
    t = await createTestApp({ bankLogin, operator: { rules: { stepUpOrderTypes: ['contract_conclusion'] } } });
    customerId = (await t.deps.db.selectFrom('customers').select('id').where('customer_number', '=', 'C-100001').executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => { await t?.close(); });

  it('ACC-18: a step-up needs a logged-in user', async () => {
    const response = await t.client().get('/api/auth/bank/start?stepUp=1&returnTo=/orders');
    expect(response.statusCode).toBe(401);
  });

  it('ACC-18: after a password login the order needs the bank; after the step-up it is signed with the bank, for 15 minutes', async () => {
    const janis = t.client();
    await janis.login('janis@demo.example', DEMO_PASSWORD);
    const refused = await janis.post(`/api/customers/${customerId}/orders`, order);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('STEP_UP_REQUIRED');
    // An order type that needs no step-up still goes with the password login.
    expect((await janis.post(`/api/customers/${customerId}/orders`, { type: 'service_application', payload: { note: 'a second socket' } })).statusCode).toBe(201);

    const sessionCookie = janis.cookies.up_session;
    const back = await bankFlow(janis, 'janis', '?stepUp=1&returnTo=/orders');
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe('/orders');
    expect(janis.cookies.up_session).toBe(sessionCookie); // the same session, now confirmed by the bank
    expect((await janis.get('/api/session')).json().user.authMethod).toBe('bank');

    const accepted = await janis.post(`/api/customers/${customerId}/orders`, order);
    expect(accepted.statusCode, accepted.body).toBe(201);
    const stored = await t.deps.db.selectFrom('orders').selectAll().where('id', '=', accepted.json().id).executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ type: 'contract_conclusion', signed_with: 'bank', customer_id: customerId });

    t.clock.advanceMinutes(16);
    const stale = await janis.post(`/api/customers/${customerId}/orders`, order);
    expect(stale.statusCode).toBe(403);
    expect(stale.json().error.code).toBe('STEP_UP_REQUIRED');
  });

  it('ACC-18: a step-up as a different person is refused and changes nothing', async () => {
    const janis = t.client();
    await janis.login('janis@demo.example', DEMO_PASSWORD);
    const back = await bankFlow(janis, 'anna', '?stepUp=1&returnTo=/orders');
    expect(back.statusCode).toBe(302);
    expect(back.headers.location).toBe('/orders?error=bank_other_person');
    const session = (await janis.get('/api/session')).json().user;
    expect(session).toMatchObject({ email: 'janis@demo.example', authMethod: 'password' });
    const refused = await janis.post(`/api/customers/${customerId}/orders`, order);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('STEP_UP_REQUIRED');
    expect(await t.deps.db.selectFrom('audit_events').select('action').where('action', '=', 'login.step_up_refused').execute()).toHaveLength(1);
    // Anna did not get an account out of it either.
    expect(await t.deps.db.selectFrom('users').select('id').where('personal_code', '=', '02079011115').executeTakeFirst()).toBeUndefined();
  });
});
