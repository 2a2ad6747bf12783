import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CustomerTerminationBody, ServiceStatus, TerminationParams, TerminationView } from '@up/common/contracts/collections';
import { CustomerParams } from '@up/common/contracts/fields';
import type { Deps } from '../../deps.js';
import { answers } from '../../http/answers.js';
import { actorOf } from '../../http/session-hook.js';
import { giveTerminationNotice, previewTermination } from '../customers/index.js';
import { serviceStatus } from './service-suspensions.service.js';

/**
 * BIL-11: every user of the customer sees whether its service is suspended and what to pay; BIL-12: the main user
 * gives notice on a contract (ACC-10: additional users do not conclude or end contracts), seeing the end day first.
 */
export const collectionsRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  app.get('/api/customers/:customerId/service-status', {
    config: { access: { customer: 'member' } },
    schema: {
      description: 'BIL-11: whether the customer\'s service is suspended (for it and all its users), and the overdue and open amounts to pay.',
      params: CustomerParams, response: answers({ 200: ServiceStatus }),
    },
  }, async (request) => serviceStatus(deps, request.params.customerId));

  app.get('/api/customers/:customerId/contracts/:contractId/termination', {
    config: { access: { customer: 'main' } },
    schema: {
      description: 'BIL-12: the notice given on the contract, or what notice given today would do: the end day, 5 working days later.',
      params: TerminationParams, response: answers({ 200: TerminationView }),
    },
  }, async (request) => previewTermination(deps, request.params.customerId, request.params.contractId));

  app.post('/api/customers/:customerId/contracts/:contractId/termination', {
    config: { access: { customer: 'main' } },
    schema: {
      description: 'BIL-12: the customer ends the contract with 5 working days\' notice; it runs, and is billed, to the end day.',
      params: TerminationParams, body: CustomerTerminationBody, response: answers({ 201: TerminationView }),
    },
  }, async (request, reply) => reply.code(201).send(await giveTerminationNotice(
    deps, actorOf(request), request.params.customerId, request.params.contractId, { givenBy: 'customer', reason: null },
  )));
};
