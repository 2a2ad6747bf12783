import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CustomerParams } from '@up/common/contracts/fields';
import { CustomerTermChange, CustomerTermChangeList, LeaveTermChangeBody, TermChangeParams } from '@up/common/contracts/contract-lifecycle';
import type { Deps } from '../../deps.js';
import { actorOf } from '../../http/session-hook.js';
import { answers } from '../../http/answers.js';
import { customerTermChanges, leaveBeforeTermChange } from './term-change.service.js';

/** BIL-14: the announced changes of the customer's contract terms, and leaving before one takes effect (the main user). */
export const termChangeRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  app.get('/api/customers/:customerId/term-changes', {
    config: { access: { customer: 'member' } },
    schema: { params: CustomerParams, response: answers({ 200: CustomerTermChangeList }) },
  }, async (request) => customerTermChanges(deps, request.params.customerId));

  app.post('/api/customers/:customerId/term-changes/:termChangeId/leave', {
    config: { access: { customer: 'main' } },
    schema: { params: TermChangeParams, body: LeaveTermChangeBody, response: answers({ 200: CustomerTermChange }) },
  }, async (request) => leaveBeforeTermChange(deps, request.params.customerId, request.params.termChangeId, request.body.contractId, actorOf(request)));
};
