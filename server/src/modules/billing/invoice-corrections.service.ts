import type { CorrectionBody, CreditNoteBody, VoidInvoiceBody } from '@up/common/contracts/billing';
import { creditorReference } from '@up/common/creditor-reference';
import { dueDay, rigaDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import { conflict, invalidField, notFound } from '../../infra/errors.js';
import { newId } from '../../infra/ids.js';
import type { Db } from '../../infra/db.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { findCustomerById } from '../customers/index.js';
import { billingPeriod } from './billing-period.js';
import { centsAsPrice } from './charge-rating.js';
import { insertCharges } from './billing-run.service.js';
import { amountColumns, buyerOf, Columns, insertLedgerEntries, insertLines, issueInvoices, takeNumbers } from './invoice-issuing.js';
import { invoiceAmounts } from './invoice-totals.js';
import { CATEGORY_PRIORITY } from './receivable-parts.js';
import { recordLedgerEntry } from './ledger.js';
import { allocateCreditTo, insertReceivables, releaseAllocations, settleCustomers } from './clearing.js';

/**
 * Voiding (issue 12 point 4): the invoice keeps its number and shows as void; its amount is reversed in the
 * ledger; its charges are free again — reissued at once as a new invoice (a new number, "replaces N") or, without
 * a reissue, carried into the customer's next invoice. Everything in one transaction with its audit event.
 */
export async function voidInvoice(deps: Deps, actor: Actor, invoiceId: string, body: VoidInvoiceBody): Promise<{ id: string | null }> {
  const now = deps.clock.now();
  const today = rigaDate(now);
  return deps.db.transaction().execute(async (trx) => {
    const invoice = await trx.selectFrom('invoices').selectAll().where('id', '=', invoiceId).forUpdate().executeTakeFirst();
    if (!invoice) throw notFound('INVOICE_NOT_FOUND', 'No such invoice');
    if (invoice.kind !== 'invoice') throw conflict('NOT_AN_INVOICE', 'A credit note is not voided: issue an invoice instead');
    if (invoice.status === 'void') throw conflict('INVOICE_VOID', `Invoice ${invoice.number} is void already`);
    const credited = await trx.selectFrom('invoices').select('id').where('corrects_invoice_id', '=', invoiceId).where('kind', '=', 'credit_note').executeTakeFirst();
    if (credited) throw conflict('INVOICE_CREDITED', `Invoice ${invoice.number} has a credit note: correct it with another credit note`);
    await trx.updateTable('invoices').set({ status: 'void', voided_at: now, reason: body.reason }).where('id', '=', invoiceId).execute();
    await cancelInLedger(trx, invoice, today, now);
    await trx.updateTable('billing_charges').set({ invoice_id: null })
      .where('customer_id', '=', invoice.customer_id)
      .where('id', 'in', (eb) => eb.selectFrom('invoice_lines').select('charge_id').where('invoice_id', '=', invoiceId).where('charge_id', 'is not', null))
      .execute();
    let reissuedId: string | null = null;
    if (body.reissue) {
      const rules = deps.operator.billing;
      await issueInvoices(trx, {
        period: billingPeriod(invoice.period), issueDate: today, dueDate: dueDay(today, rules.paymentTermDays, rules.extraPublicHolidays),
        seriesPrefix: rules.invoiceSeries, runId: null, replacesInvoiceId: invoiceId, now,
      }, [invoice.customer_id]);
      const reissued = await trx.selectFrom('invoices').select('id').where('replaces_invoice_id', '=', invoiceId).executeTakeFirst();
      reissuedId = reissued?.id ?? null;
    }
    // BIL-5: money that paid the void invoice and was not taken by a reissue pays what else is open, or stays credit
    await settleCustomers(trx, [invoice.customer_id], today, now);
    await recordAudit(trx, actor, {
      customerId: invoice.customer_id, action: 'billing.invoice_voided', objectType: 'invoice', objectId: invoiceId,
      details: { number: invoice.number, grossCents: invoice.gross_cents, reason: body.reason, reissuedId },
    }, now);
    return { id: reissuedId };
  });
}

/**
 * A credit note (issue 12 point 4): its own gap-free series, referencing the invoice it corrects; what it credits
 * (never more than the invoice's gross less earlier credit notes) is the customer's credit in the ledger, which the
 * next invoice uses (BIL-3) or a refund pays out.
 */
export async function issueCreditNote(deps: Deps, actor: Actor, invoiceId: string, body: CreditNoteBody): Promise<{ id: string }> {
  const now = deps.clock.now();
  const today = rigaDate(now);
  return deps.db.transaction().execute(async (trx) => {
    const invoice = await trx.selectFrom('invoices').selectAll().where('id', '=', invoiceId).forUpdate().executeTakeFirst();
    if (!invoice) throw notFound('INVOICE_NOT_FOUND', 'No such invoice');
    if (invoice.kind !== 'invoice' || invoice.status !== 'issued') throw conflict('NOT_CREDITABLE', `${invoice.number} is not an issued invoice`);
    const lines = body.lines.map((line) => ({ netCents: line.netCents, vatCategory: 'S', vatPercent: line.vatPercent }));
    const amounts = invoiceAmounts(lines, 0);
    const earlier = await trx.selectFrom('invoices').select((eb) => eb.fn.coalesce(eb.fn.sum<number>('gross_cents'), eb.lit(0)).as('total'))
      .where('corrects_invoice_id', '=', invoiceId).where('kind', '=', 'credit_note').executeTakeFirstOrThrow();
    const left = invoice.gross_cents - Number(earlier.total);
    if (amounts.grossCents > left) throw invalidField('lines', `credits ${amounts.grossCents} cents with VAT; at most ${left} are left to credit on ${invoice.number}`);

    const year = today.slice(0, 4);
    const series = `${deps.operator.billing.creditNoteSeries}-${year}`;
    const sequence = await takeNumbers(trx, series, 1);
    const number = `${series}-${String(sequence).padStart(6, '0')}`;
    const id = newId();
    const customer = await findCustomerById(trx, invoice.customer_id);
    await trx.insertInto('invoices').values({
      id, customer_id: invoice.customer_id, kind: 'credit_note', series, sequence, number, period: invoice.period,
      period_start: invoice.period_start, period_end: invoice.period_end, issue_date: today, due_date: null, status: 'issued',
      language: invoice.language, buyer: JSON.stringify(customer ? buyerOf(customer) : invoice.buyer),
      delivery_channel: invoice.delivery_channel, delivery_address: invoice.delivery_address, ...amountColumns(amounts),
      payment_reference: creditorReference(`K${year}${String(sequence).padStart(6, '0')}`), corrects_invoice_id: invoiceId,
      reason: body.reason, created_by: actor.userId, created_at: now,
    }).execute();
    const lineColumns = new Columns();
    body.lines.forEach((line, index) => lineColumns.push({
      invoice_id: id, line_number: index + 1, customer_id: invoice.customer_id, charge_id: null, source: 'correction',
      description: JSON.stringify({ lv: line.description, en: line.description, ru: line.description }), quantity: '1', unit_code: 'C62',
      unit_price: centsAsPrice(line.netCents), net_cents: line.netCents, vat_category: 'S', vat_percent: line.vatPercent,
      period_start: invoice.period_start, period_end: invoice.period_end,
    }));
    await insertLines(trx, lineColumns);
    const ledger = new Columns();
    const entryId = newId();
    ledger.push({ id: entryId, customer_id: invoice.customer_id, entry_date: today, kind: 'credit_note', amount_cents: -amounts.grossCents, invoice_id: id, reference: number });
    await insertLedgerEntries(trx, ledger, now);
    // the credit note lowers what its invoice still asks for first; what is left pays other debts or stays credit (BIL-3)
    await allocateCreditTo(trx, invoice.customer_id, entryId, await openPartsOf(trx, invoiceId), now);
    await settleCustomers(trx, [invoice.customer_id], today, now);
    await recordAudit(trx, actor, {
      customerId: invoice.customer_id, action: 'billing.credit_note_issued', objectType: 'invoice', objectId: id,
      details: { number, correctsNumber: invoice.number, grossCents: amounts.grossCents, reason: body.reason },
    }, now);
    return { id };
  });
}

/**
 * BIL-7: a justified claim's correction is carried into the next period's invoice: a charge of this month
 * (negative gives money back) that the next billing run puts on the customer's invoice with its reason.
 */
export async function addCorrection(deps: Deps, actor: Actor, customerId: string, body: CorrectionBody): Promise<{ id: string }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => ({ id: await addCorrectionIn(trx, actor, customerId, body, now) }));
}

/** addCorrection in the caller's transaction (an accepted claim adds its correction with its decision). Returns the charge's id. */
export async function addCorrectionIn(trx: Db, actor: Actor, customerId: string, body: CorrectionBody, now: Date): Promise<string> {
  if (body.netCents === 0) throw invalidField('netCents', 'must not be 0');
  const period = billingPeriod(rigaDate(now).slice(0, 7));
  const corrected = body.correctsInvoiceId
    ? await trx.selectFrom('invoices').select(['number']).where('id', '=', body.correctsInvoiceId).where('customer_id', '=', customerId).executeTakeFirst()
    : undefined;
  if (body.correctsInvoiceId && !corrected) throw invalidField('correctsInvoiceId', 'no such invoice of the customer');
  const key = `correction:${newId()}`;
  await insertCharges(trx, [{
    customer_id: customerId, contract_id: null, period: period.period, source: 'correction', source_key: key,
    description: { lv: body.description, en: body.description, ru: body.description },
    quantity: body.netCents < 0 ? '-1' : '1', unit_code: 'C62', unit_price: centsAsPrice(Math.abs(body.netCents)), net_cents: body.netCents,
    vat_category: 'S', vat_percent: body.vatPercent, period_start: period.start, period_end: period.end,
    explanation: { reason: body.reason, correctsInvoiceNumber: corrected?.number },
  }], now);
  const charge = await trx.selectFrom('billing_charges').select('id').where('customer_id', '=', customerId).where('source_key', '=', key).executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    customerId, action: 'billing.correction_added', objectType: 'charge', objectId: charge.id,
    details: { netCents: body.netCents, reason: body.reason, correctsNumber: corrected?.number ?? null },
  }, now);
  return charge.id;
}

/**
 * A void in the ledger: the money allocated to the invoice is released, and the void entry (its gross, reversed)
 * clears the invoice's parts, so the void invoice asks for nothing and its money is free again. A negative invoice
 * (a credit) is cancelled the other way round: the void is a debit its own credit pays.
 */
async function cancelInLedger(trx: Db, invoice: { id: string; customer_id: string; number: string; gross_cents: number; due_date: string | null }, today: string, now: Date) {
  if (invoice.gross_cents === 0) return;
  const reason = `invoice ${invoice.number} voided`;
  await releaseAllocations(trx, invoice.customer_id, { invoiceId: invoice.id }, reason, now);
  const invoiceEntry = await trx.selectFrom('ledger_entries').select('id').where('invoice_id', '=', invoice.id).where('kind', '=', 'invoice').executeTakeFirstOrThrow();
  if (invoice.gross_cents < 0) await releaseAllocations(trx, invoice.customer_id, { creditEntryId: invoiceEntry.id }, reason, now);
  const voidEntryId = await recordLedgerEntry(trx, {
    customerId: invoice.customer_id, entryDate: today, kind: 'void', amountCents: -invoice.gross_cents, invoiceId: invoice.id, reference: invoice.number,
  }, now);
  if (voidEntryId === null) return;
  if (invoice.gross_cents > 0) {
    await allocateCreditTo(trx, invoice.customer_id, voidEntryId, await openPartsOf(trx, invoice.id), now);
  } else {
    const [reversal] = await insertReceivables(trx, [{
      customerId: invoice.customer_id, ledgerEntryId: voidEntryId, invoiceId: invoice.id, category: 'reversal', issuedOn: today,
      dueDate: today, orderKey: invoice.number, amountCents: -invoice.gross_cents,
    }]);
    await allocateCreditTo(trx, invoice.customer_id, invoiceEntry.id, [reversal!], now);
  }
}

/** The invoice's open parts in the order payments pay them (BIL-5). */
async function openPartsOf(trx: Db, invoiceId: string): Promise<string[]> {
  const parts = await trx.selectFrom('receivables').select(['id', 'category']).where('invoice_id', '=', invoiceId).where('open_cents', '>', 0).execute();
  return parts.sort((a, b) => CATEGORY_PRIORITY.indexOf(a.category) - CATEGORY_PRIORITY.indexOf(b.category)).map((part) => part.id);
}
