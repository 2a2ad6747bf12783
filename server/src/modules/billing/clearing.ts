import { sql } from 'kysely';
import type { Db } from '../../infra/db.js';
import { newId } from '../../infra/ids.js';
import { sqlTextArray } from '../../infra/sql-arrays.js';
import { planAllocations, type OpenCredit, type OpenReceivable, type PlannedAllocation } from './allocation-plan.js';
import type { ReceivableCategory } from './billing.tables.js';

/**
 * The ledger's open items (BIL-3, BIL-5): credits (payments, credit notes, voids) allocated to receivables
 * (the parts of invoices, refunds, reversals). Every change of open cents goes through here, in the caller's
 * transaction, so a credit's and a receivable's open cents always equal their amount less their live allocations.
 */

/** The advisory lock space of customers' ledgers (the first key of the two-key form). */
const LEDGER_LOCK_SPACE = 7141;
/** Customers share this many ledger locks: a statement of 100,000 payments in one transaction holds at most this many. */
const LEDGER_LOCK_BUCKETS = 512;

/**
 * Settling a customer's ledger is one at a time: a transaction-scoped advisory lock per bucket of customers
 * (PostgreSQL's lock table holds only a few thousand locks, so one lock per customer would not survive a large
 * statement in one transaction), taken in bucket order so a billing batch and a payment that share customers never
 * deadlock. Two customers in one bucket wait for each other, which is only slower.
 */
export async function lockLedgers(trx: Db, customerIds: readonly string[]): Promise<void> {
  if (customerIds.length === 0) return;
  await sql`SELECT pg_advisory_xact_lock(${LEDGER_LOCK_SPACE}, b.bucket)
    FROM (SELECT DISTINCT hashtext(c.id) & ${LEDGER_LOCK_BUCKETS - 1} AS bucket FROM unnest(${sqlTextArray([...new Set(customerIds)])}::text[]) AS c(id)) b
    ORDER BY b.bucket`.execute(trx);
}

/**
 * Allocates each customer's open credits to its open receivables in BIL-5 order as of `onDate` (the day the
 * newest money arrived, or an invoice's issue day). Takes the customers' ledger locks. Returns the allocations made.
 */
export async function settleCustomers(trx: Db, customerIds: readonly string[], onDate: string, now: Date): Promise<PlannedAllocation[]> {
  if (customerIds.length === 0) return [];
  await lockLedgers(trx, customerIds);
  const { creditsBy, owedBy } = await readOpenItems(trx, customerIds, []);
  const planned: PlannedAllocation[] = [];
  const owners: string[] = [];
  for (const [customerId, open] of creditsBy) {
    for (const allocation of planAllocations(open, owedBy.get(customerId) ?? [], onDate)) {
      planned.push(allocation);
      owners.push(customerId);
    }
  }
  await storeAllocations(trx, planned, owners, now);
  return planned;
}

export interface NewCredit {
  customerId: string;
  /** the day the money arrived (BIL-4) */
  entryDate: string;
  /** unique per customer and kind: a credit whose reference the ledger holds already is not added again */
  reference: string;
  /** positive: what the credit brings */
  amountCents: number;
}

/**
 * Adds new credits (money received) to the ledger and settles their customers day by day, oldest day first, each
 * day as of itself (BIL-4, BIL-5): the same allocations as writing the credits open in full and then calling
 * settleCustomers for each day's customers, but planned before the credits are written, so each new credit is
 * written once with what it leaves open instead of being written and then updated (issue 13: on a statement of
 * 100,000 payments that update was a sixth of the database's time). A credit the ledger holds already (the same
 * customer, kind and reference) is not added again. Takes the customers' ledger locks.
 */
export async function insertCreditsAndSettle(trx: Db, kind: 'payment', credits: readonly NewCredit[], now: Date): Promise<void> {
  if (credits.length === 0) return;
  const customerIds = [...new Set(credits.map((credit) => credit.customerId))];
  await lockLedgers(trx, customerIds);
  const known = await sql<{ customer_id: string; reference: string }>`SELECT e.customer_id, e.reference FROM ledger_entries e
    JOIN unnest(${sqlTextArray(credits.map((credit) => credit.customerId))}::text[], ${sqlTextArray(credits.map((credit) => credit.reference))}::text[])
      AS u(customer_id, reference) ON e.customer_id = u.customer_id AND e.reference = u.reference
    WHERE e.kind = ${kind}`.execute(trx);
  const seen = new Set(known.rows.map((row) => `${row.customer_id} ${row.reference}`));
  const fresh: (OpenCredit & { customerId: string; amountCents: number })[] = [];
  for (const credit of credits) {
    const key = `${credit.customerId} ${credit.reference}`;
    if (seen.has(key)) continue;
    seen.add(key);
    fresh.push({ id: newId(), customerId: credit.customerId, entryDate: credit.entryDate, orderKey: credit.reference, openCents: credit.amountCents, amountCents: credit.amountCents });
  }
  const { creditsBy, owedBy } = await readOpenItems(trx, customerIds, fresh);
  // settle day by day, oldest first: what was overdue is judged on the day each payment arrived
  const byDay = new Map<string, Set<string>>();
  for (const credit of credits) byDay.set(credit.entryDate, (byDay.get(credit.entryDate) ?? new Set()).add(credit.customerId));
  const planned: PlannedAllocation[] = [];
  const owners: string[] = [];
  for (const day of [...byDay.keys()].sort()) {
    for (const customerId of byDay.get(day)!) {
      const open = creditsBy.get(customerId) ?? [];
      const owed = owedBy.get(customerId) ?? [];
      const dayPlan = planAllocations(open, owed, day);
      for (const allocation of dayPlan) {
        planned.push(allocation);
        owners.push(customerId);
      }
      // what this day allocated is no longer open for the next day's plan
      subtractPlanned(open, owed, dayPlan);
    }
  }
  if (fresh.length > 0) {
    await sql`INSERT INTO ledger_entries (id, customer_id, entry_date, kind, amount_cents, invoice_id, reference, open_cents, created_at)
      SELECT u.id, u.customer_id, u.entry_date::date, ${kind}, -u.amount::bigint, NULL, u.reference, u.open::bigint, ${now}
      FROM unnest(${sqlTextArray(fresh.map((credit) => credit.id))}::text[], ${sqlTextArray(fresh.map((credit) => credit.customerId))}::text[],
        ${sqlTextArray(fresh.map((credit) => credit.entryDate))}::text[], ${sqlTextArray(fresh.map((credit) => credit.amountCents))}::text[],
        ${sqlTextArray(fresh.map((credit) => credit.orderKey))}::text[], ${sqlTextArray(fresh.map((credit) => credit.openCents))}::text[])
        AS u(id, customer_id, entry_date, amount, reference, open)`.execute(trx);
  }
  const writtenOpen = new Set(fresh.map((credit) => credit.id));
  await storeAllocations(trx, planned, owners, now, writtenOpen);
}

/** Takes planned allocations off the open cents of the credits and receivables they were planned from. */
function subtractPlanned(credits: readonly OpenCredit[], receivables: readonly OpenReceivable[], planned: readonly PlannedAllocation[]): void {
  if (planned.length === 0) return;
  const creditById = new Map(credits.map((credit) => [credit.id, credit]));
  const receivableById = new Map(receivables.map((receivable) => [receivable.id, receivable]));
  for (const allocation of planned) {
    creditById.get(allocation.creditId)!.openCents -= allocation.amountCents;
    receivableById.get(allocation.receivableId)!.openCents -= allocation.amountCents;
  }
}

/**
 * The customers' open credits (those in the ledger and `extra` ones not yet written) and, for the customers with
 * any, their open receivables: two indexed reads for the whole batch.
 */
async function readOpenItems(trx: Db, customerIds: readonly string[], extra: readonly (OpenCredit & { customerId: string })[]) {
  const rows = await sql<{ id: string; customer_id: string; entry_date: string; reference: string; open_cents: string }>`
    SELECT id, customer_id, entry_date::text, reference, open_cents::text FROM ledger_entries
    WHERE customer_id = ANY(${sqlTextArray(customerIds)}::text[]) AND open_cents > 0`.execute(trx);
  const credits = rows.rows.map((row) => ({ id: row.id, customerId: row.customer_id, entryDate: row.entry_date, orderKey: row.reference, openCents: Number(row.open_cents) }));
  const creditsBy = groupBy<OpenCredit & { customerId: string }>([...credits, ...extra], (credit) => credit.customerId);
  const owedBy = new Map<string, OpenReceivable[]>();
  if (creditsBy.size === 0) return { creditsBy, owedBy };
  const owed = await sql<{ id: string; customer_id: string; category: ReceivableCategory; issued_on: string; due_date: string; order_key: string; open_cents: string }>`
    SELECT id, customer_id, category, issued_on::text, due_date::text, order_key, open_cents::text FROM receivables
    WHERE customer_id = ANY(${sqlTextArray([...creditsBy.keys()])}::text[]) AND open_cents > 0`.execute(trx);
  for (const row of owed.rows) {
    const receivable: OpenReceivable = {
      id: row.id, category: row.category, dueDate: row.due_date, issuedOn: row.issued_on, orderKey: row.order_key, openCents: Number(row.open_cents),
    };
    const group = owedBy.get(row.customer_id);
    if (group) group.push(receivable);
    else owedBy.set(row.customer_id, [receivable]);
  }
  return { creditsBy, owedBy };
}

/**
 * Allocates one credit to the given receivables, in the order given, as far as both are open: a credit note to the
 * invoice it corrects, a void to its invoice, a refund or reversal from the credit it pays out. Returns what is left.
 */
export async function allocateCreditTo(trx: Db, customerId: string, creditEntryId: string, receivableIds: readonly string[], now: Date): Promise<number> {
  await lockLedgers(trx, [customerId]);
  const credit = await trx.selectFrom('ledger_entries').select(['id', 'entry_date', 'open_cents']).where('id', '=', creditEntryId).executeTakeFirstOrThrow();
  let left = Number(credit.open_cents ?? 0);
  if (left === 0 || receivableIds.length === 0) return left;
  const rows = await trx.selectFrom('receivables').select(['id', 'issued_on', 'open_cents']).where('id', 'in', receivableIds).execute();
  const byId = new Map(rows.map((row) => [row.id, row]));
  const planned: PlannedAllocation[] = [];
  for (const id of receivableIds) {
    const receivable = byId.get(id);
    if (!receivable || left === 0) continue;
    const amountCents = Math.min(left, Number(receivable.open_cents));
    if (amountCents === 0) continue;
    planned.push({ creditId: credit.id, receivableId: id, amountCents, allocatedOn: credit.entry_date > receivable.issued_on ? credit.entry_date : receivable.issued_on });
    left -= amountCents;
  }
  await storeAllocations(trx, planned, planned.map(() => customerId), now);
  return left;
}

/**
 * Releases live allocations — of a credit (a payment reversed) or to an invoice's receivables (an invoice voided) —
 * giving their cents back to both sides. The rows stay, marked with when and why, as the history shows them.
 */
export async function releaseAllocations(trx: Db, customerId: string, which: { creditEntryId: string } | { invoiceId: string }, reason: string, now: Date): Promise<number> {
  await lockLedgers(trx, [customerId]);
  let query = trx.updateTable('allocations').set({ released_at: now, released_reason: reason })
    .where('customer_id', '=', customerId)
    .where('released_at', 'is', null);
  query = 'creditEntryId' in which
    ? query.where('credit_entry_id', '=', which.creditEntryId)
    : query.where('receivable_id', 'in', (eb) => eb.selectFrom('receivables').select('id').where('invoice_id', '=', which.invoiceId));
  const released = await query.returning(['credit_entry_id', 'receivable_id', 'amount_cents']).execute();
  if (released.length === 0) return 0;
  await sql`UPDATE ledger_entries e SET open_cents = e.open_cents + r.amount
    FROM (SELECT id, sum(amount::bigint) AS amount FROM unnest(${sqlTextArray(released.map((row) => row.credit_entry_id))}::text[],
      ${sqlTextArray(released.map((row) => row.amount_cents))}::text[]) AS u(id, amount) GROUP BY id) r
    WHERE e.id = r.id`.execute(trx);
  await sql`UPDATE receivables v SET open_cents = v.open_cents + r.amount
    FROM (SELECT id, sum(amount::bigint) AS amount FROM unnest(${sqlTextArray(released.map((row) => row.receivable_id))}::text[],
      ${sqlTextArray(released.map((row) => row.amount_cents))}::text[]) AS u(id, amount) GROUP BY id) r
    WHERE v.id = r.id`.execute(trx);
  return released.reduce((sum, row) => sum + Number(row.amount_cents), 0);
}

export interface ReceivableInput {
  customerId: string;
  ledgerEntryId: string;
  invoiceId: string | null;
  category: ReceivableCategory;
  issuedOn: string;
  dueDate: string;
  orderKey: string;
  amountCents: number;
}

/** Stores receivables, open in full, set-based. Returns their ids in the order given. */
export async function insertReceivables(trx: Db, receivables: readonly ReceivableInput[]): Promise<string[]> {
  if (receivables.length === 0) return [];
  const ids = receivables.map(() => newId());
  const column = (pick: (receivable: ReceivableInput) => string | number | null) => sqlTextArray(receivables.map(pick));
  await sql`INSERT INTO receivables (id, customer_id, ledger_entry_id, invoice_id, category, issued_on, due_date, order_key, amount_cents, open_cents)
    SELECT u.id, u.customer_id, u.entry_id, u.invoice_id, u.category, u.issued_on::date, u.due_date::date, u.order_key, u.amount::bigint, u.amount::bigint
    FROM unnest(${sqlTextArray(ids)}::text[], ${column((r) => r.customerId)}::text[], ${column((r) => r.ledgerEntryId)}::text[],
      ${column((r) => r.invoiceId)}::text[], ${column((r) => r.category)}::text[], ${column((r) => r.issuedOn)}::text[],
      ${column((r) => r.dueDate)}::text[], ${column((r) => r.orderKey)}::text[], ${column((r) => r.amountCents)}::text[])
      AS u(id, customer_id, entry_id, invoice_id, category, issued_on, due_date, order_key, amount)`.execute(trx);
  return ids;
}

/**
 * Stores planned allocations and takes their cents off both sides' open cents. `writtenOpen`: credits written
 * just now with what they leave open already (insertCreditsAndSettle), whose open cents are not taken off again.
 */
async function storeAllocations(trx: Db, planned: readonly PlannedAllocation[], customerIds: readonly string[], now: Date, writtenOpen?: ReadonlySet<string>): Promise<void> {
  if (planned.length === 0) return;
  const amounts = sqlTextArray(planned.map((allocation) => allocation.amountCents));
  await sql`INSERT INTO allocations (id, customer_id, credit_entry_id, receivable_id, amount_cents, allocated_on, created_at)
    SELECT u.id, u.customer_id, u.credit_id, u.receivable_id, u.amount::bigint, u.allocated_on::date, ${now}
    FROM unnest(${sqlTextArray(planned.map(() => newId()))}::text[], ${sqlTextArray(customerIds)}::text[],
      ${sqlTextArray(planned.map((allocation) => allocation.creditId))}::text[], ${sqlTextArray(planned.map((allocation) => allocation.receivableId))}::text[],
      ${amounts}::text[], ${sqlTextArray(planned.map((allocation) => allocation.allocatedOn))}::text[])
      AS u(id, customer_id, credit_id, receivable_id, amount, allocated_on)`.execute(trx);
  const fromCredits = writtenOpen ? planned.filter((allocation) => !writtenOpen.has(allocation.creditId)) : planned;
  if (fromCredits.length > 0) {
    await sql`UPDATE ledger_entries e SET open_cents = e.open_cents - r.amount
      FROM (SELECT id, sum(amount::bigint) AS amount FROM unnest(${sqlTextArray(fromCredits.map((allocation) => allocation.creditId))}::text[],
        ${sqlTextArray(fromCredits.map((allocation) => allocation.amountCents))}::text[]) AS u(id, amount) GROUP BY id) r
      WHERE e.id = r.id`.execute(trx);
  }
  await sql`UPDATE receivables v SET open_cents = v.open_cents - r.amount
    FROM (SELECT id, sum(amount::bigint) AS amount FROM unnest(${sqlTextArray(planned.map((allocation) => allocation.receivableId))}::text[], ${amounts}::text[])
      AS u(id, amount) GROUP BY id) r
    WHERE v.id = r.id`.execute(trx);
}

/** Rows grouped by a key, in the order they came. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(key(item));
    if (group) group.push(item);
    else groups.set(key(item), [item]);
  }
  return groups;
}
