import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ublSchemaErrors } from '../../test/ubl-schema.js';
import { createTestApp } from '../../test/test-app.js';
import { addBilledCustomer, addTariff, billContractWith } from '../../test/billing-fixtures.js';
import { expectOpenItemsConsistent } from '../../test/ledger-invariants.js';
import { SYSTEM_ACTOR } from '../audit/index.js';
import { runBilling, spendingAllowance } from '../billing/index.js';
import { setMoneyLimit } from '../billing/money-limits.service.js';
import { invoicePdf, invoiceXml } from '../billing/invoice-files.service.js';
import { customerBalance, listCustomerPayments } from './customer-payments.service.js';
import { recordStaffPayment, reversePayment } from './payments.service.js';

/**
 * Payments moved through months with the clock, every amount written out by hand to the cent. Each customer has
 * one contract with a 100.00 € monthly fee + 21 % VAT: every month's own charge is 121.00 €. Invoices are issued on
 * the 2nd of the next month with a 14-day term; late interest is 0.15 % a day (BIL-10).
 */
const t = await createTestApp({ seed: false });
afterAll(async () => { await t.close(); });
const db = t.deps.db;

beforeAll(async () => {
  await addTariff(db, 'fee', { lv: 'Abonements', en: 'Subscription', ru: 'Абонемент' }, [
    { validFrom: '2025-01-01', elements: [{ priceComponents: [{ type: 'MONTHLY_FEE', price: '100.000000', vatPercent: '21', stepSize: 1 }] }] },
  ]);
});

async function customerOnFee(key: string) {
  const customer = await addBilledCustomer(db, key);
  await billContractWith(db, customer, 'fee', { object: false });
  return customer.customerId;
}

/**
 * Each test bills a customer of its own, in months an earlier test may have billed: the month's finished run is
 * reopened and resumed, which bills the customers added since with the run's first issue day and leaves the
 * invoices already issued as they are (one per customer and month).
 */
async function bill(period: string, issueDay: string) {
  await db.updateTable('billing_runs').set({ status: 'failed' }).where('period', '=', period).execute();
  t.clock.set(`${issueDay}T06:00:00Z`);
  await runBilling(t.deps, { period, actor: SYSTEM_ACTOR });
}

const invoiceOf = (customerId: string, period: string) => db.selectFrom('invoices').selectAll()
  .where('customer_id', '=', customerId).where('period', '=', period).where('kind', '=', 'invoice').executeTakeFirstOrThrow();
const linesOf = async (invoiceId: string) => (await db.selectFrom('invoice_lines').select(['source', 'net_cents', 'vat_category'])
  .where('invoice_id', '=', invoiceId).orderBy('line_number').execute()).map((line) => `${line.source} ${line.net_cents} ${line.vat_category}`);

async function pay(customerId: string, amountCents: number, receivedOn: string, reference: string) {
  t.clock.set(`${receivedOn}T12:00:00Z`);
  return recordStaffPayment(t.deps, SYSTEM_ACTOR, customerId, { amountCents, receivedOn, reference });
}

describe('late payment (BIL-10, BIL-4)', () => {
  it('BIL-10: 121.00 € due 16 March, paid 26 March: 10 days, 1.82 € of interest as its own line on the next invoice', async () => {
    const customerId = await customerOnFee('late');
    await bill('2026-02', '2026-03-02');
    const february = await invoiceOf(customerId, '2026-02');
    // 2 March + 14 days = Monday 16 March
    expect([february.due_date, february.gross_cents]).toEqual(['2026-03-16', 12100]);

    await pay(customerId, 12100, '2026-03-26', 'late-1');
    expect((await customerBalance(t.deps, customerId)).openInvoices).toEqual([]);
    await bill('2026-03', '2026-04-02');
    const march = await invoiceOf(customerId, '2026-03');
    // 17–26 March: 10 days × 12,100 cents = 121,000 cent-days × 0.0015 = 181.5 → 182 cents (half-up, once)
    expect(await linesOf(march.id)).toEqual(['fixed_fee 10000 S', 'late_interest 182 E']);
    // VAT 21 % on the fee only; interest is outside VAT: 100.00 + 21.00 + 1.82
    expect([march.net_cents, march.vat_cents, march.gross_cents]).toEqual([10182, 2100, 12282]);
    await expectOpenItemsConsistent(db, customerId);
  });

  it('BIL-10: unpaid, the interest grows day by day and shows on the open invoice', async () => {
    const customerId = await customerOnFee('grows');
    await bill('2026-02', '2026-03-02');
    t.clock.set('2026-03-20T12:00:00Z');
    const balance = await customerBalance(t.deps, customerId);
    // 17–20 March: 4 days × 12,100 = 48,400 cent-days × 0.0015 = 72.6 → 73 cents
    expect(balance.openInvoices.map((invoice) => [invoice.openCents, invoice.overdue, invoice.daysLate, invoice.interestToDateCents])).toEqual([[12100, true, 4, 73]]);
    expect([balance.openCents, balance.overdueCents, balance.interestAccruingCents, balance.balanceCents]).toEqual([12100, 12100, 73, 12100]);
  });

  it('BIL-4: money that arrives on the due day is on time, and the due day moves past a holiday', async () => {
    const customerId = await customerOnFee('ontime');
    // issued 10 December 2026: + 14 days = Thursday 24 December (Christmas Eve, a public holiday) → Monday 28 December
    await bill('2026-11', '2026-12-10');
    const november = await invoiceOf(customerId, '2026-11');
    expect(november.due_date).toBe('2026-12-28');
    await pay(customerId, 12100, '2026-12-28', 'ontime-1');
    expect((await customerBalance(t.deps, customerId)).balanceCents).toBe(0);
    await bill('2026-12', '2027-01-04');
    expect(await linesOf((await invoiceOf(customerId, '2026-12')).id)).toEqual(['fixed_fee 10000 S']);
  });
});

describe('late interest on the documents', () => {
  it('BIL-10: a company\'s interest line is outside VAT in its e-invoice (UBL 2.1 schema; CI runs the EN 16931 and Peppol rules) and printed on its PDF', async () => {
    const customer = await addBilledCustomer(db, 'latecompany', { kind: 'company', vatNumber: 'LV40000000777' });
    await billContractWith(db, customer, 'fee', { object: false });
    await bill('2026-02', '2026-03-02');
    await pay(customer.customerId, 12100, '2026-03-26', 'latecompany-1');
    await bill('2026-03', '2026-04-02');
    const march = await invoiceOf(customer.customerId, '2026-03');
    const xml = String((await invoiceXml(t.deps, march)).body);
    expect(await ublSchemaErrors(xml, 'Invoice')).toEqual([]);
    // two VAT groups: 21 % on 100.00 and the exempt interest with its reason (BR-E-10)
    expect(xml).toContain('<cbc:TaxExemptionReason>Nokavējuma procenti');
    expect(xml).toMatch(/<cac:TaxSubtotal>\s*<cbc:TaxableAmount currencyID="EUR">1\.82<\/cbc:TaxableAmount>\s*<cbc:TaxAmount currencyID="EUR">0\.00<\/cbc:TaxAmount>/);
    const dir = process.env.EINVOICE_SAMPLES_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, 'invoice-company-late-interest.xml'), xml);
    }
    const pdf = (await invoicePdf(t.deps, march)).body;
    expect(pdf.length).toBeGreaterThan(1000);
  });
});

describe('allocation (BIL-5, BIL-3)', () => {
  it('BIL-5: two partial payments across three invoices pay interest first, then overdue debt oldest first; the interest grows on what is left', async () => {
    const customerId = await customerOnFee('three');
    await bill('2026-01', '2026-02-02'); // due Monday 16 February
    await bill('2026-02', '2026-03-02'); // due Monday 16 March
    await bill('2026-03', '2026-04-02'); // due Thursday 16 April
    const [january, february, march] = [await invoiceOf(customerId, '2026-01'), await invoiceOf(customerId, '2026-02'), await invoiceOf(customerId, '2026-03')];
    // February's invoice: January late 17–28 Feb, 12 days × 12,100 = 145,200 cent-days → 217.8 → 218 cents
    expect(await linesOf(february.id)).toEqual(['fixed_fee 10000 S', 'late_interest 218 E']);
    // March's: January 17 Feb – 31 Mar, 43 days × 12,100 = 520,300 → 780.45 → 780, less the 218 charged: 562;
    // February's 12,100 (its interest part bears none) 17–31 March, 15 days = 181,500 → 272.25 → 272
    expect(await linesOf(march.id)).toEqual(['fixed_fee 10000 S', 'late_interest 562 E', 'late_interest 272 E']);
    expect([january.gross_cents, february.gross_cents, march.gross_cents]).toEqual([12100, 12318, 12934]);

    await pay(customerId, 15000, '2026-04-10', 'three-1');
    await pay(customerId, 10000, '2026-04-10', 'three-2');
    const { payments } = await listCustomerPayments(t.deps, customerId);
    const paid = (reference: number) => payments[reference]!.allocations.map((allocation) => `${allocation.invoiceNumber} ${allocation.category} ${allocation.amountCents}`);
    // newest first: the 100.00 € payment, then the 150.00 € one
    expect(paid(1)).toEqual([
      `${february.number} interest 218`, `${march.number} interest 834`, // interest first, oldest first
      `${january.number} supply 12100`, `${february.number} supply 1848`, // then overdue debt, oldest first: 15,000 − 1,052 − 12,100 = 1,848
    ]);
    expect(paid(0)).toEqual([`${february.number} supply 10000`]);
    expect(payments.map((payment) => payment.unallocatedCents)).toEqual([0, 0]);
    const balance = await customerBalance(t.deps, customerId);
    // 37,352 owed − 25,000 paid = 12,352: February's last 2.52 € (overdue) and March's 121.00 € (due 16 April)
    expect(balance.openInvoices.map((invoice) => [invoice.number, invoice.openCents, invoice.overdue])).toEqual([[february.number, 252, true], [march.number, 12100, false]]);
    expect([balance.balanceCents, balance.overdueCents]).toEqual([12352, 252]);

    await bill('2026-04', '2026-05-04');
    const april = await invoiceOf(customerId, '2026-04');
    // January: 17 Feb – 10 Apr, 53 days × 12,100 = 641,300 → 961.95 → 962, charged 780 before: 182.
    // February: 12,100 for 17 Mar – 10 Apr (25 days) + 252 for 11–30 Apr (20 days) = 302,500 + 5,040 = 307,540 → 461.31 → 461, less 272: 189.
    // March: 12,100 for 17–30 April, 14 days = 169,400 → 254.1 → 254.
    expect((await linesOf(april.id)).sort()).toEqual(['fixed_fee 10000 S', 'late_interest 182 E', 'late_interest 189 E', 'late_interest 254 E']);
    await expectOpenItemsConsistent(db, customerId);
  });

  it('BIL-3: a payment before the invoice is credit the invoice uses; an overpayment stays credit', async () => {
    const customerId = await customerOnFee('advance');
    await pay(customerId, 20000, '2026-01-20', 'advance-1');
    expect((await customerBalance(t.deps, customerId)).creditCents).toBe(20000);
    await bill('2026-01', '2026-02-02');
    const january = await invoiceOf(customerId, '2026-01');
    expect([january.gross_cents, january.prepaid_cents, january.payable_cents]).toEqual([12100, 12100, 0]);
    const balance = await customerBalance(t.deps, customerId);
    expect([balance.creditCents, balance.openCents, balance.balanceCents]).toEqual([7900, 0, -7900]);
    const { payments } = await listCustomerPayments(t.deps, customerId);
    // paid from the invoice's issue day (the money was there first)
    expect(payments[0]!.allocations.map((allocation) => [allocation.invoiceNumber, allocation.amountCents, allocation.allocatedOn])).toEqual([[january.number, 12100, '2026-02-02']]);
    expect(payments[0]!.unallocatedCents).toBe(7900);
    // the next invoice uses the rest: 121.00 − 79.00 = 42.00 to pay
    await bill('2026-02', '2026-03-02');
    const february = await invoiceOf(customerId, '2026-02');
    expect([february.prepaid_cents, february.payable_cents]).toEqual([7900, 4200]);
    await expectOpenItemsConsistent(db, customerId);
  });

  it('a reversed payment reopens what it paid, and the same payment recorded twice counts once', async () => {
    const customerId = await customerOnFee('reverse');
    await bill('2026-01', '2026-02-02');
    expect((await pay(customerId, 12100, '2026-02-10', 'reverse-1')).recorded).toBe(true);
    expect((await pay(customerId, 12100, '2026-02-10', 'reverse-1')).recorded).toBe(false);
    expect((await customerBalance(t.deps, customerId)).balanceCents).toBe(0);
    const [payment] = (await listCustomerPayments(t.deps, customerId)).payments;
    t.clock.set('2026-02-20T10:00:00Z');
    await reversePayment(t.deps, SYSTEM_ACTOR, payment!.id, { reason: 'returned by the bank (AC04)' });
    const balance = await customerBalance(t.deps, customerId);
    // owed again, and late since 17 February: 4 days × 12,100 = 48,400 → 72.6 → 73 cents
    expect([balance.balanceCents, balance.overdueCents, balance.openInvoices[0]!.interestToDateCents]).toEqual([12100, 12100, 73]);
    const [reversed] = (await listCustomerPayments(t.deps, customerId)).payments;
    expect([reversed!.status, reversed!.allocations.map((allocation) => [allocation.category, allocation.releasedOn])]).toEqual(['reversed', [['supply', '2026-02-20'], ['reversal', null]]]);
    await expectOpenItemsConsistent(db, customerId);
  });
});

describe('the money limit (BIL-6)', () => {
  it('BIL-6: above the period\'s limit the service is refused until the customer pays its invoices or prepays', async () => {
    const customerId = await customerOnFee('limit');
    await bill('2026-01', '2026-02-02');
    t.clock.set('2026-02-10T10:00:00Z');
    // no limit set: nothing is refused
    expect(await spendingAllowance(db, customerId, t.deps.clock.now())).toEqual({ period: '2026-02', limitCents: null, usedCents: 12100, availableCents: null, allowed: true });
    // 100.00 € for February, while January's 121.00 € is unpaid: over the limit
    expect(await setMoneyLimit(t.deps, SYSTEM_ACTOR, customerId, { period: '2026-02', limitCents: 10000 }))
      .toEqual({ period: '2026-02', limitCents: 10000, usedCents: 12100, availableCents: 0, allowed: false });
    await pay(customerId, 12100, '2026-02-10', 'limit-1');
    expect(await spendingAllowance(db, customerId, t.deps.clock.now())).toMatchObject({ usedCents: 0, availableCents: 10000, allowed: true });
    // a 30.00 € prepayment (credit held) lets the customer spend that much more
    await pay(customerId, 3000, '2026-02-11', 'limit-2');
    expect(await spendingAllowance(db, customerId, t.deps.clock.now())).toMatchObject({ usedCents: -3000, availableCents: 13000, allowed: true });
    // the limit is per billing period: March has none yet
    t.clock.set('2026-03-01T10:00:00Z');
    expect((await spendingAllowance(db, customerId, t.deps.clock.now())).limitCents).toBeNull();
  });
});
