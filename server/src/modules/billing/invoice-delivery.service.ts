import { sql, type Selectable } from 'kysely';
import type { Language, LocalizedText } from '@up/operators';
import { formatMoney } from '@up/common/money';
import type { Deps } from '../../deps.js';
import { addMinutes } from '../../infra/clock.js';
import { fillPlaceholders, postNotice } from '../notifications/index.js';
import type { InvoiceRow } from './billing.tables.js';
import { invoicePdf, invoiceXml } from './invoice-files.service.js';

const CLAIM_MINUTES = 10;
const MAX_BACKOFF_MINUTES = 24 * 60;
const BATCH = 20;

/**
 * BIL-1, BIL-2: an issued invoice goes out by the channel it was issued with (the customer's choice at that
 * moment, so a change applies from the next invoice): by e-mail with its PDF attached — and a legal entity's
 * e-invoice XML beside it — or, for "portal only", as a notice in the portal inbox. Paper post is printed from
 * the back office and is not sent from here. Each invoice is claimed for a while by one deliverer (several
 * processes may run this), marked delivered after sending, and tried again with back-off after a failure.
 * Returns how many went out.
 */
export async function deliverIssuedInvoices(deps: Deps): Promise<number> {
  let delivered = 0;
  for (;;) {
    const invoices = await claimUndelivered(deps);
    if (invoices.length === 0) return delivered;
    for (const invoice of invoices) {
      try {
        await deliver(deps, invoice);
        delivered++;
      } catch (error) {
        const delay = Math.min(2 ** invoice.delivery_attempts, MAX_BACKOFF_MINUTES);
        await deps.db.updateTable('invoices').set({
          delivery_attempts: sql`delivery_attempts + 1`, delivery_error: String(error).slice(0, 500), delivery_claimed_until: addMinutes(deps.clock.now(), delay),
        }).where('id', '=', invoice.id).execute();
      }
    }
  }
}

async function claimUndelivered(deps: Deps): Promise<Selectable<InvoiceRow>[]> {
  const now = deps.clock.now();
  return deps.db.updateTable('invoices')
    .set({ delivery_claimed_until: addMinutes(now, CLAIM_MINUTES) })
    .where('id', 'in', (eb) => eb.selectFrom('invoices').select('id')
      .where('delivered_at', 'is', null)
      .where('delivery_channel', '<>', 'post')
      .where('status', '=', 'issued')
      .where((w) => w.or([w('delivery_claimed_until', 'is', null), w('delivery_claimed_until', '<=', now)]))
      .orderBy('created_at')
      .limit(BATCH)
      .forUpdate()
      .skipLocked())
    .returningAll()
    .execute();
}

async function deliver(deps: Deps, invoice: Selectable<InvoiceRow>) {
  const language = languageOf(invoice.language);
  const text = messageText(deps, invoice, language);
  if (invoice.delivery_channel === 'email' && invoice.delivery_address) {
    const pdf = await invoicePdf(deps, invoice);
    const attachments = [{ filename: pdf.fileName, content: pdf.body, contentType: pdf.contentType }];
    if (invoice.buyer.kind === 'company') {
      const xml = await invoiceXml(deps, invoice);
      attachments.push({ filename: xml.fileName, content: xml.body, contentType: 'application/xml' });
    }
    await deps.mailTransport.sendMail({
      from: deps.config.mailFrom, to: invoice.delivery_address, subject: text.subject, text: text.body,
      headers: { 'X-Invoice-Number': invoice.number }, attachments,
    });
  }
  await deps.db.transaction().execute(async (trx) => {
    await postNotice(trx, { customerId: invoice.customer_id, userId: null, kind: 'invoice_issued', title: text.subject, body: text.body }, deps.clock.now());
    await trx.updateTable('invoices').set({ delivered_at: deps.clock.now(), delivery_claimed_until: null, delivery_error: null })
      .where('id', '=', invoice.id).execute();
  });
}

const SUBJECT: LocalizedText = { lv: 'Rēķins {number}', en: 'Invoice {number}', ru: 'Счёт {number}' };
const CREDIT_SUBJECT: LocalizedText = { lv: 'Kredītrēķins {number}', en: 'Credit note {number}', ru: 'Кредитовый счёт {number}' };
const BODY: LocalizedText = {
  lv: 'Labdien!\n\nPielikumā rēķins {number} par {period}. Maksājamā summa: {amount}, apmaksas termiņš {due}, maksājuma mērķī norādiet {reference}.\nRēķinu un tā skaidrojumu varat apskatīt arī portālā: {url}\n\nRēķins sagatavots elektroniski un ir derīgs bez paraksta.\n{operator}',
  en: 'Hello,\n\nAttached is invoice {number} for {period}. Amount to pay: {amount}, due on {due}; please quote {reference} with the payment.\nThe invoice and what each line came from are also in the portal: {url}\n\nThe invoice is issued electronically and is valid without a signature.\n{operator}',
  ru: 'Здравствуйте!\n\nВо вложении счёт {number} за {period}. Сумма к оплате: {amount}, срок оплаты {due}; в назначении платежа укажите {reference}.\nСчёт и его пояснение есть и на портале: {url}\n\nСчёт составлен электронно и действителен без подписи.\n{operator}',
};
const CREDIT_BODY: LocalizedText = {
  lv: 'Labdien!\n\nPielikumā kredītrēķins {number}: {amount} ieskaitīti jūsu kontā un tiks izmantoti nākamajā rēķinā.\n{operator}',
  en: 'Hello,\n\nAttached is credit note {number}: {amount} is credited to your account and will be used by your next invoice.\n{operator}',
  ru: 'Здравствуйте!\n\nВо вложении кредитовый счёт {number}: {amount} зачислено на ваш счёт и будет учтено в следующем счёте.\n{operator}',
};

function messageText(deps: Deps, invoice: Selectable<InvoiceRow>, language: Language) {
  const values: Record<string, string> = {
    number: invoice.number,
    period: invoice.period,
    amount: formatMoney(invoice.kind === 'credit_note' ? invoice.gross_cents : invoice.payable_cents, language),
    due: invoice.due_date ?? '',
    reference: invoice.payment_reference,
    url: `${deps.config.publicUrl}/invoices/${invoice.id}`,
    operator: deps.operator.legalName,
  };
  const fill = (template: string) => fillPlaceholders(template, values);
  const credit = invoice.kind === 'credit_note';
  return { subject: fill((credit ? CREDIT_SUBJECT : SUBJECT)[language]), body: fill((credit ? CREDIT_BODY : BODY)[language]) };
}

function languageOf(language: string): Language {
  return language === 'en' || language === 'ru' ? language : 'lv';
}
