import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CustomerParams } from '@up/common/contracts/fields';
import { ContractParams, LifecycleContractList, Withdrawal } from '@up/common/contracts/contract-lifecycle';
import type { Deps } from '../../deps.js';
import { actorOf } from '../../http/session-hook.js';
import { answers } from '../../http/answers.js';
import { listLifecycleContracts } from './contract-lifecycle.service.js';
import { withdrawFromContract } from './contract-withdrawal.service.js';

/** BIL-13: the customer's contracts with the withdrawal right, and the withdrawal (the main user's, like ending a contract). */
export const contractLifecycleRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  app.get('/api/customers/:customerId/contract-lifecycle', {
    config: { access: { customer: 'member' } },
    schema: { params: CustomerParams, response: answers({ 200: LifecycleContractList }) },
  }, async (request) => listLifecycleContracts(deps, request.params.customerId));

  app.post('/api/customers/:customerId/contracts/:contractId/withdrawal', {
    config: { access: { customer: 'main' } },
    schema: { params: ContractParams, response: answers({ 201: Withdrawal }) },
  }, async (request, reply) => reply.code(201).send(await withdrawFromContract(deps, request.params.customerId, request.params.contractId, actorOf(request))));
};
