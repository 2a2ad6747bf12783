import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CustomerBalance, PaymentList } from '@up/common/contracts/payments';
import { CustomerParams } from '@up/common/contracts/fields';
import type { Deps } from '../../deps.js';
import { answers } from '../../http/answers.js';
import { customerBalance, listCustomerPayments } from './customer-payments.service.js';

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
};
