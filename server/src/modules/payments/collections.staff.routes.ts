import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CollectionList, RestoreBody, StaffServiceStatus, StaffTerminationBody, SuspendBody, TerminationParams, TerminationView,
} from '@up/common/contracts/collections';
import { CustomerParams } from '@up/common/contracts/fields';
import type { Deps } from '../../deps.js';
import { answers } from '../../http/answers.js';
import { actorOf } from '../../http/session-hook.js';
import { previewTermination } from '../customers/index.js';
import { listCollections, restoreByStaff, staffServiceStatus, suspendByStaff, terminateByStaff } from './collections.service.js';

/** The back office's collections (BIL-11, BIL-12): who is late, suspend and restore, end contracts with notice. */
export const collectionsStaffRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const staff = { access: 'staff' } as const;

  app.get('/api/staff/collections', {
    config: staff,
    schema: { description: 'Customers late with payment or suspended: days late, reminders sent, suspension, whether the operator may end (10 days late).', response: answers({ 200: CollectionList }) },
  }, async () => listCollections(deps));

  app.get('/api/staff/customers/:customerId/service-status', {
    config: staff,
    schema: { params: CustomerParams, response: answers({ 200: StaffServiceStatus }) },
  }, async (request) => staffServiceStatus(deps, request.params.customerId));

  app.post('/api/staff/customers/:customerId/suspension', {
    config: staff,
    schema: {
      description: 'BIL-11, BIL-12: suspends the service at once (late payment, or without notice on breach, an exceeded limit or a debt-registry entry).',
      params: CustomerParams, body: SuspendBody, response: answers({ 200: StaffServiceStatus }),
    },
  }, async (request) => suspendByStaff(deps, actorOf(request), request.params.customerId, request.body));

  app.post('/api/staff/customers/:customerId/suspension/restore', {
    config: staff,
    schema: { description: 'BIL-11: restores a suspended service.', params: CustomerParams, body: RestoreBody, response: answers({ 200: StaffServiceStatus }) },
  }, async (request) => restoreByStaff(deps, actorOf(request), request.params.customerId, request.body));

  app.get('/api/staff/customers/:customerId/contracts/:contractId/termination', {
    config: staff,
    schema: { params: TerminationParams, response: answers({ 200: TerminationView }) },
  }, async (request) => previewTermination(deps, request.params.customerId, request.params.contractId));

  app.post('/api/staff/customers/:customerId/contracts/:contractId/termination', {
    config: staff,
    schema: {
      description: 'BIL-12: notice on the contract, for the customer or for the operator (only after 10 days\' delay in payment); it ends 5 working days later.',
      params: TerminationParams, body: StaffTerminationBody, response: answers({ 201: TerminationView }),
    },
  }, async (request, reply) => reply.code(201).send(await terminateByStaff(deps, actorOf(request), request.params.customerId, request.params.contractId, request.body)));
};
