import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOperatorProfile } from '@up/operators';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { hashPassword } from '../../infra/passwords.js';
import { newId } from '../../infra/ids.js';

let t: TestApp;
let ip = 0;
const customerIds: Record<string, string> = {};

/** A fresh login (the clock jumps in these tests, and sessions end after 30 idle minutes). */
async function login(email: string, password = DEMO_PASSWORD, app: TestApp = t): Promise<TestClient> {
  const client = app.client(`10.0.4.${++ip}`);
  await client.login(email, password);
  return client;
}

beforeAll(async () => {
  t = await createTestApp();
  for (const row of await t.deps.db.selectFrom('customers').select(['id', 'customer_number']).execute()) customerIds[row.customer_number] = row.id;
});
afterAll(async () => { await t?.close(); });

const message = { lv: 'Plānoti apkopes darbi', en: 'Planned maintenance', ru: 'Плановые работы' };

describe('OPS-2: maintenance windows', () => {
  it('OPS-2: only an administrator announces a window, and its end must follow its start', async () => {
    const window = { startsAt: '2026-11-23T12:00:00.000Z', endsAt: '2026-11-23T13:00:00.000Z', message };
    const service = await login('service@demo.example');
    expect((await service.post('/api/staff/maintenance', window)).statusCode).toBe(403);
    const admin = await login('admin@demo.example');
    const backwards = await admin.post('/api/staff/maintenance', { ...window, endsAt: window.startsAt });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.details.field).toBe('endsAt');
    expect((await t.client().get('/api/maintenance')).json()).toEqual([]);
  });

  it('OPS-2: an announced window is shown; while it runs customer pages answer 503, staff and public pages work; cancelling ends it', async () => {
    const household = customerIds['C-100001'];
    const admin = await login('admin@demo.example');
    const announced = await admin.post('/api/staff/maintenance', { startsAt: '2026-11-23T11:00:00.000Z', endsAt: '2026-11-23T13:00:00.000Z', message });
    expect(announced.statusCode, announced.body).toBe(201);
    const windowId = announced.json().id;

    const shown = await t.client().get('/api/maintenance');
    expect(shown.statusCode).toBe(200);
    expect(shown.json()).toEqual([{ id: windowId, startsAt: '2026-11-23T11:00:00.000Z', endsAt: '2026-11-23T13:00:00.000Z', module: null, message, active: false }]);
    expect((await (await login('janis@demo.example')).get(`/api/customers/${household}/summary`)).statusCode).toBe(200);

    t.clock.set('2026-11-23T11:00:00Z');
    expect((await t.client().get('/api/maintenance')).json()[0]).toMatchObject({ id: windowId, active: true });
    const janis = await login('janis@demo.example'); // logging in still works, so the banner can be shown
    const paused = await janis.get(`/api/customers/${household}/summary`);
    expect(paused.statusCode).toBe(503);
    expect(paused.json().error.code).toBe('MAINTENANCE');
    expect((await janis.post(`/api/customers/${household}/orders`, { type: 'meter_reading', payload: {} })).statusCode).toBe(503);
    expect((await janis.get('/api/session')).statusCode).toBe(200);
    const staff = await login('service@demo.example');
    expect((await staff.get('/api/staff/customers?q=Kalni')).statusCode).toBe(200);
    expect((await staff.get(`/api/staff/customers/${household}`)).statusCode).toBe(200);
    for (const path of ['/api/health', '/api/operator', '/api/terms/current', '/api/maintenance']) {
      expect((await t.client().get(path)).statusCode, path).toBe(200);
    }

    const admin2 = await login('admin@demo.example');
    expect((await admin2.delete(`/api/staff/maintenance/${windowId}`)).statusCode).toBe(204);
    expect((await admin2.delete(`/api/staff/maintenance/${windowId}`)).statusCode).toBe(404);
    expect((await t.client().get('/api/maintenance')).json()).toEqual([]);
    expect((await janis.get(`/api/customers/${household}/summary`)).statusCode).toBe(200);
    const audited = await t.deps.db.selectFrom('audit_events').select('action').where('object_id', '=', windowId).orderBy('seq').execute();
    expect(audited.map((e) => e.action)).toEqual(['maintenance.announced', 'maintenance.cancelled']);
  });

  it('OPS-2: a window for one module is announced but does not take the whole portal down; a past window is no longer shown', async () => {
    const admin = await login('admin@demo.example');
    const now = t.clock.now().getTime();
    const window = await admin.post('/api/staff/maintenance', {
      startsAt: new Date(now - 60_000).toISOString(), endsAt: new Date(now + 3_600_000).toISOString(), module: 'billing', message,
    });
    expect(window.statusCode).toBe(201);
    expect((await t.client().get('/api/maintenance')).json()).toEqual([expect.objectContaining({ module: 'billing', active: true })]);
    const janis = await login('janis@demo.example');
    expect((await janis.get(`/api/customers/${customerIds['C-100001']}/summary`)).statusCode).toBe(200);
    t.clock.advanceHours(2);
    expect((await t.client().get('/api/maintenance')).json()).toEqual([]);
  });
});

describe('OPS-3: the profile turns order types and modules on and off', () => {
  it('OPS-3: an order type the profile does not offer is refused naming "type"; GET /api/operator lists what the profile offers', async () => {
    const app = await createTestApp({ operator: { orderTypes: ['contact_change'], modules: ['accounts', 'metering'] } });
    try {
      const operator = (await app.client().get('/api/operator')).json();
      expect(operator.orderTypes).toEqual(['contact_change']);
      expect(operator.modules).toEqual(['accounts', 'metering']);
      const household = (await app.deps.db.selectFrom('customers').select('id').where('customer_number', '=', 'C-100001').executeTakeFirstOrThrow()).id;
      const janis = await login('janis@demo.example', DEMO_PASSWORD, app);
      const off = await janis.post(`/api/customers/${household}/orders`, { type: 'service_application', payload: { note: 'x' } });
      expect(off.statusCode).toBe(400);
      expect(off.json().error).toMatchObject({ code: 'ORDER_TYPE_OFF', details: { field: 'type' } });
      const on = await janis.post(`/api/customers/${household}/orders`, { type: 'contact_change', payload: { phone: '+371 20000009' } });
      expect(on.statusCode, on.body).toBe(201);
      const orders = await app.deps.db.selectFrom('orders').select('type').where('customer_id', '=', household).execute();
      expect(orders).toEqual([{ type: 'contact_change' }]);
    } finally {
      await app.close();
    }
  });

  it('OPS-3: the shipped demo profile offers every module and order type', async () => {
    const operator = (await t.client().get('/api/operator')).json();
    const demo = loadOperatorProfile('demo');
    expect(operator.modules).toEqual(demo.modules);
    expect(operator.orderTypes).toEqual(demo.orderTypes);
  });
});

describe('OPS-4: support contacts and error reports', () => {
  it('OPS-4: support contacts are shown', async () => {
    const { support } = (await t.client().get('/api/operator')).json();
    expect(support).toEqual(loadOperatorProfile('demo').support);
    expect(support.phone).toBeTruthy();
    expect(support.email).toContain('@');
    expect(support.serviceCentres[0]).toMatchObject({ address: expect.any(String), name: { lv: expect.any(String), en: expect.any(String), ru: expect.any(String) } });
  });

  it('OPS-4: anyone can report an error from any page; a logged-in report records the user and customer; staff list them', async () => {
    const anonymous = await t.client().post('/api/error-reports', { page: '/terms', message: 'A typo in point 3.2', contactEmail: 'reader@example.com' });
    expect(anonymous.statusCode, anonymous.body).toBe(201);
    const janis = await login('janis@demo.example');
    const user = (await janis.get('/api/session')).json().user;
    // Jānis acts for his household and his company; a login starts with the household (C-100001) every time.
    expect(user.activeCustomerId).toBe(customerIds['C-100001']);
    const reported = await janis.post('/api/error-reports', { page: '/contracts', message: 'Contract E-200001 shows the wrong start date' });
    expect(reported.statusCode).toBe(201);

    const refused = await janis.get('/api/staff/error-reports');
    expect(refused.statusCode).toBe(403);
    const list = (await (await login('service@demo.example')).get('/api/staff/error-reports')).json();
    expect(list).toEqual(expect.arrayContaining([
      expect.objectContaining({ id: anonymous.json().id, page: '/terms', contactEmail: 'reader@example.com', userId: null, customerId: null, status: 'new' }),
      expect.objectContaining({ id: reported.json().id, page: '/contracts', userId: user.id, customerId: customerIds['C-100001'] }),
    ]));
    const audit = await t.deps.db.selectFrom('audit_events').select(['actor_user_id', 'customer_id']).where('object_id', '=', reported.json().id).execute();
    expect(audit).toEqual([{ actor_user_id: user.id, customer_id: customerIds['C-100001'] }]);
  });

  it('OPS-4: an error report without a message is refused naming the field', async () => {
    const response = await t.client().post('/api/error-reports', { page: '/terms' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.field).toBe('message');
  });
});

describe('GRD-7: notices in the portal', () => {
  let otherUserPassword: string;
  beforeAll(async () => {
    // A user of another customer (Anna, C-100002), straight in the database.
    otherUserPassword = 'Dzintars-Jura-88';
    const now = t.clock.now();
    const userId = newId();
    await t.deps.db.insertInto('users').values({
      id: userId, email: 'anna.notices@example.com', full_name: 'Anna Kalniņa', personal_code: null, phone: null, language: 'lv',
      password_hash: await hashPassword(otherUserPassword), password_changed_at: now, must_change_password: false, status: 'active',
      blocked_reason: null, activation_deadline: null, failed_logins: 0, locked_until: null, last_login_at: null, totp_secret: null,
      totp_enabled: false, staff_role: null, created_at: now, updated_at: now,
    }).execute();
    await t.deps.db.insertInto('memberships').values({
      id: newId(), user_id: userId, customer_id: customerIds['C-100002'], role: 'main', rights: [], status: 'active', invited_by: null, created_at: now, ended_at: null,
    }).execute();
  });

  it('GRD-7: the welcome notice of C-100001 is there for its users (Jānis and Marta) and not for a user of another customer', async () => {
    const janis = (await (await login('janis@demo.example')).get('/api/me/notices')).json();
    expect(janis).toEqual([expect.objectContaining({ kind: 'welcome', customerId: customerIds['C-100001'], title: 'Laipni lūdzam portālā', readAt: null })]);
    const marta = (await (await login('marta@demo.example')).get('/api/me/notices')).json();
    expect(marta.map((n: { id: string }) => n.id)).toEqual(janis.map((n: { id: string }) => n.id));
    const other = await login('anna.notices@example.com', otherUserPassword);
    expect((await other.get('/api/me/notices')).json()).toEqual([]);
  });

  it('GRD-7: marking a notice read records when; another user\'s notice answers 404 and stays unread', async () => {
    const personal = newId();
    await t.deps.db.insertInto('notices').values({
      id: personal, customer_id: customerIds['C-100001'], user_id: (await t.deps.db.selectFrom('users').select('id').where('email', '=', 'janis@demo.example').executeTakeFirstOrThrow()).id,
      kind: 'access_granted', title: 'Personal', body: 'Only for Jānis', created_at: t.clock.now(),
    }).execute();
    const welcome = await t.deps.db.selectFrom('notices').select('id').where('kind', '=', 'welcome').executeTakeFirstOrThrow();

    const other = await login('anna.notices@example.com', otherUserPassword);
    for (const id of [welcome.id, personal, newId()]) {
      const refused = await other.post(`/api/me/notices/${id}/read`);
      expect(refused.statusCode).toBe(404);
      expect(refused.json().error.code).toBe('NOTICE_NOT_FOUND');
    }
    const marta = await login('marta@demo.example');
    expect((await marta.get('/api/me/notices')).json().map((n: { id: string }) => n.id)).not.toContain(personal);
    expect((await marta.post(`/api/me/notices/${personal}/read`)).statusCode).toBe(404);
    expect(await t.deps.db.selectFrom('notice_reads').select('notice_id').where('notice_id', 'in', [welcome.id, personal]).execute()).toEqual([]);

    const janis = await login('janis@demo.example');
    expect((await janis.post(`/api/me/notices/${welcome.id}/read`)).statusCode).toBe(204);
    const notices = (await janis.get('/api/me/notices')).json();
    expect(notices.find((n: { id: string }) => n.id === welcome.id).readAt).toBe(t.clock.now().toISOString());
    expect(notices.find((n: { id: string }) => n.id === personal).readAt).toBeNull();
    expect((await janis.get(`/api/customers/${customerIds['C-100001']}/summary`)).json().unreadNotices).toBe(1);
    // The customer's notice is read by Jānis, not by Marta, who acts for the same customer.
    const martaNotices = (await marta.get('/api/me/notices')).json();
    expect(martaNotices.find((n: { id: string }) => n.id === welcome.id).readAt).toBeNull();
    expect((await marta.get(`/api/customers/${customerIds['C-100001']}/summary`)).json().unreadNotices).toBe(1);
  });
});
