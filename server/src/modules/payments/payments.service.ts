import type { AssignPaymentBody, RecordPaymentBody, RefundBody, ReversePaymentBody } from '@up/common/contracts/payments';
import { isIsoDate, rigaDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { conflict, invalidField, notFound } from '../../infra/errors.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { recordReceivedMoney, refundCredit, reverseReceivedMoney } from '../billing/index.js';
import { findCustomerById, findCustomerByNumber } from '../customers/index.js';
import { takeInPayments } from './incoming-payments.js';
import { restorePaidServices } from './service-suspensions.service.js';

/**
 * Staff's use cases on payments (issue 13): a waiting payment given to its customer, money received another way,
 * a payment reversed, credit refunded. Each in one transaction with its audit event.
 */

/** A payment no customer matched, given to the customer staff found (by the number the payer should have written). */
export async function assignPayment(deps: Deps, actor: Actor, paymentId: string, body: AssignPaymentBody): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const customer = await findCustomerByNumber(trx, body.customerNumber);
    if (!customer) throw invalidField('customerNumber', 'no customer has this number');
    const payment = await trx.updateTable('payments')
      .set({ customer_id: customer.id, status: 'applied', matched_by: 'staff', updated_at: now })
      .where('id', '=', paymentId).where('status', '=', 'unmatched')
      .returning(['id', 'amount_cents', 'received_on'])
      .executeTakeFirst();
    if (!payment) {
      const exists = await trx.selectFrom('payments').select('status').where('id', '=', paymentId).executeTakeFirst();
      if (!exists) throw notFound('PAYMENT_NOT_FOUND', 'No such payment');
      throw conflict('PAYMENT_NOT_WAITING', `The payment is ${exists.status}, not waiting for a customer`);
    }
    await recordReceivedMoney(trx, [{ customerId: customer.id, paymentId, amountCents: payment.amount_cents, receivedOn: payment.received_on }], now);
    await restorePaidServices(deps, trx, [customer.id]);
    await recordAudit(trx, actor, {
      customerId: customer.id, action: 'payments.payment_assigned', objectType: 'payment', objectId: paymentId,
      details: { amountCents: payment.amount_cents, receivedOn: payment.received_on },
    }, now);
  });
}

/**
 * Money received another way (at a service centre, an advance payment seen in the bank's web, BIL-3): a payment
 * of the customer, idempotent by the reference staff give it.
 */
export async function recordStaffPayment(deps: Deps, actor: Actor, customerId: string, body: RecordPaymentBody): Promise<{ recorded: boolean }> {
  if (!isIsoDate(body.receivedOn)) throw invalidField('receivedOn', 'must be a calendar date YYYY-MM-DD');
  const now = deps.clock.now();
  if (body.receivedOn > rigaDate(now)) throw invalidField('receivedOn', 'must not be in the future');
  return deps.db.transaction().execute(async (trx) => {
    if (!await findCustomerById(trx, customerId)) throw notFound('CUSTOMER_NOT_FOUND', 'No such customer');
    const taken = await takeInPayments(trx, [{
      source: 'staff', reference: body.reference, amountCents: body.amountCents, receivedOn: body.receivedOn, payerName: null, payerAccount: null,
      creditorReference: null, remittanceText: null, endToEndId: null, statementId: null, customerId, matchedBy: 'staff',
    }], deps.operator.billing.invoiceSeries, actor.userId, now);
    const recorded = taken.outcomes[0] !== 'duplicate';
    if (recorded) {
      await restorePaidServices(deps, trx, [customerId]);
      await recordAudit(trx, actor, {
        customerId, action: 'payments.payment_recorded', objectType: 'payment', objectId: taken.ids.get(body.reference)!,
        details: { amountCents: body.amountCents, receivedOn: body.receivedOn, reference: body.reference },
      }, now);
    }
    return { recorded };
  });
}

/** A payment reversed by staff (a chargeback, a transfer the bank took back): see reverseReceivedMoney. */
export async function reversePayment(deps: Deps, actor: Actor, paymentId: string, body: ReversePaymentBody): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const reversed = await reverseOnePayment(trx, paymentId, rigaDate(now), body.reason, now);
    if (!reversed) throw conflict('PAYMENT_REVERSED', 'The payment is reversed already');
    await recordAudit(trx, actor, {
      customerId: reversed.customerId, action: 'payments.payment_reversed', objectType: 'payment', objectId: paymentId,
      details: { amountCents: reversed.amountCents, reason: body.reason },
    }, now);
  });
}

/**
 * Takes a payment back: an applied one leaves the ledger (what it paid is open again), a waiting one leaves the
 * queue. Returns null when it was reversed already, so a statement or a click applied twice changes nothing.
 */
export async function reverseOnePayment(trx: Db, paymentId: string, on: string, reason: string, now: Date): Promise<{ customerId: string | null; amountCents: number } | null> {
  const payment = await trx.selectFrom('payments').select(['id', 'customer_id', 'status', 'amount_cents']).where('id', '=', paymentId).forUpdate().executeTakeFirst();
  if (!payment) throw notFound('PAYMENT_NOT_FOUND', 'No such payment');
  if (payment.status === 'reversed') return null;
  if (payment.customer_id !== null) await reverseReceivedMoney(trx, payment.customer_id, payment.id, on, reason, now);
  await trx.updateTable('payments').set({ status: 'reversed', updated_at: now }).where('id', '=', paymentId).execute();
  return { customerId: payment.customer_id, amountCents: payment.amount_cents };
}

/** Credit held (an overpayment, a credit note) refunded to the payer's account; refused beyond what is held. */
export async function refundCustomerCredit(deps: Deps, actor: Actor, customerId: string, body: RefundBody): Promise<{ refunded: boolean }> {
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    if (!await findCustomerById(trx, customerId)) throw notFound('CUSTOMER_NOT_FOUND', 'No such customer');
    const refunded = await refundCredit(trx, customerId, body.reference, body.amountCents, rigaDate(now), now);
    if (refunded) {
      await recordAudit(trx, actor, {
        customerId, action: 'payments.credit_refunded', objectType: 'refund', objectId: body.reference,
        details: { amountCents: body.amountCents, toAccount: body.toAccount },
      }, now);
    }
    return { refunded };
  });
}
