import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ContractParams, Withdrawal } from '@up/common/contracts/contract-lifecycle';
import type { Deps } from '../../deps.js';
import { actorOf } from '../../http/session-hook.js';
import { answers } from '../../http/answers.js';
import { withdrawFromContract } from './contract-withdrawal.service.js';

/** BIL-13: the withdrawal from a contract within 14 days (the main user's, like ending a contract); the refund is the ledger's. */
export const contractWithdrawalRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  app.post('/api/customers/:customerId/contracts/:contractId/withdrawal', {
    config: { access: { customer: 'main' } },
    schema: { params: ContractParams, response: answers({ 201: Withdrawal }) },
  }, async (request, reply) => reply.code(201).send(await withdrawFromContract(deps, request.params.customerId, request.params.contractId, actorOf(request))));
};
