import type { AuditAction } from '@up/common/contracts/audit-actions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql, type Selectable } from 'kysely';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app.js';
import { openTestDatabase } from '../../test/test-database.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { openPglite, type Db } from '../../infra/db.js';
import { migrateToLatest } from '../../db/migrate.js';
import { runVerifyAudit } from '../../commands/verify-audit.js';
import type { AuditEventRow as AuditEventTable } from '../../db/schema.js';

type AuditEventRow = Selectable<AuditEventTable>;
import { executeAudited, hashEvent, recordAudit, verifyAuditChain } from './audit.service.js';
import { verifyAuditCheckpoints, writeAuditCheckpoint } from './audit-checkpoints.js';
import { runDueJobs } from '../../jobs.js';
import { DEV_AUDIT_SIGNING_KEY } from '../../config.js';

const NEW_PASSWORD = 'Dzintars-Jura-88';
const IP = { janis: '192.0.2.10', staff: '192.0.2.20', marta: '192.0.2.30', liene: '192.0.2.40', admin: '192.0.2.50' };

let t: TestApp;
let janis: TestClient;
let staff: TestClient;
let marta: TestClient;
let liene: TestClient;
const ids: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  const db = t.deps.db;
  for (const number of ['C-100001', 'C-100002', 'C-100003']) {
    ids[number] = (await db.selectFrom('customers').select('id').where('customer_number', '=', number).executeTakeFirstOrThrow()).id;
  }
  for (const email of ['janis@demo.example', 'marta@demo.example', 'service@demo.example']) {
    ids[email] = (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  }
  janis = t.client(IP.janis);
  await janis.login('janis@demo.example', DEMO_PASSWORD);
  staff = t.client(IP.staff);
  await staff.login('service@demo.example', DEMO_PASSWORD);
  marta = t.client(IP.marta);
  await marta.login('marta@demo.example', DEMO_PASSWORD);
});
afterAll(async () => { await t.close(); });

async function newest(action: string): Promise<AuditEventRow> {
  return t.deps.db.selectFrom('audit_events').selectAll().where('action', '=', action).orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
}

async function eventCount(): Promise<number> {
  return (await t.deps.db.selectFrom('audit_events').select('seq').execute()).length;
}

describe('ACC-17: the audit log records every action', () => {
  it('ACC-17: each state change records who, for which customer, what, on which object, when and from which IP', async () => {
    const c1 = ids['C-100001'];
    const c2 = ids['C-100002'];
    const c3 = ids['C-100003'];
    const expectEvent = async (action: string, expected: Partial<AuditEventRow>) => {
      const event = await newest(action);
      expect(event, action).toMatchObject(expected);
      expect(event.occurred_at.toISOString(), action).toBe(t.clock.now().toISOString());
      return event;
    };

    // Logins are actions too.
    await expectEvent('login.succeeded', { actor_user_id: ids['marta@demo.example'], object_id: ids['marta@demo.example'], ip: IP.marta });

    t.clock.advanceMinutes(1);
    const invited = await janis.post(`/api/customers/${c1}/users`, { email: 'liene@example.com', fullName: 'Liene Krūmiņa', rights: [], confirmDataTruthful: true });
    expect(invited.statusCode).toBe(201);
    const membershipId = invited.json().membershipId;
    await expectEvent('user.invited', {
      actor_user_id: ids['janis@demo.example'], actor_role: 'user', customer_id: c1, object_type: 'membership', object_id: membershipId, ip: IP.janis,
      details: { email: 'liene@example.com', rights: [], dataConfirmedTruthful: true },
    });

    const link = await t.linkFromMail('liene@example.com', '/activate?token=');
    liene = t.client(IP.liene);
    expect((await liene.post('/api/auth/activate', { token: new URL(link).searchParams.get('token'), password: NEW_PASSWORD })).statusCode).toBe(200);
    ids.liene = (await t.deps.db.selectFrom('users').select('id').where('email', '=', 'liene@example.com').executeTakeFirstOrThrow()).id;
    await expectEvent('account.activated', { actor_user_id: ids.liene, object_type: 'user', object_id: ids.liene, ip: IP.liene });
    await liene.login('liene@example.com', NEW_PASSWORD);
    expect((await liene.post('/api/me/terms/accept', { version: '1.0' })).statusCode).toBe(204);
    await expectEvent('terms.accepted', { actor_user_id: ids.liene, object_type: 'terms_version', ip: IP.liene, details: { version: '1.0' } });

    t.clock.advanceMinutes(1);
    expect((await janis.patch(`/api/customers/${c1}/users/${membershipId}`, { rights: ['sign_orders'] })).statusCode).toBe(204);
    await expectEvent('user.rights_changed', {
      actor_user_id: ids['janis@demo.example'], customer_id: c1, object_type: 'membership', object_id: membershipId, ip: IP.janis,
      details: { before: [], after: ['sign_orders'] },
    });

    const order = await liene.post(`/api/customers/${c1}/orders`, { type: 'service_application', payload: { note: 'a second socket' } });
    expect(order.statusCode).toBe(201);
    await expectEvent('order.signed', { actor_user_id: ids.liene, customer_id: c1, object_type: 'order', object_id: order.json().id, ip: IP.liene });

    t.clock.advanceMinutes(1);
    expect((await janis.put(`/api/customers/${c1}/contact`, {
      email: 'janis@demo.example', phone: '+371 20000001', postalAddress: 'Brīvības iela 1-1, Rīga, LV-1010', invoiceChannel: 'portal', noticeChannel: 'email',
    })).statusCode).toBe(204);
    await expectEvent('contact.changed', { actor_user_id: ids['janis@demo.example'], customer_id: c1, object_type: 'customer', object_id: c1, ip: IP.janis, details: { changed: ['invoice channel'] } });

    expect((await janis.put(`/api/customers/${c1}/service-password`, { servicePassword: 'Ozols-Liepa' })).statusCode).toBe(204);
    const servicePasswordEvent = await expectEvent('service_password.set', { actor_user_id: ids['janis@demo.example'], customer_id: c1, object_id: c1, ip: IP.janis });
    expect(JSON.stringify(servicePasswordEvent.details)).not.toContain('Ozols');

    expect((await staff.post(`/api/staff/customers/${c1}/service-password/check`, { servicePassword: 'Ozols-Liepa' })).json().matches).toBe(true);
    await expectEvent('service_password.checked', { actor_user_id: ids['service@demo.example'], actor_role: 'customer_service', customer_id: c1, ip: IP.staff, details: { matches: true } });

    expect((await janis.post('/api/me/active-customer', { customerId: c3 })).statusCode).toBe(204);
    await expectEvent('customer.switched', { actor_user_id: ids['janis@demo.example'], customer_id: c3, ip: IP.janis });

    t.clock.advanceMinutes(1);
    expect((await janis.delete(`/api/customers/${c1}/users/${membershipId}`)).statusCode).toBe(204);
    await expectEvent('user.removed', { actor_user_id: ids['janis@demo.example'], customer_id: c1, object_type: 'membership', object_id: membershipId, ip: IP.janis, details: { userId: ids.liene } });

    const registered = await staff.post(`/api/staff/customers/${c2}/accounts`, { fullName: 'Anna Kalniņa', email: 'anna.k@example.com' });
    expect(registered.statusCode).toBe(201);
    await expectEvent('account.registered_by_staff', {
      actor_user_id: ids['service@demo.example'], actor_role: 'customer_service', customer_id: c2, object_type: 'user', object_id: registered.json().userId, ip: IP.staff,
    });

    const created = await staff.post('/api/staff/customers', { kind: 'company', name: 'SIA "Audits"', identityCode: '40103999995', customerNumber: 'C-400001' });
    expect(created.statusCode).toBe(201);
    await expectEvent('customer.created', { actor_role: 'customer_service', customer_id: created.json().id, object_type: 'customer', object_id: created.json().id, ip: IP.staff });

    const martaId = ids['marta@demo.example'];
    expect((await staff.post(`/api/staff/users/${martaId}/block`, { reason: 'phone call from the customer' })).statusCode).toBe(204);
    await expectEvent('user.blocked_by_staff', { actor_user_id: ids['service@demo.example'], actor_role: 'customer_service', object_type: 'user', object_id: martaId, ip: IP.staff, details: { reason: 'phone call from the customer' } });
    expect((await staff.post(`/api/staff/users/${martaId}/unblock`)).statusCode).toBe(204);
    await expectEvent('user.unblocked', { actor_user_id: ids['service@demo.example'], object_id: martaId, ip: IP.staff });

    const verdict = await verifyAuditChain(t.deps.db);
    expect(verdict).toEqual({ ok: true, events: await eventCount() });
  });

  it('ACC-17: an audit write shares the transaction of its change: a refused change leaves no event, a failed audit write leaves no change', async () => {
    const c1 = ids['C-100001'];
    // 409: marta already acts for the customer. Nothing happens, so nothing is recorded.
    const before = await eventCount();
    const refused = await janis.post(`/api/customers/${c1}/users`, { email: 'marta@demo.example', fullName: 'Marta Bērziņa', rights: [], confirmDataTruthful: true });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('ALREADY_A_USER');
    expect(await eventCount()).toBe(before);

    // The evidence cannot be written: the invitation must not happen either (no user, membership or e-mail).
    const db = t.deps.db;
    await sql`ALTER TABLE audit_events ADD CONSTRAINT test_refuses_invitations CHECK (action <> 'user.invited') NOT VALID`.execute(db);
    const outboxBefore = (await db.selectFrom('outbox_emails').select('id').execute()).length;
    try {
      const failed = await janis.post(`/api/customers/${c1}/users`, { email: 'bez.pierakstiem@example.com', fullName: 'Bez Pierakstiem', rights: [], confirmDataTruthful: true });
      expect(failed.statusCode).toBe(500);
    } finally {
      await sql`ALTER TABLE audit_events DROP CONSTRAINT test_refuses_invitations`.execute(db);
    }
    expect(await db.selectFrom('users').select('id').where('email', '=', 'bez.pierakstiem@example.com').executeTakeFirst()).toBeUndefined();
    expect((await db.selectFrom('outbox_emails').select('id').execute()).length).toBe(outboxBefore);
    expect(await eventCount()).toBe(before);
    const users = (await janis.get(`/api/customers/${c1}/users`)).json();
    expect(users.some((u: { email: string }) => u.email === 'bez.pierakstiem@example.com')).toBe(false);

    // With the log writable again the same change goes through, with its event.
    const retried = await janis.post(`/api/customers/${c1}/users`, { email: 'bez.pierakstiem@example.com', fullName: 'Bez Pierakstiem', rights: [], confirmDataTruthful: true });
    expect(retried.statusCode).toBe(201);
    expect((await newest('user.invited')).object_id).toBe(retried.json().membershipId);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, events: await eventCount() });
  });

  it('ACC-17: customers see their own activity, the main user the customer\'s, staff search all; others get 403', async () => {
    const c1 = ids['C-100001'];
    const martaLogin = t.client(IP.marta);
    await martaLogin.login('marta@demo.example', DEMO_PASSWORD);

    const mine = await liene.get('/api/me/activity');
    expect(mine.statusCode).toBe(200);
    const lieneEvents = mine.json() as { actorUserId: string; action: string; ip: string }[];
    expect(lieneEvents.length).toBeGreaterThan(0);
    expect(lieneEvents.every((e) => e.actorUserId === ids.liene)).toBe(true);
    expect(lieneEvents.map((e) => e.action)).toEqual(expect.arrayContaining(['account.activated', 'login.succeeded', 'terms.accepted', 'order.signed']));
    // Removed from the customer, she still sees what she did.
    expect(lieneEvents.find((e) => e.action === 'order.signed')?.ip).toBe(IP.liene);

    const customerActivity = await janis.get(`/api/customers/${c1}/activity`);
    expect(customerActivity.statusCode).toBe(200);
    const c1Events = customerActivity.json() as { customerId: string; action: string; actorUserId: string; seq: number }[];
    expect(c1Events.every((e) => e.customerId === c1)).toBe(true);
    expect(c1Events.map((e) => e.action)).toEqual(expect.arrayContaining(['user.invited', 'user.rights_changed', 'order.signed', 'user.removed', 'contact.changed']));
    expect(c1Events.some((e) => e.actorUserId === ids.liene)).toBe(true);
    expect(c1Events.map((e) => e.seq)).toEqual([...c1Events.map((e) => e.seq)].sort((a, b) => b - a)); // newest first

    const notMain = await martaLogin.get(`/api/customers/${c1}/activity`);
    expect(notMain.statusCode).toBe(403);
    expect(notMain.json().error.code).toBe('RIGHT_MISSING');
    expect((await janis.get(`/api/customers/${ids['C-100002']}/activity`)).statusCode).toBe(404);

    const staffSearch = await staff.get(`/api/staff/audit?customerId=${c1}`);
    expect(staffSearch.statusCode).toBe(200);
    expect(staffSearch.json().map((e: { seq: number }) => e.seq)).toEqual(c1Events.map((e) => e.seq));
    const byActor = await staff.get(`/api/staff/audit?actorUserId=${ids['janis@demo.example']}&action=user.invited`);
    const invitations = byActor.json() as { actorUserId: string; actorName: string; actorEmail: string; actorDeleted: boolean; customerId: string; customerName: string; details: { email: string } }[];
    expect(invitations.map((e) => e.details.email).sort()).toEqual(['bez.pierakstiem@example.com', 'liene@example.com']);
    // staff read who acted and for whom by name; customers get the ids only, never a staff member's name or e-mail
    expect(invitations.map((e) => [e.actorName, e.actorEmail, e.actorDeleted])).toEqual([['Jānis Bērziņš', 'janis@demo.example', false], ['Jānis Bērziņš', 'janis@demo.example', false]]);
    expect(invitations.filter((e) => e.customerId === c1).every((e) => e.customerName === 'Jānis Bērziņš')).toBe(true);
    expect(c1Events.some((e) => 'actorName' in e || 'actorEmail' in e || 'customerName' in e)).toBe(false);
    // and find them by what they know: the user's e-mail (any case) and the customer number
    const byEmail = (await staff.get(`/api/staff/audit?actorEmail=${encodeURIComponent('Janis@Demo.Example')}&action=user.invited`)).json() as { seq: number }[];
    expect(byEmail.map((e) => e.seq)).toEqual(byActor.json().map((e: { seq: number }) => e.seq));
    const byNumber = (await staff.get('/api/staff/audit?customerNumber=C-100001')).json() as { seq: number }[];
    expect(byNumber.map((e) => e.seq)).toEqual(c1Events.map((e) => e.seq));
    expect((await staff.get('/api/staff/audit?customerNumber=C-999999')).json()).toEqual([]);
    const all = (await staff.get('/api/staff/audit')).json() as { customerId: string | null }[];
    expect(new Set(all.map((e) => e.customerId)).size).toBeGreaterThan(2); // every customer's and none
    const from = new Date(Date.parse('2026-11-23T10:02:00Z')).toISOString();
    const to = new Date(Date.parse('2026-11-23T10:03:00Z')).toISOString();
    const window = (await staff.get(`/api/staff/audit?from=${from}&to=${to}`)).json() as { occurredAt: string; action: string }[];
    expect(window.length).toBeGreaterThan(0);
    expect(window.every((e) => e.occurredAt === '2026-11-23T10:02:00.000Z')).toBe(true);
    expect(window.map((e) => e.action)).toContain('user.rights_changed');

    for (const client of [janis, martaLogin, liene]) {
      const refused = await client.get(`/api/staff/audit?customerId=${c1}`);
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('STAFF_ONLY');
    }

    // ACC-10, ACC-12: once her account is deleted, what she did still names her, marked as deleted
    expect((await staff.delete(`/api/staff/users/${ids.liene}`)).statusCode).toBe(204);
    const signedByLiene = (await staff.get(`/api/staff/audit?actorUserId=${ids.liene}&action=order.signed`)).json() as { actorName: string; actorDeleted: boolean }[];
    expect(signedByLiene.map((e) => [e.actorName, e.actorDeleted])).toEqual([['Liene Krūmiņa', true]]);
  });
});

describe('ACC-17: the record cannot be altered unnoticed', () => {
  it('ACC-17: verifyAuditChain names the altered event: changed details, time or IP are "content altered"', async () => {
    const db = t.deps.db;
    expect(await verifyAuditChain(db)).toEqual({ ok: true, events: await eventCount() });
    const target = await newest('user.rights_changed');

    await sql`UPDATE audit_events SET details = ${JSON.stringify({ before: [], after: [] })}::jsonb WHERE seq = ${target.seq}`.execute(db);
    expect(await verifyAuditChain(db)).toEqual({ ok: false, events: target.seq - 1, firstBadSeq: target.seq, reason: 'content altered' });
    await sql`UPDATE audit_events SET details = ${JSON.stringify(target.details)}::jsonb WHERE seq = ${target.seq}`.execute(db);
    expect((await verifyAuditChain(db)).ok).toBe(true);

    await sql`UPDATE audit_events SET ip = '203.0.113.99' WHERE seq = ${target.seq}`.execute(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: target.seq, reason: 'content altered' });
    await sql`UPDATE audit_events SET ip = ${target.ip} WHERE seq = ${target.seq}`.execute(db);

    await sql`UPDATE audit_events SET occurred_at = occurred_at - interval '1 day' WHERE seq = ${target.seq}`.execute(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: target.seq, reason: 'content altered' });
    await sql`UPDATE audit_events SET occurred_at = ${target.occurred_at} WHERE seq = ${target.seq}`.execute(db);

    // Whoever also recomputes the altered event's hash breaks the link of the next one.
    await sql`UPDATE audit_events SET hash = ${'f'.repeat(64)} WHERE seq = ${target.seq}`.execute(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: target.seq, reason: 'content altered' });
    await sql`UPDATE audit_events SET hash = ${target.hash} WHERE seq = ${target.seq}`.execute(db);

    expect(await verifyAuditChain(db)).toEqual({ ok: true, events: await eventCount() });
  });

  it('ACC-17: a deleted event is detected and named, and a substitute in its place does not pass', async () => {
    const db = t.deps.db;
    const target = await newest('order.signed');
    await db.deleteFrom('audit_events').where('seq', '=', target.seq).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, events: target.seq - 1, firstBadSeq: target.seq, reason: 'event missing' });

    // Putting another event in its place does not help: its content does not match its place in the chain.
    const other = await newest('contact.changed');
    await db.insertInto('audit_events').values({ ...other, seq: target.seq, details: JSON.stringify(other.details) }).execute();
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, firstBadSeq: target.seq });
    await db.deleteFrom('audit_events').where('seq', '=', target.seq).execute();

    await db.insertInto('audit_events').values({ ...target, details: JSON.stringify(target.details) }).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: true, events: await eventCount() });
  });

  it('ACC-17: deleting the newest events is detected through the chain head, and the head must match the newest event', async () => {
    const db = t.deps.db;
    const all = await eventCount();
    const newestTwo = await db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').limit(2).execute();
    await db.deleteFrom('audit_events').where('seq', '>=', newestTwo[1].seq).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: false, events: all - 2, firstBadSeq: all - 1, reason: 'event missing' });
    for (const event of [...newestTwo].reverse()) {
      await db.insertInto('audit_events').values({ ...event, details: JSON.stringify(event.details) }).execute();
    }
    expect(await verifyAuditChain(db)).toEqual({ ok: true, events: all });

    await sql`UPDATE audit_chain_head SET hash = ${newestTwo[1].hash}`.execute(db);
    expect(await verifyAuditChain(db)).toEqual({ ok: false, events: all, firstBadSeq: all, reason: 'chain head does not match the newest event' });
    await sql`UPDATE audit_chain_head SET hash = ${newestTwo[0].hash}`.execute(db);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, events: all });
  });

  it('ACC-17: the hash the database computes when appending is the one the verification recomputes (non-ASCII text, nested keys in any order, nulls)', async () => {
    const db = t.deps.db;
    const details = { zeta: 'Jānis Bērziņš — Ёлка 🌲', alpha: { b: [1, null, 'ķ'], a: 'quote " and \\ backslash' }, empty: {} };
    await db.transaction().execute((trx) =>
      recordAudit(trx, { userId: null, role: 'system', ip: null }, { action: 'test.unicode' as AuditAction, details }, new Date('2026-11-23T10:00:00.123Z')));
    const event = await newest('test.unicode');
    expect(event.details).toEqual(details);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, events: await eventCount() });
    const head = await db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow();
    expect(head).toMatchObject({ seq: event.seq, hash: event.hash, prev_hash: event.prev_hash });
  });

  it('ACC-17: a change made with its event in one statement (executeAudited) is not kept when the event cannot be written', async () => {
    const db = t.deps.db;
    const user = ids['service@demo.example'];
    const phone = async () => (await db.selectFrom('users').select('phone').where('id', '=', user).executeTakeFirstOrThrow()).phone;
    const before = await phone();
    const change = (value: string) => db.updateTable('users').set({ phone: value }).where('id', '=', user);
    const actor = { userId: user, role: 'customer_service', ip: IP.staff };

    await executeAudited(db, [change('+371 29999001')], actor, { action: 'test.one_statement' as AuditAction, objectType: 'user', objectId: user }, new Date());
    expect(await phone()).toBe('+371 29999001');
    expect(await newest('test.one_statement')).toMatchObject({ actor_user_id: user, object_id: user, ip: IP.staff });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, events: await eventCount() });

    const head = await db.selectFrom('audit_chain_head').selectAll().executeTakeFirstOrThrow();
    await db.deleteFrom('audit_chain_head').execute();
    await expect(executeAudited(db, [change('+371 29999002')], actor, { action: 'test.one_statement' as AuditAction }, new Date())).rejects.toThrow();
    await expect(db.transaction().execute(async (trx) => {
      await trx.updateTable('users').set({ phone: '+371 29999003' }).where('id', '=', user).execute();
      await recordAudit(trx, actor, { action: 'test.in_transaction' as AuditAction }, new Date());
    })).rejects.toThrow();
    await db.insertInto('audit_chain_head').values(head).execute();
    expect(await phone()).toBe('+371 29999001');
    await db.updateTable('users').set({ phone: before }).where('id', '=', user).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: true, events: await eventCount() });
  });

  it('ACC-17: small batches walk the same chain', async () => {
    const all = await eventCount();
    expect(await verifyAuditChain(t.deps.db, 3)).toEqual({ ok: true, events: all });
    const target = await newest('contact.changed');
    await sql`UPDATE audit_events SET action = 'contact.viewed' WHERE seq = ${target.seq}`.execute(t.deps.db);
    expect(await verifyAuditChain(t.deps.db, 3)).toMatchObject({ ok: false, firstBadSeq: target.seq, reason: 'content altered' });
    await sql`UPDATE audit_events SET action = ${target.action} WHERE seq = ${target.seq}`.execute(t.deps.db);
    expect(await verifyAuditChain(t.deps.db, 3)).toEqual({ ok: true, events: all });
  });
});

describe('ACC-17: the job signs the audit chain head', () => {
  it('ACC-17: signs the head when events were added and 5 minutes passed, logs the checkpoint for outside keeping, and the checkpoints verify', async () => {
    const logged: { details: Record<string, unknown>; message: string }[] = [];
    const log = { info: (details: Record<string, unknown>, message: string) => logged.push({ details, message }) };
    const checkpoints = () => t.deps.db.selectFrom('audit_checkpoints').selectAll().orderBy('seq').execute();
    t.clock.set('2026-11-24T08:05:00Z');
    await runDueJobs(t.deps, log);
    const [first] = await checkpoints();
    expect(first).toBeDefined();
    expect(logged).toEqual([{ message: 'audit checkpoint signed', details: { auditCheckpoint: { ...first, signed_at: '2026-11-24T08:05:00.000Z' } } }]);

    await t.client('192.0.2.60').login('janis@demo.example', DEMO_PASSWORD); // a new event
    t.clock.advanceMinutes(4);
    await runDueJobs(t.deps, log);
    expect(await checkpoints()).toHaveLength(1); // not yet 5 minutes since the last one
    t.clock.advanceMinutes(1);
    await runDueJobs(t.deps, log);
    t.clock.advanceMinutes(30);
    await runDueJobs(t.deps, log); // nothing new since: nothing to sign
    const all = await checkpoints();
    expect(all).toHaveLength(2);
    expect(all[1].seq).toBeGreaterThan(first.seq);
    expect(all[1].prev_signature).toBe(first.signature);
    expect(await verifyAuditCheckpoints(t.deps.db, t.deps.config.auditSigningKey)).toMatchObject({ ok: true, checkpoints: 2 });
  });
});

describe('ACC-17: npm run audit:verify', () => {
  let db: Db;
  let env: Record<string, string>;
  let close: () => Promise<void>;
  let dataDir: string | null = null;

  /** The command opens the database itself: a PostgreSQL database by URL, or an embedded PGlite directory. */
  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      const database = await openTestDatabase();
      db = database.db;
      env = { DATABASE_URL: database.url! };
      close = database.close;
    } else {
      dataDir = await mkdtemp(join(tmpdir(), 'up-audit-verify-'));
      const database = await openPglite({ dataDir });
      await migrateToLatest(database.db);
      db = database.db;
      env = { DATA_DIR: dataDir };
      close = database.close;
    }
    const now = new Date('2026-11-23T10:00:00Z');
    for (let i = 1; i <= 5; i++) {
      await db.transaction().execute((trx) =>
        recordAudit(trx, { userId: `user-${i}`, role: 'user', ip: `10.9.0.${i}` }, { customerId: 'customer-1', action: `test.action_${i}` as AuditAction, details: { n: i, nested: { b: 2, a: [1, 'x'] } } }, now));
    }
  });
  afterAll(async () => {
    await close?.();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  /** The embedded database is single-process: it is closed while the command runs, and opened again after. */
  async function run(): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    if (dataDir) await close();
    const code = await runVerifyAudit(env, { out: (line) => out.push(line), err: (line) => err.push(line) });
    if (dataDir) {
      const database = await openPglite({ dataDir });
      db = database.db;
      close = database.close;
    }
    return { code, out, err };
  }

  it('ACC-17: prints "audit chain intact: N events" and exits 0; names the altered event and exits 1', async () => {
    expect(await run()).toEqual({ code: 0, out: ['audit chain intact: 5 events; no signed checkpoints yet (the job signs the chain head every 5 minutes while events are added)'], err: [] });

    await sql`UPDATE audit_events SET details = ${JSON.stringify({ n: 99 })}::jsonb WHERE seq = 3`.execute(db);
    const altered = await run();
    expect(altered.code).toBe(1);
    expect(altered.out).toHaveLength(1);
    expect(altered.out[0]).toMatch(/^audit chain broken at event 3: content altered/);

    await sql`UPDATE audit_events SET details = ${JSON.stringify({ n: 3, nested: { a: [1, 'x'], b: 2 } })}::jsonb WHERE seq = 3`.execute(db);
    expect((await run()).code).toBe(0);
    await db.deleteFrom('audit_events').where('seq', '=', 2).execute();
    const missing = await run();
    expect(missing.code).toBe(1);
    expect(missing.out[0]).toMatch(/^audit chain broken at event 2: event missing/);
  }, 120_000);

  it('ACC-17: a wrong DATA_DIR is an error (exit 2), never an empty "intact" chain', async () => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runVerifyAudit({ DATA_DIR: join(tmpdir(), 'up-no-such-data-dir') }, { out: (l) => out.push(l), err: (l) => err.push(l) });
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err[0]).toContain('no database at');
  });

  it('ACC-17: the script itself (tsx server/src/commands/verify-audit.ts) exits 1 with the broken seq on stdout', async () => {
    if (dataDir) await close();
    const script = fileURLToPath(new URL('../../commands/verify-audit.ts', import.meta.url));
    const tsx = fileURLToPath(new URL('../../../../node_modules/tsx/dist/cli.mjs', import.meta.url));
    const result = await new Promise<{ code: number; stdout: string }>((resolve) => {
      execFile(process.execPath, [tsx, script], { env: { PATH: process.env.PATH ?? '', ...env }, timeout: 60_000 }, (error, stdout) => {
        resolve({ code: error ? Number(error.code ?? -1) : 0, stdout });
      });
    });
    if (dataDir) {
      const database = await openPglite({ dataDir });
      db = database.db;
      close = database.close;
    }
    expect(result.stdout.trim()).toMatch(/^audit chain broken at event 2: event missing/);
    expect(result.code).toBe(1);
  }, 120_000);

  it('ACC-17: checks the signed checkpoints too: a rewrite whose hashes were all recomputed exits 1 as "rewritten"', async () => {
    // A clean chain of 5 events again (the tests above broke it).
    await sql`TRUNCATE audit_events`.execute(db);
    await sql`UPDATE audit_chain_head SET seq = 0, hash = repeat('0', 64), prev_hash = NULL`.execute(db);
    for (let i = 1; i <= 5; i++) {
      await db.transaction().execute((trx) => recordAudit(trx, { userId: null, role: 'user', ip: '10.9.0.1' }, { action: 'test.action' as AuditAction, details: { n: i } }, new Date('2026-11-23T10:00:00Z')));
    }
    await writeAuditCheckpoint(db, DEV_AUDIT_SIGNING_KEY, new Date('2026-11-23T11:00:00Z'));
    expect(await run()).toEqual({ code: 0, out: ['audit chain intact: 5 events; 1 signed checkpoints match (newest: event 5, signed 2026-11-23T11:00:00.000Z)'], err: [] });

    const events = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
    const [first, ...later] = events;
    let prev = hashEvent({ ...first, details: { n: 0 } });
    await db.updateTable('audit_events').set({ details: JSON.stringify({ n: 0 }), hash: prev }).where('seq', '=', first.seq).execute();
    for (const event of later) {
      const hash = hashEvent({ ...event, prev_hash: prev });
      await db.updateTable('audit_events').set({ prev_hash: prev, hash }).where('seq', '=', event.seq).execute();
      prev = hash;
    }
    await db.updateTable('audit_chain_head').set({ hash: prev }).where('id', '=', 1).execute();
    const rewritten = await run();
    expect(rewritten.code).toBe(1);
    expect(rewritten.out).toEqual(['audit chain rewritten: event 5 no longer has the hash signed at 2026-11-23T11:00:00.000Z: ' +
      'an event from the first event up to 5 was altered and the chain recomputed (0 checkpoints before it match)']);
  }, 120_000);
});
