import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { OrderParams, OrderStatusBody, StaffOrder, StaffOrderList } from '@up/common/contracts/orders';
import type { Deps } from '../../deps.js';
import { answers } from '../../http/answers.js';
import { actorOf } from '../../http/session-hook.js';
import { changeOrderStatus, listOpenOrders } from './staff-orders.service.js';

/** The back office's order queue (GRD-6): customers' orders and the orders the portal made (BIL-11). */
export const ordersStaffRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const staff = { access: 'staff' } as const;

  app.get('/api/staff/orders', {
    config: staff,
    schema: { description: 'GRD-6: the open orders (submitted, in progress), the oldest first, 500 at most.', response: answers({ 200: StaffOrderList }) },
  }, async () => listOpenOrders(deps));

  app.post('/api/staff/orders/:orderId/status', {
    config: staff,
    schema: {
      description: 'GRD-6: takes an open order in hand, marks it done or refuses it (409 ORDER_CLOSED when it is not open).',
      params: OrderParams, body: OrderStatusBody, response: answers({ 200: StaffOrder }),
    },
  }, async (request) => changeOrderStatus(deps, actorOf(request), request.params.orderId, request.body));
};
