import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/test-app.js';
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
  });
});
