import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp, type TestAppOptions, type TestClient } from '../../test/test-app.js';
import { fingerprint } from '../../test/table-fingerprint.js';
import { handlePasswordResetRequests } from './activation.service.js';

const PASSWORD = 'Zilais-Kalns-73';
const NEW_PASSWORD = 'Sarkana-Upe-2026';
const OTHER_PASSWORD = 'Dzintars-Jura-88';
const JANIS = 'janis@demo.example';
// A customer without a portal account; staff register her with an e-mail that is not her name (ACC-5).
const ANNA = { fullName: 'Anna Kalniņa', email: 'kaktuss.zils@example.com', personalCode: '020790-11115', customerNumber: 'C-100002' };

/** Passwords every flow must refuse for Anna, with the problem the answer must name. */
const REFUSED_FOR_ANNA: [password: string, problem: string][] = [
  ['Ab1-xyz', 'too_short'],
  ['Abcdefghij', 'needs_digit'],
  ['1234-5678-90', 'needs_letter'],
  ['Kalnina-2024x', 'contains_personal_data'], // her surname, without diacritics
  ['Kaktuss-2024', 'contains_personal_data'], // the local part of her e-mail
  ['Xy020790-ab', 'contains_personal_data'], // six digits of her personal code
  ['Password1', 'common_password'],
];

let t: TestApp;
function freshAppForEachTest(options?: TestAppOptions) {
  beforeEach(async () => { t = await createTestApp(options); });
  afterEach(async () => { await t.close(); });
}

const tokenOf = (link: string) => new URL(link).searchParams.get('token')!;
const errorOf = (response: LightMyRequestResponse) => response.json().error as { code: string; message: string; details: Record<string, unknown> };

function expectRefused(response: LightMyRequestResponse, field: string, problem: string) {
  expect(response.statusCode, `${problem}: ${response.body}`).toBe(400);
  const error = errorOf(response);
  expect(error.code).toBe('PASSWORD_REJECTED');
  expect(error.details.field).toBe(field);
  expect(error.details.problems).toContain(problem);
}

async function passwordHashOf(email: string): Promise<string> {
  const row = await t.deps.db.selectFrom('users').select('password_hash').where('email', '=', email).executeTakeFirstOrThrow();
  return row.password_hash!;
}

/** Customer service registers Anna at a service centre; answers the token of the e-mailed activation link. */
async function annaActivationToken(): Promise<string> {
  const staff = t.client('10.0.0.5');
  await staff.login('service@demo.example', PASSWORD);
  const customer = await t.deps.db.selectFrom('customers').select('id').where('customer_number', '=', ANNA.customerNumber).executeTakeFirstOrThrow();
  const registered = await staff.post(`/api/staff/customers/${customer.id}/accounts`, { fullName: ANNA.fullName, email: ANNA.email, personalCode: ANNA.personalCode });
  expect(registered.statusCode).toBe(201);
  return tokenOf(await t.linkFromMail(ANNA.email, '/activate?token='));
}

async function activatedAnna(): Promise<void> {
  const activated = await t.client().post('/api/auth/activate', { token: await annaActivationToken(), password: OTHER_PASSWORD });
  expect(activated.statusCode).toBe(200);
}

async function resetTokenFor(email: string, client: TestClient = t.client()): Promise<string> {
  expect((await client.post('/api/auth/forgot-password', { email })).statusCode).toBe(202);
  return tokenOf(await t.linkFromMail(email, '/reset-password?token='));
}

const login = (email: string, password: string) => t.client('10.0.0.7').post('/api/auth/login', { email, password });

describe('password rules', () => {
  freshAppForEachTest();

  it("ACC-6: activation refuses short, digit-less and letter-less passwords, the user's name, e-mail or personal code and common passwords, naming the field", async () => {
    const token = await annaActivationToken();
    const client = t.client();
    for (const [password, problem] of REFUSED_FOR_ANNA) {
      expectRefused(await client.post('/api/auth/activate', { token, password }), 'password', problem);
    }
    // A refusal does not use up the link.
    expect((await client.post('/api/auth/activate', { token, password: OTHER_PASSWORD })).statusCode).toBe(200);
    expect((await login(ANNA.email, OTHER_PASSWORD)).statusCode).toBe(200);
  });

  it('ACC-6: the reset link refuses the same passwords, naming the field', async () => {
    await activatedAnna();
    const token = await resetTokenFor(ANNA.email);
    const client = t.client();
    for (const [password, problem] of REFUSED_FOR_ANNA) {
      expectRefused(await client.post('/api/auth/reset-password', { token, password }), 'password', problem);
    }
    expect((await client.post('/api/auth/reset-password', { token, password: NEW_PASSWORD })).statusCode).toBe(200);
    expect((await login(ANNA.email, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('ACC-6: changing the password refuses the same passwords, naming newPassword', async () => {
    await activatedAnna();
    const client = t.client();
    await client.login(ANNA.email, OTHER_PASSWORD);
    const before = await passwordHashOf(ANNA.email);
    for (const [password, problem] of REFUSED_FOR_ANNA) {
      expectRefused(await client.post('/api/me/password', { currentPassword: OTHER_PASSWORD, newPassword: password }), 'newPassword', problem);
    }
    expect(await passwordHashOf(ANNA.email)).toBe(before);
  });

  it('ACC-6: changing the password needs the right current password', async () => {
    const client = t.client();
    await client.login(JANIS, PASSWORD);
    const wrong = await client.post('/api/me/password', { currentPassword: 'Nepareiza-Parole-1', newPassword: NEW_PASSWORD });
    expect(wrong.statusCode).toBe(400);
    expect(errorOf(wrong).details.field).toBe('currentPassword');
    expect((await login(JANIS, NEW_PASSWORD)).statusCode).toBe(401);
    const right = await client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD });
    expect(right.statusCode).toBe(204);
    expect((await login(JANIS, NEW_PASSWORD)).statusCode).toBe(200);
  });

  it('ACC-6: a password used before is refused on change and on reset (password history)', async () => {
    const client = t.client();
    await client.login(JANIS, PASSWORD);
    expect((await client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    const back = await client.post('/api/me/password', { currentPassword: NEW_PASSWORD, newPassword: PASSWORD });
    expectRefused(back, 'newPassword', 'used_before');
    const token = await resetTokenFor(JANIS);
    expectRefused(await t.client().post('/api/auth/reset-password', { token, password: PASSWORD }), 'password', 'used_before');
    expectRefused(await t.client().post('/api/auth/reset-password', { token, password: NEW_PASSWORD }), 'password', 'used_before');
    expect((await t.client().post('/api/auth/reset-password', { token, password: OTHER_PASSWORD })).statusCode).toBe(200);
  });

  it('ACC-6: the current password counts as used before, also for the seeded demo accounts', async () => {
    const client = t.client();
    await client.login(JANIS, PASSWORD);
    expectRefused(await client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: PASSWORD }), 'newPassword', 'used_before');
  });

  it('ACC-6: passwords are stored as argon2id with m=19456, t=2, p=1, never as text', async () => {
    const client = t.client();
    await client.login(JANIS, PASSWORD);
    expect((await client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    const hash = await passwordHashOf(JANIS);
    expect(hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    expect(hash).not.toContain(NEW_PASSWORD);
    await activatedAnna();
    expect((await passwordHashOf(ANNA.email)).startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
    const history = await t.deps.db.selectFrom('password_history').select('password_hash').execute();
    expect(history.length).toBeGreaterThan(0);
    for (const row of history) expect(row.password_hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
  });
});

describe('password rotation where the operator enforces it (passwordMaxAgeDays 90)', () => {
  freshAppForEachTest({ operator: { rules: { passwordMaxAgeDays: 90 } } });

  it('ACC-6: after 91 days customer routes answer 403 PASSWORD_CHANGE_REQUIRED until the password is changed', async () => {
    t.clock.advanceDays(89);
    const early = t.client();
    const customerId = (await early.login(JANIS, PASSWORD)).json().user.customers[0].id as string;
    expect((await early.get(`/api/customers/${customerId}/summary`)).statusCode).toBe(200);
    expect((await early.get('/api/session')).json().user.mustChangePassword).toBe(false);

    t.clock.advanceDays(2);
    const client = t.client();
    await client.login(JANIS, PASSWORD);
    const refused = await client.get(`/api/customers/${customerId}/summary`);
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await client.get('/api/session')).json().user.mustChangePassword).toBe(true);

    expect((await client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await client.get(`/api/customers/${customerId}/summary`)).statusCode).toBe(200);
    expect((await client.get('/api/session')).json().user.mustChangePassword).toBe(false);
  });
});

describe('a new password when compromise is suspected', () => {
  freshAppForEachTest();

  it('ACC-6: staff require a new password: the user\'s sessions end, after login only the change is allowed, and changing it lifts the requirement', async () => {
    const janis = t.client('10.0.0.21');
    const customerId = (await janis.login(JANIS, PASSWORD)).json().user.customers[0].id as string;
    const staff = t.client('10.0.0.5');
    await staff.login('service@demo.example', PASSWORD);
    const userId = (await t.deps.db.selectFrom('users').select('id').where('email', '=', JANIS).executeTakeFirstOrThrow()).id;

    const required = await staff.post(`/api/staff/users/${userId}/require-password-change`, {});
    expect(required.statusCode).toBe(204);
    expect((await janis.get(`/api/customers/${customerId}/summary`)).statusCode).toBe(401); // the session ended
    const audited = await t.deps.db.selectFrom('audit_events').selectAll().where('action', '=', 'user.password_change_required').executeTakeFirstOrThrow();
    expect({ objectId: audited.object_id, actorRole: audited.actor_role, ip: audited.ip }).toEqual({ objectId: userId, actorRole: 'customer_service', ip: '10.0.0.5' });

    const again = t.client('10.0.0.21');
    await again.login(JANIS, PASSWORD);
    expect((await again.get('/api/session')).json().user.mustChangePassword).toBe(true);
    const refused = await again.get(`/api/customers/${customerId}/summary`);
    expect(refused.statusCode).toBe(403);
    expect(errorOf(refused).code).toBe('PASSWORD_CHANGE_REQUIRED');

    expect((await again.post('/api/me/password', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await again.get(`/api/customers/${customerId}/summary`)).statusCode).toBe(200);
    expect((await again.get('/api/session')).json().user.mustChangePassword).toBe(false);
  });

  it('ACC-6: a reset through "forgot password" also lifts the requirement; an account without a password yet cannot be asked', async () => {
    const staff = t.client('10.0.0.5');
    await staff.login('service@demo.example', PASSWORD);
    const userId = (await t.deps.db.selectFrom('users').select('id').where('email', '=', JANIS).executeTakeFirstOrThrow()).id;
    expect((await staff.post(`/api/staff/users/${userId}/require-password-change`, {})).statusCode).toBe(204);
    expect((await t.client().post('/api/auth/reset-password', { token: await resetTokenFor(JANIS), password: NEW_PASSWORD })).statusCode).toBe(200);
    const client = t.client();
    await client.login(JANIS, NEW_PASSWORD);
    expect((await client.get('/api/session')).json().user.mustChangePassword).toBe(false);

    await annaActivationToken(); // registered by staff, not activated: no password to replace
    const anna = (await t.deps.db.selectFrom('users').select('id').where('email', '=', ANNA.email).executeTakeFirstOrThrow()).id;
    const pending = await staff.post(`/api/staff/users/${anna}/require-password-change`, {});
    expect(pending.statusCode).toBe(409);
    expect(errorOf(pending).code).toBe('NO_PASSWORD_YET');
    const janisClient = t.client('10.0.0.22');
    await janisClient.login(JANIS, NEW_PASSWORD);
    expect((await janisClient.post(`/api/staff/users/${userId}/require-password-change`, {})).statusCode).toBe(403);
  });
});

describe('password rotation where the operator only recommends it (passwordMaxAgeDays null)', () => {
  freshAppForEachTest({ operator: { rules: { passwordMaxAgeDays: null } } });

  it('ACC-6: with passwordMaxAgeDays null no change is forced, however old the password', async () => {
    t.clock.advanceDays(400);
    const client = t.client();
    const customerId = (await client.login(JANIS, PASSWORD)).json().user.customers[0].id as string;
    expect((await client.get(`/api/customers/${customerId}/summary`)).statusCode).toBe(200);
    expect((await client.get('/api/session')).json().user.mustChangePassword).toBe(false);
  });
});

describe('forgotten password', () => {
  freshAppForEachTest();

  it('ACC-8: forgot-password answers 202 with the same body for a known and an unknown address; only the account gets mail', async () => {
    const known = await t.client().post('/api/auth/forgot-password', { email: JANIS });
    const unknown = await t.client().post('/api/auth/forgot-password', { email: 'nobody.here@demo.example' });
    expect(known.statusCode).toBe(202);
    expect({ status: unknown.statusCode, body: unknown.json() }).toEqual({ status: known.statusCode, body: known.json() });
    await t.deliverMail();
    expect(t.mail.to(JANIS)).toHaveLength(1);
    expect(t.mail.to('nobody.here@demo.example')).toHaveLength(0);
  });

  it('ACC-8: the request does the same work for a known and an unknown address (it is only queued); the job worker then mails the account alone', async () => {
    const changedTables = async (email: string) => {
      const before = await fingerprint(t.deps.db);
      expect((await t.client('10.0.9.1').post('/api/auth/forgot-password', { email })).statusCode).toBe(202);
      const after = await fingerprint(t.deps.db);
      return Object.keys(after).filter((table) => after[table] !== before[table]).sort();
    };
    const known = await changedTables(JANIS);
    const unknown = await changedTables('nobody.here@demo.example');
    expect(known).toEqual(['password_reset_requests', 'rate_limit_buckets']);
    expect(unknown).toEqual(known);

    expect(await handlePasswordResetRequests(t.deps)).toBe(2);
    expect(await t.deps.db.selectFrom('password_reset_requests').select('id').execute()).toEqual([]);
    const audited = await t.deps.db.selectFrom('audit_events').select(['object_id', 'ip']).where('action', '=', 'password.reset_requested').execute();
    expect(audited).toHaveLength(1);
    expect(audited[0].ip).toBe('10.0.9.1');
    await t.deliverMail();
    expect(t.mail.to(JANIS)).toHaveLength(1);
    expect(t.mail.to('nobody.here@demo.example')).toHaveLength(0);
  });

  it('ACC-8: the reset link is single-use: a second use answers 410', async () => {
    const token = await resetTokenFor(JANIS);
    expect((await t.client().post('/api/auth/reset-password', { token, password: NEW_PASSWORD })).statusCode).toBe(200);
    const again = await t.client().post('/api/auth/reset-password', { token, password: OTHER_PASSWORD });
    expect(again.statusCode).toBe(410);
    expect((await login(JANIS, NEW_PASSWORD)).statusCode).toBe(200);
    expect((await login(JANIS, OTHER_PASSWORD)).statusCode).toBe(401);
  });

  it('ACC-8: the reset link expires after 1 hour', async () => {
    const late = await resetTokenFor(JANIS);
    t.clock.advanceMinutes(61);
    const expired = await t.client().post('/api/auth/reset-password', { token: late, password: NEW_PASSWORD });
    expect(expired.statusCode).toBe(410);
    expect(errorOf(expired).code).toBe('LINK_EXPIRED');
    expect((await login(JANIS, PASSWORD)).statusCode).toBe(200);

    const inTime = await resetTokenFor(JANIS);
    t.clock.advanceMinutes(59);
    expect((await t.client().post('/api/auth/reset-password', { token: inTime, password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('ACC-8: no e-mail ever carries a password', async () => {
    await activatedAnna();
    const anna = t.client();
    await anna.login(ANNA.email, OTHER_PASSWORD);
    expect((await anna.post('/api/me/password', { currentPassword: OTHER_PASSWORD, newPassword: 'Ziemelu-Vejs-4321' })).statusCode).toBe(204);
    await resetTokenFor(ANNA.email);
    for (let i = 0; i < 5; i++) await login(JANIS, `Wrong-Guess-${i}0`); // blocked: an e-mail with a link
    const token = tokenOf(await t.linkFromMail(JANIS, '/reset-password?token='));
    expect((await t.client().post('/api/auth/reset-password', { token, password: NEW_PASSWORD })).statusCode).toBe(200);
    await t.deliverMail();
    expect(t.mail.messages.map((m) => m.to).sort()).toEqual([JANIS, ANNA.email, ANNA.email]);
    const everything = t.mail.messages.map((m) => `${m.subject}\n${m.text}`).join('\n');
    for (const secret of [PASSWORD, NEW_PASSWORD, OTHER_PASSWORD, 'Ziemelu-Vejs-4321', 'Wrong-Guess-']) {
      expect(everything).not.toContain(secret);
    }
  });
});
