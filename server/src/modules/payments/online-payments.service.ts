import type { OnlinePaymentBody, OnlinePaymentView } from '@up/common/contracts/payments';
import { rigaDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import { AppError, conflict, invalidField, notFound } from '../../infra/errors.js';
import { newId } from '../../infra/ids.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { customerOpenItems } from '../billing/index.js';
import { takeInPayments } from './incoming-payments.js';
import { restorePaidServices } from './service-suspensions.service.js';
import { NoticeRejected, type PaymentProvider } from './payment-provider.js';

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
 * The provider's server-to-server notice: its signature and freshness are checked (a forged or replayed old one is
 * 401 and changes nothing); a paid notice becomes a payment of the day it was paid (BIL-4), unique per provider
 * payment id, so the same notice sent again — as providers do until answered — changes nothing; its amount must
 * be the intent's. Answered 200 once applied (or already applied) so the provider stops sending.
 */
export async function handleProviderNotice(deps: Deps, providerName: string, rawBody: string, headers: Record<string, string | string[] | undefined>): Promise<{ applied: boolean }> {
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
  return deps.db.transaction().execute(async (trx) => {
    const intent = await trx.selectFrom('payment_intents').selectAll()
      .where('id', '=', notice.intentId).where('provider', '=', provider.name).forUpdate().executeTakeFirst();
    if (!intent || intent.provider_payment_id !== notice.providerPaymentId) throw notFound('ONLINE_PAYMENT_NOT_FOUND', 'No such online payment');
    if (intent.status !== 'started') return { applied: false };
    if (notice.status !== 'paid') {
      await trx.updateTable('payment_intents').set({ status: notice.status, completed_at: now }).where('id', '=', intent.id).execute();
      return { applied: true };
    }
    if (notice.amountCents !== intent.amount_cents) throw invalidField('amountCents', `the notice pays ${notice.amountCents} cents, the payment was for ${intent.amount_cents}`);
    const taken = await takeInPayments(trx, [{
      source: 'online', reference: `${provider.name}:${notice.providerPaymentId}`, amountCents: notice.amountCents,
      receivedOn: rigaDate(notice.paidAt ?? now), payerName: null, payerAccount: null, creditorReference: null, remittanceText: null, endToEndId: null,
      statementId: null, customerId: intent.customer_id, matchedBy: 'online',
    }], deps.operator.billing.invoiceSeries, intent.created_by, now);
    const paymentId = taken.ids.get(`${provider.name}:${notice.providerPaymentId}`) ?? null;
    await restorePaidServices(deps, trx, [intent.customer_id]);
    await trx.updateTable('payment_intents').set({ status: 'paid', completed_at: now, payment_id: paymentId }).where('id', '=', intent.id).execute();
    return { applied: true };
  });
}

function providerOf(deps: Deps): PaymentProvider {
  if (!deps.paymentProvider) throw new AppError('NO_PAYMENT_PROVIDER', 503, 'Online payment is not available: no payment provider is configured');
  return deps.paymentProvider;
}
