import type { OnlinePaymentBody, OnlinePaymentView } from '@up/common/contracts/payments';
import { rigaDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import { AppError, conflict, invalidField, notFound } from '../../infra/errors.js';
import { newId } from '../../infra/ids.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { customerOpenItems } from '../billing/index.js';
import { NoticeRejected, type PaymentProvider, type ProviderNotice } from './payment-provider.js';
import { storeNotice } from './payment-notice-receipts.js';

/**
 * BIL-15: "Pay" in the portal. The amount is what is open on the chosen invoices, or everything open; the money,
 * once the provider's notice says it is paid, pays in BIL-5 order like any other payment (interest and overdue
 * debt first), so choosing an invoice sets how much is paid, not what it pays. The customer is sent to the
 * provider's page; only the provider's signed notice, never the browser coming back, makes it paid.
 */
export async function startOnlinePayment(deps: Deps, actor: Actor, customerId: string, body: OnlinePaymentBody): Promise<OnlinePaymentView> {
  const provider = providerOf(deps);
  const now = deps.clock.now();
  const open = await customerOpenItems(deps.db, customerId, rigaDate(now), deps.operator.billing.lateInterestPercentPerDay);
  const chosen = body.invoiceIds === undefined || body.invoiceIds.length === 0
    ? open.openInvoices
    : body.invoiceIds.map((id, index) => {
      const invoice = open.openInvoices.find((candidate) => candidate.invoiceId === id);
      if (!invoice) throw invalidField(`invoiceIds/${index}`, 'no open invoice of the customer has this id');
      return invoice;
    });
  const amountCents = chosen.reduce((sum, invoice) => sum + invoice.openCents, 0);
  if (amountCents <= 0) throw conflict('NOTHING_TO_PAY', 'Nothing is open to pay');
  const id = newId();
  const numbers = chosen.map((invoice) => invoice.number).join(', ');
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('payment_intents').values({
      id, customer_id: customerId, created_by: actor.userId ?? 'system', provider: provider.name, provider_payment_id: null, amount_cents: amountCents,
      invoice_ids: chosen.map((invoice) => invoice.invoiceId), status: 'started', payment_id: null, created_at: now, completed_at: null,
    }).execute();
    await recordAudit(trx, actor, {
      customerId, action: 'payments.online_payment_started', objectType: 'payment_intent', objectId: id, details: { amountCents, invoices: numbers },
    }, now);
  });
  const started = await provider.startPayment({
    intentId: id, amountCents, description: `${deps.operator.portalName}: ${numbers}`,
    returnUrl: `${deps.config.publicUrl}/payments?online=${id}`, noticeUrl: `${deps.config.publicUrl}/api/payments/notices/${provider.name}`,
  });
  await deps.db.updateTable('payment_intents').set({ provider_payment_id: started.providerPaymentId }).where('id', '=', id).execute();
  return { id, amountCents, status: 'started', redirectUrl: started.redirectUrl };
}

/** How an online payment stands (the return page asks until the notice has come). */
export async function getOnlinePayment(deps: Pick<Deps, 'db'>, customerId: string, intentId: string): Promise<OnlinePaymentView> {
  const intent = await deps.db.selectFrom('payment_intents').select(['id', 'amount_cents', 'status'])
    .where('id', '=', intentId).where('customer_id', '=', customerId).executeTakeFirst();
  if (!intent) throw notFound('ONLINE_PAYMENT_NOT_FOUND', 'No such online payment of the customer');
  return { id: intent.id, amountCents: intent.amount_cents, status: intent.status, redirectUrl: null };
}

/**
 * The provider's server-to-server notice, received into the inbox (payment_notices) and answered at once; the
 * applier (payment-notice-inbox.ts) applies it a few milliseconds later, in a batch with others. Its signature and
 * freshness are checked (a forged or replayed old one is 401 and changes nothing). One statement, no transaction,
 * stores it, together with the notices received at the same moment (payment-notice-receipts.ts) — only when it is
 * for this provider's payment (else 404), for a payment still open, and a paid notice for the payment's amount (else
 * 400 naming `amountCents`) — once per provider and notice id, so the same notice sent again, as providers do until
 * answered, stores nothing new.
 * `applied`: true when this notice was taken now and will make the payment paid, cancelled or failed; false when
 * it changes nothing (a notice taken before, or the payment ended already).
 */
export async function receiveProviderNotice(deps: Deps, providerName: string, rawBody: string, headers: Record<string, string | string[] | undefined>): Promise<{ applied: boolean }> {
  const provider = providerOf(deps);
  if (provider.name !== providerName) throw notFound('NO_SUCH_PROVIDER', 'No such payment provider');
  const now = deps.clock.now();
  let notice;
  try {
    notice = provider.verifyNotice(rawBody, headers, now);
  } catch (error) {
    if (error instanceof NoticeRejected || error instanceof SyntaxError) throw new AppError('NOTICE_REJECTED', 401, `The notice is not accepted: ${error.message}`);
    throw error;
  }
  checkNoticeFields(notice);
  const { intent, taken } = await storeNotice(deps.db, { provider: provider.name, notice, rawBody, receivedAt: now });
  if (!intent) throw notFound('ONLINE_PAYMENT_NOT_FOUND', 'No such online payment');
  if (intent.status === 'started' && notice.status === 'paid' && notice.amountCents !== intent.amountCents) {
    throw invalidField('amountCents', `the notice pays ${notice.amountCents} cents, the payment was for ${intent.amountCents}`);
  }
  return { applied: taken };
}

/** A signed notice is the provider's word, but a provider's bug in it is a 400 naming the field, never a 500. */
function checkNoticeFields(notice: ProviderNotice): void {
  if (typeof notice.noticeId !== 'string' || notice.noticeId === '') throw invalidField('noticeId', 'the notice has no id');
  if (typeof notice.providerPaymentId !== 'string' || typeof notice.intentId !== 'string') throw invalidField('paymentId', 'the notice names no payment');
  if (!['paid', 'cancelled', 'failed'].includes(notice.status)) throw invalidField('status', 'not paid, cancelled or failed');
  if (!Number.isSafeInteger(notice.amountCents)) throw invalidField('amountCents', 'not a whole number of cents');
  if (notice.paidAt !== null && Number.isNaN(notice.paidAt.getTime())) throw invalidField('paidAt', 'not a time');
}

function providerOf(deps: Deps): PaymentProvider {
  if (!deps.paymentProvider) throw new AppError('NO_PAYMENT_PROVIDER', 503, 'Online payment is not available: no payment provider is configured');
  return deps.paymentProvider;
}
