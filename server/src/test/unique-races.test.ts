/**
 * Requests that race past a service's own "does it exist yet?" check meet at a unique index. The loser must get
 * the 409 it would have got coming second, never a 500, and its transaction (user, membership, e-mails, audit
 * event) must be gone as a whole. Only on PostgreSQL: PGlite has one connection, so its requests never overlap.
 * Each client fetches its CSRF cookie first, so that the requests themselves start together.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';
import { DEMO_PASSWORD } from '../db/demo-data.js';

describe.skipIf(!process.env.DATABASE_URL)('racing requests meet at a unique index and get a 409, not a 500', () => {
  let t: TestApp;
  let termsVersion: string;
  beforeAll(async () => {
    t = await createTestApp();
    expect(t.databaseUrl).toBeTruthy();
    termsVersion = (await t.client('10.0.7.250').get('/api/terms/current')).json().version;
  });
  afterAll(async () => { await t?.close(); });

  async function freshClients(ips: string[]): Promise<TestClient[]> {
    const clients = ips.map((ip) => t.client(ip));
    for (const client of clients) await client.get('/api/session');
    return clients;
  }

  /** Exactly one success; every other answer the given 409. */
  function expectOneWinner(answers: LightMyRequestResponse[], success: number, code: string) {
    const statuses = answers.map((answer) => answer.statusCode);
    expect(statuses.filter((status) => status === success), answers.map((a) => `${a.statusCode} ${a.body}`).join('\n')).toHaveLength(1);
    for (const answer of answers.filter((a) => a.statusCode !== success)) {
      expect(answer.statusCode, answer.body).toBe(409);
      expect(answer.json().error.code).toBe(code);
    }
  }

  const customerIdOf = async (customerNumber: string) =>
    (await t.deps.db.selectFrom('customers').select('id').where('customer_number', '=', customerNumber).executeTakeFirstOrThrow()).id;
  const mainMemberships = async (customerId: string) =>
    t.deps.db.selectFrom('memberships').select('user_id').where('customer_id', '=', customerId).where('role', '=', 'main').execute();
  const usersLike = (pattern: string) => t.deps.db.selectFrom('users').select(['id', 'email']).where('email', 'like', pattern).execute();
  const mailsLike = (pattern: string) => t.deps.db.selectFrom('outbox_emails').select('to_address').where('to_address', 'like', pattern).execute();
  const auditEvents = (action: string, customerId?: string) => {
    let query = t.deps.db.selectFrom('audit_events').select('seq').where('action', '=', action);
    if (customerId) query = query.where('customer_id', '=', customerId);
    return query.execute();
  };

  const anna = {
    customerKind: 'person', customerName: 'Anna Kalniņa', identityCode: '020790-11115', customerNumber: 'C-100002',
    fullName: 'Anna Kalniņa', phone: '+371 20000002', language: 'lv', acceptTerms: true, confirmDataTruthful: true,
  };

  it('ACC-1: four registrations of one customer at once (four addresses): one main user, three CUSTOMER_HAS_MAIN_USER', async () => {
    // At most 4 per identity code and one per address, under the registration rate limits.
    const clients = await freshClients(['10.0.7.1', '10.0.7.2', '10.0.7.3', '10.0.7.4']);
    const answers = await Promise.all(clients.map((client, i) =>
      client.post('/api/auth/register', { ...anna, termsVersion, email: `anna.${i}@race-register.example` })));
    expectOneWinner(answers, 202, 'CUSTOMER_HAS_MAIN_USER');

    const customerId = await customerIdOf('C-100002');
    const main = await mainMemberships(customerId);
    expect(main).toHaveLength(1);
    const users = await usersLike('%@race-register.example');
    expect(users.map((u) => u.id)).toEqual([main[0].user_id]); // the losers' users were rolled back with the rest
    expect((await mailsLike('%@race-register.example')).map((m) => m.to_address)).toEqual([users[0].email]);
    expect(await auditEvents('registration.main_user_registered', customerId)).toHaveLength(1);
    const acceptances = await t.deps.db.selectFrom('terms_acceptances').select('user_id').where('user_id', 'in', users.map((u) => u.id)).execute();
    expect(acceptances).toHaveLength(1);
  });

  it('ACC-1: one registration sent four times at once (one address): one main user, three CUSTOMER_HAS_MAIN_USER', async () => {
    const liga = { ...anna, customerName: 'Līga Jauna', identityCode: '32000000001', customerNumber: 'C-100004', fullName: 'Līga Jauna', termsVersion };
    const clients = await freshClients(['10.0.7.11', '10.0.7.12', '10.0.7.13', '10.0.7.14']);
    const answers = await Promise.all(clients.map((client) => client.post('/api/auth/register', { ...liga, email: 'liga@race-double.example' })));
    expectOneWinner(answers, 202, 'CUSTOMER_HAS_MAIN_USER');

    expect(await mainMemberships(await customerIdOf('C-100004'))).toHaveLength(1);
    expect(await usersLike('%@race-double.example')).toHaveLength(1);
    expect(await mailsLike('%@race-double.example')).toHaveLength(1);
  });

  it('ACC-10: one new address invited four times at once: one invitation, three ALREADY_A_USER', async () => {
    const [janis] = await freshClients(['10.0.7.21']);
    await janis.login('janis@demo.example', DEMO_PASSWORD);
    const household = await customerIdOf('C-100001');
    const invitation = { email: 'guest@race-invite.example', fullName: 'Viesis Ātrais', rights: ['see_invoices'], confirmDataTruthful: true };
    const answers = await Promise.all([1, 2, 3, 4].map(() => janis.post(`/api/customers/${household}/users`, invitation)));
    expectOneWinner(answers, 201, 'ALREADY_A_USER');

    const users = await usersLike('%@race-invite.example');
    expect(users).toHaveLength(1);
    const memberships = await t.deps.db.selectFrom('memberships').select('id').where('user_id', '=', users[0].id).execute();
    expect(memberships).toHaveLength(1);
    expect(await mailsLike('%@race-invite.example')).toHaveLength(1);
    expect(await auditEvents('user.invited', household)).toHaveLength(1);
  });

  it('ACC-10: a user who has an account invited four times at once to one customer: one membership, three ALREADY_A_USER', async () => {
    const [janis] = await freshClients(['10.0.7.22']);
    await janis.login('janis@demo.example', DEMO_PASSWORD);
    const company = await customerIdOf('C-100003');
    const invitation = { email: 'marta@demo.example', fullName: 'Marta Bērziņa', rights: [], confirmDataTruthful: true };
    const answers = await Promise.all([1, 2, 3, 4].map(() => janis.post(`/api/customers/${company}/users`, invitation)));
    expectOneWinner(answers, 201, 'ALREADY_A_USER');

    const marta = await t.deps.db.selectFrom('users').select('id').where('email', '=', 'marta@demo.example').executeTakeFirstOrThrow();
    const memberships = await t.deps.db.selectFrom('memberships').select('id')
      .where('user_id', '=', marta.id).where('customer_id', '=', company).where('status', '=', 'active').execute();
    expect(memberships).toHaveLength(1);
    const notices = await t.deps.db.selectFrom('notices').select('id').where('user_id', '=', marta.id).where('customer_id', '=', company).execute();
    expect(notices).toHaveLength(1);
    expect(await auditEvents('user.invited', company)).toHaveLength(1);
  });

  it('ACC-3: two customers registering one new e-mail at once answer as one after the other: both 202, one account, the other a reminder', async () => {
    const [staff, first, second] = await freshClients(['10.0.7.41', '10.0.7.42', '10.0.7.43']);
    await staff.login('service@demo.example', DEMO_PASSWORD);
    const companies = [
      { kind: 'company', name: 'SIA "Pirmā Sacīkste"', identityCode: '40009000011', customerNumber: 'C-900011' },
      { kind: 'company', name: 'SIA "Otrā Sacīkste"', identityCode: '40009000012', customerNumber: 'C-900012' },
    ];
    for (const company of companies) expect((await staff.post('/api/staff/customers', company)).statusCode).toBe(201);
    const registration = (company: (typeof companies)[number]) => ({
      ...anna, customerKind: 'company', customerName: company.name, identityCode: company.identityCode, customerNumber: company.customerNumber,
      fullName: 'Roberts Ātrais', email: 'roberts@race-email.example', termsVersion,
    });
    const answers = await Promise.all([first.post('/api/auth/register', registration(companies[0])), second.post('/api/auth/register', registration(companies[1]))]);
    expect(answers.map((a) => a.statusCode), answers.map((a) => a.body).join('\n')).toEqual([202, 202]);

    const users = await usersLike('%@race-email.example');
    expect(users).toHaveLength(1);
    const mains = await t.deps.db.selectFrom('memberships').select('customer_id').where('user_id', '=', users[0].id).execute();
    expect(mains).toHaveLength(1);
    const subjects = await t.deps.db.selectFrom('outbox_emails').select('subject').where('to_address', '=', 'roberts@race-email.example').orderBy('subject').execute();
    expect(subjects).toHaveLength(2); // the activation link, and "you already have an account"
    expect(await auditEvents('registration.email_already_used')).toHaveLength(1);
  });

  it('ACC-10: two customers inviting one new address at once answer as one after the other: both 201, one account with both memberships', async () => {
    const [janis] = await freshClients(['10.0.7.51']);
    await janis.login('janis@demo.example', DEMO_PASSWORD);
    const customers = [await customerIdOf('C-100001'), await customerIdOf('C-100003')];
    const invitation = { email: 'guest@race-two-invites.example', fullName: 'Viesis Divkāršais', rights: [], confirmDataTruthful: true };
    const answers = await Promise.all(customers.map((customerId) => janis.post(`/api/customers/${customerId}/users`, invitation)));
    expect(answers.map((a) => a.statusCode), answers.map((a) => a.body).join('\n')).toEqual([201, 201]);

    const users = await usersLike('%@race-two-invites.example');
    expect(users).toHaveLength(1);
    const memberships = await t.deps.db.selectFrom('memberships').select('customer_id').where('user_id', '=', users[0].id).execute();
    expect(memberships.map((m) => m.customer_id).sort()).toEqual([...customers].sort());
  });

  it('staff create one customer number four times at once: one customer, three CUSTOMER_EXISTS', async () => {
    const [staff] = await freshClients(['10.0.7.31']);
    await staff.login('service@demo.example', DEMO_PASSWORD);
    const answers = await Promise.all([1, 2, 3, 4].map((i) =>
      staff.post('/api/staff/customers', { kind: 'company', name: `SIA "Sacīkste ${i}"`, identityCode: `4000900000${i}`, customerNumber: 'C-900001' })));
    expectOneWinner(answers, 201, 'CUSTOMER_EXISTS');

    const customers = await t.deps.db.selectFrom('customers').select('id').where('customer_number', '=', 'C-900001').execute();
    expect(customers).toHaveLength(1);
    expect(customers[0].id).toBe(answers.find((a) => a.statusCode === 201)!.json().id);
    expect(await auditEvents('customer.created', customers[0].id)).toHaveLength(1);
  });
});
