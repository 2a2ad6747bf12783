import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCodeAt } from './totp-codes.js';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';
import { DEMO_PASSWORD } from '../db/demo-data.js';
import { runDueJobs } from '../jobs.js';

const NEW_PASSWORD = 'Dzintars-Jura-88';
let ipCounter = 0;

/** Helpers bound to one test app: clients with their own address, logins, invitations. */
function helpers(app: () => TestApp) {
  const newClient = () => app().client(`10.2.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`);
  const loginAs = async (email: string, password = DEMO_PASSWORD): Promise<TestClient> => {
    const client = newClient();
    await client.login(email, password);
    return client;
  };
  const customerId = async (customerNumber: string) =>
    (await app().deps.db.selectFrom('customers').select('id').where('customer_number', '=', customerNumber).executeTakeFirstOrThrow()).id;
  const userIdOf = async (email: string) =>
    (await app().deps.db.selectFrom('users').select('id').where('email', '=', email).where('status', '<>', 'deleted').executeTakeFirstOrThrow()).id;
  const activateFromMail = async (email: string) => {
    const link = await app().linkFromMail(email, '/activate?token=');
    const response = await newClient().post('/api/auth/activate', { token: new URL(link).searchParams.get('token'), password: NEW_PASSWORD });
    expect(response.statusCode, response.body).toBe(200);
  };
  /** The main user invites someone, who activates, logs in and accepts the terms. */
  const addUser = async (main: TestClient, customer: string, email: string, fullName: string) => {
    const invited = await main.post(`/api/customers/${customer}/users`, { email, fullName, rights: [], confirmDataTruthful: true });
    expect(invited.statusCode, invited.body).toBe(201);
    await activateFromMail(email);
    const client = await loginAs(email, NEW_PASSWORD);
    expect((await client.post('/api/me/terms/accept', { version: '1.0' })).statusCode).toBe(204);
    return { client, membershipId: invited.json().membershipId as string, userId: await userIdOf(email) };
  };
  return { newClient, loginAs, customerId, userIdOf, activateFromMail, addUser };
}

const subjects = (t: TestApp, address: string) => t.mail.to(address).map((m) => m.subject);

describe('staff back office', () => {
  let t: TestApp;
  const h = helpers(() => t);
  let staff: TestClient;
  let admin: TestClient;
  let janis: TestClient;

  beforeAll(async () => {
    t = await createTestApp();
    staff = await h.loginAs('service@demo.example');
    admin = await h.loginAs('admin@demo.example');
    janis = await h.loginAs('janis@demo.example');
  });
  afterAll(async () => { await t.close(); });

  it('ACC-5, ACC-19: customer service finds a customer by name, identity code or customer number', async () => {
    const search = async (q: string) => {
      const response = await staff.get(`/api/staff/customers?q=${encodeURIComponent(q)}`);
      expect(response.statusCode, response.body).toBe(200);
      return (response.json() as { customerNumber: string }[]).map((c) => c.customerNumber);
    };
    expect(await search('kalniņa')).toEqual(['C-100002']);
    expect(await search('Demo Būve')).toEqual(['C-100003']);
    expect(await search('020790')).toEqual(['C-100002']);
    expect(await search('020790-11115')).toEqual(['C-100002']);
    expect(await search('40003123456')).toEqual(['C-100003']);
    expect(await search('C-100005')).toEqual(['C-100005']);
    expect(await search('c-10000').then((n) => n.sort())).toEqual(['C-100001', 'C-100002', 'C-100003', 'C-100004', 'C-100005']);
    expect(await search('nav-tāda-klienta')).toEqual([]);
    expect(await search('%')).toEqual([]);
    const [anna] = (await staff.get('/api/staff/customers?q=C-100002')).json();
    expect(anna).toMatchObject({ name: 'Anna Kalniņa', kind: 'person', identityCode: '02079011115', customerNumber: 'C-100002', email: 'anna@demo.example' });
    expect((await staff.get('/api/staff/customers?q=')).statusCode).toBe(400);
  });

  it('ACC-5, ACC-13: only staff reach the back office: a customer user gets 403 on /api/staff/*, without login 401', async () => {
    const c1 = await h.customerId('C-100001');
    const martaId = await h.userIdOf('marta@demo.example');
    const attempts = [
      await janis.get('/api/staff/customers?q=C-1'),
      await janis.get(`/api/staff/customers/${c1}`),
      await janis.post('/api/staff/customers/import', { csv: 'kind\n' }),
      await janis.post(`/api/staff/users/${martaId}/block`, { reason: 'test' }),
      await janis.delete(`/api/staff/users/${martaId}`),
      await janis.get('/api/staff/audit'),
      await janis.post('/api/staff/terms', { version: '9', approvedOn: '2026-01-01', validFrom: '2026-01-01', texts: { lv: 'a', en: 'a', ru: 'a' } }),
    ];
    for (const response of attempts) {
      expect(response.statusCode, response.body).toBe(403);
      expect(['STAFF_ONLY', 'ADMINISTRATOR_ONLY']).toContain(response.json().error.code);
    }
    expect((await h.newClient().get('/api/staff/customers?q=C-1')).statusCode).toBe(401);
    const marta = await t.deps.db.selectFrom('users').select('status').where('id', '=', martaId).executeTakeFirstOrThrow();
    expect(marta.status).toBe('active');
  });

  const header = 'kind,name,identity_code,customer_number,email,phone,postal_address,language,contract_type,contract_number,contract_status,contract_starts_on';
  const goodFile = [
    header,
    'person,Roberts Liepa,120395-12344,C-300001,roberts@example.com,+371 20000301,"Liepu iela 1, Rīga, LV-1001",lv,electricity_supply,E-300001,active,2025-02-01',
    'company,"SIA ""Rīta Rasa""",40103999994,C-300002,birojs@ritarasa.example,,"Rasas iela 2, Ogre",en,grid_connection,G-300002,active,2019-05-01',
  ].join('\r\n');

  it('ACC-2: the customer records are imported from CSV with contracts; importing the same file again updates without duplicates', async () => {
    const countAll = async () => ({
      customers: (await t.deps.db.selectFrom('customers').select('id').execute()).length,
      contracts: (await t.deps.db.selectFrom('contracts').select('id').execute()).length,
    });
    const before = await countAll();
    const first = await staff.post('/api/staff/customers/import', { csv: goodFile });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ created: 2, updated: 0, errors: [] });
    expect(await countAll()).toEqual({ customers: before.customers + 2, contracts: before.contracts + 2 });

    const roberts = await t.deps.db.selectFrom('customers').selectAll().where('customer_number', '=', 'C-300001').executeTakeFirstOrThrow();
    expect(roberts).toMatchObject({ kind: 'person', name: 'Roberts Liepa', identity_code: '12039512344', email: 'roberts@example.com', postal_address: 'Liepu iela 1, Rīga, LV-1001' });
    const detail = (await staff.get(`/api/staff/customers/${roberts.id}`)).json();
    expect(detail.contracts).toEqual([expect.objectContaining({ number: 'E-300001', type: 'electricity_supply', status: 'active', startsOn: '2025-02-01' })]);
    const company = await t.deps.db.selectFrom('customers').selectAll().where('customer_number', '=', 'C-300002').executeTakeFirstOrThrow();
    expect(company).toMatchObject({ kind: 'company', name: 'SIA "Rīta Rasa"', language: 'en', phone: null });

    const again = await staff.post('/api/staff/customers/import', { csv: goodFile });
    expect(again.json()).toMatchObject({ created: 0, updated: 2, errors: [] });
    expect(await countAll()).toEqual({ customers: before.customers + 2, contracts: before.contracts + 2 });

    // A later file with changed data updates the same records.
    const changed = goodFile.replace('roberts@example.com', 'roberts.liepa@example.com').replace('E-300001,active', 'E-300001,ended');
    expect((await staff.post('/api/staff/customers/import', { csv: changed })).json()).toMatchObject({ created: 0, updated: 2, errors: [] });
    expect(await countAll()).toEqual({ customers: before.customers + 2, contracts: before.contracts + 2 });
    const updated = await t.deps.db.selectFrom('customers').select('email').where('customer_number', '=', 'C-300001').executeTakeFirstOrThrow();
    expect(updated.email).toBe('roberts.liepa@example.com');
    const contract = await t.deps.db.selectFrom('contracts').select(['status', 'customer_id']).where('number', '=', 'E-300001').executeTakeFirstOrThrow();
    expect(contract).toEqual({ status: 'ended', customer_id: roberts.id });
  });

  it('ACC-2, ACC-14: an import with a bad row (wrong personal code check digit) imports nothing and names the row and field', async () => {
    const before = (await t.deps.db.selectFrom('customers').select('id').execute()).length;
    const file = [
      header,
      'person,Dace Ozola,250770-15552,C-300003,dace@example.com,,,lv,electricity_supply,E-300003,active,2024-01-01',
      'person,Edgars Kļava,120395-12345,C-300004,edgars@example.com,,,lv,,,,',
    ].join('\n');
    const response = await staff.post('/api/staff/customers/import', { csv: file });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ created: 0, updated: 0 });
    expect(body.errors).toEqual([{ row: 3, field: 'identity_code', reason: expect.stringContaining('check digit') }]);
    expect((await t.deps.db.selectFrom('customers').select('id').execute()).length).toBe(before);
    expect(await t.deps.db.selectFrom('customers').select('id').where('customer_number', '=', 'C-300003').executeTakeFirst()).toBeUndefined();
    expect(await t.deps.db.selectFrom('contracts').select('id').where('number', '=', 'E-300003').executeTakeFirst()).toBeUndefined();

    // A row that clashes with another customer's record is a bad row too, not a server error.
    const clashes = [
      header,
      'person,Anna Kalniņa,020790-11115,C-300005,anna2@example.com,,,lv,,,,',
      'person,Dace Ozola,250770-15552,C-300003,dace@example.com,,,lv,electricity_supply,E-200001,active,2024-01-01',
    ].join('\n');
    const clash = await staff.post('/api/staff/customers/import', { csv: clashes });
    expect(clash.statusCode, clash.body).toBe(200);
    expect(clash.json()).toMatchObject({ created: 0, updated: 0 });
    expect(clash.json().errors).toEqual([
      { row: 2, field: 'identity_code', reason: expect.stringContaining('C-100002') },
      { row: 3, field: 'contract_number', reason: expect.stringContaining('C-100001') },
    ]);
    expect((await t.deps.db.selectFrom('customers').select('id').execute()).length).toBe(before);
    const janisContract = await t.deps.db.selectFrom('contracts as k').innerJoin('customers as c', 'c.id', 'k.customer_id')
      .select(['c.customer_number', 'k.status']).where('k.number', '=', 'E-200001').executeTakeFirstOrThrow();
    expect(janisContract).toEqual({ customer_number: 'C-100001', status: 'active' });

    const missingColumn = await staff.post('/api/staff/customers/import', { csv: 'kind,name\nperson,X' });
    expect(missingColumn.statusCode).toBe(400);
    expect(missingColumn.json().error.details.field).toBe('csv');
  });

  it('OPS-1: customer service may not publish terms of use (403); an administrator may', async () => {
    const terms = { version: '2.0', approvedOn: '2026-11-20', validFrom: '2027-01-01', texts: { lv: 'Noteikumi 2.0', en: 'Terms 2.0 (translation)', ru: 'Правила 2.0 (перевод)' } };
    const refused = await staff.post('/api/staff/terms', terms);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('ADMINISTRATOR_ONLY');
    expect((await h.newClient().get('/api/terms/2.0')).statusCode).toBe(404);

    const published = await admin.post('/api/staff/terms', terms);
    expect(published.statusCode, published.body).toBe(201);
    expect(published.json()).toMatchObject({ version: '2.0', validFrom: '2027-01-01', validTo: null });
    const stable = await h.newClient().get('/api/terms/2.0');
    expect(stable.statusCode).toBe(200);
    expect(stable.json().texts.lv).toBe('Noteikumi 2.0');
    // Not in force before its date; the one in force now gets an end date.
    expect((await h.newClient().get('/api/terms/current')).json()).toMatchObject({ version: '1.0', validTo: '2026-12-31' });
    expect((await admin.post('/api/staff/terms', terms)).statusCode).toBe(409);
  });

  it('ACC-5: staff register an account for a customer at the service centre; it stays inactive until activated; terms come at first login', async () => {
    const c2 = await h.customerId('C-100002');
    const badEmail = await staff.post(`/api/staff/customers/${c2}/accounts`, { fullName: 'Anna Kalniņa', email: 'not-an-email' });
    expect(badEmail.statusCode).toBe(400);
    expect(badEmail.json().error.details.field).toBe('email');

    const registered = await staff.post(`/api/staff/customers/${c2}/accounts`, { fullName: 'Anna Kalniņa', email: 'anna.k@example.com', phone: '+371 20000002', personalCode: '020790-11115' });
    expect(registered.statusCode, registered.body).toBe(201);
    const userId = registered.json().userId;
    const user = await t.deps.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ status: 'pending', password_hash: null, personal_code: '02079011115' });
    expect((await h.newClient().post('/api/auth/login', { email: 'anna.k@example.com', password: NEW_PASSWORD })).statusCode).toBe(401);
    const detail = (await staff.get(`/api/staff/customers/${c2}`)).json();
    expect(detail.users).toEqual([expect.objectContaining({ userId, role: 'main', status: 'pending' })]);

    const link = await t.linkFromMail('anna.k@example.com', '/activate?token=');
    expect(subjects(t, 'anna.k@example.com')).toEqual([expect.stringContaining('konta aktivizēšana')]);
    const activated = await h.newClient().post('/api/auth/activate', { token: new URL(link).searchParams.get('token'), password: NEW_PASSWORD });
    expect(activated.statusCode).toBe(200);

    const anna = h.newClient();
    const login = await anna.post('/api/auth/login', { email: 'anna.k@example.com', password: NEW_PASSWORD });
    expect(login.statusCode).toBe(200);
    expect(login.json().user).toMatchObject({ mustAcceptTermsVersion: '1.0', customers: [expect.objectContaining({ id: c2, role: 'main' })] });
    const blocked = await anna.get(`/api/customers/${c2}/contracts`);
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().error.code).toBe('TERMS_NOT_ACCEPTED');
    expect((await anna.post('/api/me/terms/accept', { version: '0.9' })).statusCode).toBe(400);
    expect((await anna.post('/api/me/terms/accept', { version: '1.0' })).statusCode).toBe(204);
    expect((await anna.get('/api/session')).json().user.mustAcceptTermsVersion).toBeNull();
    const contracts = await anna.get(`/api/customers/${c2}/contracts`);
    expect(contracts.statusCode).toBe(200);
    expect(contracts.json()).toEqual([expect.objectContaining({ number: 'E-200002' })]);

    const second = await staff.post(`/api/staff/customers/${c2}/accounts`, { fullName: 'Cits Cilvēks', email: 'cits@example.com' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('CUSTOMER_HAS_MAIN_USER');
  });

  it('ACC-13: staff block a user on suspicion: the open session gets 401 at once, login is refused and "forgot password" does not lift it', async () => {
    const c1 = await h.customerId('C-100001');
    const aigars = await h.addUser(janis, c1, 'aigars@example.com', 'Aigars Kalns');
    expect((await aigars.client.get(`/api/customers/${c1}/contracts`)).statusCode).toBe(200);

    expect((await staff.post(`/api/staff/users/${aigars.userId}/block`, { reason: 'suspected unlawful use' })).statusCode).toBe(204);

    const after = await aigars.client.get(`/api/customers/${c1}/contracts`);
    expect(after.statusCode).toBe(401);
    expect((await aigars.client.get('/api/session')).json().user).toBeNull();
    const login = await h.newClient().post('/api/auth/login', { email: 'aigars@example.com', password: NEW_PASSWORD });
    expect(login.statusCode).toBe(403);
    expect(login.json().error.code).toBe('ACCOUNT_BLOCKED');

    const forgot = h.newClient();
    expect((await forgot.post('/api/auth/forgot-password', { email: 'aigars@example.com' })).statusCode).toBe(202);
    const reset = await t.linkFromMail('aigars@example.com', '/reset-password?token=');
    const resetAnswer = await forgot.post('/api/auth/reset-password', { token: new URL(reset).searchParams.get('token'), password: 'Cita-Parole-2026' });
    expect(resetAnswer.statusCode).toBe(403);
    expect(resetAnswer.json().error.code).toBe('ACCOUNT_BLOCKED');
    expect((await h.newClient().post('/api/auth/login', { email: 'aigars@example.com', password: NEW_PASSWORD })).json().error.code).toBe('ACCOUNT_BLOCKED');
    expect((await h.newClient().post('/api/auth/login', { email: 'aigars@example.com', password: 'Cita-Parole-2026' })).statusCode).toBe(401);

    const detail = (await staff.get(`/api/staff/customers/${c1}`)).json();
    expect(detail.users).toContainEqual(expect.objectContaining({ userId: aigars.userId, status: 'blocked', blockedReason: expect.stringContaining('suspected unlawful use') }));

    // Staff accounts are not blocked this way; staff lift the block.
    const adminId = await h.userIdOf('admin@demo.example');
    expect((await staff.post(`/api/staff/users/${adminId}/block`, { reason: 'x' })).statusCode).toBe(403);
    expect((await staff.post(`/api/staff/users/${aigars.userId}/unblock`)).statusCode).toBe(204);
    expect((await h.newClient().post('/api/auth/login', { email: 'aigars@example.com', password: NEW_PASSWORD })).statusCode).toBe(200);
  });

  it('ACC-13: staff deny a user for a customer at its request: that customer answers 404 for them at once', async () => {
    const c1 = await h.customerId('C-100001');
    const marta = await h.loginAs('marta@demo.example');
    expect((await marta.get(`/api/customers/${c1}/contracts`)).statusCode).toBe(200);
    const detail = (await staff.get(`/api/staff/customers/${c1}`)).json();
    const membership = detail.users.find((u: { email: string }) => u.email === 'marta@demo.example');
    const main = detail.users.find((u: { role: string }) => u.role === 'main');

    expect((await staff.post(`/api/staff/memberships/${membership.membershipId}/deny`)).statusCode).toBe(204);

    const after = await marta.get(`/api/customers/${c1}/contracts`);
    expect(after.statusCode).toBe(404);
    expect(after.json().error.code).toBe('CUSTOMER_NOT_FOUND');
    expect((await marta.get('/api/session')).json().user.customers).toEqual([]);
    const row = await t.deps.db.selectFrom('memberships').select(['status', 'ended_at']).where('id', '=', membership.membershipId).executeTakeFirstOrThrow();
    expect(row.status).toBe('denied');
    expect(row.ended_at).not.toBeNull();
    await t.deliverMail();
    expect(subjects(t, 'marta@demo.example').some((s) => s.includes('piekļuve pārtraukta'))).toBe(true);

    expect((await staff.post(`/api/staff/memberships/${membership.membershipId}/deny`)).statusCode).toBe(404);
    expect((await staff.post('/api/staff/memberships/no-such-membership/deny')).statusCode).toBe(404);
    const mainDenied = await staff.post(`/api/staff/memberships/${main.membershipId}/deny`);
    expect(mainDenied.statusCode).toBe(403);
    expect(mainDenied.json().error.code).toBe('MAIN_USER_FIXED');
  });

  it('ACC-12: staff delete an account at the customer\'s request: login fails, the user is e-mailed, their e-mail is free again', async () => {
    const c3 = await h.customerId('C-100003');
    const ilze = await h.addUser(janis, c3, 'ilze.d@example.com', 'Ilze Dārza');

    expect((await staff.delete(`/api/staff/users/${ilze.userId}`)).statusCode).toBe(204);

    expect((await ilze.client.get(`/api/customers/${c3}/contracts`)).statusCode).toBe(401);
    const login = await h.newClient().post('/api/auth/login', { email: 'ilze.d@example.com', password: NEW_PASSWORD });
    expect(login.statusCode).toBe(401);
    expect(login.json().error.code).toBe('INVALID_CREDENTIALS');
    await t.deliverMail();
    expect(subjects(t, 'ilze.d@example.com').some((s) => s.includes('konts dzēsts'))).toBe(true);
    // The row stays for attribution, without a password; memberships end.
    const row = await t.deps.db.selectFrom('users').selectAll().where('id', '=', ilze.userId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'deleted', password_hash: null });
    const memberships = await t.deps.db.selectFrom('memberships').select('status').where('user_id', '=', ilze.userId).execute();
    expect(memberships.map((m) => m.status)).toEqual(['removed']);
    expect((await staff.delete(`/api/staff/users/${ilze.userId}`)).statusCode).toBe(404);
    const reinvited = await janis.post(`/api/customers/${c3}/users`, { email: 'ilze.d@example.com', fullName: 'Ilze Dārza', rights: [], confirmDataTruthful: true });
    expect(reinvited.statusCode).toBe(201);
  });

  it('ACC-12: a user ends portal use, confirming with the password', async () => {
    const c1 = await h.customerId('C-100001');
    const rudolfs = await h.addUser(janis, c1, 'rudolfs@example.com', 'Rūdolfs Priede');

    const wrong = await rudolfs.client.post('/api/me/end-portal-use', { password: 'Nepareiza-Parole-1' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('WRONG_PASSWORD');
    expect((await rudolfs.client.get(`/api/customers/${c1}/contracts`)).statusCode).toBe(200);

    expect((await rudolfs.client.post('/api/me/end-portal-use', { password: NEW_PASSWORD })).statusCode).toBe(204);
    expect((await rudolfs.client.get(`/api/customers/${c1}/contracts`)).statusCode).toBe(401);
    expect((await h.newClient().post('/api/auth/login', { email: 'rudolfs@example.com', password: NEW_PASSWORD })).statusCode).toBe(401);
    const row = await t.deps.db.selectFrom('users').select('status').where('id', '=', rudolfs.userId).executeTakeFirstOrThrow();
    expect(row.status).toBe('deleted');
    await t.deliverMail();
    expect(subjects(t, 'rudolfs@example.com').some((s) => s.includes('konts dzēsts'))).toBe(true);
    expect((await janis.get(`/api/customers/${c1}/users`)).json().some((u: { email: string }) => u.email === 'rudolfs@example.com')).toBe(false);
  });
});

describe('ACC-12: the scheduled clean-up of idle accounts', () => {
  let t: TestApp;
  const h = helpers(() => t);
  beforeAll(async () => { t = await createTestApp(); });
  afterAll(async () => { await t.close(); });

  const statusOf = async (email: string) =>
    (await t.deps.db.selectFrom('users').select('status').where('email', '=', email).orderBy('created_at', 'desc').executeTakeFirstOrThrow()).status;
  const jobRuns = async () =>
    (await t.deps.db.selectFrom('job_runs').select(['period', 'result']).where('job', '=', 'delete-inactive-accounts').orderBy('period').execute());

  it('ACC-12: deletes an account with no active contract and no login for over a year, keeps the others, and runs once a day', async () => {
    // Ojārs (C-100005 has only an ended contract) is registered at the service centre and logs in once.
    const staff = await h.loginAs('service@demo.example');
    const c5 = await h.customerId('C-100005');
    expect((await staff.post(`/api/staff/customers/${c5}/accounts`, { fullName: 'Ojārs Vecais', email: 'ojars.v@example.com' })).statusCode).toBe(201);
    await h.activateFromMail('ojars.v@example.com');
    const ojars = await h.loginAs('ojars.v@example.com', NEW_PASSWORD);
    expect((await ojars.post('/api/me/terms/accept', { version: '1.0' })).statusCode).toBe(204);
    for (const [email, fullName] of [['ivars@example.com', 'Ivars Egle'], ['zane@example.com', 'Zane Bērza']]) {
      expect((await ojars.post(`/api/customers/${c5}/users`, { email, fullName, rights: [], confirmDataTruthful: true })).statusCode).toBe(201);
      await h.activateFromMail(email);
    }
    // Ivars logs in two hours later; Zane only a year later.
    t.clock.advanceHours(2);
    await h.loginAs('ivars@example.com', NEW_PASSWORD);

    // 2027-11-23 13:00 Riga: a year and an hour after Ojārs' login, a bit less after Ivars'.
    t.clock.set('2027-11-23T11:00:00Z');
    await h.loginAs('zane@example.com', NEW_PASSWORD);
    await runDueJobs(t.deps);
    await t.deliverMail();

    expect(await statusOf('ojars.v@example.com')).toBe('deleted');
    expect(await statusOf('ivars@example.com')).toBe('active');
    expect(await statusOf('zane@example.com')).toBe('active'); // logged in recently
    expect(await statusOf('janis@demo.example')).toBe('active'); // never logged in, but has active contracts
    expect(await statusOf('marta@demo.example')).toBe('active'); // user of a customer with active contracts
    expect(await statusOf('admin@demo.example')).toBe('active'); // staff are never touched
    expect(subjects(t, 'ojars.v@example.com').some((s) => s.includes('konts dzēsts'))).toBe(true);
    expect((await h.newClient().post('/api/auth/login', { email: 'ojars.v@example.com', password: NEW_PASSWORD })).statusCode).toBe(401);
    const ojarsId = (await t.deps.db.selectFrom('users').select('id').where('email', '=', 'ojars.v@example.com').executeTakeFirstOrThrow()).id;
    const deletion = await t.deps.db.selectFrom('audit_events').selectAll().where('action', '=', 'account.deleted').where('object_id', '=', ojarsId).execute();
    expect(deletion).toHaveLength(1);
    expect(deletion[0]).toMatchObject({ actor_role: 'system', actor_user_id: null });
    expect(await jobRuns()).toEqual([{ period: '2027-11-23', result: 1 }]);

    // Two hours later Ivars is idle for over a year too, but the job already ran today.
    t.clock.advanceHours(2);
    await runDueJobs(t.deps);
    expect(await statusOf('ivars@example.com')).toBe('active');
    expect(await jobRuns()).toHaveLength(1);

    // Tomorrow it runs again.
    t.clock.advanceDays(1);
    await runDueJobs(t.deps);
    expect(await statusOf('ivars@example.com')).toBe('deleted');
    expect(await statusOf('zane@example.com')).toBe('active');
    expect(await statusOf('janis@demo.example')).toBe('active');
    expect(await jobRuns()).toEqual([{ period: '2027-11-23', result: 1 }, { period: '2027-11-24', result: 1 }]);
  });
});

describe('a second factor for staff', () => {
  let t: TestApp;
  const { loginAs } = helpers(() => t);
  afterAll(async () => { await t?.close(); });

  it('ACC-16, ACC-17: with the demo profile (rule off) staff work with a password alone', async () => {
    t = await createTestApp();
    const staff = await loginAs('service@demo.example');
    expect((await staff.get('/api/session')).json().user.secondFactorSetupRequired).toBe(false);
    expect((await staff.get('/api/staff/audit')).statusCode).toBe(200);
    await t.close();
  });

  it('ACC-16: where the operator requires it, staff without one reach only their profile until they set it up; then the back office opens, and the next login asks for a code', async () => {
    t = await createTestApp({ operator: { rules: { staffSecondFactorRequired: true } } });
    const admin = await loginAs('admin@demo.example');
    expect((await admin.get('/api/session')).json().user.secondFactorSetupRequired).toBe(true);
    for (const refused of [await admin.get('/api/staff/audit'), await admin.post('/api/staff/terms', {})]) {
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('SECOND_FACTOR_SETUP_REQUIRED');
    }
    const janis = await loginAs('janis@demo.example'); // customers are not asked
    expect((await janis.get('/api/session')).json().user.secondFactorSetupRequired).toBe(false);

    const { secret } = (await admin.post('/api/me/totp/setup')).json() as { secret: string };
    const epoch = Date.now();
    expect((await admin.post('/api/me/totp/enable', { code: totpCodeAt(secret, epoch) })).statusCode).toBe(204);
    expect((await admin.get('/api/staff/audit')).statusCode).toBe(200);
    expect((await admin.get('/api/session')).json().user.secondFactorSetupRequired).toBe(false);

    const next = await loginAs('admin@demo.example');
    const pending = await next.get('/api/staff/audit');
    expect(pending.statusCode).toBe(403);
    expect(pending.json().error.code).toBe('SECOND_FACTOR_REQUIRED');
    const code = totpCodeAt(secret, epoch, 1);
    expect((await next.post('/api/auth/second-factor', { code })).statusCode).toBe(200);
    expect((await next.get('/api/staff/audit')).statusCode).toBe(200);
  });
});
