/**
 * Two portal processes (two app instances, each with its own connection pool, clock, mail transport and
 * catcher) on ONE PostgreSQL database must behave as one portal behind a load balancer: sessions, login
 * lockouts, single-use links, scheduled jobs, the e-mail outbox and rate limits are all kept in the database.
 * Runs only against a PostgreSQL server (DATABASE_URL); PGlite is a single in-process connection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rigaDate } from '@up/common/riga-time';
import { createTestApp, type TestApp, type TestClient } from './test-app.js';
import { DEMO_PASSWORD } from '../db/demo-data.js';
import { runDueJobs } from '../jobs.js';
import { verifyAuditChain } from '../modules/audit/audit.service.js';
import { newId } from '../infra/ids.js';
import { runOncePerPeriod } from '../infra/jobs.js';
import { runBilling } from '../modules/billing/index.js';
import { SYSTEM_ACTOR } from '../modules/audit/index.js';
import { addBilledCustomer, addTariff, billContractWith, DAY_NIGHT } from './billing-fixtures.js';

describe.skipIf(!process.env.DATABASE_URL)('two portal processes on one database behave as one', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await createTestApp();
    expect(a.databaseUrl).toBeTruthy();
    b = await createTestApp({ databaseUrl: a.databaseUrl! });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  /** One browser (one cookie jar) whose requests the load balancer sends to either process. */
  function browser(ip: string): { onA: TestClient; onB: TestClient } {
    const onA = a.client(ip);
    const onB = b.client(ip);
    onB.cookies = onA.cookies;
    return { onA, onB };
  }

  const moveClocks = (days: number) => {
    a.clock.advanceDays(days);
    b.clock.advanceDays(days);
  };

  const mailsTo = (address: string) => a.mail.to(address).length + b.mail.to(address).length;

  /**
   * Each process keeps session checks in memory (modules/accounts/session-cache.ts); a change committed by
   * the other process reaches it as a database notification. Polls until `check` holds; fails after a second.
   */
  async function within1s(check: () => Promise<boolean>): Promise<void> {
    const started = Date.now();
    while (!(await check())) {
      if (Date.now() - started > 1_000) throw new Error('the other process did not see the change within 1 s');
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }

  it('a session created on A works on B, and a logout on B ends it on A', async () => {
    const { onA, onB } = browser('10.0.5.1');
    await onA.login('janis@demo.example', DEMO_PASSWORD);
    const seenByB = (await onB.get('/api/session')).json().user;
    expect(seenByB).toMatchObject({ email: 'janis@demo.example' });
    const company = seenByB.customers.find((c: { customerNumber: string }) => c.customerNumber === 'C-100003');
    expect((await onA.get('/api/session')).json().user.activeCustomerId).not.toBe(company.id); // now cached on A
    // A state change on B, with the CSRF token of the session created on A.
    expect((await onB.post('/api/me/active-customer', { customerId: company.id })).statusCode).toBe(204);
    await within1s(async () => (await onA.get('/api/session')).json().user.activeCustomerId === company.id);
    expect((await onB.post('/api/auth/logout')).statusCode).toBe(204);
    await within1s(async () => (await onA.get('/api/session')).json().user === null);
  });

  it('ACC-13: access removed on B ends on A within a second, though A had the session cached', async () => {
    const marta = browser('10.0.5.5');
    await marta.onA.login('marta@demo.example', DEMO_PASSWORD);
    const household = (await marta.onA.get('/api/session')).json().user.customers[0].id;
    expect((await marta.onA.get(`/api/customers/${household}/summary`)).statusCode).toBe(200);
    expect((await marta.onA.get(`/api/customers/${household}/summary`)).statusCode).toBe(200); // from A's cache
    expect(a.deps.sessionCache.hits).toBeGreaterThan(0);

    const janis = browser('10.0.5.6');
    await janis.onB.login('janis@demo.example', DEMO_PASSWORD);
    const users = (await janis.onB.get(`/api/customers/${household}/users`)).json();
    const martaMembership = users.find((u: { email: string }) => u.email === 'marta@demo.example');
    expect((await janis.onB.delete(`/api/customers/${household}/users/${martaMembership.membershipId}`)).statusCode).toBe(204);
    await within1s(async () => (await marta.onA.get(`/api/customers/${household}/summary`)).statusCode === 404);
  });

  it('ACC-7: 3 wrong passwords on A and 2 on B block the login on both (the count is shared)', async () => {
    for (let i = 0; i < 3; i++) {
      expect((await a.client('10.0.5.2').post('/api/auth/login', { email: 'marta@demo.example', password: 'wrong-1234' })).statusCode).toBe(401);
    }
    expect((await b.client('10.0.5.3').post('/api/auth/login', { email: 'marta@demo.example', password: 'wrong-1234' })).statusCode).toBe(401);
    const fifth = await b.client('10.0.5.3').post('/api/auth/login', { email: 'marta@demo.example', password: 'wrong-1234' });
    expect(fifth.statusCode).toBe(423);
    expect(fifth.json().error.code).toBe('LOGIN_BLOCKED');
    for (const app of [a, b]) {
      const right = await app.client('10.0.5.4').post('/api/auth/login', { email: 'marta@demo.example', password: DEMO_PASSWORD });
      expect(right.statusCode).toBe(423);
    }
    const warnings = await a.deps.db.selectFrom('outbox_emails').select('id')
      .where('to_address', '=', 'marta@demo.example').where('body_text', 'like', '%/reset-password?token=%').execute();
    expect(warnings).toHaveLength(1);
  });

  it('ACC-7: five wrong passwords at the same moment, spread over both processes, block exactly once', async () => {
    const attempts = [a, a, a, b, b].map((app, i) =>
      app.client(`10.0.5.${10 + i}`).post('/api/auth/login', { email: 'service@demo.example', password: 'wrong-1234' }));
    const statuses = (await Promise.all(attempts)).map((response) => response.statusCode);
    expect(statuses.filter((status) => status === 401).length).toBeGreaterThanOrEqual(4);
    expect(statuses.every((status) => status === 401 || status === 423)).toBe(true);
    expect((await b.client('10.0.5.20').post('/api/auth/login', { email: 'service@demo.example', password: DEMO_PASSWORD })).statusCode).toBe(423);
    const blocked = await a.deps.db.selectFrom('audit_events').select('seq').where('action', '=', 'login.blocked').execute();
    expect(blocked).toHaveLength(2); // Marta's above, and this one
  });

  it('ACC-8: a reset link used on A fails on B; used on both at the same moment, exactly one succeeds', async () => {
    expect((await a.client('10.0.5.30').post('/api/auth/forgot-password', { email: 'janis@demo.example' })).statusCode).toBe(202);
    const first = new URL(await a.linkFromMail('janis@demo.example', '/reset-password?token=')).searchParams.get('token');
    expect((await a.client('10.0.5.30').post('/api/auth/reset-password', { token: first, password: 'Saulains-Rits-41' })).statusCode).toBe(200);
    const reused = await b.client('10.0.5.30').post('/api/auth/reset-password', { token: first, password: 'Saulains-Rits-42' });
    expect(reused.statusCode).toBe(410);

    expect((await b.client('10.0.5.31').post('/api/auth/forgot-password', { email: 'janis@demo.example' })).statusCode).toBe(202);
    const second = new URL(await b.linkFromMail('janis@demo.example', '/reset-password?token=')).searchParams.get('token');
    const onA = a.client('10.0.5.32');
    const onB = b.client('10.0.5.33');
    await onA.get('/api/session'); // CSRF cookies first, so that the two resets really race
    await onB.get('/api/session');
    const answers = await Promise.all([
      onA.post('/api/auth/reset-password', { token: second, password: 'Zala-Plava-2027' }),
      onB.post('/api/auth/reset-password', { token: second, password: 'Zala-Plava-2027' }),
    ]);
    expect(answers.map((r) => r.statusCode).sort()).toEqual([200, 410]);
    expect((await a.client('10.0.5.34').post('/api/auth/login', { email: 'janis@demo.example', password: 'Zala-Plava-2027' })).statusCode).toBe(200);
    const resets = await a.deps.db.selectFrom('audit_events').select('seq').where('action', '=', 'password.reset').execute();
    expect(resets).toHaveLength(2);
  });

  it('ACC-12: both processes running the jobs at once run each job once per period and send every queued e-mail once', async () => {
    // An account idle for over a year whose customer (C-100005) has no active contract: the daily job deletes it.
    const now = a.clock.now();
    const longAgo = new Date(now.getTime() - 400 * 86_400_000);
    const ojars = newId();
    await a.deps.db.insertInto('users').values({
      id: ojars, email: 'ojars@demo.example', full_name: 'Ojārs Vecais', personal_code: null, phone: null, language: 'lv', password_hash: null,
      password_changed_at: null, must_change_password: false, status: 'active', blocked_reason: null, activation_deadline: null, failed_logins: 0,
      locked_until: null, last_login_at: longAgo, totp_secret: null, totp_enabled: false, staff_role: null, created_at: longAgo, updated_at: longAgo,
    }).execute();
    const customer = await a.deps.db.selectFrom('customers').select('id').where('customer_number', '=', 'C-100005').executeTakeFirstOrThrow();
    await a.deps.db.insertInto('memberships').values({
      id: newId(), user_id: ojars, customer_id: customer.id, role: 'main', rights: [], status: 'active', invited_by: null, created_at: longAgo, ended_at: null,
    }).execute();
    // Two e-mails waiting in the outbox.
    await a.client('10.0.5.40').post('/api/auth/forgot-password', { email: 'admin@demo.example' });
    await b.client('10.0.5.41').post('/api/auth/forgot-password', { email: 'service@demo.example' });

    const caughtBefore = [...a.mail.messages, ...b.mail.messages].length;
    moveClocks(1);
    const period = rigaDate(a.clock.now());
    await Promise.all([runDueJobs(a.deps), runDueJobs(b.deps)]);
    await Promise.all([runDueJobs(a.deps), runDueJobs(b.deps)]); // delivers what the first round queued

    const daily = await a.deps.db.selectFrom('job_runs').selectAll().where('job', '=', 'delete-inactive-accounts').where('period', '=', period).execute();
    expect(daily).toHaveLength(1);
    expect(daily[0].finished_at).not.toBeNull();
    expect(daily[0].result).toBe(1);
    const runs = await a.deps.db.selectFrom('job_runs').select(['job', 'period']).execute();
    expect(new Set(runs.map((r) => `${r.job}@${r.period}`)).size).toBe(runs.length);
    expect(await a.deps.db.selectFrom('audit_events').select('seq').where('action', '=', 'account.deleted').where('object_id', '=', ojars).execute()).toHaveLength(1);

    // Every message of the outbox reached the SMTP server exactly once, whichever process sent it.
    const unsent = await a.deps.db.selectFrom('outbox_emails').select('id').where('sent_at', 'is', null).execute();
    expect(unsent).toEqual([]);
    const sentNow = await a.deps.db.selectFrom('outbox_emails').select(['to_address', 'subject']).where('sent_at', '=', a.clock.now()).execute();
    expect(sentNow.map((m) => m.to_address)).toEqual(expect.arrayContaining(['admin@demo.example', 'service@demo.example', 'ojars@demo.example']));
    const caught = a.mail.messages.length + b.mail.messages.length - caughtBefore;
    expect(caught).toBe(sentNow.length);
    for (const message of sentNow) {
      const copies = [...a.mail.messages, ...b.mail.messages].filter((m) => m.to === message.to_address && m.subject === message.subject);
      expect(copies, `${message.to_address}: ${message.subject}`).toHaveLength(sentNow.filter((m) => m.to_address === message.to_address && m.subject === message.subject).length);
    }
    expect(mailsTo('ojars@demo.example')).toBe(1);
  });

  it('a periodic job whose run fails on A is retried after its back-off by whichever process comes first, and finishes once', async () => {
    const period = rigaDate(a.clock.now());
    let calls = 0;
    const work = async () => { calls += 1; return 'billed'; };
    const failing = async () => { throw new Error('tariff service unavailable'); };
    await expect(runOncePerPeriod(a.deps.db, 'flaky-billing', period, a.clock, failing)).rejects.toThrow('tariff service unavailable');
    // During the back-off neither process runs it.
    expect(await Promise.all([runOncePerPeriod(a.deps.db, 'flaky-billing', period, a.clock, work), runOncePerPeriod(b.deps.db, 'flaky-billing', period, b.clock, work)]))
      .toEqual([false, false]);

    a.clock.advanceMinutes(1);
    b.clock.advanceMinutes(1);
    const ran = await Promise.all([runOncePerPeriod(a.deps.db, 'flaky-billing', period, a.clock, work), runOncePerPeriod(b.deps.db, 'flaky-billing', period, b.clock, work)]);
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(calls).toBe(1);
    const run = await a.deps.db.selectFrom('job_runs').selectAll().where('job', '=', 'flaky-billing').where('period', '=', period).executeTakeFirstOrThrow();
    expect(run).toMatchObject({ status: 'succeeded', attempts: 2, result: 'billed', finished_at: a.clock.now() });
    expect(run.last_error).toContain('tariff service unavailable');
    // Later ticks of both processes leave it alone.
    expect(await runOncePerPeriod(b.deps.db, 'flaky-billing', period, b.clock, work)).toBe(false);
    expect(calls).toBe(1);
  });

  it('rate limits are shared: 20 reset requests an hour from one address, counted over both processes', async () => {
    const send = (app: TestApp) => app.client('10.0.5.50').post('/api/auth/forgot-password', { email: 'nobody@example.com' });
    for (let i = 0; i < 12; i++) expect((await send(a)).statusCode).toBe(202);
    for (let i = 0; i < 8; i++) expect((await send(b)).statusCode).toBe(202);
    const limitedOnA = await send(a);
    expect(limitedOnA.statusCode).toBe(429);
    expect(limitedOnA.headers['retry-after']).toBeTruthy();
    expect((await send(b)).statusCode).toBe(429);
    // Another address is not affected.
    expect((await b.client('10.0.5.51').post('/api/auth/forgot-password', { email: 'nobody@example.com' })).statusCode).toBe(202);
  });

  it('ACC-17: 20 logins at the same moment over both processes extend one unbroken audit chain', async () => {
    const before = (await a.deps.db.selectFrom('audit_chain_head').select('seq').executeTakeFirstOrThrow()).seq;
    const logins = Array.from({ length: 20 }, (_, i) =>
      (i % 2 === 0 ? a : b).client(`10.0.6.${i}`).post('/api/auth/login', { email: 'admin@demo.example', password: 'wrong-but-audited' }));
    const statuses = (await Promise.all(logins)).map((response) => response.statusCode);
    expect(statuses.every((status) => status === 401 || status === 423)).toBe(true);
    const after = (await a.deps.db.selectFrom('audit_chain_head').select('seq').executeTakeFirstOrThrow()).seq;
    expect(after).toBeGreaterThanOrEqual(before + 5); // the attempts after the 5th may meet the lockout and write nothing
    expect(await verifyAuditChain(a.deps.db)).toEqual({ ok: true, events: after });
  });

  it('BIL-1: the billing run started on both processes at once bills each customer once, with gap-free numbers', async () => {
    await addTariff(a.deps.db, 'mp-home', { lv: 'Mājas', en: 'Home', ru: 'Дом' }, [{ validFrom: '2025-01-01', elements: DAY_NIGHT('0.150000', '0.100000', '2.000000') }]);
    for (let i = 1; i <= 12; i++) {
      const customer = await addBilledCustomer(a.deps.db, `mp${i}`);
      await billContractWith(a.deps.db, customer, 'mp-home', { object: false });
    }
    // a month no earlier test's job has billed (the jobs test above runs the monthly run too)
    a.clock.set('2027-03-05T06:00:00Z');
    b.clock.set('2027-03-05T06:00:00Z');
    await Promise.all([
      runBilling(a.deps, { period: '2027-02', actor: SYSTEM_ACTOR, batchSize: 2 }),
      runBilling(b.deps, { period: '2027-02', actor: SYSTEM_ACTOR, batchSize: 2 }),
    ]);
    const invoices = await a.deps.db.selectFrom('invoices').select(['customer_id', 'sequence']).where('period', '=', '2027-02').orderBy('sequence').execute();
    expect(invoices).toHaveLength(12);
    expect(new Set(invoices.map((row) => row.customer_id)).size).toBe(12);
    expect(invoices.map((row) => row.sequence)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    const run = await a.deps.db.selectFrom('billing_runs').selectAll().where('period', '=', '2027-02').executeTakeFirstOrThrow();
    expect([run.status, run.invoices_issued]).toEqual(['done', 12]);
  });
});
