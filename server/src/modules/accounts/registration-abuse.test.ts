/**
 * The outside audit's account-takeover path (issue 9, points 1 and 2): knowing a customer's name and
 * personal code, an attacker tried customer numbers until one matched and became the main user. Tries are
 * limited now, and the customer's own e-mail on record is told of every new main user, with a link that
 * stops that user's access.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';

let t: TestApp;
beforeEach(async () => { t = await createTestApp(); });
afterEach(async () => { await t.close(); });

// Anna Kalniņa, C-100002, has no portal user yet; her record's e-mail is anna@demo.example.
const anna = {
  customerKind: 'person', customerName: 'Anna Kalniņa', identityCode: '020790-11115', customerNumber: 'C-100002',
  fullName: 'Anna Kalniņa', email: 'attacker@example.net', phone: '+371 20000009', language: 'lv',
  termsVersion: '1.0', acceptTerms: true, confirmDataTruthful: true,
};
const wrongNumber = (i: number) => ({ ...anna, customerNumber: `C-9${String(i).padStart(5, '0')}` });
const register = (client: TestClient, body: object) => client.post('/api/auth/register', body);

async function annaUsers() {
  return t.deps.db.selectFrom('memberships as m').innerJoin('customers as c', 'c.id', 'm.customer_id')
    .select(['m.user_id', 'm.status']).where('c.customer_number', '=', 'C-100002').execute();
}

describe('registration tries are limited (ACC-2)', () => {
  it('ACC-2: after 5 tries for one personal code within an hour, the 6th is refused with 429, from any address, even with the right number', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await register(t.client(`10.9.0.${i}`), wrongNumber(i))).statusCode).toBe(422);
    }
    const right = await register(t.client('10.9.0.99'), anna);
    expect(right.statusCode).toBe(429);
    expect(right.json().error.code).toBe('RATE_LIMITED');
    expect(Number(right.headers['retry-after'])).toBeGreaterThan(0);
    expect(await annaUsers()).toEqual([]);

    t.clock.advanceMinutes(61);
    expect((await register(t.client('10.9.0.99'), anna)).statusCode).toBe(202);
  });

  it('ACC-2: one address gets 10 tries an hour whatever the personal codes; the 11th answers 429', async () => {
    const attacker = t.client('10.9.1.1');
    const codes = ['020790-11115', '150385-12346', '320000-00001', '090999-10005'];
    for (let i = 0; i < 10; i++) {
      const body = { ...wrongNumber(i), identityCode: codes[i % codes.length] };
      expect((await register(attacker, body)).statusCode, `try ${i + 1}`).toBe(422);
    }
    expect((await register(attacker, anna)).statusCode).toBe(429);
    expect((await register(t.client('10.9.1.2'), anna)).statusCode).toBe(202);
  });

  it('ACC-2, ACC-11: linking another customer is limited the same way: 5 tries per identity code, 10 per user', async () => {
    const janis = t.client('10.9.2.1');
    await janis.login('janis@demo.example', DEMO_PASSWORD);
    const link = (body: object) => janis.post('/api/me/customers', { customerKind: 'person', customerName: 'Anna Kalniņa', identityCode: '020790-11115', confirmDataTruthful: true, ...body });
    for (let i = 0; i < 5; i++) expect((await link({ customerNumber: `C-8${i}` })).statusCode).toBe(422);
    const right = await link({ customerNumber: 'C-100002' });
    expect(right.statusCode).toBe(429);
    expect(await annaUsers()).toEqual([]);

    const other = { customerKind: 'person', customerName: 'Līga Jauna', identityCode: '32000000001', confirmDataTruthful: true };
    for (let i = 0; i < 4; i++) expect((await janis.post('/api/me/customers', { ...other, customerNumber: `C-7${i}` })).statusCode).toBe(422);
    expect((await janis.post('/api/me/customers', { ...other, customerNumber: 'C-100004' })).statusCode).toBe(429); // the user's 11th try
  });

  it('ACC-19: staff may check a customer\'s service password 5 times in 15 minutes; the 6th answers 429', async () => {
    const service = t.client('10.9.3.1');
    await service.login('service@demo.example', DEMO_PASSWORD);
    const customer = await t.deps.db.selectFrom('customers').select('id').where('customer_number', '=', 'C-100001').executeTakeFirstOrThrow();
    const check = () => service.post(`/api/staff/customers/${customer.id}/service-password/check`, { servicePassword: 'guess' });
    for (let i = 0; i < 5; i++) expect((await check()).statusCode).toBe(200);
    const limited = await check();
    expect(limited.statusCode).toBe(429);
    const audited = await t.deps.db.selectFrom('audit_events').select('seq').where('action', '=', 'service_password.checked').execute();
    expect(audited).toHaveLength(5);
    t.clock.advanceMinutes(16);
    expect((await check()).statusCode).toBe(200);
  });
});

describe('the customer is told of a new main user and can report it (ACC-2, ACC-11, ACC-13)', () => {
  it('ACC-11: a household (not only a company) is e-mailed at its record\'s address when a main user registers, with a report link', async () => {
    expect((await register(t.client('10.9.4.1'), anna)).statusCode).toBe(202);
    await t.deliverMail();
    const notices = t.mail.to('anna@demo.example');
    expect(notices).toHaveLength(1);
    expect(notices[0].text).toContain('attacker@example.net');
    expect(notices[0].text).toMatch(/http:\/\/portal\.test\/report-registration\?token=\S+/);
  });

  it('ACC-2, ACC-13: the report link ends the new user\'s access at once, blocks the account, files a report for customer service and is audited', async () => {
    expect((await register(t.client('10.9.5.1'), anna)).statusCode).toBe(202);
    const attackerUser = await t.deps.db.selectFrom('users').select('id').where('email', '=', 'attacker@example.net').executeTakeFirstOrThrow();
    // The attacker activates and logs in before the customer reads the e-mail.
    const activation = new URL(await t.linkFromMail('attacker@example.net', '/activate?token=')).searchParams.get('token');
    const attacker = t.client('10.9.5.2');
    expect((await attacker.post('/api/auth/activate', { token: activation, password: 'Melns-Kakis-2026' })).statusCode).toBe(200);
    const login = await attacker.login('attacker@example.net', 'Melns-Kakis-2026');
    const customerId = login.json().user.customers[0].id as string;
    expect((await attacker.post('/api/me/terms/accept', { version: '1.0' })).statusCode).toBe(204);
    expect((await attacker.get(`/api/customers/${customerId}/contact`)).statusCode).toBe(200);

    const reportLink = await t.linkFromMail('anna@demo.example', '/report-registration?token=');
    const token = new URL(reportLink).searchParams.get('token');
    const reported = await t.client('10.9.5.3').post('/api/auth/report-registration', { token });
    expect(reported.statusCode, reported.body).toBe(200);

    expect((await attacker.get(`/api/customers/${customerId}/contact`)).statusCode).toBe(401);
    expect(await annaUsers()).toEqual([{ user_id: attackerUser.id, status: 'denied' }]);
    const account = await t.deps.db.selectFrom('users').select(['status', 'blocked_reason']).where('id', '=', attackerUser.id).executeTakeFirstOrThrow();
    expect(account).toEqual({ status: 'blocked', blocked_reason: 'reported_by_customer' });
    const relogin = await t.client('10.9.5.4').post('/api/auth/login', { email: 'attacker@example.net', password: 'Melns-Kakis-2026' });
    expect(relogin.json().error.code).toBe('ACCOUNT_BLOCKED');
    // "Forgot password" does not lift it: only staff do.
    expect((await t.client('10.9.5.5').post('/api/auth/forgot-password', { email: 'attacker@example.net' })).statusCode).toBe(202);
    const reset = new URL(await t.linkFromMail('attacker@example.net', '/reset-password?token=')).searchParams.get('token');
    expect((await t.client('10.9.5.5').post('/api/auth/reset-password', { token: reset, password: 'Balts-Kakis-2027' })).statusCode).toBe(403);

    const reports = await t.deps.db.selectFrom('error_reports').selectAll().where('customer_id', '=', customerId).execute();
    expect(reports).toHaveLength(1);
    expect(reports[0].message).toContain('attacker@example.net');
    expect(reports[0].contact_email).toBe('anna@demo.example');
    const audit = await t.deps.db.selectFrom('audit_events').selectAll().where('action', '=', 'registration.reported_by_customer').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0].customer_id).toBe(customerId);
    expect(audit[0].ip).toBe('10.9.5.3');

    // The link works once.
    const again = await t.client('10.9.5.3').post('/api/auth/report-registration', { token });
    expect(again.statusCode).toBe(410);
  });

  it('ACC-2: the registering user\'s own address gets no report link; a customer without an e-mail on record gets nothing', async () => {
    expect((await register(t.client('10.9.6.1'), { ...anna, email: 'ANNA@demo.example' })).statusCode).toBe(202);
    await t.deliverMail();
    expect(t.mail.to('anna@demo.example').map((m) => m.text).join('\n')).not.toContain('/report-registration');

    await t.deps.db.updateTable('customers').set({ email: null }).where('customer_number', '=', 'C-100004').execute();
    const liga = { ...anna, customerName: 'Līga Jauna', identityCode: '32000000001', customerNumber: 'C-100004', fullName: 'Līga Jauna', email: 'liga.new@example.com' };
    expect((await register(t.client('10.9.6.2'), liga)).statusCode).toBe(202);
    const queued = await t.deps.db.selectFrom('one_time_tokens').select('purpose').where('purpose', '=', 'registration_report').execute();
    expect(queued).toHaveLength(0);
  });
});
