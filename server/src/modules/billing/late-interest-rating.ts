import { sql } from 'kysely';
import type { Db } from '../../infra/db.js';
import { sqlTextArray } from '../../infra/sql-arrays.js';
import type { BillingPeriod } from './billing-period.js';
import { centsAsPrice, type ChargeDraft } from './charge-rating.js';
import { lateInterest, ppmOfPercent, type InterestPayment, type LateInterest } from './late-interest.js';

/** Late interest is compensation, not a supply: outside VAT, printed as exempt with this reason (BR-E-10). */
export const LATE_INTEREST_VAT = { category: 'E', percent: '0' } as const;

export interface InvoiceInterest extends LateInterest {
  customerId: string;
  invoiceId: string;
  invoiceNumber: string;
  dueDate: string;
  /** the interest already put on invoices for this invoice */
  chargedCents: number;
}

/**
 * BIL-10 for these customers' late invoices, counted to `throughDate`: every issued invoice due before that day
 * that is still open, or was paid late on or after `paidSince`. The interest is on the invoice's parts other than
 * interest (no interest on interest); money counts from the day it arrived, a credit note or void from the start.
 */
export async function interestOfLateInvoices(trx: Db, customerIds: readonly string[], throughDate: string, paidSince: string, percentPerDay: string): Promise<InvoiceInterest[]> {
  if (customerIds.length === 0) return [];
  // The customers are joined as a set (not `= ANY(array)`, which a generic plan may test row by row against the
  // whole array), and their receivables found through (customer_id, due_date): a batch costs what its customers have.
  const late = await sql<{ customer_id: string; invoice_id: string; number: string; due_date: string; amount_cents: string }>`
    SELECT r.customer_id, r.invoice_id, i.number, i.due_date::text AS due_date, sum(r.amount_cents)::text AS amount_cents
    FROM receivables r JOIN invoices i ON i.id = r.invoice_id
    WHERE r.category IN ('product', 'supply', 'service')
      AND i.kind = 'invoice' AND i.status = 'issued' AND i.due_date < ${throughDate}
      AND r.invoice_id IN (
        SELECT r2.invoice_id FROM unnest(${sqlTextArray([...new Set(customerIds)])}::text[]) AS c(id)
          JOIN receivables r2 ON r2.customer_id = c.id AND r2.due_date < ${throughDate}
        WHERE r2.category IN ('product', 'supply', 'service')
          AND (r2.open_cents > 0 OR EXISTS (
            SELECT 1 FROM allocations a WHERE a.receivable_id = r2.id AND a.released_at IS NULL
              AND a.allocated_on > r2.due_date AND a.allocated_on >= ${paidSince})))
    GROUP BY r.customer_id, r.invoice_id, i.number, i.due_date`.execute(trx);
  if (late.rows.length === 0) return [];
  const invoiceIds = late.rows.map((row) => row.invoice_id);
  const [paid, charged] = await Promise.all([
    sql<{ invoice_id: string; allocated_on: string; amount_cents: string; from_money: boolean }>`
      SELECT r.invoice_id, a.allocated_on::text AS allocated_on, a.amount_cents::text AS amount_cents,
        e.kind NOT IN ('credit_note', 'void') AS from_money
      FROM allocations a JOIN receivables r ON r.id = a.receivable_id JOIN ledger_entries e ON e.id = a.credit_entry_id
      WHERE r.invoice_id = ANY(${invoiceIds}::text[]) AND r.category IN ('product', 'supply', 'service') AND a.released_at IS NULL`.execute(trx),
    sql<{ invoice_id: string; cents: string }>`
      SELECT explanation->>'lateInvoiceId' AS invoice_id, sum(net_cents)::text AS cents
      FROM billing_charges
      WHERE customer_id = ANY(${[...customerIds]}::text[]) AND source = 'late_interest' AND explanation->>'lateInvoiceId' = ANY(${invoiceIds}::text[])
      GROUP BY 1`.execute(trx),
  ]);
  const payments = new Map<string, InterestPayment[]>();
  for (const row of paid.rows) {
    const list = payments.get(row.invoice_id) ?? [];
    list.push({ on: row.from_money ? row.allocated_on : null, cents: Number(row.amount_cents) });
    payments.set(row.invoice_id, list);
  }
  const chargedBefore = new Map(charged.rows.map((row) => [row.invoice_id, Number(row.cents)]));
  const ppmPerDay = ppmOfPercent(percentPerDay);
  return late.rows.map((row) => ({
    customerId: row.customer_id, invoiceId: row.invoice_id, invoiceNumber: row.number, dueDate: row.due_date, chargedCents: chargedBefore.get(row.invoice_id) ?? 0,
    ...lateInterest({ dueDate: row.due_date, amountCents: Number(row.amount_cents), payments: payments.get(row.invoice_id) ?? [], throughDate, ppmPerDay }),
  }));
}

/**
 * The billing run's late interest (BIL-10): for each late invoice, the interest counted to the period's last day
 * less what earlier invoices charged for it already — one line on this period's invoice, keyed by invoice and
 * period so a run started again adds nothing. The whole interest of an invoice is rounded once; each line is the
 * growth of that one rounded amount (a payment reversed later makes it grow, a credit note may give some back).
 */
export async function rateLateInterest(trx: Db, period: BillingPeriod, customerIds: readonly string[], percentPerDay: string): Promise<ChargeDraft[]> {
  const interests = await interestOfLateInvoices(trx, customerIds, period.end, period.start, percentPerDay);
  const drafts: ChargeDraft[] = [];
  for (const interest of interests) {
    const cents = interest.interestCents - interest.chargedCents;
    if (cents === 0) continue;
    drafts.push({
      customer_id: interest.customerId, contract_id: null, period: period.period, source: 'late_interest',
      // by the late invoice's number, so the lines of several late invoices print oldest first
      source_key: `late-interest:${interest.invoiceNumber}:${period.period}`,
      description: {
        lv: `Nokavējuma procenti par rēķinu ${interest.invoiceNumber} (${interest.daysLate} d. līdz ${period.end})`,
        en: `Late payment interest on invoice ${interest.invoiceNumber} (${interest.daysLate} days to ${period.end})`,
        ru: `Пеня за просрочку по счёту ${interest.invoiceNumber} (${interest.daysLate} дн. по ${period.end})`,
      },
      quantity: cents < 0 ? '-1' : '1', unit_code: 'C62', unit_price: centsAsPrice(Math.abs(cents)), net_cents: cents,
      vat_category: LATE_INTEREST_VAT.category, vat_percent: LATE_INTEREST_VAT.percent, period_start: period.start, period_end: period.end,
      explanation: {
        lateInvoiceId: interest.invoiceId, lateInvoiceNumber: interest.invoiceNumber, dueDate: interest.dueDate, throughDate: period.end,
        daysLate: interest.daysLate, centDays: interest.centDays, interestToDateCents: interest.interestCents, chargedBeforeCents: interest.chargedCents,
      },
    });
  }
  return drafts;
}
