import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BlockUserBody, RegisterAccountAnswer, RegisterAccountBody, StaffMembershipParams, UserParams } from '@up/common/contracts/accounts';
import type { Deps } from '../../deps.js';
import { actorOf } from '../../http/session-hook.js';
import { CustomerParams } from '@up/common/contracts/fields';
import { answers, NoContent } from '../../http/answers.js';
import { blockUser, deleteAccount, registerAccountAtServiceCentre, requirePasswordChange, unblockUser } from './account-lifecycle.service.js';
import { denyMembership } from './additional-users.service.js';

/** Portal accounts in the back office (ACC-5, ACC-6, ACC-7, ACC-12, ACC-13). */
export const accountsStaffRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const staff = { access: 'staff' as const };

  app.post('/api/staff/customers/:customerId/accounts', {
    config: staff,
    schema: { params: CustomerParams, body: RegisterAccountBody, response: answers({ 201: RegisterAccountAnswer }) },
  }, async (request, reply) => reply.code(201).send(await registerAccountAtServiceCentre(deps, request.params.customerId, request.body, actorOf(request))));

  app.post('/api/staff/memberships/:membershipId/deny', {
    config: staff,
    schema: { params: StaffMembershipParams, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    await denyMembership(deps, request.params.membershipId, actorOf(request));
    return reply.code(204).send();
  });

  app.post('/api/staff/users/:userId/unblock', { config: staff, schema: { params: UserParams, response: answers({ 204: NoContent }) } }, async (request, reply) => {
    await unblockUser(deps, request.params.userId, actorOf(request));
    return reply.code(204).send();
  });

  app.post('/api/staff/users/:userId/block', {
    config: staff,
    schema: { params: UserParams, body: BlockUserBody, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    await blockUser(deps, request.params.userId, request.body.reason, actorOf(request));
    return reply.code(204).send();
  });

  app.post('/api/staff/users/:userId/require-password-change', { config: staff, schema: { params: UserParams, response: answers({ 204: NoContent }) } }, async (request, reply) => {
    await requirePasswordChange(deps, request.params.userId, actorOf(request));
    return reply.code(204).send();
  });

  app.delete('/api/staff/users/:userId', { config: staff, schema: { params: UserParams, response: answers({ 204: NoContent }) } }, async (request, reply) => {
    await deleteAccount(deps, request.params.userId, 'deleted by customer service on the customer\'s request', actorOf(request));
    return reply.code(204).send();
  });
};
