import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CustomerBalance, OnlinePaymentBody, OnlinePaymentParams, OnlinePaymentView, PaymentList } from '@up/common/contracts/payments';
import { CustomerParams } from '@up/common/contracts/fields';
import type { Deps } from '../../deps.js';
import { answers } from '../../http/answers.js';
import { actorOf } from '../../http/session-hook.js';
import { customerBalance, listCustomerPayments } from './customer-payments.service.js';
import { getOnlinePayment, startOnlinePayment } from './online-payments.service.js';

/**
 * BIL-15, ACC-10: a customer's payments with what each paid (every user of the customer sees payments), and what
 * it owes today with the late interest so far (it lists invoices, so it follows who sees invoices).
 */
export const paymentsRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  app.get('/api/customers/:customerId/payments', {
    config: { access: { customer: 'member' } },
    schema: { params: CustomerParams, response: answers({ 200: PaymentList }) },
  }, async (request) => listCustomerPayments(deps, request.params.customerId));

  app.get('/api/customers/:customerId/balance', {
    config: { access: { customer: 'see_invoices' } },
    schema: { params: CustomerParams, response: answers({ 200: CustomerBalance }) },
  }, async (request) => customerBalance(deps, request.params.customerId));

  // BIL-15: pay in the portal through the payment provider
  app.post('/api/customers/:customerId/online-payments', {
    config: { access: { customer: 'see_invoices' } },
    schema: {
      description: 'Starts an online payment of the chosen open invoices (or of everything open) at the payment provider; answers where to send the customer. '
        + 'Only the provider\'s signed notice makes it paid; the money pays in BIL-5 order.',
      params: CustomerParams, body: OnlinePaymentBody, response: answers({ 201: OnlinePaymentView }),
    },
  }, async (request, reply) => reply.code(201).send(await startOnlinePayment(deps, actorOf(request), request.params.customerId, request.body)));

  app.get('/api/customers/:customerId/online-payments/:intentId', {
    config: { access: { customer: 'see_invoices' } },
    schema: { params: OnlinePaymentParams, response: answers({ 200: OnlinePaymentView }) },
  }, async (request) => getOnlinePayment(deps, request.params.customerId, request.params.intentId));
};
