import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp } from '../../test/test-app.js';
import { addBilledCustomer, addTariff, billContractWith } from '../../test/billing-fixtures.js';
import { expectOpenItemsConsistent } from '../../test/ledger-invariants.js';
import { fingerprint } from '../../test/table-fingerprint.js';
import { SYSTEM_ACTOR, type Actor } from '../audit/index.js';
import { runBilling } from '../billing/index.js';
import { customerBalance, listCustomerPayments } from './customer-payments.service.js';
import { createServer } from 'node:net';
import { demoNotice, SIGNATURE_HEADER, startDemoPaymentProvider } from './demo-payment-provider.js';
import { getOnlinePayment, receiveProviderNotice, startOnlinePayment } from './online-payments.service.js';
import { applyPendingNotices, listWaitingNotices, wakeNoticeApplier } from './payment-notice-inbox.js';
import { storeNotice } from './payment-notice-receipts.js';
import { PAYMENT_NOTICE_JOBS } from './payment-notices.jobs.js';

/**
 * BIL-15: "Pay" in the portal through the demo payment provider. Only the provider's signed, fresh notice makes a
 * payment paid; the same notice again, a replayed old one or a forged one changes nothing. The notice is stored in
 * the inbox (payment_notices) and answered at once; the applier, woken by the route, applies it a moment later, so
 * the tests await the applier (`wakeNoticeApplier`) before looking at the payment. A customer with a
 * 100.00 € monthly fee + 21 % VAT; January's invoice (121.00 €) issued on 2 February 2026, due 16 February.
 */
const t = await createTestApp({ seed: false });
afterAll(async () => { await t.close(); });
const db = t.deps.db;
const user: Actor = { userId: 'user-online', role: 'user', ip: '10.0.8.1' };
const secret = t.deps.config.paymentNoticeSecret;
let customerId = '';

beforeAll(async () => {
  await addTariff(db, 'online-fee', { lv: 'Abonements', en: 'Subscription', ru: 'Абонемент' }, [
    { validFrom: '2025-01-01', elements: [{ priceComponents: [{ type: 'MONTHLY_FEE', price: '100.000000', vatPercent: '21', stepSize: 1 }] }] },
  ]);
  const customer = await addBilledCustomer(db, 'online');
  await billContractWith(db, customer, 'online-fee', { object: false });
  customerId = customer.customerId;
  t.clock.set('2026-02-02T06:00:00Z');
  await runBilling(t.deps, { period: '2026-01', actor: SYSTEM_ACTOR });
  t.clock.set('2026-02-10T09:00:00Z');
});

const postNotice = (notice: { body: string; signature: string }) => t.app.inject({
  method: 'POST', url: '/api/payments/notices/demo', payload: notice.body, headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: notice.signature },
});
const providerPayment = (redirectUrl: string) => {
  const providerPaymentId = redirectUrl.split('/').at(-1)!;
  const payment = (t.deps.paymentProvider as unknown as { payments: Map<string, { intentId: string; amountCents: number }> }).payments.get(providerPaymentId)!;
  return { providerPaymentId, intentId: payment.intentId, amountCents: payment.amountCents };
};
const moneyTables = async () => {
  const all = await fingerprint(db);
  return ['payments', 'payment_intents', 'ledger_entries', 'allocations', 'receivables', 'payment_notices'].map((table) => all[table]);
};

describe('online payment (BIL-15)', () => {
  it('BIL-15: the customer pays an invoice at the provider; the signed notice makes it paid, on the day paid, allocated in BIL-5 order', async () => {
    const started = await startOnlinePayment(t.deps, user, customerId, {});
    expect([started.amountCents, started.status]).toEqual([12100, 'started']);
    expect(started.redirectUrl).toMatch(/^http:\/\/pay\.test\/pay\/demo-/);
    const payment = providerPayment(started.redirectUrl!);

    // a forged notice (another secret) and a replayed old one (signed 10 minutes ago) are refused and change nothing
    const before = await moneyTables();
    const forged = await postNotice(demoNotice('not-the-secret', payment, 'paid', t.deps.clock.now(), undefined, t.deps.clock.now()));
    expect([forged.statusCode, forged.json().error.code]).toEqual([401, 'NOTICE_REJECTED']);
    const stale = await postNotice(demoNotice(secret, payment, 'paid', t.deps.clock.now(), 'notice-old', new Date(t.deps.clock.now().getTime() - 10 * 60_000)));
    expect(stale.statusCode).toBe(401);
    expect(await moneyTables()).toEqual(before);
    // the browser coming back says nothing: still started
    expect((await getOnlinePayment(t.deps, customerId, started.id)).status).toBe('started');

    const notice = demoNotice(secret, payment, 'paid', new Date('2026-02-10T21:30:00Z'), 'notice-1', t.deps.clock.now());
    const answer = await postNotice(notice);
    expect([answer.statusCode, answer.json()]).toEqual([200, { applied: true }]);
    await wakeNoticeApplier(t.deps);
    expect((await getOnlinePayment(t.deps, customerId, started.id)).status).toBe('paid');
    const [paid] = (await listCustomerPayments(t.deps, customerId)).payments;
    // 23:30 in Riga on 10 February: the day paid (BIL-4)
    expect([paid!.source, paid!.matchedBy, paid!.receivedOn, paid!.amountCents]).toEqual(['online', 'online', '2026-02-10', 12100]);
    expect(paid!.allocations.map((allocation) => [allocation.category, allocation.amountCents])).toEqual([['supply', 12100]]);
    expect((await customerBalance(t.deps, customerId)).balanceCents).toBe(0);

    // the provider sends the same notice again (it did not see our answer): nothing changes
    const after = await moneyTables();
    expect((await postNotice(notice)).json()).toEqual({ applied: false });
    await wakeNoticeApplier(t.deps);
    expect(await moneyTables()).toEqual(after);
    await expectOpenItemsConsistent(db, customerId);
  });

  it('a cancelled payment changes no money; nothing open is nothing to pay; a notice for another amount is refused', async () => {
    await expect(startOnlinePayment(t.deps, user, customerId, {})).rejects.toMatchObject({ code: 'NOTHING_TO_PAY', status: 409 });
    t.clock.set('2026-03-02T06:00:00Z');
    await runBilling(t.deps, { period: '2026-02', actor: SYSTEM_ACTOR });
    t.clock.set('2026-03-05T09:00:00Z');
    await expect(startOnlinePayment(t.deps, user, customerId, { invoiceIds: ['no-such-invoice'] })).rejects.toMatchObject({ status: 400, details: { field: 'invoiceIds/0' } });

    const cancelled = await startOnlinePayment(t.deps, user, customerId, {});
    const before = await moneyTables();
    expect((await postNotice(demoNotice(secret, providerPayment(cancelled.redirectUrl!), 'cancelled', t.deps.clock.now(), undefined, t.deps.clock.now()))).statusCode).toBe(200);
    await wakeNoticeApplier(t.deps);
    expect((await getOnlinePayment(t.deps, customerId, cancelled.id)).status).toBe('cancelled');
    const unchanged = await moneyTables();
    expect([unchanged[0], unchanged[2], unchanged[3]]).toEqual([before[0], before[2], before[3]]);

    const other = await startOnlinePayment(t.deps, user, customerId, {});
    const beforeWrong = await moneyTables();
    const wrongAmount = await postNotice(demoNotice(secret, { ...providerPayment(other.redirectUrl!), amountCents: 100 }, 'paid', t.deps.clock.now(), undefined, t.deps.clock.now()));
    expect([wrongAmount.statusCode, wrongAmount.json().error.details.field]).toEqual([400, 'amountCents']);
    // an unknown payment is 404; neither stores a notice
    const unknown = await postNotice(demoNotice(secret, { ...providerPayment(other.redirectUrl!), providerPaymentId: 'demo-no-such' }, 'paid', t.deps.clock.now(), undefined, t.deps.clock.now()));
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([404, 'ONLINE_PAYMENT_NOT_FOUND']);
    await wakeNoticeApplier(t.deps);
    expect(await moneyTables()).toEqual(beforeWrong);
    expect((await getOnlinePayment(t.deps, customerId, other.id)).status).toBe('started');
  });

  it('BIL-15: through the demo provider\'s own page: the customer pays, the provider posts its notice to the portal over HTTP and sends the customer back', async () => {
    const portalUrl = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const port = await new Promise<number>((resolve) => {
      const probe = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = probe.address() as { port: number };
        probe.close(() => resolve(free));
      });
    });
    const demo = await startDemoPaymentProvider({ port, secret, clock: t.clock });
    try {
      t.clock.set('2026-04-02T06:00:00Z');
      await runBilling(t.deps, { period: '2026-03', actor: SYSTEM_ACTOR });
      t.clock.set('2026-04-03T09:00:00Z');
      const started = await startOnlinePayment({ ...t.deps, paymentProvider: demo.provider, config: { ...t.deps.config, publicUrl: portalUrl } }, user, customerId, {});
      const page = await fetch(started.redirectUrl!);
      expect(await page.text()).toContain(`${Math.floor(started.amountCents / 100)},${String(started.amountCents % 100).padStart(2, '0')} €`);
      const back = await fetch(started.redirectUrl!, { method: 'POST', body: new URLSearchParams({ action: 'pay' }), redirect: 'manual' });
      expect([back.status, back.headers.get('location')]).toEqual([303, `${portalUrl}/payments?online=${started.id}`]);
      await wakeNoticeApplier(t.deps);
      expect((await getOnlinePayment(t.deps, customerId, started.id)).status).toBe('paid');
      expect((await customerBalance(t.deps, customerId)).openCents).toBe(0);
    } finally {
      await demo.close();
    }
  });
});

describe('the notice inbox: answered at once, applied in batches (BIL-15, issue 13)', () => {
  /** A customer with an online payment of `amountCents` started (no invoice: the money waits as the customer's credit). */
  const startedPayment = async (key: string, amountCents: number) => {
    const customer = await addBilledCustomer(db, key);
    const intentId = `intent-${key}`;
    await db.insertInto('payment_intents').values({
      id: intentId, customer_id: customer.customerId, created_by: `user-${key}`, provider: 'demo', provider_payment_id: `demo-${key}`, amount_cents: amountCents,
      invoice_ids: [], status: 'started', payment_id: null, created_at: t.deps.clock.now(), completed_at: null,
    }).execute();
    return { customerId: customer.customerId, intentId, payment: { providerPaymentId: `demo-${key}`, intentId, amountCents } };
  };
  const paidNotice = (payment: { providerPaymentId: string; intentId: string; amountCents: number }, noticeId: string) =>
    demoNotice(secret, payment, 'paid', t.deps.clock.now(), noticeId, t.deps.clock.now());
  const noticesOf = (intentId: string) => db.selectFrom('payment_notices').selectAll().where('intent_id', '=', intentId).execute();
  const paymentsOf = (providerPaymentId: string) => db.selectFrom('payments').selectAll().where('reference', '=', `demo:${providerPaymentId}`).execute();

  it('BIL-15: a notice the provider sends again before and after it is applied is stored once and paid once', async () => {
    const { customerId, intentId, payment } = await startedPayment('inbox-retry', 5000);
    const notice = paidNotice(payment, 'notice-retry');
    const first = await Promise.all([postNotice(notice), postNotice(notice), postNotice(notice)]);
    expect(first.map((answer) => answer.statusCode)).toEqual([200, 200, 200]);
    expect(first.filter((answer) => answer.json().applied === true)).toHaveLength(1);
    await wakeNoticeApplier(t.deps);
    expect(await noticesOf(intentId)).toMatchObject([{ notice_id: 'notice-retry', status: 'paid', amount_cents: 5000, outcome: 'paid', error: null, raw_body: notice.body }]);
    const [paid] = await paymentsOf(payment.providerPaymentId);
    expect([paid!.amount_cents, paid!.customer_id, paid!.created_by, paid!.matched_by]).toEqual([5000, customerId, 'user-inbox-retry', 'online']);
    expect(await db.selectFrom('payment_intents').select(['status', 'payment_id']).where('id', '=', intentId).executeTakeFirstOrThrow()).toEqual({ status: 'paid', payment_id: paid!.id });

    const again = await postNotice(notice);
    expect([again.statusCode, again.json()]).toEqual([200, { applied: false }]);
    expect(await applyPendingNotices(t.deps)).toEqual({ notices: 0, paid: 0, ignored: 0, failed: 0 });
    expect(await noticesOf(intentId)).toHaveLength(1);
    expect(await paymentsOf(payment.providerPaymentId)).toHaveLength(1);
    await expectOpenItemsConsistent(db, customerId);
  });

  it('BIL-15: notices of different customers received while the applier sleeps are applied in one transaction, each payment once; a second notice for a payment already decided changes nothing', async () => {
    const payments = await Promise.all(['inbox-b1', 'inbox-b2', 'inbox-b3'].map((key, index) => startedPayment(key, 1000 * (index + 1))));
    // received by the service alone: the route's wake-up is left out, as when the process stops right after answering
    for (const { payment } of payments) {
      const notice = paidNotice(payment, `notice-${payment.intentId}`);
      expect(await receiveProviderNotice(t.deps, 'demo', notice.body, { [SIGNATURE_HEADER]: notice.signature })).toEqual({ applied: true });
    }
    // the provider says the first was cancelled after all, in a notice of its own: too late, paid is paid
    const late = demoNotice(secret, payments[0]!.payment, 'cancelled', t.deps.clock.now(), 'notice-late-cancel', t.deps.clock.now());
    expect(await receiveProviderNotice(t.deps, 'demo', late.body, { [SIGNATURE_HEADER]: late.signature })).toEqual({ applied: true });
    expect((await getOnlinePayment(t.deps, payments[0]!.customerId, payments[0]!.intentId)).status).toBe('started');

    expect(await applyPendingNotices(t.deps)).toEqual({ notices: 4, paid: 3, ignored: 1, failed: 0 });
    const notices = await db.selectFrom('payment_notices').select(['notice_id', 'outcome', sql<string>`xmin::text`.as('transaction')])
      .where('intent_id', 'in', payments.map((p) => p.intentId)).orderBy('seq').execute();
    // oldest first (in the order received, even within one millisecond): the late cancellation comes after the paid notice
    expect(notices.map((notice) => [notice.notice_id, notice.outcome])).toEqual([
      ['notice-intent-inbox-b1', 'paid'], ['notice-intent-inbox-b2', 'paid'], ['notice-intent-inbox-b3', 'paid'], ['notice-late-cancel', 'ignored'],
    ]);
    expect(new Set(notices.map((notice) => notice.transaction)).size).toBe(1);
    for (const { customerId, intentId, payment } of payments) {
      expect((await getOnlinePayment(t.deps, customerId, intentId)).status).toBe('paid');
      expect((await paymentsOf(payment.providerPaymentId)).map((row) => [row.amount_cents, row.customer_id])).toEqual([[payment.amountCents, customerId]]);
      await expectOpenItemsConsistent(db, customerId);
    }
  });

  it('BIL-15: two appliers at once (as two processes) never apply the same notice: each payment once', async () => {
    const payments = await Promise.all(Array.from({ length: 6 }, (_, index) => startedPayment(`inbox-two${index}`, 700 + index)));
    for (const { payment } of payments) {
      const notice = paidNotice(payment, `notice-${payment.intentId}`);
      await receiveProviderNotice(t.deps, 'demo', notice.body, { [SIGNATURE_HEADER]: notice.signature });
    }
    const [one, two] = await Promise.all([applyPendingNotices(t.deps, 2), applyPendingNotices(t.deps, 2)]);
    expect([one!.notices + two!.notices, one!.paid + two!.paid, one!.failed + two!.failed]).toEqual([6, 6, 0]);
    for (const { customerId, intentId, payment } of payments) {
      expect((await getOnlinePayment(t.deps, customerId, intentId)).status).toBe('paid');
      expect(await paymentsOf(payment.providerPaymentId)).toHaveLength(1);
    }
  });

  it('BIL-15: a notice left pending (no applier woken) is applied by the job on its next tick', async () => {
    const { customerId, intentId, payment } = await startedPayment('inbox-job', 2500);
    const notice = paidNotice(payment, 'notice-job');
    await receiveProviderNotice(t.deps, 'demo', notice.body, { [SIGNATURE_HEADER]: notice.signature });
    expect((await getOnlinePayment(t.deps, customerId, intentId)).status).toBe('started');
    const job = PAYMENT_NOTICE_JOBS.find((candidate) => candidate.name === 'payments.apply-notices')!;
    expect(job.every).toBe('tick');
    await job.run(t.deps, { info: () => {} });
    expect((await getOnlinePayment(t.deps, customerId, intentId)).status).toBe('paid');
    expect(await paymentsOf(payment.providerPaymentId)).toHaveLength(1);
  });

  it('BIL-15: a notice that cannot be applied holds up no other: the batch falls back to one notice at a time, the bad one keeps its error until the job applies it', async () => {
    const good = await startedPayment('inbox-good', 1500);
    const bad = await startedPayment('inbox-bad', 1600);
    for (const { payment } of [bad, good]) {
      const notice = paidNotice(payment, `notice-${payment.intentId}`);
      await receiveProviderNotice(t.deps, 'demo', notice.body, { [SIGNATURE_HEADER]: notice.signature });
    }
    // the bad one's payment cannot be stored (as if a check of the ledger refused it)
    await sql`CREATE FUNCTION refuse_bad_payment() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.reference = 'demo:demo-inbox-bad' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`.execute(db);
    await sql`CREATE TRIGGER refuse_bad_payment BEFORE INSERT ON payments FOR EACH ROW EXECUTE FUNCTION refuse_bad_payment()`.execute(db);
    try {
      expect(await applyPendingNotices(t.deps)).toEqual({ notices: 1, paid: 1, ignored: 0, failed: 1 });
      expect((await getOnlinePayment(t.deps, good.customerId, good.intentId)).status).toBe('paid');
      expect(await noticesOf(bad.intentId)).toMatchObject([{ applied_at: null, outcome: null, error: expect.stringContaining('refused for the test') }]);
      // the woken applier leaves it to the job
      expect(await applyPendingNotices(t.deps)).toEqual({ notices: 0, paid: 0, ignored: 0, failed: 0 });
    } finally {
      await sql`DROP TRIGGER refuse_bad_payment ON payments`.execute(db);
      await sql`DROP FUNCTION refuse_bad_payment()`.execute(db);
    }
    // the back office sees it, with why
    expect(await listWaitingNotices(db)).toMatchObject({
      waiting: 1, failed: 1, notices: [{ noticeId: `notice-${bad.intentId}`, customerId: bad.customerId, amountCents: 1600, status: 'paid', error: expect.stringContaining('refused for the test') }],
    });
    await PAYMENT_NOTICE_JOBS.find((candidate) => candidate.name === 'payments.apply-notices')!.run(t.deps, { info: () => {} });
    expect((await getOnlinePayment(t.deps, bad.customerId, bad.intentId)).status).toBe('paid');
    expect(await listWaitingNotices(db)).toEqual({ waiting: 0, failed: 0, notices: [] });
    expect(await noticesOf(bad.intentId)).toMatchObject([{ outcome: 'paid', error: null }]);
    expect(await paymentsOf(bad.payment.providerPaymentId)).toHaveLength(1);
  });

  it('BIL-15: notices arriving at the same moment are stored together, each answered for itself: the same notice twice is stored once, an unknown payment is 404 and another amount 400, and these store nothing', async () => {
    const payments = await Promise.all(['group-1', 'group-2', 'group-3'].map((key, index) => startedPayment(key, 2000 + index)));
    const [one, two, three] = payments.map(({ payment }) => payment);
    const cancelled = demoNotice(secret, three!, 'cancelled', t.deps.clock.now(), 'notice-group-3', t.deps.clock.now());
    const sent = [
      paidNotice(one!, 'notice-group-1'), paidNotice(two!, 'notice-group-2'), paidNotice(one!, 'notice-group-1'),
      paidNotice({ ...two!, intentId: 'intent-no-such' }, 'notice-group-unknown'), paidNotice({ ...two!, amountCents: 1 }, 'notice-group-amount'), cancelled,
    ];
    const answers = await Promise.all(sent.map((notice) => postNotice(notice)));
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 404, 400, 200]);
    expect(answers.map((answer) => answer.json().applied)).toEqual([true, true, false, undefined, undefined, true]);
    expect(answers[4]!.json().error.details.field).toBe('amountCents');
    const stored = await db.selectFrom('payment_notices').select('notice_id')
      .where('intent_id', 'in', [...payments.map((p) => p.intentId), 'intent-no-such']).orderBy('seq').execute();
    expect(stored.map((row) => row.notice_id)).toEqual(['notice-group-1', 'notice-group-2', 'notice-group-3']);
    await wakeNoticeApplier(t.deps);
    expect(await Promise.all(payments.map(({ customerId, intentId }) => getOnlinePayment(t.deps, customerId, intentId).then((view) => view.status))))
      .toEqual(['paid', 'paid', 'cancelled']);
    expect((await paymentsOf(one!.providerPaymentId)).map((row) => row.amount_cents)).toEqual([2000]);
  });

  it('BIL-15: a notice that cannot be stored fails only itself: its group is stored again one notice at a time', async () => {
    const payments = await Promise.all(['alone-1', 'alone-2', 'alone-3'].map((key) => startedPayment(key, 3000)));
    await sql`CREATE FUNCTION refuse_bad_notice() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.notice_id = 'notice-alone-2' THEN RAISE EXCEPTION 'refused for the test'; END IF; RETURN NEW; END $$`.execute(db);
    await sql`CREATE TRIGGER refuse_bad_notice BEFORE INSERT ON payment_notices FOR EACH ROW EXECUTE FUNCTION refuse_bad_notice()`.execute(db);
    try {
      const answers = await Promise.all(payments.map(({ payment }, index) => postNotice(paidNotice(payment, `notice-alone-${index + 1}`))));
      expect(answers.map((answer) => answer.statusCode)).toEqual([200, 500, 200]);
    } finally {
      await sql`DROP TRIGGER refuse_bad_notice ON payment_notices`.execute(db);
      await sql`DROP FUNCTION refuse_bad_notice()`.execute(db);
    }
    expect((await db.selectFrom('payment_notices').select('notice_id').where('notice_id', 'like', 'notice-alone-%').orderBy('seq').execute())
      .map((row) => row.notice_id)).toEqual(['notice-alone-1', 'notice-alone-3']);
    await wakeNoticeApplier(t.deps);
  });

  it('BIL-15: while one statement stores a notice, the notices that arrive meanwhile wait and are stored by the next one, in the order received', async () => {
    const payments = await Promise.all(['wait-1', 'wait-2', 'wait-3', 'wait-4'].map((key) => startedPayment(key, 900)));
    const receivedAt = t.deps.clock.now();
    // asked for in one go, as concurrent requests do: the first statement starts at once, the other three queue behind it
    const stored = await Promise.all(payments.map(({ payment }, index) => storeNotice(db, {
      provider: 'demo', rawBody: '{}', receivedAt,
      notice: { noticeId: `notice-wait-${index + 1}`, providerPaymentId: payment.providerPaymentId, intentId: payment.intentId, status: 'paid', amountCents: 900, paidAt: null },
    })));
    expect(stored).toEqual(payments.map(() => ({ intent: { amountCents: 900, status: 'started' }, taken: true })));
    const rows = await db.selectFrom('payment_notices').select(['notice_id', sql<string>`xmin::text`.as('transaction')])
      .where('notice_id', 'like', 'notice-wait-%').orderBy('seq').execute();
    expect(rows.map((row) => row.notice_id)).toEqual(['notice-wait-1', 'notice-wait-2', 'notice-wait-3', 'notice-wait-4']);
    const [first, ...rest] = rows.map((row) => row.transaction);
    expect([rest.every((transaction) => transaction === rest[0]), rest[0] === first]).toEqual([true, false]);
    await wakeNoticeApplier(t.deps);
  });

  it('BIL-15: a forged notice (401), one for an unknown payment (404) or for another amount (400 amountCents) stores nothing', async () => {
    const { payment } = await startedPayment('inbox-wrong', 4000);
    const before = await moneyTables();
    const forged = await postNotice(demoNotice('not-the-secret', payment, 'paid', t.deps.clock.now(), 'notice-forged', t.deps.clock.now()));
    expect([forged.statusCode, forged.json().error.code]).toEqual([401, 'NOTICE_REJECTED']);
    const unknown = await postNotice(paidNotice({ ...payment, intentId: 'intent-no-such' }, 'notice-unknown'));
    expect(unknown.statusCode).toBe(404);
    const otherAmount = await postNotice(paidNotice({ ...payment, amountCents: 3999 }, 'notice-amount'));
    expect([otherAmount.statusCode, otherAmount.json().error.details.field]).toEqual([400, 'amountCents']);
    expect(await moneyTables()).toEqual(before);
  });
});
