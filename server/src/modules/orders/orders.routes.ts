import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CustomerParams } from '@up/common/contracts/fields';
import { OrderList, SubmitOrderBody, SubmittedOrder } from '@up/common/contracts/orders';
import type { Deps } from '../../deps.js';
import { actorOf, requireSession } from '../../http/session-hook.js';
import { answers } from '../../http/answers.js';
import { listOrders, submitOrder } from './orders.service.js';

/** GRD-6: every user of the customer sees its orders and their status; signing one needs sign_orders (ACC-18). */
export const ordersRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  app.get('/api/customers/:customerId/orders', {
    config: { access: { customer: 'member' } },
    schema: { params: CustomerParams, response: answers({ 200: OrderList }) },
  }, async (request) => listOrders(deps, request.params.customerId));

  app.post('/api/customers/:customerId/orders', {
    config: { access: { customer: 'sign_orders' } },
    schema: { params: CustomerParams, body: SubmitOrderBody, response: answers({ 201: SubmittedOrder }) },
  }, async (request, reply) => {
    const result = await submitOrder(deps, requireSession(request), request.params.customerId, request.body, actorOf(request));
    return reply.code(201).send(result);
  });
};
