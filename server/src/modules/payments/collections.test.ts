import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.js';
import { addBilledCustomer, addTariff, billContractWith } from '../../test/billing-fixtures.js';
import { SYSTEM_ACTOR, type Actor } from '../audit/index.js';
import { runBilling } from '../billing/index.js';
import { assignPayment, recordStaffPayment } from './payments.service.js';
import { sendPaymentReminders, suspendLatePayers } from './payment-reminders.service.js';
import { listCollections, restoreByStaff, suspendByStaff, terminateByStaff } from './collections.service.js';
import { serviceSuspension } from './index.js';
import { importStatement } from './statement-import.service.js';
import { issueCreditNote } from '../billing/invoice-corrections.service.js';
import { demoNotice, SIGNATURE_HEADER } from './demo-payment-provider.js';
import { wakeNoticeApplier } from './payment-notice-inbox.js';
import { startOnlinePayment } from './online-payments.service.js';
import { restorePaidServices } from './service-suspensions.service.js';

/**
 * BIL-11, BIL-12 moved through days with the clock. Each customer has one contract with a 100.00 € monthly fee +
 * 21 % VAT: February's invoice is 121.00 €, issued 2 March 2026 and due 16 March (a Monday). The demo profile
 * reminds 5 days after the due day and suspends 7 days after the reminder.
 */
const t = await createTestApp({ seed: false });
afterAll(async () => { await t.close(); });
const db = t.deps.db;
const STAFF: Actor = { userId: null, role: 'customer_service', ip: '127.0.0.1' };

beforeAll(async () => {
  await addTariff(db, 'fee', { lv: 'Abonements', en: 'Subscription', ru: 'Абонемент' }, [
    { validFrom: '2025-01-01', elements: [{ priceComponents: [{ type: 'MONTHLY_FEE', price: '100.000000', vatPercent: '21', stepSize: 1 }] }] },
  ]);
});

async function customerOnFee(key: string, language = 'lv') {
  const customer = await addBilledCustomer(db, key, { language });
  await billContractWith(db, customer, 'fee', { object: false });
  return customer;
}

async function billFebruary() {
  await db.updateTable('billing_runs').set({ status: 'failed' }).where('period', '=', '2026-02').execute();
  t.clock.set('2026-03-02T06:00:00Z');
  await runBilling(t.deps, { period: '2026-02', actor: SYSTEM_ACTOR });
}

const on = (day: string) => t.clock.set(`${day}T09:00:00Z`);
const mailsTo = async (key: string) => (await db.selectFrom('outbox_emails').select(['subject', 'body_text'])
  .where('to_address', '=', `${key}@billing.example`).orderBy('created_at').execute());
const contractStatus = async (contractId: string) => (await db.selectFrom('contracts').select('status').where('id', '=', contractId).executeTakeFirstOrThrow()).status;
const remindersOf = (customerId: string) => db.selectFrom('payment_reminders').selectAll().where('customer_id', '=', customerId).execute();
const auditOf = async (customerId: string, action: string) => (await db.selectFrom('audit_events').select('action')
  .where('customer_id', '=', customerId).where('action', '=', action).execute()).length;

describe('reminders, suspension and restore (BIL-11)', () => {
  it('BIL-11: reminded once on day 5 after the due day, suspended 7 days after the reminder, restored at once when the overdue debt is paid', async () => {
    const customer = await customerOnFee('late11');
    await billFebruary();

    on('2026-03-20'); // 4 days late: too early
    await sendPaymentReminders(t.deps);
    expect(await remindersOf(customer.customerId)).toHaveLength(0);

    on('2026-03-21'); // 5 days late: 0.15 % × 121.00 € × 5 days = 0.9075 € → 0.91 €
    await sendPaymentReminders(t.deps);
    const reminders = await remindersOf(customer.customerId);
    expect(reminders.map((row) => [row.stage, row.sent_on, row.open_cents])).toEqual([[1, '2026-03-21', 12100]]);
    const [reminder] = await mailsTo('late11');
    expect(reminder!.subject).toContain('atgādinājums');
    expect(reminder!.body_text).toContain(reminders[0]!.invoice_number);
    expect(reminder!.body_text).toContain('Kavētā summa: 121,00 €');
    expect(reminder!.body_text).toContain('līdz šodienai: 0,91 €');
    expect(reminder!.body_text).toContain('LV07HABA0000000000001');
    expect(await db.selectFrom('notices').select('kind').where('customer_id', '=', customer.customerId).where('kind', '=', 'payment_reminder').execute()).toHaveLength(1);

    // a second run that day, a retry the next day: nothing more is sent
    await sendPaymentReminders(t.deps);
    on('2026-03-22');
    await sendPaymentReminders(t.deps);
    expect(await remindersOf(customer.customerId)).toHaveLength(1);
    expect(await mailsTo('late11')).toHaveLength(1);
    expect(await auditOf(customer.customerId, 'payments.reminder_sent')).toBe(1);

    on('2026-03-27'); // 6 days after the reminder
    await suspendLatePayers(t.deps);
    expect(await serviceSuspension(db, customer.customerId)).toBeNull();

    on('2026-03-28'); // 7 days after the reminder
    await suspendLatePayers(t.deps);
    await suspendLatePayers(t.deps); // idempotent
    const suspension = await serviceSuspension(db, customer.customerId);
    expect(suspension).toMatchObject({ reason: 'late_payment', suspendedBy: null, restoredAt: null });
    expect(await contractStatus(customer.contractId)).toBe('suspended');
    expect((await mailsTo('late11')).map((mail) => mail.subject)).toEqual([expect.stringContaining('atgādinājums'), expect.stringContaining('apturēts')]);
    expect(await auditOf(customer.customerId, 'payments.service_suspended')).toBe(1);
    const queue = await listCollections(t.deps);
    expect(queue.customers.find((row) => row.customerId === customer.customerId)).toMatchObject({
      overdueCents: 12100, daysLate: 12, remindersSent: 1, lastReminderOn: '2026-03-21', mayTerminate: true, suspension: { reason: 'late_payment' },
    });

    on('2026-03-30'); // a part paid: 50.00 € of 121.00 € — still suspended
    await recordStaffPayment(t.deps, STAFF, customer.customerId, { amountCents: 5000, receivedOn: '2026-03-30', reference: 'late11-a' });
    expect(await serviceSuspension(db, customer.customerId)).not.toBeNull();

    // the rest, 71.00 €, by bank statement: restored in the same transaction
    await importStatement(t.deps, Readable.from([statementPaying('late11-b', 7100, `Rēķins ${reminders[0]!.invoice_number}`, '2026-03-30')]), STAFF);
    expect(await serviceSuspension(db, customer.customerId)).toBeNull();
    expect(await contractStatus(customer.contractId)).toBe('active');
    const closed = await db.selectFrom('service_suspensions').selectAll().where('customer_id', '=', customer.customerId).executeTakeFirstOrThrow();
    expect(closed.restore_cause).toBe('paid');
    expect((await mailsTo('late11')).at(-1)!.subject).toContain('atjaunots');
    expect(await auditOf(customer.customerId, 'payments.service_restored')).toBe(1);

    on('2026-04-06'); // paid: not suspended again
    await suspendLatePayers(t.deps);
    expect(await serviceSuspension(db, customer.customerId)).toBeNull();
  });

  it('BIL-11: the reminder is in the customer\'s language (English)', async () => {
    await customerOnFee('late11en', 'en');
    await billFebruary();
    on('2026-03-23');
    await sendPaymentReminders(t.deps);
    const [mail] = await mailsTo('late11en');
    expect(mail!.subject).toContain('reminder of an unpaid invoice');
    // 7 days: 0.15 % × 121.00 € × 7 = 1.2705 € → 1.27 €
    expect(mail!.body_text).toContain('Overdue: €121.00. Late interest to date: €1.27');
  });

  it('BIL-11: a payment allocated by staff from the unmatched queue restores the service', async () => {
    const customer = await customerOnFee('late11q');
    await billFebruary();
    on('2026-03-25');
    await suspendByStaff(t.deps, STAFF, customer.customerId, { reason: 'late_payment', note: 'called, no answer' });
    expect(await contractStatus(customer.contractId)).toBe('suspended');
    await importStatement(t.deps, Readable.from([statementPaying('late11q-1', 12100, 'par elektrību', '2026-03-25')]), STAFF);
    expect(await serviceSuspension(db, customer.customerId)).not.toBeNull();
    const waiting = await db.selectFrom('payments').select('id').where('reference', '=', 'late11q-1').executeTakeFirstOrThrow();
    await assignPayment(t.deps, STAFF, waiting.id, { customerNumber: 'B-late11q' });
    expect(await serviceSuspension(db, customer.customerId)).toBeNull();
    expect(await contractStatus(customer.contractId)).toBe('active');
  });

  it('BIL-12: staff suspend without notice on an exceeded limit; paying does not restore it, staff do', async () => {
    const customer = await customerOnFee('limit12');
    on('2026-03-10');
    const status = await suspendByStaff(t.deps, STAFF, customer.customerId, { reason: 'limit_exceeded', note: 'BIL-6 limit 200.00 € exceeded' });
    expect(status.suspension).toMatchObject({ reason: 'limit_exceeded', note: 'BIL-6 limit 200.00 € exceeded' });
    expect(await contractStatus(customer.contractId)).toBe('suspended');
    await expect(suspendByStaff(t.deps, STAFF, customer.customerId, { reason: 'breach', note: 'again' })).rejects.toMatchObject({ code: 'SUSPENDED_ALREADY', status: 409 });
    await recordStaffPayment(t.deps, STAFF, customer.customerId, { amountCents: 20000, receivedOn: '2026-03-10', reference: 'limit12-a' });
    expect(await serviceSuspension(db, customer.customerId)).toMatchObject({ reason: 'limit_exceeded' });
    const restored = await restoreByStaff(t.deps, STAFF, customer.customerId, { note: 'prepaid 200.00 €' });
    expect(restored.suspension).toBeNull();
    expect(restored.history[0]).toMatchObject({ reason: 'limit_exceeded', restoreCause: 'staff' });
    expect(await contractStatus(customer.contractId)).toBe('active');
    await expect(restoreByStaff(t.deps, STAFF, customer.customerId, { note: 'twice' })).rejects.toMatchObject({ code: 'NOT_SUSPENDED', status: 409 });
  });

  it('BIL-11: a customer staff restored while still late is not suspended again for the same reminder', async () => {
    const customer = await customerOnFee('late11r');
    await billFebruary();
    on('2026-03-21');
    await sendPaymentReminders(t.deps);
    on('2026-03-28');
    await suspendLatePayers(t.deps);
    expect(await serviceSuspension(db, customer.customerId)).not.toBeNull();
    on('2026-03-29');
    await restoreByStaff(t.deps, STAFF, customer.customerId, { note: 'promised to pay on Friday' });
    on('2026-03-30');
    await suspendLatePayers(t.deps);
    expect(await serviceSuspension(db, customer.customerId)).toBeNull();
  });
});

describe('restored whatever way the debt is paid (BIL-11)', () => {
  it('BIL-11, BIL-15: the online payment provider\'s notice restores the service in the transaction that applies it', async () => {
    const customer = await customerOnFee('late11o');
    await billFebruary();
    on('2026-03-25');
    await suspendByStaff(t.deps, STAFF, customer.customerId, { reason: 'late_payment', note: 'reminded by phone' });
    const started = await startOnlinePayment(t.deps, { userId: null, role: 'user', ip: null }, customer.customerId, {});
    expect(started.amountCents).toBe(12100);
    const providerPaymentId = started.redirectUrl!.split('/').at(-1)!;
    const notice = demoNotice(t.deps.config.paymentNoticeSecret, { providerPaymentId, intentId: started.id, amountCents: 12100 }, 'paid', t.clock.now(), undefined, t.clock.now());
    const answer = await t.app.inject({
      method: 'POST', url: '/api/payments/notices/demo', payload: notice.body, headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: notice.signature },
    });
    expect(answer.statusCode, answer.body).toBe(200);
    await wakeNoticeApplier(t.deps); // the notice is applied just after the answer, with any others pending
    expect(await serviceSuspension(db, customer.customerId)).toBeNull();
    expect(await contractStatus(customer.contractId)).toBe('active');
  });

  it('BIL-11: a credit note that clears the overdue debt restores the service at the next hourly check', async () => {
    const customer = await customerOnFee('late11c');
    await billFebruary();
    on('2026-03-25');
    await suspendByStaff(t.deps, STAFF, customer.customerId, { reason: 'late_payment', note: 'reminded by phone' });
    const invoice = await db.selectFrom('invoices').select('id').where('customer_id', '=', customer.customerId).where('kind', '=', 'invoice').executeTakeFirstOrThrow();
    await issueCreditNote(t.deps, STAFF, invoice.id, { reason: 'fee charged in error', lines: [{ description: 'Abonements', netCents: 10000, vatPercent: '21' }] });
    expect(await serviceSuspension(db, customer.customerId)).not.toBeNull();
    expect(await db.transaction().execute((trx) => restorePaidServices(t.deps, trx))).toContain(customer.customerId);
    expect(await serviceSuspension(db, customer.customerId)).toBeNull();
  });
});

describe('operator termination after 10 days of delay (BIL-12)', () => {
  it('BIL-12: refused 9 days late, given 10 days late with 5 working days\' notice', async () => {
    const customer = await customerOnFee('end12');
    await billFebruary();
    on('2026-03-25'); // due 16 March: 9 days late
    await expect(terminateByStaff(t.deps, STAFF, customer.customerId, customer.contractId, { givenBy: 'operator', reason: 'late payment' }))
      .rejects.toMatchObject({ code: 'NOT_LATE_ENOUGH', status: 409, details: { daysLate: 9, required: 10 } });
    expect((await db.selectFrom('contracts').select('ends_on').where('id', '=', customer.contractId).executeTakeFirstOrThrow()).ends_on).toBeNull();
    on('2026-03-26'); // 10 days late; Fri 27, Mon 30, Tue 31, Wed 1, Thu 2 April
    const notice = await terminateByStaff(t.deps, STAFF, customer.customerId, customer.contractId, { givenBy: 'operator', reason: 'late payment' });
    expect(notice).toMatchObject({ givenBy: 'operator', noticedOn: '2026-03-26', endsOn: '2026-04-02', given: true });
    expect((await mailsTo('end12')).at(-1)!.subject).toContain('uzteikums');
    const queue = await listCollections(t.deps);
    expect(queue.customers.find((row) => row.customerId === customer.customerId)!.endingContracts).toEqual([
      { contractId: customer.contractId, number: 'EB-end12', endsOn: '2026-04-02' },
    ]);
  });
});

/** A camt.053.001.02 statement with one booked credit with this text (an invoice number matches it). */
function statementPaying(reference: string, cents: number, text: string, day: string): string {
  const amount = `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02"><BkToCstmrStmt>
<GrpHdr><MsgId>MSG-${reference}</MsgId><CreDtTm>${day}T18:00:00</CreDtTm></GrpHdr>
<Stmt><Id>STMT-${reference}</Id><CreDtTm>${day}T18:00:00</CreDtTm><Acct><Id><IBAN>LV07HABA0000000000001</IBAN></Id></Acct>
<Ntry><Amt Ccy="EUR">${amount}</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts>BOOK</Sts><BookgDt><Dt>${day}</Dt></BookgDt><ValDt><Dt>${day}</Dt></ValDt>
<AcctSvcrRef>${reference}</AcctSvcrRef><NtryDtls><TxDtls><Refs><AcctSvcrRef>${reference}</AcctSvcrRef></Refs>
<RltdPties><Dbtr><Nm>Pēteris Ābols</Nm></Dbtr></RltdPties><RmtInf><Ustrd>${text}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
</Stmt></BkToCstmrStmt></Document>`;
}
