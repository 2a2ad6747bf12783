import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOperatorProfile, type OperatorProfile } from '@up/operators';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { effectiveRights, hasPermission } from './accounts.policy.js';
import type { ActiveMembership } from './memberships.repository.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t.close(); });

const NEW_PASSWORD = 'Dzintars-Jura-88';
let ipCounter = 0;
/** Every client has its own address, so the per-IP login limit never mixes tests. */
const newClient = () => t.client(`10.1.0.${++ipCounter}`);

async function loginAs(email: string, password = DEMO_PASSWORD): Promise<TestClient> {
  const client = newClient();
  await client.login(email, password);
  return client;
}

async function customerId(customerNumber: string): Promise<string> {
  const row = await t.deps.db.selectFrom('customers').select('id').where('customer_number', '=', customerNumber).executeTakeFirstOrThrow();
  return row.id;
}

async function userIdOf(email: string): Promise<string> {
  const row = await t.deps.db.selectFrom('users').select('id').where('email', '=', email).where('status', '<>', 'deleted').executeTakeFirstOrThrow();
  return row.id;
}

function subjectsTo(address: string): string[] {
  return t.mail.to(address).map((m) => m.subject);
}

describe('ACC-10: main and additional users', () => {
  let c1: string;
  let janis: TestClient;
  let peteris: TestClient;
  let peterisMembership: string;
  let orderId: string;

  beforeAll(async () => {
    c1 = await customerId('C-100001');
    janis = await loginAs('janis@demo.example');
  });

  it('ACC-10, PRV-7: the main user invites an additional user by e-mail, who chooses a password through the link and logs in', async () => {
    const unconfirmed = await janis.post(`/api/customers/${c1}/users`, { email: 'peteris@example.com', fullName: 'Pēteris Ozols', rights: [], confirmDataTruthful: false });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().error.details.field).toBe('confirmDataTruthful');
    const unknownRight = await janis.post(`/api/customers/${c1}/users`, { email: 'peteris@example.com', fullName: 'Pēteris Ozols', rights: ['be_admin'], confirmDataTruthful: true });
    expect(unknownRight.statusCode).toBe(400);
    expect(unknownRight.json().error.details.field).toBe('rights');

    const invited = await janis.post(`/api/customers/${c1}/users`, { email: 'peteris@example.com', fullName: 'Pēteris Ozols', rights: [], confirmDataTruthful: true });
    expect(invited.statusCode).toBe(201);
    peterisMembership = invited.json().membershipId;
    expect(peterisMembership).toBeTruthy();

    const link = await t.linkFromMail('peteris@example.com', '/activate?token=');
    const invitation = t.mail.to('peteris@example.com').at(-1)!;
    expect(invitation.subject).toContain('ielūgums');
    expect(invitation.text).toContain('Jānis Bērziņš'); // the inviter and the customer are named
    expect(invitation.text).not.toContain(DEMO_PASSWORD);

    // Not yet activated: no password, so no login.
    expect((await newClient().post('/api/auth/login', { email: 'peteris@example.com', password: NEW_PASSWORD })).statusCode).toBe(401);
    const activated = await newClient().post('/api/auth/activate', { token: new URL(link).searchParams.get('token'), password: NEW_PASSWORD });
    expect(activated.statusCode).toBe(200);

    peteris = newClient();
    const login = await peteris.post('/api/auth/login', { email: 'Peteris@Example.com', password: NEW_PASSWORD });
    expect(login.statusCode).toBe(200);
    expect(login.json().user.customers).toEqual([
      expect.objectContaining({ id: c1, role: 'additional', rights: [] }),
    ]);

    const users = await janis.get(`/api/customers/${c1}/users`);
    expect(users.statusCode).toBe(200);
    expect(users.json()).toContainEqual(expect.objectContaining({
      membershipId: peterisMembership, email: 'peteris@example.com', role: 'additional', rights: [], status: 'active',
    }));
  });

  it('ACC-10: an additional user sees contracts but gets 403 RIGHT_MISSING for users, contact data and the service password', async () => {
    // An invited user never accepted the terms: that comes first (OPS-1).
    const session = await peteris.get('/api/session');
    expect(session.json().user.mustAcceptTermsVersion).toBe('1.0');
    expect((await peteris.get(`/api/customers/${c1}/contracts`)).json().error.code).toBe('TERMS_NOT_ACCEPTED');
    expect((await peteris.post('/api/me/terms/accept', { version: '1.0' })).statusCode).toBe(204);

    const contracts = await peteris.get(`/api/customers/${c1}/contracts`);
    expect(contracts.statusCode).toBe(200);
    expect(contracts.json().map((k: { number: string }) => k.number).sort()).toEqual(['E-200001', 'EV-300001', 'G-400001']);
    const summary = await peteris.get(`/api/customers/${c1}/summary`);
    expect(summary.statusCode).toBe(200);
    expect(summary.json()).toMatchObject({ role: 'additional', users: null });
    expect((await peteris.get(`/api/customers/${c1}/contact`)).statusCode).toBe(200);
    expect((await peteris.get(`/api/customers/${c1}/orders`)).statusCode).toBe(200);

    const refused = [
      await peteris.get(`/api/customers/${c1}/users`),
      await peteris.post(`/api/customers/${c1}/users`, { email: 'friend@example.com', fullName: 'Draugs', rights: [], confirmDataTruthful: true }),
      await peteris.patch(`/api/customers/${c1}/users/${peterisMembership}`, { rights: ['sign_orders'] }),
      await peteris.delete(`/api/customers/${c1}/users/${peterisMembership}`),
      await peteris.put(`/api/customers/${c1}/contact`, { email: 'hijack@example.com', phone: null, postalAddress: null, invoiceChannel: 'email', noticeChannel: 'email' }),
      await peteris.put(`/api/customers/${c1}/service-password`, { servicePassword: 'mans-kods' }),
      await peteris.get(`/api/customers/${c1}/activity`),
    ];
    for (const response of refused) {
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json().error.code).toBe('RIGHT_MISSING');
    }
    // Nothing of it happened.
    const customer = await t.deps.db.selectFrom('customers').selectAll().where('id', '=', c1).executeTakeFirstOrThrow();
    expect(customer.email).toBe('janis@demo.example');
    expect(customer.service_password_hash).toBeNull();
    const membership = await t.deps.db.selectFrom('memberships').selectAll().where('id', '=', peterisMembership).executeTakeFirstOrThrow();
    expect(membership).toMatchObject({ status: 'active', rights: [] });
  });

  it('ACC-10, ACC-18: the main user grants the right to sign orders by PATCH, and takes it back', async () => {
    const order = { type: 'service_application', payload: { note: 'a second socket' } };
    const before = await peteris.post(`/api/customers/${c1}/orders`, order);
    expect(before.statusCode).toBe(403);
    expect(before.json().error.code).toBe('RIGHT_MISSING');

    expect((await janis.patch(`/api/customers/${c1}/users/${peterisMembership}`, { rights: ['sign_orders'] })).statusCode).toBe(204);
    const session = await peteris.get('/api/session');
    expect(session.json().user.customers[0].rights).toEqual(['sign_orders']);
    const signed = await peteris.post(`/api/customers/${c1}/orders`, order);
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json().status).toBe('submitted');
    orderId = signed.json().id;
    // The right to sign does not lift the step-up the operator wants for contracts.
    const conclusion = await peteris.post(`/api/customers/${c1}/orders`, { type: 'contract_conclusion', payload: {} });
    expect(conclusion.statusCode).toBe(403);
    expect(conclusion.json().error.code).toBe('STEP_UP_REQUIRED');

    expect((await janis.patch(`/api/customers/${c1}/users/${peterisMembership}`, { rights: ['ev_charging'] })).statusCode).toBe(204);
    const revoked = await peteris.post(`/api/customers/${c1}/orders`, order);
    expect(revoked.statusCode).toBe(403);
    expect(revoked.json().error.code).toBe('RIGHT_MISSING');

    const badRight = await janis.patch(`/api/customers/${c1}/users/${peterisMembership}`, { rights: ['sign_everything'] });
    expect(badRight.statusCode).toBe(400);
    expect(badRight.json().error.details.field).toBe('rights');
    const mainMembership = await t.deps.db.selectFrom('memberships').select('id').where('customer_id', '=', c1).where('role', '=', 'main').executeTakeFirstOrThrow();
    const mainUser = await janis.patch(`/api/customers/${c1}/users/${mainMembership.id}`, { rights: [] });
    expect(mainUser.statusCode).toBe(403);
    expect(mainUser.json().error.code).toBe('MAIN_USER_FIXED');
  });

  it('ACC-10: whether additional users see invoices is the operator setting, or an individual see_invoices right', () => {
    const base = loadOperatorProfile('demo');
    const operator = (seeInvoices: boolean): OperatorProfile => ({ ...base, rules: { ...base.rules, additionalUsersSeeInvoices: seeInvoices } });
    const membership = (role: 'main' | 'additional', rights: string[]): ActiveMembership => ({ id: 'm', userId: 'u', customerId: 'c', role, rights });

    const plain = membership('additional', []);
    const granted = membership('additional', ['see_invoices']);
    expect(hasPermission(plain, 'see_invoices', operator(false))).toBe(false);
    expect(hasPermission(plain, 'see_invoices', operator(true))).toBe(true);
    expect(hasPermission(granted, 'see_invoices', operator(false))).toBe(true);
    expect(hasPermission(granted, 'see_invoices', operator(true))).toBe(true);
    expect(hasPermission(membership('main', []), 'see_invoices', operator(false))).toBe(true);
    // What an additional user may never do, whatever the rights or the setting.
    for (const op of [operator(false), operator(true)]) {
      expect(hasPermission(membership('additional', ['see_invoices', 'sign_orders', 'ev_charging']), 'main', op)).toBe(false);
      expect(hasPermission(plain, 'member', op)).toBe(true);
      expect(hasPermission(plain, 'sign_orders', op)).toBe(false);
      expect(hasPermission(plain, 'ev_charging', op)).toBe(false);
    }
    expect(effectiveRights(plain, operator(false))).toEqual([]);
    expect(effectiveRights(plain, operator(true))).toEqual(['see_invoices']);
    expect(effectiveRights(membership('main', []), operator(false))).toEqual(['see_invoices', 'sign_orders', 'ev_charging']);
  });

  it('ACC-10, ACC-13: removal ends access at once; the orders and audit events of the removed user stay attributed to them', async () => {
    const peterisId = await userIdOf('peteris@example.com');
    expect((await peteris.get(`/api/customers/${c1}/contracts`)).statusCode).toBe(200);

    expect((await janis.delete(`/api/customers/${c1}/users/${peterisMembership}`)).statusCode).toBe(204);

    // The very next request of the still logged-in user.
    const after = await peteris.get(`/api/customers/${c1}/contracts`);
    expect(after.statusCode).toBe(404);
    expect(after.json().error.code).toBe('CUSTOMER_NOT_FOUND');
    expect((await peteris.get(`/api/customers/${c1}/orders`)).statusCode).toBe(404);
    const session = (await peteris.get('/api/session')).json().user;
    expect(session.customers).toEqual([]);
    expect(session.activeCustomerId).toBeNull();
    await t.deliverMail();
    expect(subjectsTo('peteris@example.com').some((s) => s.includes('piekļuve pārtraukta'))).toBe(true);

    // What he did stays valid and his.
    const orders = await janis.get(`/api/customers/${c1}/orders`);
    expect(orders.json()).toContainEqual(expect.objectContaining({ id: orderId, status: 'submitted', signedBy: 'Pēteris Ozols' }));
    const order = await t.deps.db.selectFrom('orders').selectAll().where('id', '=', orderId).executeTakeFirstOrThrow();
    expect(order.user_id).toBe(peterisId);
    const signedEvent = await t.deps.db.selectFrom('audit_events').selectAll().where('action', '=', 'order.signed').where('object_id', '=', orderId).executeTakeFirstOrThrow();
    expect(signedEvent.actor_user_id).toBe(peterisId);
    const membership = await t.deps.db.selectFrom('memberships').selectAll().where('id', '=', peterisMembership).executeTakeFirstOrThrow();
    expect(membership.status).toBe('removed');
    expect(membership.ended_at).not.toBeNull();

    const users = (await janis.get(`/api/customers/${c1}/users`)).json();
    expect(users.some((u: { email: string }) => u.email === 'peteris@example.com')).toBe(false);
    expect((await janis.delete(`/api/customers/${c1}/users/${peterisMembership}`)).statusCode).toBe(404);
  });

  it('ACC-10: a person who already has an account gets access at once, with a notice and no new password', async () => {
    const c3 = await customerId('C-100003');
    const usersBefore = await t.deps.db.selectFrom('users').select('id').execute();
    const invited = await janis.post(`/api/customers/${c3}/users`, { email: 'MARTA@demo.example', fullName: 'Marta Bērziņa', rights: ['see_invoices'], confirmDataTruthful: true });
    expect(invited.statusCode).toBe(201);
    expect(await t.deps.db.selectFrom('users').select('id').execute()).toHaveLength(usersBefore.length);
    const marta = await loginAs('marta@demo.example');
    const session = (await marta.get('/api/session')).json().user;
    expect(session.customers.map((c: { id: string }) => c.id).sort()).toEqual([c1, c3].sort());
    expect(session.customers.find((c: { id: string }) => c.id === c3)).toMatchObject({ role: 'additional', rights: ['see_invoices'] });
    const notices = (await marta.get('/api/me/notices')).json();
    expect(notices.some((n: { kind: string; customerId: string }) => n.kind === 'access_granted' && n.customerId === c3)).toBe(true);

    const again = await janis.post(`/api/customers/${c3}/users`, { email: 'marta@demo.example', fullName: 'Marta Bērziņa', rights: [], confirmDataTruthful: true });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('ALREADY_A_USER');
  });
});

describe('ACC-11: one user, several customers', () => {
  it('ACC-11: a user acting for two customers switches between them; a customer not among theirs is 404', async () => {
    const c1 = await customerId('C-100001');
    const c3 = await customerId('C-100003');
    const c2 = await customerId('C-100002');
    const janis = await loginAs('janis@demo.example');
    const customers = (await janis.get('/api/session')).json().user.customers;
    expect(customers).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: c1, kind: 'person', role: 'main' }),
      expect.objectContaining({ id: c3, kind: 'company', role: 'main' }),
    ]));

    expect((await janis.post('/api/me/active-customer', { customerId: c3 })).statusCode).toBe(204);
    expect((await janis.get('/api/session')).json().user.activeCustomerId).toBe(c3);
    expect((await janis.post('/api/me/active-customer', { customerId: c1 })).statusCode).toBe(204);
    expect((await janis.get('/api/session')).json().user.activeCustomerId).toBe(c1);

    for (const other of [c2, 'no-such-customer']) {
      const refused = await janis.post('/api/me/active-customer', { customerId: other });
      expect(refused.statusCode).toBe(404);
      expect(refused.json().error.code).toBe('CUSTOMER_NOT_FOUND');
    }
    expect((await janis.get('/api/session')).json().user.activeCustomerId).toBe(c1);
    // Not his customer's data either, whatever is active.
    expect((await janis.get(`/api/customers/${c2}/contracts`)).statusCode).toBe(404);
  });

  it('ACC-11: a legal entity is told by e-mail when a main user registers for it', async () => {
    const staff = await loginAs('service@demo.example');
    const created = await staff.post('/api/staff/customers', {
      kind: 'company', name: 'SIA "Ziemeļu Vējš"', identityCode: '40103999991', customerNumber: 'C-200001',
      email: 'valde@ziemelu-vejs.example', phone: '+371 67000011', postalAddress: 'Vēja iela 1, Rīga', language: 'lv',
    });
    expect(created.statusCode, created.body).toBe(201);

    const registered = await newClient().post('/api/auth/register', {
      customerKind: 'company', customerName: 'Ziemeļu Vējš SIA', identityCode: '40103999991', customerNumber: 'C-200001',
      fullName: 'Kārlis Vējš', email: 'karlis@ziemelu-vejs.example', phone: '+371 20000011', language: 'lv',
      termsVersion: '1.0', acceptTerms: true, confirmDataTruthful: true,
    });
    expect(registered.statusCode, registered.body).toBe(202);
    await t.deliverMail();
    const toCompany = t.mail.to('valde@ziemelu-vejs.example');
    expect(toCompany).toHaveLength(1);
    expect(toCompany[0].subject).toContain('reģistrēts galvenais lietotājs');
    expect(toCompany[0].text).toContain('Kārlis Vējš');
    expect(toCompany[0].text).toContain('karlis@ziemelu-vejs.example');
    expect(subjectsTo('karlis@ziemelu-vejs.example').some((s) => s.includes('konta aktivizēšana'))).toBe(true);
  });

  it('ACC-11, PRV-7: a logged-in user links another customer whose records match, and the company is told', async () => {
    const staff = await loginAs('service@demo.example');
    const created = await staff.post('/api/staff/customers', {
      kind: 'company', name: 'SIA "Jāņa Darbnīca"', identityCode: '40103999992', customerNumber: 'C-200002', email: 'info@janis-darbnica.example',
    });
    expect(created.statusCode, created.body).toBe(201);
    const companyId = created.json().id;
    const janis = await loginAs('janis@demo.example');
    const link = { customerKind: 'company', customerName: 'Jāņa Darbnīca SIA', identityCode: '40103999992', customerNumber: 'C-200002', confirmDataTruthful: true };

    const mismatch = await janis.post('/api/me/customers', { ...link, identityCode: '40103999993' });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json().error.code).toBe('REGISTRATION_DATA_MISMATCH');
    const unconfirmed = await janis.post('/api/me/customers', { ...link, confirmDataTruthful: false });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().error.details.field).toBe('confirmDataTruthful');

    const linked = await janis.post('/api/me/customers', link);
    expect(linked.statusCode, linked.body).toBe(201);
    expect(linked.json().customerId).toBe(companyId);
    const customers = (await janis.get('/api/session')).json().user.customers;
    expect(customers).toHaveLength(3);
    expect(customers).toContainEqual(expect.objectContaining({ id: companyId, role: 'main', kind: 'company' }));
    expect((await janis.get(`/api/customers/${companyId}/summary`)).statusCode).toBe(200);
    await t.deliverMail();
    const toCompany = t.mail.to('info@janis-darbnica.example');
    expect(toCompany.map((m) => m.subject)).toEqual([expect.stringContaining('reģistrēts galvenais lietotājs')]);
    expect(toCompany[0].text).toContain('Jānis Bērziņš');

    const twice = await janis.post('/api/me/customers', link);
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ALREADY_A_USER');
  });
});

describe('ACC-15, BIL-2: contact data and channels', () => {
  it('ACC-15: a contact change by the main user is confirmed to both the old and the new e-mail address', async () => {
    const c1 = await customerId('C-100001');
    const janis = await loginAs('janis@demo.example');
    await t.deliverMail();
    const confirmations = (address: string) => t.mail.to(address).filter((m) => m.subject.includes('kontaktinformācija mainīta'));
    const oldBefore = confirmations('janis@demo.example').length;

    const changed = await janis.put(`/api/customers/${c1}/contact`, {
      email: 'berzini@example.com', phone: '+371 20000099', postalAddress: 'Brīvības iela 1-1, Rīga, LV-1010', invoiceChannel: 'email', noticeChannel: 'sms',
    });
    expect(changed.statusCode, changed.body).toBe(204);
    await t.deliverMail();
    expect(confirmations('janis@demo.example')).toHaveLength(oldBefore + 1);
    expect(confirmations('berzini@example.com')).toHaveLength(1);
    expect(confirmations('berzini@example.com')[0].text).toContain('e-mail');
    expect((await janis.get(`/api/customers/${c1}/contact`)).json()).toEqual({
      email: 'berzini@example.com', phone: '+371 20000099', postalAddress: 'Brīvības iela 1-1, Rīga, LV-1010', invoiceChannel: 'email', noticeChannel: 'sms',
    });
  });

  it('BIL-2, ACC-15: invoices by post need a postal address, and notices by SMS a phone (400 naming the field)', async () => {
    const c1 = await customerId('C-100001');
    const janis = await loginAs('janis@demo.example');
    const before = (await janis.get(`/api/customers/${c1}/contact`)).json();

    const noAddress = await janis.put(`/api/customers/${c1}/contact`, { ...before, postalAddress: null, invoiceChannel: 'post' });
    expect(noAddress.statusCode).toBe(400);
    expect(noAddress.json().error.details.field).toBe('postalAddress');
    const noPhone = await janis.put(`/api/customers/${c1}/contact`, { ...before, phone: null, noticeChannel: 'sms' });
    expect(noPhone.statusCode).toBe(400);
    expect(noPhone.json().error.details.field).toBe('phone');
    expect((await janis.get(`/api/customers/${c1}/contact`)).json()).toEqual(before);

    const byPost = await janis.put(`/api/customers/${c1}/contact`, { ...before, postalAddress: 'Pasta iela 2, Rīga, LV-1050', invoiceChannel: 'post' });
    expect(byPost.statusCode).toBe(204);
    expect((await janis.get(`/api/customers/${c1}/contact`)).json()).toMatchObject({ invoiceChannel: 'post', postalAddress: 'Pasta iela 2, Rīga, LV-1050' });
  });
});

describe('ACC-19: service password', () => {
  it('ACC-19: the main user sets a service password that staff can check and no GET ever returns', async () => {
    const c3 = await customerId('C-100003');
    const janis = await loginAs('janis@demo.example');
    const staff = await loginAs('service@demo.example');
    const secret = 'Zaļā Pļava 42';

    const tooShort = await janis.put(`/api/customers/${c3}/service-password`, { servicePassword: 'ab' });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().error.details.field).toBe('servicePassword');
    const unset = await staff.post(`/api/staff/customers/${c3}/service-password/check`, { servicePassword: secret });
    expect(unset.json()).toMatchObject({ matches: false, isSet: false });

    expect((await janis.put(`/api/customers/${c3}/service-password`, { servicePassword: secret })).statusCode).toBe(204);
    const right = await staff.post(`/api/staff/customers/${c3}/service-password/check`, { servicePassword: secret });
    expect(right.statusCode).toBe(200);
    expect(right.json()).toMatchObject({ matches: true, isSet: true });
    const wrong = await staff.post(`/api/staff/customers/${c3}/service-password/check`, { servicePassword: 'Zaļā Pļava 43' });
    expect(wrong.json()).toMatchObject({ matches: false, isSet: true });
    // A customer user cannot use the staff check to guess it.
    expect((await janis.post(`/api/staff/customers/${c3}/service-password/check`, { servicePassword: secret })).statusCode).toBe(403);

    const stored = await t.deps.db.selectFrom('customers').select('service_password_hash').where('id', '=', c3).executeTakeFirstOrThrow();
    expect(stored.service_password_hash).toBeTruthy();
    expect(stored.service_password_hash).not.toContain(secret);
    const reads = [
      await janis.get('/api/session'),
      await janis.get(`/api/customers/${c3}/summary`),
      await janis.get(`/api/customers/${c3}/contact`),
      await janis.get(`/api/customers/${c3}/activity`),
      await staff.get(`/api/staff/customers/${c3}`),
      await staff.get('/api/staff/customers?q=C-100003'),
      await staff.get(`/api/staff/audit?customerId=${c3}`),
    ];
    for (const read of reads) {
      expect(read.statusCode, read.body).toBe(200);
      expect(read.body).not.toContain(secret);
      expect(read.body.toLowerCase()).not.toContain(secret.toLowerCase());
      expect(read.body).not.toContain(stored.service_password_hash!);
      expect(read.body).not.toMatch(/service_?password_?hash/i);
    }
    expect((await staff.get(`/api/staff/customers/${c3}`)).json().customer.hasServicePassword).toBe(true);
  });
});
