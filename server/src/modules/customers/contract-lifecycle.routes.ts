import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CustomerParams } from '@up/common/contracts/fields';
import { LifecycleContractList } from '@up/common/contracts/contract-lifecycle';
import type { Deps } from '../../deps.js';
import { answers } from '../../http/answers.js';
import { listLifecycleContracts } from './contract-lifecycle.service.js';

/** BIL-13: the customer's contracts with the withdrawal right (the withdrawal itself is the payments module's: its refund is a ledger entry). */
export const contractLifecycleRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  app.get('/api/customers/:customerId/contract-lifecycle', {
    config: { access: { customer: 'member' } },
    schema: { params: CustomerParams, response: answers({ 200: LifecycleContractList }) },
  }, async (request) => listLifecycleContracts(deps, request.params.customerId));
};
