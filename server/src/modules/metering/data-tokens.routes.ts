import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CreateDataTokenBody, CreatedDataToken, DataTokenList, DataTokenParams } from '@up/common/contracts/data-tokens';
import { CustomerParams } from '@up/common/contracts/fields';
import type { Deps } from '../../deps.js';
import { answers, NoContent } from '../../http/answers.js';
import { actorOf, requireSession } from '../../http/session-hook.js';
import { createDataToken, listDataTokens, revokeDataToken } from './data-tokens.service.js';

/**
 * Customer data API tokens: giving a third party a key to the customer's consumption is the main user's
 * decision, like the customer's contact data (ACC-10), so all three routes are for the main user only.
 */
export const dataTokensRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const main = { access: { customer: 'main' as const } };

  app.get('/api/customers/:customerId/data-tokens', {
    config: main,
    schema: { params: CustomerParams, response: answers({ 200: DataTokenList }) },
  }, async (request) => listDataTokens(deps, request.params.customerId));

  app.post('/api/customers/:customerId/data-tokens', {
    config: main,
    schema: {
      description: 'The token is in this answer only: the portal keeps just its hash.',
      params: CustomerParams, body: CreateDataTokenBody, response: answers({ 201: CreatedDataToken }),
    },
  }, async (request, reply) => {
    const created = await createDataToken(deps, requireSession(request), request.params.customerId, request.body, actorOf(request));
    return reply.code(201).send(created);
  });

  app.delete('/api/customers/:customerId/data-tokens/:tokenId', {
    config: main,
    schema: { params: DataTokenParams, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    await revokeDataToken(deps, request.params.customerId, request.params.tokenId, actorOf(request));
    return reply.code(204).send();
  });
};
