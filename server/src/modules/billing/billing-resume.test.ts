import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { addBilledCustomer, addTariff, billContractWith, DAY_NIGHT, putHourlyDay } from '../../test/billing-fixtures.js';
import type { Db } from '../../infra/db.js';
import { SYSTEM_ACTOR } from '../audit/index.js';
import { runBilling, type RunFailpoint } from './billing-run.service.js';
import { addCorrection } from './invoice-corrections.service.js';
import { recordStaffPayment } from '../payments/payments.service.js';

/**
 * Issue 12: a billing run killed part-way and started again ends exactly as an uninterrupted one — compared
 * table by table, every billing table, on two databases built the same way (same customers, same ids).
 */
const CUSTOMERS = 23;
const BATCH = 5;

async function buildBillingWorld(t: TestApp) {
  const db = t.deps.db;
  await addTariff(db, 'home', { lv: 'Mājas', en: 'Home', ru: 'Дом' }, [
    { validFrom: '2025-01-01', elements: DAY_NIGHT('0.150000', '0.100000', '2.000000') },
    { validFrom: '2026-10-15', elements: DAY_NIGHT('0.180000', '0.120000', '2.500000') },
  ]);
  t.clock.set('2026-10-20T09:00:00Z');
  for (let i = 1; i <= CUSTOMERS; i++) {
    const key = String(i).padStart(2, '0');
    const customer = await addBilledCustomer(db, key, { channel: i % 4 === 0 ? 'post' : 'email', kind: i % 5 === 0 ? 'company' : 'person' });
    await billContractWith(db, customer, 'home', { object: i % 7 !== 0 });
    for (const day of ['2026-10-03', '2026-10-18', '2026-10-25']) await putHourlyDay(db, customer.meterId, day, (hour) => 100 * i + 37 * hour);
    if (i % 3 === 0) await recordStaffPayment(t.deps, SYSTEM_ACTOR, customer.customerId, { amountCents: 500 * i, receivedOn: '2026-10-20', reference: `ADV-${key}` });
    if (i % 6 === 0) await addCorrection(t.deps, SYSTEM_ACTOR, customer.customerId, { description: 'Pārrēķins', netCents: -37 * i, vatPercent: '21', reason: 'claim' });
  }
  t.clock.set('2026-11-05T06:00:00Z');
}

/** Every billing table as comparable rows: generated ids replaced by the invoice numbers and keys they stand for. */
async function billingState(db: Db) {
  const rows = async (query: ReturnType<typeof sql>) => (await query.execute(db)).rows;
  return {
    invoices: await rows(sql`SELECT number, customer_id, kind, series, sequence, period, issue_date::text, due_date::text, status, buyer::text,
      delivery_channel, delivery_address, net_cents, vat_cents, gross_cents, prepaid_cents, payable_cents, vat_breakdown::text, payment_reference
      FROM invoices ORDER BY number`),
    invoice_lines: await rows(sql`SELECT i.number, l.line_number, l.customer_id, CASE WHEN c.source = 'correction' THEN 'correction' ELSE c.source_key END AS source_key, l.source, l.description::text, l.quantity, l.unit_code,
      l.unit_price, l.net_cents, l.vat_category, l.vat_percent, l.period_start::text, l.period_end::text
      FROM invoice_lines l JOIN invoices i ON i.id = l.invoice_id LEFT JOIN billing_charges c ON c.id = l.charge_id ORDER BY i.number, l.line_number`),
    billing_charges: await rows(sql`SELECT c.customer_id, c.source_key, c.period, c.source, c.quantity, c.unit_price, c.net_cents, c.explanation::text,
      i.number AS invoice_number FROM billing_charges c LEFT JOIN invoices i ON i.id = c.invoice_id
      WHERE c.source <> 'correction' ORDER BY c.customer_id, c.source_key`),
    corrections: await rows(sql`SELECT c.customer_id, c.net_cents, i.number FROM billing_charges c LEFT JOIN invoices i ON i.id = c.invoice_id
      WHERE c.source = 'correction' ORDER BY c.customer_id`),
    // a staff payment's entry is referenced by its payment's random id: the same in both only by kind
    ledger_entries: await rows(sql`SELECT customer_id, entry_date::text, kind, amount_cents, CASE WHEN kind = 'payment' THEN 'payment' ELSE reference END AS reference
      FROM ledger_entries ORDER BY customer_id, kind, reference`),
    invoice_series: await rows(sql`SELECT series, next_number FROM invoice_series ORDER BY series`),
    billing_runs: await rows(sql`SELECT period, status, issue_date::text, invoices_issued, gross_cents, payable_cents FROM billing_runs ORDER BY period`),
  };
}

let uninterrupted: TestApp;
let interrupted: TestApp;
beforeAll(async () => {
  [uninterrupted, interrupted] = await Promise.all([createTestApp({ seed: false }), createTestApp({ seed: false })]);
  await buildBillingWorld(uninterrupted);
  await buildBillingWorld(interrupted);
});
afterAll(async () => { await Promise.all([uninterrupted.close(), interrupted.close()]); });

describe('a billing run killed part-way and started again', () => {
  it('ends with exactly the invoices, lines, charges, ledger and totals of an uninterrupted run, table by table', async () => {
    await runBilling(uninterrupted.deps, { period: '2026-10', actor: SYSTEM_ACTOR, batchSize: BATCH });
    const expected = await billingState(uninterrupted.deps.db);
    expect(expected.invoices).toHaveLength(CUSTOMERS);

    const failAt = (where: Parameters<RunFailpoint>[0], batch: number): RunFailpoint => async (at, n) => {
      if (at === where && n === batch) throw new Error(`killed at ${where} ${batch}`);
    };
    // killed inside the second batch's transaction (after its writes, before the commit): that batch is rolled back
    await expect(runBilling(interrupted.deps, { period: '2026-10', actor: SYSTEM_ACTOR, batchSize: BATCH, failpoint: failAt('batch-written', 2) }))
      .rejects.toThrow('killed at batch-written 2');
    const afterFirstCrash = await interrupted.deps.db.selectFrom('invoices').select(sql<number>`count(*)::integer`.as('n')).executeTakeFirstOrThrow();
    expect(afterFirstCrash.n).toBe(BATCH);
    expect((await interrupted.deps.db.selectFrom('billing_runs').select(['status', 'last_error']).executeTakeFirstOrThrow()))
      .toEqual({ status: 'failed', last_error: 'killed at batch-written 2' });
    // started again, killed between two batches (the first of this start committed)
    await expect(runBilling(interrupted.deps, { period: '2026-10', actor: SYSTEM_ACTOR, batchSize: BATCH, failpoint: failAt('batch-committed', 1) }))
      .rejects.toThrow('killed at batch-committed 1');
    // a later day: the run keeps the issue day it started with
    interrupted.clock.set('2026-11-06T08:00:00Z');
    const finished = await runBilling(interrupted.deps, { period: '2026-10', actor: SYSTEM_ACTOR, batchSize: BATCH });
    expect([finished.status, finished.attempts]).toEqual(['done', 3]);

    expect(await billingState(interrupted.deps.db)).toEqual(expected);
  });
});
