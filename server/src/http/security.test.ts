import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp, type TestAppOptions, type TestClient } from '../test/test-app.js';
import { createOidcLogin } from '../modules/accounts/oidc-login.js';

const PASSWORD = 'Zilais-Kalns-73';
const JANIS = 'janis@demo.example';

/** Registration data that matches the records of a customer without a portal account (C-100002). */
const ANNA = {
  customerKind: 'person', customerName: 'Anna Kalniņa', identityCode: '020790-11115', customerNumber: 'C-100002',
  fullName: 'Anna Kalniņa', email: 'anna.new@example.com', phone: '+371 20000002', language: 'lv',
  termsVersion: '1.0', acceptTerms: true, confirmDataTruthful: true,
};

let t: TestApp;
function freshAppForEachTest(options?: TestAppOptions) {
  beforeEach(async () => { t = await createTestApp(options); });
  afterEach(async () => { await t.close(); });
}

const errorOf = (response: LightMyRequestResponse) => response.json().error as { code: string; message: string; details: Record<string, unknown> };
const answerOf = (response: LightMyRequestResponse) => ({ status: response.statusCode, body: response.json() as unknown });

async function loggedInJanis(ip = '10.0.0.2'): Promise<TestClient> {
  const client = t.client(ip);
  await client.login(JANIS, PASSWORD);
  return client;
}

async function janisRow() {
  return t.deps.db.selectFrom('users').select(['full_name', 'password_hash']).where('email', '=', JANIS).executeTakeFirstOrThrow();
}

/** The sources of the CSP's form-action directive. */
function formActionOf(response: LightMyRequestResponse): string[] {
  const directive = String(response.headers['content-security-policy']).split(';').find((d) => d.trim().startsWith('form-action '));
  if (!directive) throw new Error('no form-action in the CSP');
  return directive.trim().split(/\s+/).slice(1);
}

function cookieOf(response: LightMyRequestResponse, name: string) {
  const cookie = (response.cookies as { name: string; value: string; httpOnly?: boolean; secure?: boolean; sameSite?: string; path?: string }[])
    .find((c) => c.name === name);
  if (!cookie) throw new Error(`no ${name} cookie set`);
  return cookie;
}

describe('CSRF', () => {
  freshAppForEachTest();

  it('ACC-16: a state change with a valid session but without x-csrf-token is refused with 403 CSRF_TOKEN_INVALID and changes nothing', async () => {
    const client = await loggedInJanis();
    const before = await janisRow();
    const profile = await t.app.inject({ method: 'PATCH', url: '/api/me', cookies: client.cookies, payload: { fullName: 'Mallory' } });
    expect(profile.statusCode).toBe(403);
    expect(errorOf(profile).code).toBe('CSRF_TOKEN_INVALID');
    const password = await t.app.inject({
      method: 'POST', url: '/api/me/password', cookies: client.cookies, payload: { currentPassword: PASSWORD, newPassword: 'Sarkana-Upe-2026' },
    });
    expect(password.statusCode).toBe(403);
    expect(errorOf(password).code).toBe('CSRF_TOKEN_INVALID');
    expect(await janisRow()).toEqual(before);
  });

  it('ACC-16: a state change with a wrong x-csrf-token is refused with 403 CSRF_TOKEN_INVALID and changes nothing', async () => {
    const client = await loggedInJanis();
    const before = await janisRow();
    // Neither a made-up token nor the token of another browser's session passes.
    const other = await loggedInJanis('10.0.0.3');
    for (const token of ['x'.repeat(43), other.cookies.up_csrf]) {
      const response = await t.app.inject({
        method: 'PATCH', url: '/api/me', cookies: client.cookies, headers: { 'x-csrf-token': token }, payload: { fullName: 'Mallory' },
      });
      expect(response.statusCode).toBe(403);
      expect(errorOf(response).code).toBe('CSRF_TOKEN_INVALID');
    }
    expect(await janisRow()).toEqual(before);
    // The right token does the same change, so the refusals above were about the token only.
    const right = await t.app.inject({
      method: 'PATCH', url: '/api/me', cookies: client.cookies, headers: { 'x-csrf-token': client.cookies.up_csrf }, payload: { fullName: 'Mallory' },
    });
    expect(right.statusCode).toBe(204);
    expect((await janisRow()).full_name).toBe('Mallory');
  });

  it('ACC-16: login needs the double-submit CSRF token too, so another site cannot log a browser in', async () => {
    const payload = { email: JANIS, password: PASSWORD };
    const bare = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload });
    expect(bare.statusCode).toBe(403);
    expect(errorOf(bare).code).toBe('CSRF_TOKEN_INVALID');
    const mismatched = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload, cookies: { up_csrf: 'a'.repeat(43) }, headers: { 'x-csrf-token': 'b'.repeat(43) } });
    expect(mismatched.statusCode).toBe(403);
    const sessions = await t.deps.db.selectFrom('sessions').select('id_hash').execute();
    expect(sessions).toHaveLength(0);
  });
});

describe('rate limits', () => {
  freshAppForEachTest();

  it('ACC-7: login is rate-limited per IP address: the 31st attempt within a minute answers 429 with retry-after', async () => {
    t.clock.set('2026-11-23T10:00:20Z');
    const attacker = t.client('192.0.2.10');
    for (let i = 0; i < 30; i++) {
      const response = await attacker.post('/api/auth/login', { email: `guess${i}@example.com`, password: 'Wrong-Guess-10' });
      expect(response.statusCode).toBe(401);
    }
    const limited = await attacker.post('/api/auth/login', { email: JANIS, password: PASSWORD });
    expect(limited.statusCode).toBe(429);
    expect(errorOf(limited).code).toBe('RATE_LIMITED');
    expect(limited.headers['retry-after']).toBe('40');
    // Other addresses are not affected, and the limited one may try again once the minute is over.
    expect((await t.client('192.0.2.11').post('/api/auth/login', { email: JANIS, password: PASSWORD })).statusCode).toBe(200);
    t.clock.advanceMinutes(1);
    expect((await attacker.post('/api/auth/login', { email: JANIS, password: PASSWORD })).statusCode).toBe(200);
  });

  it('ACC-8: forgot-password is rate-limited per IP address: the 21st request within an hour answers 429 with retry-after', async () => {
    t.clock.set('2026-11-23T10:15:00Z');
    const flooder = t.client('192.0.2.20');
    for (let i = 0; i < 20; i++) {
      expect((await flooder.post('/api/auth/forgot-password', { email: `someone${i}@example.com` })).statusCode).toBe(202);
    }
    const limited = await flooder.post('/api/auth/forgot-password', { email: JANIS });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['retry-after']).toBe(String(45 * 60));
    await t.deliverMail();
    expect(t.mail.to(JANIS)).toHaveLength(0);
    expect((await t.client('192.0.2.21').post('/api/auth/forgot-password', { email: JANIS })).statusCode).toBe(202);
  });
});

describe('security headers and cookies over plain http (development)', () => {
  freshAppForEachTest();

  it('ACC-16: API answers carry CSP, nosniff, frame and referrer policies', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    const csp = String(response.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
  });

  it('ACC-16: X-Frame-Options is DENY, in line with frame-ancestors \'none\'', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.headers['x-frame-options']).toBe('DENY');
  });

  it('ACC-16: without bank login a form may post to the portal only', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(formActionOf(response)).toEqual(["'self'"]);
  });

  it('ACC-16: /api/session answers carry Cache-Control: no-store, anonymous and logged in', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/session' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.headers['cache-control']).toBe('no-store');
    const client = await loggedInJanis();
    const loggedIn = await client.get('/api/session');
    expect(loggedIn.statusCode).toBe(200);
    expect(loggedIn.json().user).toBeTruthy();
    expect(loggedIn.headers['cache-control']).toBe('no-store');
  });

  it('ACC-16: authenticated answers with personal data (own sessions, customer contact) carry Cache-Control: no-store', async () => {
    const client = t.client();
    const login = await client.login(JANIS, PASSWORD);
    expect(login.headers['cache-control']).toBe('no-store');
    const customerId = (login.json().user.customers as { id: string }[])[0]!.id;
    for (const url of ['/api/me/sessions', `/api/customers/${customerId}/contact`]) {
      const response = await client.get(url);
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['cache-control'], url).toBe('no-store');
    }
    // Refusals and unknown API addresses too.
    const anonymous = await t.app.inject({ method: 'GET', url: `/api/customers/${customerId}/contact` });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['cache-control']).toBe('no-store');
    const missing = await t.app.inject({ method: 'GET', url: '/api/no-such-thing' });
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['cache-control']).toBe('no-store');
    // Outside /api/ (the web app's static files) the portal does not set it.
    const asset = await t.app.inject({ method: 'GET', url: '/assets/index.js' });
    expect(asset.headers['cache-control']).toBeUndefined();
  });

  it('ACC-16: the session cookie is HttpOnly and SameSite; the CSRF cookie is readable by the page but SameSite=Strict', async () => {
    const response = await t.client().login(JANIS, PASSWORD);
    const session = cookieOf(response, 'up_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    const csrf = cookieOf(response, 'up_csrf');
    expect(csrf.httpOnly).toBeFalsy();
    expect(csrf.sameSite).toBe('Strict');
    // Without TLS (local development) there is no HSTS and the cookies cannot be Secure.
    expect(response.headers['strict-transport-security']).toBeUndefined();
    expect(session.secure).toBeFalsy();
  });
});

describe('security headers with bank login configured', () => {
  beforeEach(async () => {
    // Discovery is lazy, so no identity provider needs to answer for these tests.
    const bankLogin = await createOidcLogin({
      issuer: 'https://idp.example/realms/bank', clientId: 'portal', clientSecret: 's',
      redirectUri: 'http://portal.test/api/auth/bank/callback', allowInsecureHttp: false,
    });
    t = await createTestApp({ bankLogin });
  });
  afterEach(async () => { await t.close(); });

  it('ACC-16: the CSP form-action names exactly the portal and the identity provider\'s origin, not *', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(formActionOf(response)).toEqual(["'self'", 'https://idp.example']);
  });
});

describe('security headers and cookies over TLS (PUBLIC_URL https)', () => {
  freshAppForEachTest({ env: { PUBLIC_URL: 'https://portal.test' } });

  it('ACC-16: with an https PUBLIC_URL answers carry HSTS and the session and CSRF cookies are Secure', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.headers['strict-transport-security']).toMatch(/max-age=31536000/);
    expect(String(health.headers['content-security-policy'])).toContain('upgrade-insecure-requests');
    const response = await t.client().login(JANIS, PASSWORD);
    expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(cookieOf(response, 'up_session')).toMatchObject({ secure: true, httpOnly: true, sameSite: 'Lax' });
    expect(cookieOf(response, 'up_csrf')).toMatchObject({ secure: true });
  });
});

describe('answers that do not tell whether an account or a customer exists', () => {
  freshAppForEachTest();

  it('ACC-3: registration answers the same for an e-mail that already has an account and for a new one', async () => {
    const taken = await t.client().post('/api/auth/register', { ...ANNA, email: JANIS });
    const fresh = await t.client().post('/api/auth/register', ANNA);
    expect(fresh.statusCode).toBe(202);
    expect(answerOf(taken)).toEqual(answerOf(fresh));
  });

  it('ACC-2: a refused registration reads the same whether or not the personal code is in the records', async () => {
    const knownCodeWrongNumber = await t.client().post('/api/auth/register', { ...ANNA, customerNumber: 'C-999999' });
    const knownCodeWrongName = await t.client().post('/api/auth/register', { ...ANNA, customerName: 'Anna Bērziņa' });
    const unknownCode = await t.client().post('/api/auth/register', { ...ANNA, identityCode: '32999999999', customerName: 'Pēteris Nezināms', customerNumber: 'C-999999' });
    expect(unknownCode.statusCode).toBe(422);
    expect(answerOf(knownCodeWrongNumber)).toEqual(answerOf(unknownCode));
    expect(answerOf(knownCodeWrongName)).toEqual(answerOf(unknownCode));
  });

  it('ACC-7: a wrong password and an unknown e-mail get the same login answer', async () => {
    const wrongPassword = await t.client('10.0.0.2').post('/api/auth/login', { email: JANIS, password: 'Wrong-Guess-10' });
    const unknownEmail = await t.client('10.0.0.3').post('/api/auth/login', { email: 'nobody.here@demo.example', password: 'Wrong-Guess-10' });
    expect(wrongPassword.statusCode).toBe(401);
    expect(answerOf(unknownEmail)).toEqual(answerOf(wrongPassword));
  });

  it('ACC-8: forgot-password and an unusable reset link answer the same whatever the address', async () => {
    const known = await t.client().post('/api/auth/forgot-password', { email: JANIS });
    const unknown = await t.client().post('/api/auth/forgot-password', { email: 'nobody.here@demo.example' });
    expect(known.statusCode).toBe(202);
    expect(answerOf(unknown)).toEqual(answerOf(known));
    const bogus = await t.client().post('/api/auth/reset-password', { token: 'not-a-real-token-at-all', password: 'Sarkana-Upe-2026' });
    expect(bogus.statusCode).toBe(410);
    expect(bogus.body).not.toContain(JANIS);
  });
});
