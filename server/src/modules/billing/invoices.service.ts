import { sql, type Selectable } from 'kysely';
import type { InvoiceDetail, InvoiceList, InvoiceSummary, LineExplanation, StaffInvoiceList, StaffInvoiceSearchQuery } from '@up/common/contracts/billing';
import { roundHalfUp, NANO_EUROS_PER_CENT } from '@up/common/money';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { conflict, notFound } from '../../infra/errors.js';
import type { ChargeExplanation, InvoiceLineRow, InvoiceRow } from './billing.tables.js';
import { rigaDate } from '@up/common/riga-time';
import { claimPeriodOf } from './claims.service.js';
import { customerBalance } from './ledger.js';
import { readTariffVersions } from './tariffs.repository.js';
import { tariffVersionView } from './tariffs.service.js';

type StoredInvoice = Selectable<InvoiceRow>;

/** BIL-15: the customer's invoices and credit notes, newest first, with its balance from the ledger. */
export async function listInvoices(deps: Deps, customerId: string): Promise<InvoiceList> {
  const rows = await deps.db.selectFrom('invoices').selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('issue_date', 'desc').orderBy('sequence', 'desc')
    .limit(500)
    .execute();
  const [numbers, open] = await Promise.all([referencedNumbers(deps.db, rows), openCentsOf(deps.db, rows)]);
  return { balanceCents: await customerBalance(deps.db, customerId), invoices: rows.map((row) => summaryOf(row, numbers, open)) };
}

/** One invoice of the customer with its lines (another customer's answers 404, as if it did not exist). */
export async function getInvoice(deps: Deps, customerId: string, invoiceId: string): Promise<InvoiceDetail> {
  const invoice = await findCustomerInvoice(deps.db, customerId, invoiceId);
  return detailOf(deps, invoice);
}

export async function findCustomerInvoice(db: Db, customerId: string, invoiceId: string): Promise<StoredInvoice> {
  const invoice = await db.selectFrom('invoices').selectAll().where('id', '=', invoiceId).where('customer_id', '=', customerId).executeTakeFirst();
  if (!invoice) throw invoiceNotFound();
  return invoice;
}

export function invoiceNotFound() {
  return notFound('INVOICE_NOT_FOUND', 'No such invoice among the customer\'s');
}

export async function detailOf(deps: Deps, invoice: StoredInvoice): Promise<InvoiceDetail> {
  const [lines, numbers, open, settlements, creditNotes, replacedBy] = await Promise.all([
    readLines(deps.db, invoice.id),
    referencedNumbers(deps.db, [invoice]),
    openCentsOf(deps.db, [invoice]),
    settlementsOf(deps.db, invoice.id),
    deps.db.selectFrom('invoices').select(['id', 'number', 'gross_cents']).where('corrects_invoice_id', '=', invoice.id).orderBy('sequence').execute(),
    deps.db.selectFrom('invoices').select(['id', 'number']).where('replaces_invoice_id', '=', invoice.id).executeTakeFirst(),
  ]);
  const chargeIds = lines.flatMap((line) => (line.charge_id ? [line.charge_id] : []));
  const charges = chargeIds.length === 0 ? [] : await deps.db.selectFrom('billing_charges').select(['id', 'explanation'])
    .where('customer_id', '=', invoice.customer_id).where('id', 'in', chargeIds).execute();
  const explained = new Set(charges.filter((charge) => isExplained(charge.explanation)).map((charge) => charge.id));
  return {
    ...summaryOf(invoice, numbers, open),
    periodStart: invoice.period_start,
    periodEnd: invoice.period_end,
    paymentReference: invoice.payment_reference,
    payee: { name: deps.operator.legalName, iban: deps.operator.billing.payee.iban, bic: deps.operator.billing.payee.bic },
    buyer: { name: invoice.buyer.name, customerNumber: invoice.buyer.customerNumber, address: invoice.buyer.address },
    lines: lines.map((line) => lineOf(line, line.charge_id !== null && explained.has(line.charge_id))),
    vatBreakdown: invoice.vat_breakdown,
    hasEInvoice: invoice.buyer.kind === 'company',
    reason: invoice.reason,
    customerId: invoice.customer_id,
    creditNotes: creditNotes.map((note) => ({ id: note.id, number: note.number, grossCents: note.gross_cents })),
    replacedBy: replacedBy ?? null,
    correctsInvoiceId: invoice.corrects_invoice_id,
    replacesInvoiceId: invoice.replaces_invoice_id,
    claimPeriod: claimPeriodOf(invoice, rigaDate(deps.clock.now())),
    settlements,
  };
}

/** What is still open of each issued invoice (the sum of its open parts, BIL-5). */
async function openCentsOf(db: Db, rows: readonly StoredInvoice[]): Promise<Map<string, number>> {
  const ids = rows.filter((row) => row.kind === 'invoice' && row.status === 'issued').map((row) => row.id);
  if (ids.length === 0) return new Map();
  const open = await db.selectFrom('receivables').select(['invoice_id', sql<string>`sum(open_cents)::text`.as('cents')])
    .where('invoice_id', 'in', ids).groupBy('invoice_id').execute();
  return new Map(open.map((row) => [row.invoice_id!, Number(row.cents)]));
}

/** The money allocated to the invoice's parts, oldest first, with what each came from. */
async function settlementsOf(db: Db, invoiceId: string): Promise<InvoiceDetail['settlements']> {
  const rows = await db.selectFrom('allocations as a')
    .innerJoin('receivables as r', 'r.id', 'a.receivable_id')
    .innerJoin('ledger_entries as e', 'e.id', 'a.credit_entry_id')
    .select(['e.kind', 'e.reference', 'e.entry_date', 'r.category', 'a.amount_cents', 'a.allocated_on', 'a.released_at'])
    .where('r.invoice_id', '=', invoiceId)
    .orderBy('a.allocated_on').orderBy('a.created_at')
    .execute();
  return rows.map((row) => ({
    // money held before the invoice (BIL-3) shows as credit; a payment that arrived later as the payment
    kind: row.kind === 'credit_note' || row.kind === 'void' ? row.kind : row.kind === 'payment' && row.entry_date >= row.allocated_on ? 'payment' : 'credit',
    reference: row.reference, category: row.category, amountCents: row.amount_cents, allocatedOn: row.allocated_on,
    releasedOn: row.released_at ? row.released_at.toISOString().slice(0, 10) : null,
  }));
}

/** A line is explained when it has days of energy or a reason (a correction). */
function isExplained(explanation: ChargeExplanation | null | undefined): boolean {
  return (explanation?.days?.length ?? 0) > 0 || Boolean(explanation?.reason);
}

export async function readLines(db: Db, invoiceId: string) {
  return db.selectFrom('invoice_lines').selectAll().where('invoice_id', '=', invoiceId).orderBy('line_number').execute();
}

/**
 * "Why is this line 23.41 €" (issue 12 point 7): an energy line's kWh and money by day with the tariff version
 * that priced it; a correction's reason and the invoice it corrects. Each day's amount is shown rounded to a
 * hundredth of a cent; the line itself is the exact sum rounded once.
 */
export async function explainLine(deps: Deps, customerId: string, invoiceId: string, lineNumber: number): Promise<LineExplanation> {
  const invoice = await findCustomerInvoice(deps.db, customerId, invoiceId);
  const line = await deps.db.selectFrom('invoice_lines').selectAll().where('invoice_id', '=', invoiceId).where('line_number', '=', lineNumber).executeTakeFirst();
  if (!line) throw notFound('INVOICE_LINE_NOT_FOUND', 'The invoice has no such line');
  const charge = line.charge_id
    ? await deps.db.selectFrom('billing_charges').select(['explanation']).where('id', '=', line.charge_id).executeTakeFirst()
    : undefined;
  const explanation: ChargeExplanation = charge?.explanation ?? {};
  let tariff: LineExplanation['tariff'] = null;
  if (explanation.tariffVersionId) {
    const tariffRow = await deps.db.selectFrom('tariff_versions as v').innerJoin('tariffs as t', 't.id', 'v.tariff_id')
      .select(['t.id', 't.code', 't.name']).where('v.id', '=', explanation.tariffVersionId).executeTakeFirst();
    const versions = tariffRow ? (await readTariffVersions(deps.db, [tariffRow.id])).get(tariffRow.id) ?? [] : [];
    const version = versions.find((candidate) => candidate.id === explanation.tariffVersionId);
    if (tariffRow && version) tariff = { code: tariffRow.code, name: tariffRow.name, version: tariffVersionView(version) };
  }
  const corrected = explanation.correctsInvoiceNumber
    ? await deps.db.selectFrom('invoices').select('id').where('customer_id', '=', customerId).where('number', '=', explanation.correctsInvoiceNumber).executeTakeFirst()
    : undefined;
  return {
    invoiceId: invoice.id,
    invoiceNumber: invoice.number,
    line: lineOf(line, isExplained(explanation)),
    objectId: explanation.objectId ?? null,
    tariff,
    days: (explanation.days ?? []).map((day) => ({
      // nano-euros → cents with two decimals, for showing only
      day: day.day, wh: day.wh, amountCents: roundHalfUp(Number(day.nanoEuros), NANO_EUROS_PER_CENT / 100) / 100,
    })),
    correctsInvoiceNumber: explanation.correctsInvoiceNumber ?? null,
    correctsInvoiceId: corrected?.id ?? null,
    reason: explanation.reason ?? null,
  };
}

/** The back office's invoice search: by number, customer number or name, and period. */
export async function searchInvoices(deps: Deps, query: StaffInvoiceSearchQuery): Promise<StaffInvoiceList> {
  let select = deps.db.selectFrom('invoices').selectAll().orderBy('issue_date', 'desc').orderBy('number', 'desc').limit(200);
  if (query.period) select = select.where('period', '=', query.period);
  if (query.toPrint) select = select.where('delivery_channel', '=', 'post').where('delivered_at', 'is', null).where('status', '=', 'issued');
  if (query.q) {
    const pattern = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    select = select.where((eb) => eb.or([
      eb('number', 'ilike', pattern),
      eb(eb.ref('buyer', '->>').key('customerNumber'), 'ilike', pattern),
      eb(eb.ref('buyer', '->>').key('name'), 'ilike', pattern),
    ]));
  }
  const rows = await select.execute();
  const [numbers, open] = await Promise.all([referencedNumbers(deps.db, rows), openCentsOf(deps.db, rows)]);
  return rows.map((row) => ({
    ...summaryOf(row, numbers, open), deliveredAt: row.delivered_at?.toISOString() ?? null,
    customerId: row.customer_id, customerNumber: row.buyer.customerNumber, customerName: row.buyer.name,
  }));
}

/** BIL-2: a paper invoice is delivered when the back office has printed it for posting. */
export async function markInvoicePrinted(deps: Deps, invoiceId: string): Promise<void> {
  const marked = await deps.db.updateTable('invoices').set({ delivered_at: deps.clock.now() })
    .where('id', '=', invoiceId).where('delivery_channel', '=', 'post').where('delivered_at', 'is', null)
    .returning('id').executeTakeFirst();
  if (marked) return;
  const invoice = await deps.db.selectFrom('invoices').select(['delivery_channel']).where('id', '=', invoiceId).executeTakeFirst();
  if (!invoice) throw notFound('INVOICE_NOT_FOUND', 'No such invoice');
  if (invoice.delivery_channel !== 'post') throw conflict('NOT_BY_POST', 'This invoice is not delivered by post');
}

export async function getInvoiceForStaff(deps: Deps, invoiceId: string): Promise<InvoiceDetail> {
  const invoice = await deps.db.selectFrom('invoices').selectAll().where('id', '=', invoiceId).executeTakeFirst();
  if (!invoice) throw notFound('INVOICE_NOT_FOUND', 'No such invoice');
  return detailOf(deps, invoice);
}

function summaryOf(row: StoredInvoice, numbers: ReadonlyMap<string, string>, open: ReadonlyMap<string, number>): InvoiceSummary {
  return {
    id: row.id, kind: row.kind, number: row.number, period: row.period, issueDate: row.issue_date, dueDate: row.due_date, status: row.status,
    netCents: row.net_cents, vatCents: row.vat_cents, grossCents: row.gross_cents, prepaidCents: row.prepaid_cents, payableCents: row.payable_cents,
    openCents: open.get(row.id) ?? 0, deliveryChannel: row.delivery_channel,
    correctsInvoiceNumber: row.corrects_invoice_id ? numbers.get(row.corrects_invoice_id) ?? null : null,
    replacesInvoiceNumber: row.replaces_invoice_id ? numbers.get(row.replaces_invoice_id) ?? null : null,
  };
}

function lineOf(line: Selectable<InvoiceLineRow>, explained: boolean) {
  return {
    lineNumber: line.line_number, source: line.source, description: line.description, quantity: line.quantity, unitCode: line.unit_code,
    unitPrice: line.unit_price, netCents: line.net_cents, vatPercent: line.vat_percent, periodStart: line.period_start, periodEnd: line.period_end,
    explained,
  };
}

/** The numbers of the invoices these ones correct or replace. */
async function referencedNumbers(db: Db, rows: readonly StoredInvoice[]): Promise<Map<string, string>> {
  const ids = [...new Set(rows.flatMap((row) => [row.corrects_invoice_id, row.replaces_invoice_id]).filter((id): id is string => id !== null))];
  if (ids.length === 0) return new Map();
  const found = await db.selectFrom('invoices').select(['id', 'number']).where('id', 'in', ids).execute();
  return new Map(found.map((row) => [row.id, row.number]));
}
