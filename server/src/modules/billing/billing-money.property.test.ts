import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roundHalfUp } from '@up/common/money';
import { createTestApp } from '../../test/test-app.js';
import { expectOpenItemsConsistent } from '../../test/ledger-invariants.js';
import { addBilledCustomer, addTariff, billContractWith, DAY_NIGHT } from '../../test/billing-fixtures.js';
import { SYSTEM_ACTOR } from '../audit/index.js';
import { runBilling } from './billing-run.service.js';
import { addCorrection, issueCreditNote, voidInvoice } from './invoice-corrections.service.js';
import { recordStaffPayment } from '../payments/payments.service.js';
import { invoiceAmounts } from './invoice-totals.js';
import { customerBalance } from './ledger.js';

/** Money is never created or lost: properties over any lines, and over any sequence of charges, credits and voids. */

const VAT_RATES = ['21', '12', '5', '0'] as const;

describe('invoice totals (one rounding step)', () => {
  it('for any lines and credit: the total is the sum of the lines, VAT is rounded once per rate, prepaid never exceeds what is owed', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ netCents: fc.integer({ min: -1_000_000, max: 1_000_000 }), vatPercent: fc.constantFrom(...VAT_RATES) }), { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 0, max: 5_000_000 }),
      (lines, credit) => {
        const amounts = invoiceAmounts(lines.map((line) => ({ ...line, vatCategory: 'S' })), credit);
        expect(amounts.netCents).toBe(lines.reduce((sum, line) => sum + line.netCents, 0));
        for (const entry of amounts.vatBreakdown) {
          const taxable = lines.filter((line) => line.vatPercent === entry.vatRatePercent).reduce((sum, line) => sum + line.netCents, 0);
          expect(entry.taxableCents).toBe(taxable);
          expect(entry.vatCents).toBe(roundHalfUp(taxable * Number(entry.vatRatePercent), 100));
        }
        expect(amounts.vatCents).toBe(amounts.vatBreakdown.reduce((sum, entry) => sum + entry.vatCents, 0));
        expect(amounts.grossCents).toBe(amounts.netCents + amounts.vatCents);
        expect(amounts.payableCents).toBe(amounts.grossCents - amounts.prepaidCents);
        expect(amounts.prepaidCents).toBeGreaterThanOrEqual(0);
        expect(amounts.prepaidCents).toBeLessThanOrEqual(Math.min(credit, Math.max(0, amounts.grossCents)));
      },
    ), { numRuns: 500 });
  });
});

type Step =
  | { kind: 'correction'; netCents: number }
  | { kind: 'advance'; amountCents: number }
  | { kind: 'run' }
  | { kind: 'credit'; share: number }
  | { kind: 'void'; reissue: boolean };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('correction' as const), netCents: fc.integer({ min: -5000, max: 5000 }).filter((n) => n !== 0) }),
  fc.record({ kind: fc.constant('advance' as const), amountCents: fc.integer({ min: 1, max: 5000 }) }),
  fc.record({ kind: fc.constant('run' as const) }),
  fc.record({ kind: fc.constant('credit' as const), share: fc.double({ min: 0.01, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constant('void' as const), reissue: fc.boolean() }),
);

const t = await createTestApp({ seed: false });
afterAll(async () => { await t.close(); });
const db = t.deps.db;
beforeAll(async () => {
  await addTariff(db, 'home', { lv: 'Mājas', en: 'Home', ru: 'Дом' }, [{ validFrom: '2025-01-01', elements: DAY_NIGHT('0.150000', '0.100000', '2.000000') }]);
});

let customerCount = 0;

describe('the ledger and the documents agree, whatever happens', () => {
  it('BIL-3, BIL-5: for any sequence of charges, advance payments, runs, credit notes and voids: every invoice adds up, the balance is the documents, the open items agree', async () => {
    await fc.assert(fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 10 }), async (steps) => {
      customerCount++;
      const customer = await addBilledCustomer(db, `p${customerCount}`);
      await billContractWith(db, customer, 'home', { object: false });
      // each sequence bills the months of a year of its own (a month's run is run once), from January on
      const year = 2030 + customerCount;
      let month = 1;
      t.clock.set(`${year}-01-10T09:00:00Z`);
      for (const [index, action] of steps.entries()) {
        const latest = await db.selectFrom('invoices').selectAll().where('customer_id', '=', customer.customerId).where('kind', '=', 'invoice')
          .where('status', '=', 'issued').orderBy('sequence', 'desc').limit(1).executeTakeFirst();
        if (action.kind === 'correction') {
          await addCorrection(t.deps, SYSTEM_ACTOR, customer.customerId, { description: 'Korekcija', netCents: action.netCents, vatPercent: '21', reason: 'property' });
        } else if (action.kind === 'advance') {
          await recordStaffPayment(t.deps, SYSTEM_ACTOR, customer.customerId, { amountCents: action.amountCents, receivedOn: `${year}-01-10`, reference: `P${customerCount}-${index}` });
        } else if (action.kind === 'run' && month <= 11) {
          t.clock.set(`${year}-${String(month + 1).padStart(2, '0')}-05T06:00:00Z`);
          await runBilling(t.deps, { period: `${year}-${String(month).padStart(2, '0')}`, actor: SYSTEM_ACTOR });
          month++;
        } else if (action.kind === 'credit' && latest && latest.gross_cents > 100) {
          const credited = await db.selectFrom('invoices').select(sql<number>`coalesce(sum(gross_cents), 0)::integer`.as('total'))
            .where('corrects_invoice_id', '=', latest.id).executeTakeFirstOrThrow();
          const netCents = Math.floor(((latest.gross_cents - credited.total) / 1.21) * action.share);
          if (netCents >= 1) await issueCreditNote(t.deps, SYSTEM_ACTOR, latest.id, { reason: 'property', lines: [{ description: 'Kredīts', netCents, vatPercent: '21' }] });
        } else if (action.kind === 'void' && latest) {
          const hasCredit = await db.selectFrom('invoices').select('id').where('corrects_invoice_id', '=', latest.id).executeTakeFirst();
          if (!hasCredit) await voidInvoice(t.deps, SYSTEM_ACTOR, latest.id, { reason: 'property', reissue: action.reissue });
        }
        await expectOpenItemsConsistent(db, customer.customerId);
      }
      await expectMoneyKept(customer.customerId);
    }), { numRuns: 20 });
  });
});

async function expectMoneyKept(customerId: string) {
  const invoices = await db.selectFrom('invoices').selectAll().where('customer_id', '=', customerId).execute();
  for (const invoice of invoices) {
    const lines = await db.selectFrom('invoice_lines').select(['net_cents', 'vat_percent']).where('invoice_id', '=', invoice.id).execute();
    expect(invoice.net_cents).toBe(lines.reduce((sum, line) => sum + line.net_cents, 0));
    expect(invoice.vat_cents).toBe(invoice.vat_breakdown.reduce((sum, entry) => sum + entry.vatCents, 0));
    expect(invoice.gross_cents).toBe(invoice.net_cents + invoice.vat_cents);
    expect(invoice.payable_cents).toBe(invoice.gross_cents - invoice.prepaid_cents);
  }
  // the balance is what the documents and payments say: issued invoices − credit notes − payments (a void takes its invoice back)
  const issued = invoices.filter((row) => row.kind === 'invoice' && row.status === 'issued').reduce((sum, row) => sum + row.gross_cents, 0);
  const credited = invoices.filter((row) => row.kind === 'credit_note').reduce((sum, row) => sum + row.gross_cents, 0);
  const paid = await db.selectFrom('ledger_entries').select(sql<number>`coalesce(sum(amount_cents), 0)::integer`.as('total'))
    .where('customer_id', '=', customerId).where('kind', '=', 'payment').executeTakeFirstOrThrow();
  expect(await customerBalance(db, customerId)).toBe(issued - credited + paid.total);
  // every charge is on at most one valid invoice; the charges of a void invoice are free or reissued
  const charges = await db.selectFrom('billing_charges as c').leftJoin('invoices as i', 'i.id', 'c.invoice_id')
    .select(['c.net_cents', 'i.status', 'i.id']).where('c.customer_id', '=', customerId).execute();
  expect(charges.filter((charge) => charge.status === 'void')).toEqual([]);
  const onInvoices = charges.filter((charge) => charge.id !== null).reduce((sum, charge) => sum + charge.net_cents, 0);
  const issuedNet = invoices.filter((row) => row.kind === 'invoice' && row.status === 'issued').reduce((sum, row) => sum + row.net_cents, 0);
  expect(onInvoices).toBe(issuedNet);
  // BIL-5: the open items agree with the ledger, and credit is never left beside a debt it could pay
  await expectOpenItemsConsistent(db, customerId);
}
