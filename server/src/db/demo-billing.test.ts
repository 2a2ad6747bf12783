import { afterAll, describe, expect, it } from 'vitest';
import { addDays } from '@up/common/riga-time';
import { createTestApp } from '../test/test-app.js';
import { expectOpenItemsConsistent } from '../test/ledger-invariants.js';
import { seedDemoConsumption } from './demo-metering.js';
import { seedDemoBilling } from './demo-billing.js';

const t = await createTestApp();
afterAll(async () => { await t.close(); });

describe('the demo year of invoices (issue 12 point 9)', () => {
  it('BIL-1, BIL-9: the real run gives each billed demo customer an invoice a month for a year, all contracts on one', async () => {
    await seedDemoConsumption(t.deps.db, t.clock.now());
    await seedDemoBilling(t.deps);
    const rows = await t.deps.db.selectFrom('invoices').innerJoin('customers', 'customers.id', 'invoices.customer_id')
      .select(['customers.customer_number', 'invoices.period', 'invoices.number', 'invoices.gross_cents', 'invoices.id'])
      .where('invoices.kind', '=', 'invoice').orderBy('invoices.number').execute();
    const periods = (number: string) => rows.filter((row) => row.customer_number === number).map((row) => row.period);
    // the clock of the test app is 2026-11-23: the months billed are November 2025 … October 2026
    expect(periods('C-100001')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10']);
    expect(periods('C-100003')).toHaveLength(12);
    const latest = rows.filter((row) => row.customer_number === 'C-100001').at(-1)!;
    const sources = await t.deps.db.selectFrom('invoice_lines').select('source').distinct().where('invoice_id', '=', latest.id).execute();
    expect(sources.map((row) => row.source).sort()).toEqual(['capacity_fee', 'energy', 'fixed_fee', 'grid_energy', 'instalment']);
  }, 120_000); // a year of consumption and twelve billing runs: ~25 s on a busy 2-core machine, past the 30 s default

  it('issue 13 point 10: the demo year has a late payment with its interest on the next invoice, a payment in two parts, an advance payment and a transfer waiting for staff', async () => {
    const db = t.deps.db;
    const janis = await db.selectFrom('customers').select('id').where('customer_number', '=', 'C-100001').executeTakeFirstOrThrow();
    const interest = await db.selectFrom('invoice_lines').select(['net_cents']).where('customer_id', '=', janis.id).where('source', '=', 'late_interest').execute();
    // one invoice paid 9 days late and one whose rest came 6 days late: two interest lines, each a few cents to euros
    expect(interest).toHaveLength(2);
    for (const line of interest) expect(line.net_cents).toBeGreaterThan(0);
    const payments = await db.selectFrom('payments').select(['reference', 'status', 'matched_by']).where('customer_id', '=', janis.id).execute();
    expect(payments.filter((payment) => /-[12]$/.test(payment.reference))).toHaveLength(2);
    expect(payments.find((payment) => payment.reference.startsWith('DEMO-ADVANCE-'))?.matched_by).toBe('customer_number');
    const prepaid = await db.selectFrom('invoices').select('prepaid_cents').where('customer_id', '=', janis.id).where('prepaid_cents', '>', 0).execute();
    expect(prepaid.map((invoice) => invoice.prepaid_cents)).toEqual([5000]);
    const waiting = await db.selectFrom('payments').select(['amount_cents']).where('status', '=', 'unmatched').execute();
    expect(waiting).toEqual([{ amount_cents: 2340 }]);
    for (const customer of await db.selectFrom('customers').select('id').execute()) await expectOpenItemsConsistent(db, customer.id);
  });

  it('BIL-7, issue 13 point 10: the demo year has a claim filed within 10 days and accepted; its correction is a line of the next invoice', async () => {
    const db = t.deps.db;
    const janis = await db.selectFrom('customers').select('id').where('customer_number', '=', 'C-100001').executeTakeFirstOrThrow();
    const claims = await db.selectFrom('invoice_claims').innerJoin('invoices', 'invoices.id', 'invoice_claims.invoice_id')
      .select(['invoice_claims.status', 'invoice_claims.filed_at', 'invoice_claims.correction_cents', 'invoice_claims.claimed_cents', 'invoices.issue_date', 'invoices.number', 'invoices.period'])
      .where('invoice_claims.customer_id', '=', janis.id).execute();
    expect(claims).toHaveLength(1);
    const claim = claims[0]!;
    expect([claim.status, claim.correction_cents, claim.claimed_cents]).toEqual(['accepted', -300, 363]);
    // the clock of the test app is 2026-11-23: the claimed invoice is July's, issued in August, the claim filed 3 days later
    expect(claim.period).toBe('2026-07');
    expect(claim.filed_at.toISOString().slice(0, 10)).toBe(addDays(claim.issue_date, 3));
    // the correction, −3.00 € net, is a line of the next (August's) invoice, with the claimed invoice's number in its reason
    const next = await db.selectFrom('invoices').select('id').where('customer_id', '=', janis.id).where('period', '=', '2026-08').where('kind', '=', 'invoice').executeTakeFirstOrThrow();
    const corrections = await db.selectFrom('invoice_lines').select(['net_cents', 'description']).where('invoice_id', '=', next.id).where('source', '=', 'correction').execute();
    expect(corrections.map((line) => line.net_cents)).toEqual([-300]);
    expect(JSON.stringify(corrections[0]!.description)).toContain(claim.number);
  });
});
