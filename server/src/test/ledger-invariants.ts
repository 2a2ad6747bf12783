import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Db } from '../infra/db.js';

/**
 * The ledger's open items agree with its entries (BIL-3, BIL-5; the migration 2026_12_07_1200_payments says why):
 * every debit entry is split into receivables that add up to it; a credit's and a receivable's open cents are their
 * amount less their live allocations; the balance is the open receivables less the open credits; and no credit is
 * left open while something it could pay is open (allocation is never forgotten).
 */
export async function expectOpenItemsConsistent(db: Db, customerId: string): Promise<void> {
  const unsplit = await sql<{ id: string }>`
    SELECT e.id FROM ledger_entries e
    WHERE e.customer_id = ${customerId} AND e.amount_cents > 0
      AND e.amount_cents <> (SELECT coalesce(sum(r.amount_cents), 0) FROM receivables r WHERE r.ledger_entry_id = e.id)`.execute(db);
  expect(unsplit.rows, 'debit entries whose receivables do not add up to them').toEqual([]);
  const credits = await sql<{ id: string }>`
    SELECT e.id FROM ledger_entries e
    WHERE e.customer_id = ${customerId} AND e.amount_cents < 0
      AND e.open_cents <> -e.amount_cents - (SELECT coalesce(sum(a.amount_cents), 0) FROM allocations a WHERE a.credit_entry_id = e.id AND a.released_at IS NULL)`.execute(db);
  expect(credits.rows, 'credits whose open cents are not their amount less their allocations').toEqual([]);
  const receivables = await sql<{ id: string }>`
    SELECT r.id FROM receivables r
    WHERE r.customer_id = ${customerId}
      AND r.open_cents <> r.amount_cents - (SELECT coalesce(sum(a.amount_cents), 0) FROM allocations a WHERE a.receivable_id = r.id AND a.released_at IS NULL)`.execute(db);
  expect(receivables.rows, 'receivables whose open cents are not their amount less their allocations').toEqual([]);
  const totals = await sql<{ balance: string; open_receivables: string; open_credits: string; settleable: string }>`
    SELECT
      (SELECT coalesce(sum(amount_cents), 0) FROM ledger_entries WHERE customer_id = ${customerId})::text AS balance,
      (SELECT coalesce(sum(open_cents), 0) FROM receivables WHERE customer_id = ${customerId})::text AS open_receivables,
      (SELECT coalesce(sum(open_cents), 0) FROM ledger_entries WHERE customer_id = ${customerId} AND open_cents IS NOT NULL)::text AS open_credits,
      (SELECT coalesce(sum(open_cents), 0) FROM receivables WHERE customer_id = ${customerId}
        AND category IN ('interest', 'product', 'supply', 'service'))::text AS settleable`.execute(db);
  const row = totals.rows[0]!;
  expect(Number(row.balance), 'balance = open receivables − open credits').toBe(Number(row.open_receivables) - Number(row.open_credits));
  expect(Number(row.open_credits) === 0 || Number(row.settleable) === 0, 'an open credit while a debt it could pay is open').toBe(true);
}
