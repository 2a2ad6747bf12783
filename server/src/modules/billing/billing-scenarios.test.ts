import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.js';
import { fingerprint } from '../../test/table-fingerprint.js';
import { addBilledCustomer, addTariff, billContractWith, DAY_NIGHT, putHourlyDay, type BilledCustomer } from '../../test/billing-fixtures.js';
import { SYSTEM_ACTOR } from '../audit/index.js';
import { runBilling } from './billing-run.service.js';
import { addCorrection, issueCreditNote, voidInvoice } from './invoice-corrections.service.js';
import { recordStaffPayment } from '../payments/payments.service.js';
import { customerBalance } from './ledger.js';
import { deliverIssuedInvoices } from './invoice-delivery.service.js';
import { markInvoicePrinted, searchInvoices } from './invoices.service.js';

/**
 * The monthly billing run moved through months with the clock, every amount written out by hand to the cent.
 * The customer's tariff: day zone 07:00–23:00 Riga time, night otherwise, a 2.00 € monthly fee, all + 21 % VAT;
 * version 1 from 2025-01-01 (day 0.15, night 0.10 €/kWh), version 2 from 2026-03-15 (day 0.18, night 0.12).
 */
const t = await createTestApp();
afterAll(async () => { await t.close(); });
const db = t.deps.db;
let customer: BilledCustomer;

beforeAll(async () => {
  await addTariff(db, 'home', { lv: 'Mājas', en: 'Home', ru: 'Дом' }, [
    { validFrom: '2025-01-01', elements: DAY_NIGHT('0.150000', '0.100000', '2.000000') },
    { validFrom: '2026-03-15', elements: DAY_NIGHT('0.180000', '0.120000', '2.000000') },
  ]);
  customer = await addBilledCustomer(db, '1');
  await billContractWith(db, customer, 'home');
  // 1 kWh every hour on three days of March: the 10th (version 1), the 20th and the 29th (version 2, 23 hours)
  for (const day of ['2026-03-10', '2026-03-20', '2026-03-29']) await putHourlyDay(db, customer.meterId, day, 1000);
  await putHourlyDay(db, customer.meterId, '2026-04-10', 1000);
});

const invoiceOf = (period: string) => db.selectFrom('invoices').selectAll()
  .where('customer_id', '=', customer.customerId).where('period', '=', period).where('kind', '=', 'invoice').where('status', '=', 'issued')
  .executeTakeFirstOrThrow();
const linesOf = async (invoiceId: string) => (await db.selectFrom('invoice_lines').select(['line_number', 'source', 'quantity', 'unit_price', 'net_cents'])
  .where('invoice_id', '=', invoiceId).orderBy('line_number').execute()).map((line) => [line.source, line.quantity, line.unit_price, line.net_cents]);

describe('the monthly billing run, month by month', () => {
  it('BIL-8, BIL-3, BIL-1: March across a tariff change and the 23-hour day, less an advance payment', async () => {
    t.clock.set('2026-03-25T09:00:00Z');
    await recordStaffPayment(t.deps, SYSTEM_ACTOR, customer.customerId, { amountCents: 1000, receivedOn: '2026-03-25', reference: 'ADV-1' });
    t.clock.set('2026-04-05T06:00:00Z');
    const run = await runBilling(t.deps, { period: '2026-03', actor: SYSTEM_ACTOR });
    expect(run.status).toBe('done');

    const invoice = await invoiceOf('2026-03');
    expect(invoice.number).toBe('DE-2026-000001');
    expect(invoice.issue_date).toBe('2026-04-05');
    // 5 April + 14 days = Sunday 19 April → Monday 20 April (BIL-4)
    expect(invoice.due_date).toBe('2026-04-20');
    expect(await linesOf(invoice.id)).toEqual([
      // the 10th, version 1: 16 day hours (07–23) × 1 kWh × 0.15 = 2.40 €; 8 night hours × 0.10 = 0.80 €
      ['energy', '16.000', '0.150000', 240],
      ['energy', '8.000', '0.100000', 80],
      // the 20th and the 23-hour 29th, version 2: 16 + 16 day hours × 0.18 = 5.76 €;
      // night 00–07 and 23–24: 8 hours on the 20th, 7 on the 29th (02:00 is followed by 04:00) × 0.12 = 1.80 €
      ['energy', '32.000', '0.180000', 576],
      ['energy', '15.000', '0.120000', 180],
      // the monthly fee by days of each version, 2.00 € / 31 = 0.064516 € a day:
      // 2.00 × 14/31 = 0.9032… → 0.90 €; 2.00 × 17/31 = 1.0967… → 1.10 €
      ['fixed_fee', '14', '0.064516', 90],
      ['fixed_fee', '17', '0.064516', 110],
    ]);
    // each version's lines cover its days of the month (BIL-8)
    const periods = await db.selectFrom('invoice_lines').select(['period_start', 'period_end']).where('invoice_id', '=', invoice.id).orderBy('line_number').execute();
    expect(periods.map((line) => `${line.period_start}…${line.period_end}`)).toEqual([
      '2026-03-01…2026-03-14', '2026-03-01…2026-03-14', '2026-03-15…2026-03-31', '2026-03-15…2026-03-31', '2026-03-01…2026-03-14', '2026-03-15…2026-03-31',
    ]);
    // net 12.76 €; VAT 21 % of 12.76 = 2.6796 → 2.68 €; gross 15.44 €; the 10.00 € advance leaves 5.44 € to pay
    expect([invoice.net_cents, invoice.vat_cents, invoice.gross_cents, invoice.prepaid_cents, invoice.payable_cents]).toEqual([1276, 268, 1544, 1000, 544]);
    expect(invoice.payment_reference).toMatch(/^RF\d{2}2026000001$/);
    expect(await customerBalance(db, customer.customerId)).toBe(544);
  });

  it('BIL-1, BIL-2: the invoice is e-mailed with its PDF the day it is issued (by the 15th), once', async () => {
    t.mail.messages.length = 0;
    expect(await deliverIssuedInvoices(t.deps)).toBe(1);
    const [mail] = t.mail.messages.filter((message) => message.to === '1@billing.example');
    expect(mail.subject).toBe('Rēķins DE-2026-000001');
    expect(mail.text).toContain('5,44 €');
    expect(mail.attachments.map((file) => [file.fileName, file.contentType])).toEqual([['DE-2026-000001.pdf', 'application/pdf']]);
    expect(await deliverIssuedInvoices(t.deps)).toBe(0);
    expect((await invoiceOf('2026-03')).delivered_at).toEqual(t.clock.now());
  });

  it('BIL-1: the run started again (or by a second process) changes nothing', async () => {
    const before = await fingerprint(db);
    await Promise.all([
      runBilling(t.deps, { period: '2026-03', actor: SYSTEM_ACTOR }),
      runBilling(t.deps, { period: '2026-03', actor: SYSTEM_ACTOR }),
    ]);
    expect(await fingerprint(db)).toEqual(before);
  });

  it('refuses a month that is not over, naming the field', async () => {
    await expect(runBilling(t.deps, { period: '2026-04', actor: SYSTEM_ACTOR })).rejects.toMatchObject({ code: 'PERIOD_NOT_OVER', status: 409 });
    await expect(runBilling(t.deps, { period: '2026-13', actor: SYSTEM_ACTOR })).rejects.toMatchObject({ status: 400, details: { field: 'period' } });
  });

  it('BIL-3, BIL-7: a credit note and a correction are carried into the next invoice', async () => {
    t.clock.set('2026-04-20T09:00:00Z');
    const march = await invoiceOf('2026-03');
    // 5.00 € + 21 % = 6.05 € credited: the customer owed 5.44 €, so it now holds 0.61 € of credit
    await issueCreditNote(t.deps, SYSTEM_ACTOR, march.id, { reason: 'Claim of 2026-04-15', lines: [{ description: 'Korekcija', netCents: 500, vatPercent: '21' }] });
    const note = await db.selectFrom('invoices').selectAll().where('kind', '=', 'credit_note').executeTakeFirstOrThrow();
    expect([note.number, note.gross_cents, note.payable_cents, note.corrects_invoice_id]).toEqual(['DEK-2026-000001', 605, 605, march.id]);
    expect(await customerBalance(db, customer.customerId)).toBe(-61);
    // BIL-7: a justified claim's correction of −1.00 € goes into the next period's invoice
    await addCorrection(t.deps, SYSTEM_ACTOR, customer.customerId, { description: 'Pārrēķins', netCents: -100, vatPercent: '21', reason: 'Meter read wrong', correctsInvoiceId: march.id });

    t.clock.set('2026-05-05T06:00:00Z');
    await runBilling(t.deps, { period: '2026-04', actor: SYSTEM_ACTOR });
    const april = await invoiceOf('2026-04');
    expect(april.number).toBe('DE-2026-000002');
    expect(await linesOf(april.id)).toEqual([
      ['energy', '16.000', '0.180000', 288], // 16 day hours of the 10th × 0.18
      ['energy', '8.000', '0.120000', 96], // 8 night hours × 0.12
      ['fixed_fee', '1', '2.000000', 200], // the whole month on one version
      ['correction', '-1', '1.000000', -100],
    ]);
    // net 4.84 €; VAT 21 % = 1.0164 → 1.02 €; gross 5.86 €; the 0.61 € credit is used: 5.25 € to pay
    expect([april.net_cents, april.vat_cents, april.gross_cents, april.prepaid_cents, april.payable_cents]).toEqual([484, 102, 586, 61, 525]);
    expect(await customerBalance(db, customer.customerId)).toBe(525);
  });

  it('BIL-2: a change of channel applies from the next invoice; post is a paid line, "portal only" is a notice without e-mail', async () => {
    // the April invoice was issued for e-mail; the customer now asks for paper post
    await db.updateTable('customers').set({ invoice_channel: 'post' }).where('id', '=', customer.customerId).execute();
    expect((await invoiceOf('2026-04')).delivery_channel).toBe('email');
    // April's 5.25 € paid on time (a late one would add its interest line to May's, BIL-10)
    t.clock.set('2026-05-15T09:00:00Z');
    await recordStaffPayment(t.deps, SYSTEM_ACTOR, customer.customerId, { amountCents: 525, receivedOn: '2026-05-15', reference: 'PAY-APRIL' });
    t.clock.set('2026-06-05T06:00:00Z');
    await runBilling(t.deps, { period: '2026-05', actor: SYSTEM_ACTOR });
    const may = await invoiceOf('2026-05');
    expect([may.delivery_channel, may.delivery_address]).toEqual(['post', 'Ozolu iela 1, Rīga, LV-1010']);
    // the monthly fee and the post service at the operator's 1.50 € (+ 21 %)
    expect(await linesOf(may.id)).toEqual([['fixed_fee', '1', '2.000000', 200], ['service', '1', '1.500000', 150]]);
    await db.updateTable('customers').set({ invoice_channel: 'portal' }).where('id', '=', customer.customerId).execute();
    t.clock.set('2026-07-05T06:00:00Z');
    await runBilling(t.deps, { period: '2026-06', actor: SYSTEM_ACTOR });
    t.mail.messages.length = 0;
    await deliverIssuedInvoices(t.deps);
    const june = await invoiceOf('2026-06');
    // the April invoice and the credit note, issued for e-mail, went out by e-mail; June's only into the portal
    expect(t.mail.messages.map((message) => message.subject).sort()).toEqual(['Kredītrēķins DEK-2026-000001', 'Rēķins DE-2026-000002']);
    expect(june.delivered_at).not.toBeNull();
    const notice = await db.selectFrom('notices').select(['title']).where('customer_id', '=', customer.customerId).where('kind', '=', 'invoice_issued')
      .where('title', '=', `Rēķins ${june.number}`).executeTakeFirst();
    expect(notice).toBeDefined();
    // paper post is printed from the back office, not e-mailed: it waits in the print list until marked printed
    expect((await invoiceOf('2026-05')).delivered_at).toBeNull();
    expect((await searchInvoices(t.deps, { toPrint: true })).map((row) => row.number)).toEqual([may.number]);
    await markInvoicePrinted(t.deps, may.id);
    expect((await invoiceOf('2026-05')).delivered_at).toEqual(t.clock.now());
    expect(await searchInvoices(t.deps, { toPrint: true })).toEqual([]);
    await db.updateTable('customers').set({ invoice_channel: 'email' }).where('id', '=', customer.customerId).execute();
  });

  it('BIL-4: due on 18 November (a holiday) → 19 November; on Christmas Eve → 28 December', async () => {
    t.clock.set('2026-11-04T06:00:00Z');
    await runBilling(t.deps, { period: '2026-10', actor: SYSTEM_ACTOR });
    expect((await invoiceOf('2026-10')).due_date).toBe('2026-11-19');
    t.clock.set('2026-12-10T06:00:00Z');
    await runBilling(t.deps, { period: '2026-11', actor: SYSTEM_ACTOR });
    // 10 December + 14 = Thursday 24 December; 25, 26 (Saturday), 27 (Sunday) → Monday 28 December
    expect((await invoiceOf('2026-11')).due_date).toBe('2026-12-28');
  });

  it('voiding keeps the number, reverses the amount and reissues from the same charges', async () => {
    t.clock.set('2026-12-11T09:00:00Z');
    const november = await invoiceOf('2026-11');
    const balanceBefore = await customerBalance(db, customer.customerId);
    const { id: reissuedId } = await voidInvoice(t.deps, SYSTEM_ACTOR, november.id, { reason: 'Wrong address', reissue: true });
    const voided = await db.selectFrom('invoices').selectAll().where('id', '=', november.id).executeTakeFirstOrThrow();
    expect([voided.status, voided.number]).toEqual(['void', november.number]);
    const reissued = await db.selectFrom('invoices').selectAll().where('id', '=', reissuedId!).executeTakeFirstOrThrow();
    expect(reissued.replaces_invoice_id).toBe(november.id);
    expect(reissued.number).not.toBe(november.number);
    expect([reissued.gross_cents, reissued.period]).toEqual([november.gross_cents, '2026-11']);
    expect(await linesOf(reissued.id)).toEqual(await linesOf(november.id));
    // −gross for the void, +gross for the reissue: the balance is what it was
    expect(await customerBalance(db, customer.customerId)).toBe(balanceBefore);
    await expect(voidInvoice(t.deps, SYSTEM_ACTOR, november.id, { reason: 'again', reissue: false })).rejects.toMatchObject({ code: 'INVOICE_VOID' });
  });

  it('the invoice numbers of each series have no gaps', async () => {
    const rows = await db.selectFrom('invoices').select(['series', 'sequence']).orderBy('series').orderBy('sequence').execute();
    const bySeries = new Map<string, number[]>();
    for (const row of rows) bySeries.set(row.series, [...(bySeries.get(row.series) ?? []), row.sequence]);
    for (const sequences of bySeries.values()) expect(sequences).toEqual(sequences.map((_, index) => index + 1));
    expect([...bySeries.keys()].sort()).toEqual(['DE-2026', 'DEK-2026']);
  });
});
