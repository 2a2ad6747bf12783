import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { MeterReadingList, SubmitReadingBody, SubmittedReading } from '@up/common/contracts/meter-readings';
import { ObjectParams } from '@up/common/contracts/metering';
import type { Deps } from '../../deps.js';
import { answers } from '../../http/answers.js';
import { actorOf, requireSession } from '../../http/session-hook.js';
import { listReadings, submitReading } from './meter-readings.service.js';

/**
 * GRD-2: every user of the customer sees the readings of its objects (seeing objects and consumption is not a
 * main-user right); submitting one is signing an order, so it needs the sign_orders right (ACC-10, ACC-18).
 */
export const meterReadingsRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  app.get('/api/customers/:customerId/objects/:objectId/readings', {
    config: { access: { customer: 'member' } },
    schema: { params: ObjectParams, response: answers({ 200: MeterReadingList }) },
  }, async (request) => listReadings(deps, request.params.customerId, request.params.objectId));

  app.post('/api/customers/:customerId/objects/:objectId/readings', {
    config: { access: { customer: 'sign_orders' } },
    schema: { params: ObjectParams, body: SubmitReadingBody, response: answers({ 201: SubmittedReading }) },
  }, async (request, reply) => {
    const { customerId, objectId } = request.params;
    const result = await submitReading(deps, requireSession(request), customerId, objectId, request.body, actorOf(request));
    return reply.code(201).send(result);
  });
};
