import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.js';
import { actorOf, requireMembership, requireSession } from '../../http/session-hook.js';
import { CustomerParams, Email, Id, Rights, Text } from '../../http/common-schemas.js';
import { changeUserRights, inviteAdditionalUser, listCustomerUsers, removeAdditionalUser } from '../accounts/additional-users.service.js';
import { effectiveRights } from '../accounts/accounts.policy.js';
import { searchAuditEvents } from '../audit/audit.service.js';
import { listOrders, submitOrder } from '../orders/orders.service.js';
import { changeContactDetails, getContactDetails, setServicePassword } from './customers.service.js';
import { listContracts, readCustomerSummaries, type CustomerSummaryKey } from './customers.repository.js';
import { BatchedReads } from '../../infra/batched-reads.js';
import { notFound } from '../../infra/errors.js';

const MembershipParams = Type.Object({ customerId: Id, membershipId: Id });
const Channel = <T extends string>(...values: T[]) => Type.Union(values.map((v) => Type.Literal(v)));

/** Everything a user does for a customer. The session hook has already checked membership and rights. */
export const customerRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  // One summary query at a time per process: the overview pages asked for while it runs go together in the
  // next one. Measured (docs/BENCHMARKS.md): under load this serves 1.5 times what 2 or 3 in flight do, as
  // batches grow; a query of 100 households still takes a few milliseconds, and under light load nothing waits.
  const summaries = new BatchedReads((keys: CustomerSummaryKey[]) => readCustomerSummaries(deps.db, keys), { maxInFlight: 1, maxBatch: 100 });

  app.get('/api/customers/:customerId/summary', {
    config: { access: { customer: 'member' } },
    schema: { params: CustomerParams },
  }, async (request) => {
    const membership = requireMembership(request);
    const customer = await summaries.read({ customerId: request.params.customerId, userId: membership.userId });
    if (!customer) throw notFound('CUSTOMER_NOT_FOUND', 'No such customer among yours');
    return {
      customer: { id: customer.id, name: customer.name, kind: customer.kind, customerNumber: customer.customer_number },
      role: membership.role,
      rights: effectiveRights(membership, deps.operator),
      contracts: { active: customer.active_contracts, total: customer.contracts },
      unreadNotices: customer.unread_notices,
      users: membership.role === 'main' ? customer.users : null,
    };
  });

  app.get('/api/customers/:customerId/contracts', {
    config: { access: { customer: 'member' } },
    schema: { params: CustomerParams },
  }, async (request) => listContracts(deps.db, request.params.customerId));

  app.get('/api/customers/:customerId/users', {
    config: { access: { customer: 'main' } },
    schema: { params: CustomerParams },
  }, async (request) => listCustomerUsers(deps, request.params.customerId));

  app.post('/api/customers/:customerId/users', {
    config: { access: { customer: 'main' } },
    schema: {
      params: CustomerParams,
      body: Type.Object({ email: Email, fullName: Text(200), rights: Rights, confirmDataTruthful: Type.Boolean() }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const result = await inviteAdditionalUser(deps, requireMembership(request), request.body, actorOf(request));
    return reply.code(201).send(result);
  });

  app.patch('/api/customers/:customerId/users/:membershipId', {
    config: { access: { customer: 'main' } },
    schema: { params: MembershipParams, body: Type.Object({ rights: Rights }, { additionalProperties: false }) },
  }, async (request, reply) => {
    await changeUserRights(deps, request.params.customerId, request.params.membershipId, request.body.rights, actorOf(request));
    return reply.code(204).send();
  });

  app.delete('/api/customers/:customerId/users/:membershipId', {
    config: { access: { customer: 'main' } },
    schema: { params: MembershipParams },
  }, async (request, reply) => {
    await removeAdditionalUser(deps, request.params.customerId, request.params.membershipId, actorOf(request));
    return reply.code(204).send();
  });

  app.get('/api/customers/:customerId/contact', {
    config: { access: { customer: 'member' } },
    schema: { params: CustomerParams },
  }, async (request) => getContactDetails(deps, request.params.customerId));

  app.put('/api/customers/:customerId/contact', {
    config: { access: { customer: 'main' } },
    schema: {
      params: CustomerParams,
      body: Type.Object({
        email: Type.Union([Email, Type.Null()]),
        phone: Type.Union([Type.String({ maxLength: 30, pattern: '^\\+?[0-9 ()-]{5,30}$' }), Type.Null()]),
        postalAddress: Type.Union([Text(300), Type.Null()]),
        invoiceChannel: Channel('email', 'post', 'portal'),
        noticeChannel: Channel('email', 'sms', 'portal'),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    await changeContactDetails(deps, request.params.customerId, request.body, actorOf(request));
    return reply.code(204).send();
  });

  app.put('/api/customers/:customerId/service-password', {
    config: { access: { customer: 'main' } },
    schema: { params: CustomerParams, body: Type.Object({ servicePassword: Text(64) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    await setServicePassword(deps, request.params.customerId, request.body.servicePassword, actorOf(request));
    return reply.code(204).send();
  });

  app.get('/api/customers/:customerId/activity', {
    config: { access: { customer: 'main' } },
    schema: { params: CustomerParams },
  }, async (request) => searchAuditEvents(deps.db, { customerId: request.params.customerId, limit: 200 }));

  app.get('/api/customers/:customerId/orders', {
    config: { access: { customer: 'member' } },
    schema: { params: CustomerParams },
  }, async (request) => listOrders(deps, request.params.customerId));

  app.post('/api/customers/:customerId/orders', {
    config: { access: { customer: 'sign_orders' } },
    schema: {
      params: CustomerParams,
      body: Type.Object({ type: Text(40), payload: Type.Record(Type.String({ maxLength: 60 }), Type.Unknown(), { maxProperties: 30 }) }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const result = await submitOrder(deps, requireSession(request), request.params.customerId, request.body, actorOf(request));
    return reply.code(201).send(result);
  });
};
