import { sql, type Selectable } from 'kysely';
import { creditorReference } from '@up/common/creditor-reference';
import type { Db } from '../../infra/db.js';
import { newId } from '../../infra/ids.js';
import { sqlTextArray } from '../../infra/sql-arrays.js';
import { findCustomersByIds } from '../customers/index.js';
import type { BillingChargeRow, DeliveryChannel, InvoiceBuyer } from './billing.tables.js';
import type { BillingPeriod } from './billing-period.js';
import { invoiceAmounts, type InvoiceAmounts } from './invoice-totals.js';
import { customerBalances } from './ledger.js';
import { groupBy, insertReceivables, settleCustomers, type ReceivableInput } from './clearing.js';
import { receivableParts } from './receivable-parts.js';

/** Where the issued invoices of one batch go and how they are numbered. */
export interface IssueContext {
  period: BillingPeriod;
  issueDate: string;
  dueDate: string;
  /** the operator's invoice series prefix ('DE' → DE-2026-000001) */
  seriesPrefix: string;
  runId: string | null;
  /** a reissue: the voided invoice the new one replaces */
  replacesInvoiceId?: string;
  now: Date;
}

export interface IssuedBatch {
  invoices: number;
  grossCents: number;
  payableCents: number;
}

/** The order of lines on an invoice: energy first, then fees, sessions, instalments, services, corrections, late interest. */
const SOURCE_ORDER = ['energy', 'grid_energy', 'capacity_fee', 'fixed_fee', 'charging_session', 'instalment', 'service', 'correction', 'late_interest'];

/**
 * BIL-9, BIL-3: one invoice per customer combining every open charge of the period and earlier (a charge that
 * arrived after its period's invoice, such as a correction, is carried into the next one), reduced by the
 * credit the customer holds. Customers are numbered in id order, so a run resumed after a crash numbers the
 * rest exactly as an uninterrupted one would. Set-based: a handful of statements per batch, whatever its size.
 * Runs inside the caller's transaction; the numbers it takes are returned with a rollback (no gaps).
 */
export async function issueInvoices(trx: Db, context: IssueContext, customerIds: readonly string[]): Promise<IssuedBatch> {
  const [charges, balances, customers] = await Promise.all([
    // only what orders and totals the lines: the rest goes from the charge into its line inside PostgreSQL (takeCharges)
    trx.selectFrom('billing_charges')
      .select(['id', 'customer_id', 'period', 'source', 'source_key', 'net_cents', 'vat_category', 'vat_percent'])
      .where('customer_id', 'in', customerIds)
      .where('invoice_id', 'is', null)
      .where('period', '<=', context.period.period)
      .execute(),
    customerBalances(trx, customerIds),
    findCustomersByIds(trx, customerIds),
  ]);
  const chargesByCustomer = groupBy(charges, (charge) => charge.customer_id);
  const billed = customers.filter((customer) => chargesByCustomer.has(customer.id)).sort((a, b) => (a.id < b.id ? -1 : 1));
  if (billed.length === 0) return { invoices: 0, grossCents: 0, payableCents: 0 };

  const year = context.issueDate.slice(0, 4);
  const series = `${context.seriesPrefix}-${year}`;
  const firstSequence = await takeNumbers(trx, series, billed.length);

  const invoices = new Columns();
  const lines = new Columns();
  const ledger = new Columns();
  const receivables: ReceivableInput[] = [];
  let grossCents = 0;
  let payableCents = 0;

  billed.forEach((customer, index) => {
    const ordered = chargesByCustomer.get(customer.id)!.sort(byLineOrder);
    const amounts = invoiceAmounts(ordered.map(asTotalled), Math.max(0, -(balances.get(customer.id) ?? 0)));
    const sequence = firstSequence + index;
    const number = `${series}-${String(sequence).padStart(6, '0')}`;
    const invoiceId = newId();
    const channel = customer.invoice_channel as DeliveryChannel;
    invoices.push({
      id: invoiceId, customer_id: customer.id, series, sequence, number,
      period: context.period.period, period_start: context.period.start, period_end: context.period.end,
      issue_date: context.issueDate, due_date: context.dueDate, language: customer.language,
      buyer: JSON.stringify(buyerOf(customer)), delivery_channel: channel,
      delivery_address: channel === 'post' ? customer.postal_address : channel === 'email' ? customer.email : null,
      ...amountColumns(amounts), billing_run_id: context.runId, replaces_invoice_id: context.replacesInvoiceId ?? null, payment_reference: creditorReference(`${year}${String(sequence).padStart(6, '0')}`),
    });
    ordered.forEach((charge, lineIndex) => {
      lines.push({ customer_id: customer.id, source_key: charge.source_key, invoice_id: invoiceId, line_number: lineIndex + 1 });
    });
    if (amounts.grossCents !== 0) {
      const entryId = newId();
      ledger.push({ id: entryId, customer_id: customer.id, entry_date: context.issueDate, kind: 'invoice', amount_cents: amounts.grossCents, invoice_id: invoiceId, reference: number });
      // BIL-5: what the invoice asks for, in parts that payments pay in order
      for (const part of receivableParts(ordered.map(asPartLine), amounts.vatBreakdown, amounts.grossCents)) {
        receivables.push({
          customerId: customer.id, ledgerEntryId: entryId, invoiceId, category: part.category, issuedOn: context.issueDate,
          dueDate: context.dueDate, orderKey: number, amountCents: part.amountCents,
        });
      }
    }
    grossCents += amounts.grossCents;
    payableCents += amounts.payableCents;
  });

  await insertInvoices(trx, invoices, context.now);
  await takeCharges(trx, lines, billed.map((customer) => customer.id));
  await insertLedgerEntries(trx, ledger, context.now);
  await insertReceivables(trx, receivables);
  // BIL-3: credit the customers hold (advance payments, credit notes, overpayments) pays the new invoices
  await settleCustomers(trx, billed.map((customer) => customer.id), context.issueDate, context.now);
  return { invoices: billed.length, grossCents, payableCents };
}

/**
 * Takes each charge onto its invoice: marks it with the invoice and copies it into the invoice's line in one
 * statement, so its description, quantity and price go from row to row inside PostgreSQL (not out to the run and
 * back as text to parse again). Charges are found by their (customer_id, source_key) key, whose index follows the
 * customers' order; the batch's range of customers (in the database's
 * collation) only helps the planner: it keeps a first execution from hashing the whole table.
 */
async function takeCharges(trx: Db, c: Columns, customerIds: readonly string[]) {
  if (c.length === 0) return;
  const customers = sqlTextArray(customerIds);
  await sql`WITH taken AS (
      UPDATE billing_charges ch SET invoice_id = u.invoice_id
      FROM unnest(${c.get('customer_id')}::text[], ${c.get('source_key')}::text[], ${c.get('invoice_id')}::text[], ${c.get('line_number')}::integer[])
        AS u(customer_id, source_key, invoice_id, line_number)
      WHERE ch.customer_id = u.customer_id AND ch.source_key = u.source_key
        AND ch.customer_id >= (SELECT min(id) FROM unnest(${customers}::text[]) AS b(id))
        AND ch.customer_id <= (SELECT max(id) FROM unnest(${customers}::text[]) AS b(id))
      RETURNING u.invoice_id, u.line_number, ch.customer_id, ch.id, ch.source, ch.description, ch.quantity, ch.unit_code, ch.unit_price,
        ch.net_cents, ch.vat_category, ch.vat_percent, ch.period_start, ch.period_end
    )
    INSERT INTO invoice_lines (invoice_id, line_number, customer_id, charge_id, source, description, quantity, unit_code, unit_price,
      net_cents, vat_category, vat_percent, period_start, period_end)
    SELECT invoice_id, line_number, customer_id, id, source, description, quantity, unit_code, unit_price,
      net_cents, vat_category, vat_percent, period_start, period_end
    FROM taken`.execute(trx);
}

/**
 * Takes `count` consecutive numbers of a gap-free series. The row lock holds until the transaction ends, so
 * concurrent issuers queue, and a rollback gives the numbers back: a series never skips a number.
 */
export async function takeNumbers(trx: Db, series: string, count: number): Promise<number> {
  await trx.insertInto('invoice_series').values({ series, next_number: 1 }).onConflict((oc) => oc.column('series').doNothing()).execute();
  const row = await trx.updateTable('invoice_series')
    .set({ next_number: sql`next_number + ${count}` })
    .where('series', '=', series)
    .returning('next_number')
    .executeTakeFirstOrThrow();
  return row.next_number - count;
}

export function buyerOf(customer: { kind: 'person' | 'company'; name: string; customer_number: string; identity_code: string; vat_number: string | null; postal_address: string | null; email: string | null }): InvoiceBuyer {
  return {
    name: customer.name, kind: customer.kind, customerNumber: customer.customer_number,
    registrationNumber: customer.kind === 'company' ? customer.identity_code : null,
    vatNumber: customer.vat_number, address: customer.postal_address, email: customer.email,
  };
}

export function amountColumns(amounts: InvoiceAmounts) {
  return {
    net_cents: amounts.netCents, vat_cents: amounts.vatCents, gross_cents: amounts.grossCents,
    prepaid_cents: amounts.prepaidCents, payable_cents: amounts.payableCents, vat_breakdown: JSON.stringify(amounts.vatBreakdown),
  };
}

type StoredCharge = Pick<Selectable<BillingChargeRow>, 'period' | 'source' | 'source_key' | 'net_cents' | 'vat_category' | 'vat_percent'>;

function asPartLine(charge: StoredCharge) {
  return { source: charge.source, netCents: charge.net_cents, vatCategory: charge.vat_category, vatPercent: charge.vat_percent };
}

function asTotalled(charge: StoredCharge) {
  return { netCents: charge.net_cents, vatCategory: charge.vat_category, vatPercent: charge.vat_percent };
}

function byLineOrder(a: StoredCharge, b: StoredCharge): number {
  return a.period.localeCompare(b.period)
    || SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source)
    || a.source_key.localeCompare(b.source_key);
}


/** Rows collected column by column, each column passed to unnest as one text[] parameter. */
class Columns {
  readonly columns = new Map<string, (string | number | null)[]>();
  length = 0;
  push(row: Record<string, string | number | null>) {
    for (const [name, value] of Object.entries(row)) {
      let column = this.columns.get(name);
      if (!column) this.columns.set(name, column = []);
      column.push(value);
    }
    this.length++;
  }
  get(name: string) {
    return sqlTextArray(this.columns.get(name) ?? []);
  }
}

async function insertInvoices(trx: Db, c: Columns, now: Date) {
  if (c.length === 0) return;
  await sql`INSERT INTO invoices (id, customer_id, kind, series, sequence, number, period, period_start, period_end, issue_date, due_date,
      status, language, buyer, delivery_channel, delivery_address, net_cents, vat_cents, gross_cents, prepaid_cents, payable_cents,
      vat_breakdown, billing_run_id, replaces_invoice_id, payment_reference, created_at)
    SELECT u.id, u.customer_id, 'invoice', u.series, u.sequence::bigint, u.number, u.period, u.period_start::date, u.period_end::date,
      u.issue_date::date, u.due_date::date, 'issued', u.language, u.buyer::jsonb, u.delivery_channel, u.delivery_address,
      u.net::bigint, u.vat::bigint, u.gross::bigint, u.prepaid::bigint, u.payable::bigint, u.breakdown::jsonb, u.run_id, u.replaces, u.reference, ${now}
    FROM unnest(${c.get('id')}::text[], ${c.get('customer_id')}::text[], ${c.get('series')}::text[], ${c.get('sequence')}::text[],
      ${c.get('number')}::text[], ${c.get('period')}::text[], ${c.get('period_start')}::text[], ${c.get('period_end')}::text[],
      ${c.get('issue_date')}::text[], ${c.get('due_date')}::text[], ${c.get('language')}::text[], ${c.get('buyer')}::text[],
      ${c.get('delivery_channel')}::text[], ${c.get('delivery_address')}::text[], ${c.get('net_cents')}::text[], ${c.get('vat_cents')}::text[],
      ${c.get('gross_cents')}::text[], ${c.get('prepaid_cents')}::text[], ${c.get('payable_cents')}::text[], ${c.get('vat_breakdown')}::text[],
      ${c.get('billing_run_id')}::text[], ${c.get('replaces_invoice_id')}::text[], ${c.get('payment_reference')}::text[])
      AS u(id, customer_id, series, sequence, number, period, period_start, period_end, issue_date, due_date, language, buyer,
        delivery_channel, delivery_address, net, vat, gross, prepaid, payable, breakdown, run_id, replaces, reference)`.execute(trx);
}

export async function insertLines(trx: Db, c: Columns) {
  if (c.length === 0) return;
  await sql`INSERT INTO invoice_lines (invoice_id, line_number, customer_id, charge_id, source, description, quantity, unit_code, unit_price,
      net_cents, vat_category, vat_percent, period_start, period_end)
    SELECT u.invoice_id, u.line_number::integer, u.customer_id, u.charge_id, u.source, u.description::jsonb, u.quantity, u.unit_code,
      u.unit_price, u.net::bigint, u.vat_category, u.vat_percent, u.period_start::date, u.period_end::date
    FROM unnest(${c.get('invoice_id')}::text[], ${c.get('line_number')}::text[], ${c.get('customer_id')}::text[], ${c.get('charge_id')}::text[],
      ${c.get('source')}::text[], ${c.get('description')}::text[], ${c.get('quantity')}::text[], ${c.get('unit_code')}::text[],
      ${c.get('unit_price')}::text[], ${c.get('net_cents')}::text[], ${c.get('vat_category')}::text[], ${c.get('vat_percent')}::text[],
      ${c.get('period_start')}::text[], ${c.get('period_end')}::text[])
      AS u(invoice_id, line_number, customer_id, charge_id, source, description, quantity, unit_code, unit_price, net, vat_category,
        vat_percent, period_start, period_end)`.execute(trx);
}

export async function insertLedgerEntries(trx: Db, c: Columns, now: Date) {
  if (c.length === 0) return;
  // a credit (a negative amount) is open in full until it is allocated (clearing.ts)
  await sql`INSERT INTO ledger_entries (id, customer_id, entry_date, kind, amount_cents, invoice_id, reference, open_cents, created_at)
    SELECT u.id, u.customer_id, u.entry_date::date, u.kind, u.amount::bigint, u.invoice_id, u.reference,
      CASE WHEN u.amount::bigint < 0 THEN -u.amount::bigint END, ${now}
    FROM unnest(${c.get('id')}::text[], ${c.get('customer_id')}::text[], ${c.get('entry_date')}::text[], ${c.get('kind')}::text[],
      ${c.get('amount_cents')}::text[], ${c.get('invoice_id')}::text[], ${c.get('reference')}::text[])
      AS u(id, customer_id, entry_date, kind, amount, invoice_id, reference)`.execute(trx);
}

export { Columns };
