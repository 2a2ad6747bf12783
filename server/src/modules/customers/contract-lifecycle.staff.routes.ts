import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { RefundDueList, StaffContractParams } from '@up/common/contracts/contract-lifecycle';
import type { Deps } from '../../deps.js';
import { actorOf } from '../../http/session-hook.js';
import { answers, NoContent } from '../../http/answers.js';
import { listRefundsDue, markRefundPaidOut } from './contract-lifecycle.service.js';

/** BIL-13: withdrawal refunds due, and recording one paid out (administrators, like refunds of credit). */
export const contractLifecycleStaffRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  app.get('/api/staff/refunds-due', {
    config: { access: 'staff' },
    schema: { response: answers({ 200: RefundDueList }) },
  }, async () => listRefundsDue(deps));

  app.post('/api/staff/refunds-due/:contractId/paid-out', {
    config: { access: 'administrator' },
    schema: { params: StaffContractParams, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    await markRefundPaidOut(deps, request.params.contractId, actorOf(request));
    return reply.code(204).send();
  });
};
