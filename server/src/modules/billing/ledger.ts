import { sql } from 'kysely';
import type { Db } from '../../infra/db.js';
import { newId } from '../../infra/ids.js';
import type { LedgerEntryKind } from './billing.tables.js';

/**
 * The customer's ledger: every money movement, one signed entry each (positive: the customer owes more — an
 * invoice; negative: money received or credit given — a payment, an advance payment, a credit note, a void).
 * Every balance is derived from it, never stored: balance = the sum of the customer's entries (> 0 owed,
 * < 0 credit held, BIL-3). An entry is unique per customer, kind and reference, so a retried write adds nothing.
 */
export async function customerBalances(db: Db, customerIds: readonly string[]): Promise<Map<string, number>> {
  const balances = new Map<string, number>();
  if (customerIds.length === 0) return balances;
  const rows = await db.selectFrom('ledger_entries')
    .select(['customer_id', sql<number>`sum(amount_cents)::bigint`.as('balance')])
    .where('customer_id', 'in', customerIds)
    .groupBy('customer_id')
    .execute();
  for (const row of rows) balances.set(row.customer_id, Number(row.balance));
  return balances;
}

export async function customerBalance(db: Db, customerId: string): Promise<number> {
  return (await customerBalances(db, [customerId])).get(customerId) ?? 0;
}

export interface LedgerEntryInput {
  customerId: string;
  entryDate: string;
  kind: LedgerEntryKind;
  amountCents: number;
  invoiceId: string | null;
  reference: string;
}

/**
 * Records one entry (a credit open in full); a second write of the same kind and reference for the customer changes
 * nothing. Returns the new entry's id, or null when it was there already.
 */
export async function recordLedgerEntry(db: Db, entry: LedgerEntryInput, now: Date): Promise<string | null> {
  if (!Number.isSafeInteger(entry.amountCents) || entry.amountCents === 0) throw new RangeError(`A ledger entry needs a non-zero whole number of cents, got ${entry.amountCents}`);
  const inserted = await db.insertInto('ledger_entries')
    .values({
      id: newId(), customer_id: entry.customerId, entry_date: entry.entryDate, kind: entry.kind, amount_cents: entry.amountCents,
      invoice_id: entry.invoiceId, reference: entry.reference, open_cents: entry.amountCents < 0 ? -entry.amountCents : null, created_at: now,
    })
    .onConflict((oc) => oc.columns(['customer_id', 'kind', 'reference']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

export async function listLedgerEntries(db: Db, customerId: string, limit = 500) {
  return db.selectFrom('ledger_entries').selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('entry_date', 'desc').orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
}

/** The ledger as the back office shows it: the balance and the newest entries. */
export async function customerLedger(db: Db, customerId: string) {
  const [balanceCents, entries] = await Promise.all([customerBalance(db, customerId), listLedgerEntries(db, customerId)]);
  return {
    balanceCents,
    entries: entries.map((entry) => ({ entryDate: entry.entry_date, kind: entry.kind, amountCents: entry.amount_cents, reference: entry.reference, invoiceId: entry.invoice_id })),
  };
}
