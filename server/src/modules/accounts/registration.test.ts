import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const anna = {
  customerKind: 'person', customerName: 'Anna Kalniņa', identityCode: '020790-11115', customerNumber: 'C-100002',
  fullName: 'Anna Kalniņa', email: 'Anna.K@Example.com', phone: '+371 20000002', language: 'lv',
  termsVersion: '1.0', acceptTerms: true, confirmDataTruthful: true,
};

describe('registration and activation', () => {
  it('ACC-1: registration without accepting the current terms is refused and creates nothing', async () => {
    const client = t.client();
    const refused = await client.post('/api/auth/register', { ...anna, acceptTerms: false });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.details.field).toBe('acceptTerms');
    const outdated = await client.post('/api/auth/register', { ...anna, termsVersion: '0.9' });
    expect(outdated.statusCode).toBe(400);
    expect(outdated.json().error.code).toBe('TERMS_OUTDATED');
    const users = await t.deps.db.selectFrom('users').select('id').where('email', 'ilike', anna.email).execute();
    expect(users).toHaveLength(0);
  });

  it('ACC-2: data that does not match the records is refused with the customer-service contacts and no record data', async () => {
    const response = await t.client().post('/api/auth/register', { ...anna, customerName: 'Anna Bērziņa' });
    expect(response.statusCode).toBe(422);
    const error = response.json().error;
    expect(error.code).toBe('REGISTRATION_DATA_MISMATCH');
    expect(error.details.support.phone).toBe(t.deps.operator.support.phone);
    expect(response.body).not.toContain('anna@demo.example');
    expect(response.body).not.toContain('Kalniņa');
  });

  it('ACC-14: a personal code with a wrong check digit is refused naming the field', async () => {
    const response = await t.client().post('/api/auth/register', { ...anna, identityCode: '020790-11116' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.field).toBe('identityCode');
  });

  it('ACC-1, ACC-2, ACC-4: a match creates a pending main user, records the accepted terms and e-mails a link that sets the password', async () => {
    const client = t.client();
    const response = await client.post('/api/auth/register', anna);
    expect(response.statusCode).toBe(202);
    const user = await t.deps.db.selectFrom('users').selectAll().where('email', '=', anna.email).executeTakeFirstOrThrow();
    expect(user.status).toBe('pending');
    const acceptance = await t.deps.db.selectFrom('terms_acceptances').innerJoin('terms_versions', 'terms_versions.id', 'terms_acceptances.terms_version_id')
      .select('terms_versions.version').where('user_id', '=', user.id).execute();
    expect(acceptance.map((a) => a.version)).toEqual(['1.0']);
    const link = await t.linkFromMail(anna.email, '/activate?token=');
    const token = new URL(link).searchParams.get('token')!;
    const weak = await client.post('/api/auth/activate', { token, password: 'anna1234' });
    expect(weak.statusCode).toBe(400);
    const activated = await client.post('/api/auth/activate', { token, password: 'Dzintars-Jura-88' });
    expect(activated.statusCode).toBe(200);
    const again = await client.post('/api/auth/activate', { token, password: 'Dzintars-Jura-88' });
    expect(again.statusCode).toBe(410);
    const login = await client.post('/api/auth/login', { email: 'anna.k@example.com', password: 'Dzintars-Jura-88' });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.customers[0]).toMatchObject({ name: 'Anna Kalniņa', role: 'main' });
  });

  it('ACC-3: the e-mail is a case-insensitive username: registering it again answers the same and mails the owner instead', async () => {
    await t.deps.db.deleteFrom('memberships').where('customer_id', 'in', t.deps.db.selectFrom('customers').select('id').where('customer_number', '=', 'C-100002')).execute();
    const before = await t.deps.db.selectFrom('users').select('id').execute();
    const response = await t.client().post('/api/auth/register', { ...anna, email: 'ANNA.K@example.COM' });
    expect(response.statusCode).toBe(202);
    const after = await t.deps.db.selectFrom('users').select('id').execute();
    expect(after.length).toBe(before.length);
    await t.deliverMail();
    expect(t.mail.to('anna.k@example.com').some((m) => m.subject.includes('jau ir konts'))).toBe(true);
  });

  it('ACC-4: an activation link older than 24 hours fails and the account is blocked; "forgot password" unblocks it', async () => {
    const client = t.client();
    const response = await client.post('/api/auth/register', { ...anna, customerName: 'Līga Jauna', fullName: 'Līga Jauna', identityCode: '32000000001', customerNumber: 'C-100004', email: 'liga.new@example.com' });
    expect(response.statusCode).toBe(202);
    const link = await t.linkFromMail('liga.new@example.com', '/activate?token=');
    t.clock.advanceHours(24);
    t.clock.advanceMinutes(1);
    const late = await client.post('/api/auth/activate', { token: new URL(link).searchParams.get('token'), password: 'Dzintars-Jura-88' });
    expect(late.statusCode).toBe(410);
    expect(late.json().error.code).toBe('LINK_EXPIRED');
    const user = await t.deps.db.selectFrom('users').selectAll().where('email', '=', 'liga.new@example.com').executeTakeFirstOrThrow();
    expect(user.status).toBe('blocked');
    expect((await client.post('/api/auth/forgot-password', { email: 'liga.new@example.com' })).statusCode).toBe(202);
    const reset = await t.linkFromMail('liga.new@example.com', '/reset-password?token=');
    const done = await client.post('/api/auth/reset-password', { token: new URL(reset).searchParams.get('token'), password: 'Dzintars-Jura-88' });
    expect(done.statusCode).toBe(200);
    expect((await client.post('/api/auth/login', { email: 'liga.new@example.com', password: 'Dzintars-Jura-88' })).statusCode).toBe(200);
  });
});
