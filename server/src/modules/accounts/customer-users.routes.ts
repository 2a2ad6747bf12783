import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ChangeRightsBody, CustomerUsers, InviteUserAnswer, InviteUserBody, MembershipParams } from '@up/common/contracts/accounts';
import type { Deps } from '../../deps.js';
import { actorOf, requireMembership } from '../../http/session-hook.js';
import { CustomerParams } from '@up/common/contracts/fields';
import { answers, NoContent } from '../../http/answers.js';
import { changeUserRights, inviteAdditionalUser, listCustomerUsers, removeAdditionalUser } from './additional-users.service.js';

/** ACC-10: the main user manages the customer's additional users and their rights. */
export const customerUsersRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  app.get('/api/customers/:customerId/users', {
    config: { access: { customer: 'main' } },
    schema: { params: CustomerParams, response: answers({ 200: CustomerUsers }) },
  }, async (request) => listCustomerUsers(deps, request.params.customerId));

  app.post('/api/customers/:customerId/users', {
    config: { access: { customer: 'main' } },
    schema: { params: CustomerParams, body: InviteUserBody, response: answers({ 201: InviteUserAnswer }) },
  }, async (request, reply) => {
    const result = await inviteAdditionalUser(deps, requireMembership(request), request.body, actorOf(request));
    return reply.code(201).send(result);
  });

  app.patch('/api/customers/:customerId/users/:membershipId', {
    config: { access: { customer: 'main' } },
    schema: { params: MembershipParams, body: ChangeRightsBody, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    await changeUserRights(deps, request.params.customerId, request.params.membershipId, request.body.rights, actorOf(request));
    return reply.code(204).send();
  });

  app.delete('/api/customers/:customerId/users/:membershipId', {
    config: { access: { customer: 'main' } },
    schema: { params: MembershipParams, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    await removeAdditionalUser(deps, request.params.customerId, request.params.membershipId, actorOf(request));
    return reply.code(204).send();
  });
};
