import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { authenticator } from 'otplib';
import { totpCodeAt } from '../../test/totp-codes.js';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app.js';
import { hashToken } from '../../infra/ids.js';

const PASSWORD = 'Zilais-Kalns-73';
const NEW_PASSWORD = 'Sarkana-Upe-2026';
const JANIS = 'janis@demo.example';
const UNKNOWN = 'nobody.here@demo.example';

// Every test gets its own database and clock, so lockouts and moved clocks never leak between tests.
let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

const login = (client: TestClient, email: string, password: string) => client.post('/api/auth/login', { email, password });

async function wrongPasswords(client: TestClient, email: string, times: number): Promise<LightMyRequestResponse[]> {
  const answers: LightMyRequestResponse[] = [];
  for (let i = 0; i < times; i++) answers.push(await login(client, email, `Wrong-Guess-${i}0`));
  return answers;
}

const errorOf = (response: LightMyRequestResponse) => response.json().error as { code: string; message: string; details: Record<string, unknown> };

async function userRow(email: string) {
  return t.deps.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirstOrThrow();
}

async function loggedIn(email = JANIS, ip?: string): Promise<{ client: TestClient; customerId: string }> {
  const client = t.client(ip);
  const response = await client.login(email, PASSWORD);
  return { client, customerId: response.json().user.customers[0]?.id };
}

const resetToken = (link: string) => new URL(link).searchParams.get('token')!;

describe('login lockout', () => {
  it('ACC-7: four wrong passwords in a row still answer 401 INVALID_CREDENTIALS', async () => {
    const answers = await wrongPasswords(t.client(), JANIS, 4);
    for (const answer of answers) {
      expect(answer.statusCode).toBe(401);
      expect(errorOf(answer).code).toBe('INVALID_CREDENTIALS');
    }
  });

  it('ACC-7: the fifth wrong password in a row blocks login with 423, the end of the block and how to regain access', async () => {
    const answers = await wrongPasswords(t.client(), JANIS, 5);
    const fifth = answers[4];
    expect(fifth.statusCode).toBe(423);
    const error = errorOf(fifth);
    expect(error.code).toBe('LOGIN_BLOCKED');
    const minutes = t.deps.operator.rules.lockoutMinutes;
    expect(error.details.until).toBe(new Date(t.clock.now().getTime() + minutes * 60_000).toISOString());
    expect(error.message).toMatch(/wait/i);
    expect(error.message).toMatch(/forgot password/i);
  });

  it('ACC-7: while login is blocked even the right password is refused', async () => {
    const client = t.client();
    await wrongPasswords(client, JANIS, 5);
    t.clock.advanceMinutes(5);
    const right = await login(client, JANIS, PASSWORD);
    expect(right.statusCode).toBe(423);
    expect(errorOf(right).code).toBe('LOGIN_BLOCKED');
    expect(client.cookies.up_session).toBeUndefined();
  });

  it('ACC-7: the block is e-mailed with a reset link that lifts it at once', async () => {
    const client = t.client();
    await wrongPasswords(client, JANIS, 5);
    await t.deliverMail();
    const mails = t.mail.to(JANIS);
    expect(mails).toHaveLength(1);
    expect(mails[0].subject).toContain('bloķēta');
    const link = await t.linkFromMail(JANIS, '/reset-password?token=');
    const reset = await client.post('/api/auth/reset-password', { token: resetToken(link), password: NEW_PASSWORD });
    expect(reset.statusCode).toBe(200);
    // No waiting: the block is gone the moment the password is reset.
    expect((await login(client, JANIS, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it("ACC-7: the block ends by itself after the operator's lockoutMinutes", async () => {
    const client = t.client();
    await wrongPasswords(client, JANIS, 5);
    const minutes = t.deps.operator.rules.lockoutMinutes;
    t.clock.advanceMinutes(minutes - 1);
    expect((await login(client, JANIS, PASSWORD)).statusCode).toBe(423);
    t.clock.advanceMinutes(1);
    expect((await login(client, JANIS, PASSWORD)).statusCode).toBe(200);
  });

  it('ACC-7: a successful login resets the count (4 wrong, 1 right, 4 wrong is not blocked)', async () => {
    const client = t.client();
    await wrongPasswords(client, JANIS, 4);
    expect((await login(client, JANIS, PASSWORD)).statusCode).toBe(200);
    const again = await wrongPasswords(client, JANIS, 4);
    expect(again.map((a) => a.statusCode)).toEqual([401, 401, 401, 401]);
    expect((await login(client, JANIS, PASSWORD)).statusCode).toBe(200);
  });

  it('ACC-7: customer-service staff lift a block', async () => {
    const janis = t.client('10.0.0.2');
    await wrongPasswords(janis, JANIS, 5);
    expect((await login(janis, JANIS, PASSWORD)).statusCode).toBe(423);
    const { client: staff } = await loggedIn('service@demo.example', '10.0.0.3');
    const { id } = await userRow(JANIS);
    expect((await staff.post(`/api/staff/users/${id}/unblock`)).statusCode).toBe(204);
    expect((await login(janis, JANIS, PASSWORD)).statusCode).toBe(200);
  });

  it('ACC-7: an unknown e-mail gets the same answers as a known one, counted the same way, so existence is not revealed', async () => {
    const known = t.client('10.0.0.2');
    const unknown = t.client('10.0.0.3');
    // Spread over a quarter-hour boundary, at odd seconds: the count is of failures in a row, not per clock window.
    t.clock.set('2026-11-23T10:12:30Z');
    for (let attempt = 1; attempt <= 6; attempt++) {
      const a = await login(known, JANIS, `Wrong-Guess-${attempt}0`);
      const b = await login(unknown, UNKNOWN, `Wrong-Guess-${attempt}0`);
      expect({ attempt, status: b.statusCode, body: b.json() }).toEqual({ attempt, status: a.statusCode, body: a.json() });
      expect(a.statusCode).toBe(attempt < 5 ? 401 : 423);
      t.clock.advanceMinutes(1);
    }
    // Both blocks end after lockoutMinutes from the fifth failure, and the count starts again.
    t.clock.set(new Date(Date.parse('2026-11-23T10:16:30Z') + t.deps.operator.rules.lockoutMinutes * 60_000));
    const a = await login(known, JANIS, 'Wrong-Guess-70');
    const b = await login(unknown, UNKNOWN, 'Wrong-Guess-70');
    expect(a.statusCode).toBe(401);
    expect(b.json()).toEqual(a.json());
  });
});

describe('login lockout under parallel requests', () => {
  /** `count` wrong passwords for one address at the same moment, each from its own browser (CSRF cookie first). */
  async function burst(email: string, count: number) {
    const clients = Array.from({ length: count }, (_, i) => t.client(`10.0.8.${i + 1}`));
    await Promise.all(clients.map((client) => client.get('/api/session')));
    const answers = await Promise.all(clients.map((client, i) => login(client, email, `Wrong-Burst-${i}0`)));
    return answers.map((answer) => answer.statusCode).sort();
  }
  const sequentialAnswers = [...Array(4).fill(401), ...Array(16).fill(423)];

  it('ACC-7: 20 wrong passwords at once for an account answer like 20 in a row (4 × 401, 16 × 423) and send one lockout e-mail with one working link', async () => {
    expect(await burst(JANIS, 20)).toEqual(sequentialAnswers);
    await t.deliverMail();
    expect(t.mail.to(JANIS).filter((m) => m.subject.includes('bloķēta'))).toHaveLength(1);
    const blocked = await t.deps.db.selectFrom('audit_events').select('seq').where('action', '=', 'login.blocked').execute();
    expect(blocked).toHaveLength(1);
    const liveResetLinks = await t.deps.db.selectFrom('one_time_tokens').select('token_hash')
      .where('purpose', '=', 'password_reset').where('used_at', 'is', null).execute();
    expect(liveResetLinks).toHaveLength(1);
  });

  it('ACC-7: the same burst for an unknown address answers exactly the same, so a parallel burst does not tell whether an account exists', async () => {
    expect(await burst(UNKNOWN, 20)).toEqual(sequentialAnswers);
    expect(await burst(JANIS, 20)).toEqual(sequentialAnswers);
  });
});

describe('sessions', () => {
  it('the login answers what the session check reads right after: the same user, customers, rights and terms state', async () => {
    // janis (two customers, terms accepted), marta (additional user with chosen rights), and a user who must
    // accept a new terms version (the login builds its answer without reading the new session back).
    await t.deps.db.deleteFrom('terms_acceptances')
      .where('user_id', '=', (await userRow('marta@demo.example')).id).execute();
    for (const email of [JANIS, 'marta@demo.example', 'service@demo.example']) {
      const client = t.client();
      const answer = await login(client, email, PASSWORD);
      expect(answer.statusCode).toBe(200);
      const session = await client.get('/api/session');
      expect(session.json()).toEqual(answer.json());
    }
  });

  it('ACC-16: logging in again in the same browser rotates the session id and deletes the old session', async () => {
    const client = t.client();
    await client.login(JANIS, PASSWORD);
    const first = client.cookies.up_session;
    await client.login(JANIS, PASSWORD);
    const second = client.cookies.up_session;
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    const rows = await t.deps.db.selectFrom('sessions').select('id_hash').where('id_hash', 'in', [hashToken(first), hashToken(second)]).execute();
    expect(rows.map((r) => r.id_hash)).toEqual([hashToken(second)]);
  });

  it('ACC-16, ACC-17: logout ends the session on the server, not only in the browser, and is recorded', async () => {
    const { client } = await loggedIn(JANIS, '10.0.0.9');
    const token = client.cookies.up_session;
    expect((await client.post('/api/auth/logout')).statusCode).toBe(204);
    const event = await t.deps.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
    const janis = await t.deps.db.selectFrom('users').select('id').where('email', '=', JANIS).executeTakeFirstOrThrow();
    expect(event).toMatchObject({ action: 'logout', actor_user_id: janis.id, object_id: janis.id, ip: '10.0.0.9' });
    expect(event.customer_id).not.toBeNull();
    expect((await client.get('/api/session')).json().user).toBeNull();
    const replayed = await t.app.inject({ method: 'GET', url: '/api/me/sessions', cookies: { up_session: token } });
    expect(replayed.statusCode).toBe(401);
  });

  it('ACC-16: GET /api/me/sessions lists the user\'s live sessions and marks the current one', async () => {
    const { client: laptop } = await loggedIn(JANIS, '10.0.0.2');
    await loggedIn(JANIS, '10.0.0.3');
    const list = (await laptop.get('/api/me/sessions')).json() as { id: string; ip: string; current: boolean; authMethod: string }[];
    expect(list).toHaveLength(2);
    expect(list.filter((s) => s.current)).toEqual([expect.objectContaining({ ip: '10.0.0.2', id: hashToken(laptop.cookies.up_session), authMethod: 'password' })]);
    expect(list.find((s) => !s.current)?.ip).toBe('10.0.0.3');
  });

  it('ACC-16: signing out another session from the list ends it at once: that browser gets 401', async () => {
    const { client: laptop } = await loggedIn(JANIS, '10.0.0.2');
    const { client: phone } = await loggedIn(JANIS, '10.0.0.3');
    const list = (await laptop.get('/api/me/sessions')).json() as { id: string; current: boolean }[];
    const other = list.find((s) => !s.current)!;
    expect((await laptop.delete(`/api/me/sessions/${other.id}`)).statusCode).toBe(204);
    expect((await phone.get('/api/me/sessions')).statusCode).toBe(401);
    expect((await laptop.get('/api/me/sessions')).statusCode).toBe(200);
  });

  it('ACC-16: a session idle for more than 30 minutes ends, while activity keeps it alive', async () => {
    const { client } = await loggedIn();
    t.clock.advanceMinutes(29);
    expect((await client.get('/api/me/sessions')).statusCode).toBe(200);
    t.clock.advanceMinutes(29);
    expect((await client.get('/api/me/sessions')).statusCode).toBe(200);
    t.clock.advanceMinutes(31);
    expect((await client.get('/api/me/sessions')).statusCode).toBe(401);
  });

  it('ACC-6: changing the password ends the user\'s other sessions and keeps this one', async () => {
    const { client: laptop } = await loggedIn(JANIS, '10.0.0.2');
    const { client: phone } = await loggedIn(JANIS, '10.0.0.3');
    const changed = await laptop.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(changed.statusCode).toBe(204);
    expect((await phone.get('/api/me/sessions')).statusCode).toBe(401);
    const left = (await laptop.get('/api/me/sessions')).json() as { current: boolean }[];
    expect(left).toEqual([expect.objectContaining({ current: true })]);
  });
});

describe('second factor (TOTP)', () => {

  async function enableTotp(client: TestClient, epoch = Date.now()): Promise<string> {
    const setup = await client.post('/api/me/totp/setup');
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl, qrCode } = setup.json() as { secret: string; otpauthUrl: string; qrCode: string };
    expect(otpauthUrl).toMatch(/^otpauth:\/\/totp\//);
    expect(qrCode).toMatch(/^data:image\/svg\+xml;base64,/); // what it encodes: infra/qr-code.test.ts
    expect((await client.post('/api/me/totp/enable', { code: totpCodeAt(secret, epoch) })).statusCode).toBe(204);
    return secret;
  }

  /** A six-digit code that is not the current one. */
  const wrongCode = (secret: string) => String((Number(authenticator.generate(secret)) + 500_000) % 1_000_000).padStart(6, '0');

  it('ACC-16: enabling TOTP needs a right code from the app', async () => {
    const { client } = await loggedIn();
    const { secret } = (await client.post('/api/me/totp/setup')).json() as { secret: string };
    const wrong = await client.post('/api/me/totp/enable', { code: wrongCode(secret) });
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong).details.field).toBe('code');
    expect((await userRow(JANIS)).totp_enabled).toBe(false);
  });

  it('ACC-16: with TOTP enabled, a password login is only half a login: customer routes answer 403 SECOND_FACTOR_REQUIRED', async () => {
    const { client, customerId } = await loggedIn();
    await enableTotp(client);
    const next = t.client('10.0.0.9');
    const response = await next.login(JANIS, PASSWORD);
    expect(response.json().user.secondFactorPending).toBe(true);
    const summary = await next.get(`/api/customers/${customerId}/summary`);
    expect(summary.statusCode).toBe(403);
    expect(errorOf(summary).code).toBe('SECOND_FACTOR_REQUIRED');
    expect((await next.get('/api/me/sessions')).statusCode).toBe(403);
  });

  it('ACC-16: a wrong second-factor code answers 401 and the right one completes the login', async () => {
    const { client, customerId } = await loggedIn();
    const epoch = Date.now();
    const secret = await enableTotp(client, epoch);
    const next = t.client('10.0.0.9');
    await next.login(JANIS, PASSWORD);
    const wrong = await next.post('/api/auth/second-factor', { code: wrongCode(secret) });
    expect(wrong.statusCode).toBe(401);
    expect((await next.get(`/api/customers/${customerId}/summary`)).statusCode).toBe(403);
    const right = await next.post('/api/auth/second-factor', { code: totpCodeAt(secret, epoch, 1) }); // the app's next code
    expect(right.statusCode).toBe(200);
    expect(right.json().user.secondFactorPending).toBe(false);
    expect((await next.get(`/api/customers/${customerId}/summary`)).statusCode).toBe(200);
    expect((await next.get('/api/session')).json().user.secondFactorPending).toBe(false);
  });

  // Codes are fixed against one moment (epoch): should a 30-second boundary pass during the test, the
  // server's window of one step either side still holds each of them on the same side of the last one used.
  it('ACC-16: each code works once (RFC 6238 §5.2): the code that turned TOTP on, or one a login used, is refused next time; a later one passes', async () => {
    const { client } = await loggedIn();
    const epoch = Date.now();
    const secret = await enableTotp(client, epoch);
    const first = t.client('10.0.0.9');
    await first.login(JANIS, PASSWORD);
    const replayed = await first.post('/api/auth/second-factor', { code: totpCodeAt(secret, epoch) });
    expect(replayed.statusCode).toBe(401);
    expect(errorOf(replayed).code).toBe('SECOND_FACTOR_REUSED');
    expect((await first.post('/api/auth/second-factor', { code: totpCodeAt(secret, epoch, 1) })).statusCode).toBe(200);

    const second = t.client('10.0.0.10');
    await second.login(JANIS, PASSWORD);
    expect(errorOf(await second.post('/api/auth/second-factor', { code: totpCodeAt(secret, epoch, 1) })).code).toBe('SECOND_FACTOR_REUSED');
    expect(errorOf(await second.post('/api/auth/second-factor', { code: totpCodeAt(secret, epoch, 4) })).code).toBe('SECOND_FACTOR_INVALID'); // beyond the window
    const failures = await t.deps.db.selectFrom('audit_events').select('details').where('action', '=', 'login.second_factor_failed').orderBy('seq').execute();
    expect(failures.map((e) => e.details)).toEqual([{ reason: 'used' }, { reason: 'used' }, { reason: 'invalid' }]);
  });

  it('ACC-16: the same new code sent by two logins at once completes only one of them', async () => {
    const { client } = await loggedIn();
    const epoch = Date.now();
    const secret = await enableTotp(client, epoch);
    const [a, b] = [t.client('10.0.0.9'), t.client('10.0.0.10')];
    await a.login(JANIS, PASSWORD);
    await b.login(JANIS, PASSWORD);
    const code = totpCodeAt(secret, epoch, 1);
    const answers = await Promise.all([a.post('/api/auth/second-factor', { code }), b.post('/api/auth/second-factor', { code })]);
    expect(answers.map((answer) => answer.statusCode).sort()).toEqual([200, 401]);
  });
});
