import { sql } from 'kysely';
import { formatMoney } from '@up/common/money';
import { addDays, rigaDate } from '@up/common/riga-time';
import type { Db } from '../../infra/db.js';
import { sqlTextArray } from '../../infra/sql-arrays.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/index.js';
import { customerOpenItems, overdueInvoices, type OverdueInvoice } from '../billing/index.js';
import { findCustomerById, hasActiveContract } from '../customers/index.js';
import { fillText, postNotice, queueEmail } from '../notifications/index.js';
import { COLLECTIONS_EMAILS, languageOf } from './collections.emails.js';
import { suspendService, type CollectionsDeps } from './service-suspensions.service.js';

/** The first (and so far only) reminder stage. */
export const FIRST_REMINDER = 1;

/**
 * BIL-11: the daily reminder. Every invoice still open `reminderDaysAfterDue` days (or more) after its due day is
 * reminded of once: a row per invoice and stage is the key, so a second run, a retry or a second process sends
 * nothing more (the insert of the same key waits for the first and then does nothing). One e-mail per customer (its
 * language) names all its overdue invoices, the overdue amount, the late interest so far and how to pay; the same
 * text goes to the portal inbox; one audit event per customer. Each customer in a transaction of its own.
 */
export async function sendPaymentReminders(deps: CollectionsDeps): Promise<{ customers: number; invoices: number }> {
  const today = rigaDate(deps.clock.now());
  const days = deps.operator.billing.collections.reminderDaysAfterDue;
  const due = await overdueInvoices(deps.db, { today, dueBefore: addDays(today, -days + 1) });
  const byCustomer = new Map<string, OverdueInvoice[]>();
  for (const invoice of due) byCustomer.set(invoice.customerId, [...(byCustomer.get(invoice.customerId) ?? []), invoice]);
  let customers = 0;
  let invoices = 0;
  for (const [customerId, candidates] of byCustomer) {
    const sent = await deps.db.transaction().execute((trx) => remindCustomer(deps, trx, customerId, candidates, today));
    if (sent > 0) customers++;
    invoices += sent;
  }
  return { customers, invoices };
}

async function remindCustomer(deps: CollectionsDeps, trx: Db, customerId: string, candidates: readonly OverdueInvoice[], today: string): Promise<number> {
  const now = deps.clock.now();
  const inserted = await sql<{ invoice_id: string }>`
    INSERT INTO payment_reminders (id, customer_id, invoice_id, invoice_number, stage, sent_on, open_cents, created_at)
    SELECT gen_random_uuid()::text, ${customerId}, u.invoice_id, u.invoice_number, ${FIRST_REMINDER}, ${today}::date, u.open_cents::bigint, ${now}
    FROM unnest(${sqlTextArray(candidates.map((invoice) => invoice.invoiceId))}::text[], ${sqlTextArray(candidates.map((invoice) => invoice.number))}::text[],
      ${sqlTextArray(candidates.map((invoice) => invoice.openCents))}::text[]) AS u(invoice_id, invoice_number, open_cents)
    ON CONFLICT (invoice_id, stage) DO NOTHING
    RETURNING invoice_id`.execute(trx);
  if (inserted.rows.length === 0) return 0;
  const customer = await findCustomerById(trx, customerId);
  if (!customer) return 0;
  const lang = languageOf(customer.language);
  const open = await customerOpenItems(trx, customerId, today, deps.operator.billing.lateInterestPercentPerDay);
  const overdue = open.openInvoices.filter((invoice) => invoice.overdue);
  const references = new Map(candidates.map((invoice) => [invoice.invoiceId, invoice.paymentReference]));
  const lines = overdue.map((invoice) => {
    const reference = references.get(invoice.invoiceId);
    return `– ${invoice.number}: ${formatMoney(invoice.openCents, lang)}, ${invoice.dueDate} (${invoice.daysLate})${reference ? `, ${reference}` : ''}`;
  });
  const vars = {
    customer: customer.name, portal: deps.operator.portalName, operator: deps.operator.legalName, invoices: lines.join('\n'),
    overdue: formatMoney(open.overdueCents, lang), interest: formatMoney(open.interestAccruingCents, lang),
    url: `${deps.config?.publicUrl ?? ''}/payments`, iban: deps.operator.billing.payee.iban,
  };
  if (customer.email) await queueEmail(trx, { to: customer.email, template: COLLECTIONS_EMAILS.payment_reminder, language: lang, vars }, now);
  const text = fillText(COLLECTIONS_EMAILS.payment_reminder, lang, vars);
  await postNotice(trx, { customerId, userId: null, kind: 'payment_reminder', title: text.subject, body: text.body }, now);
  await recordAudit(trx, SYSTEM_ACTOR, {
    customerId, action: 'payments.reminder_sent', objectType: 'customer', objectId: customerId,
    details: { invoices: inserted.rows.length, overdueCents: open.overdueCents, interestCents: open.interestAccruingCents, stage: FIRST_REMINDER },
  }, now);
  return inserted.rows.length;
}

/**
 * BIL-11: after the reminder, a further `suspensionDaysAfterReminder` days: a customer with a reminded invoice still
 * open (and a running contract) has its service suspended for late payment. Not one restored by staff since that
 * reminder (staff chose to let it run), and not one suspended already. Idempotent: an open suspension is not
 * suspended again. Answers how many were suspended.
 */
export async function suspendLatePayers(deps: CollectionsDeps): Promise<number> {
  const delay = deps.operator.billing.collections.suspensionDaysAfterReminder;
  if (delay === null) return 0;
  const today = rigaDate(deps.clock.now());
  const reminded = await sql<{ customer_id: string; invoice_id: string }>`
    SELECT r.customer_id, r.invoice_id FROM payment_reminders r
    WHERE r.sent_on <= ${addDays(today, -delay)}::date
      AND NOT EXISTS (SELECT 1 FROM service_suspensions s WHERE s.customer_id = r.customer_id
        AND (s.restored_at IS NULL OR s.restored_at >= r.created_at))`.execute(deps.db);
  if (reminded.rows.length === 0) return 0;
  const stillOpen = new Set((await overdueInvoices(deps.db, { today, customerIds: [...new Set(reminded.rows.map((row) => row.customer_id))] }))
    .map((invoice) => invoice.invoiceId));
  const late = new Map<string, string[]>();
  for (const row of reminded.rows) {
    if (stillOpen.has(row.invoice_id)) late.set(row.customer_id, [...(late.get(row.customer_id) ?? []), row.invoice_id]);
  }
  let suspended = 0;
  for (const customerId of late.keys()) {
    if (!await hasActiveContract(deps.db, [customerId], [])) continue;
    const done = await deps.db.transaction().execute((trx) => suspendService(deps, trx, SYSTEM_ACTOR, customerId, 'late_payment', null));
    if (done) suspended++;
  }
  return suspended;
}
