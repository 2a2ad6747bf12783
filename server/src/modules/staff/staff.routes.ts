import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type TSchema } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.js';
import { actorOf } from '../../http/session-hook.js';
import { CustomerKind, CustomerParams, Email, Id, IsoDate, IsoDateTime, Language, LocalizedText, SequenceNumber, Text } from '../../http/common-schemas.js';
import { blockUser, deleteAccount, registerAccountAtServiceCentre, requirePasswordChange, unblockUser } from '../accounts/account-lifecycle.service.js';
import { endMembership } from '../accounts/additional-users.service.js';
import { searchAuditEventsWithNames } from '../audit/audit.service.js';
import { publishTerms } from '../terms/terms.service.js';
import { announceMaintenance, cancelMaintenance, listErrorReports } from '../operator/operations.service.js';
import { addContract, checkServicePassword, createCustomer, CONTRACT_STATUSES, CONTRACT_TYPES, getCustomerForStaff, updateCustomerRecord } from '../customers/customers.service.js';
import { importCustomers } from '../customers/customer-import.service.js';
import { searchCustomers } from '../customers/customers.repository.js';
import { notFound } from '../../infra/errors.js';

const UserParams = Type.Object({ userId: Id });
const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
const Phone = Type.String({ maxLength: 30, pattern: '^\\+?[0-9 ()-]{5,30}$' });

/** The back office: customer service and administrators (ACC-5, ACC-7, ACC-12, ACC-13, OPS-1, OPS-2, OPS-4). */
export const staffRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const staff = { access: 'staff' as const };
  const admin = { access: 'administrator' as const };

  app.get('/api/staff/customers', {
    config: staff,
    schema: { querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 100 }) }) },
  }, async (request) => searchCustomers(deps.db, request.query.q));

  app.get('/api/staff/customers/:customerId', { config: staff, schema: { params: CustomerParams } }, async (request) =>
    getCustomerForStaff(deps, request.params.customerId));

  app.post('/api/staff/customers', {
    config: staff,
    schema: {
      body: Type.Object({
        kind: CustomerKind, name: Text(200), identityCode: Text(20), customerNumber: Text(40),
        email: Type.Optional(Nullable(Email)), phone: Type.Optional(Type.Union([Phone, Type.Null()])),
        postalAddress: Type.Optional(Nullable(Text(300))), language: Type.Optional(Language),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => reply.code(201).send(await createCustomer(deps, request.body, actorOf(request))));

  app.patch('/api/staff/customers/:customerId', {
    config: staff,
    schema: {
      params: CustomerParams,
      body: Type.Object({
        name: Type.Optional(Text(200)), email: Type.Optional(Nullable(Email)), phone: Type.Optional(Type.Union([Phone, Type.Null()])),
        postalAddress: Type.Optional(Nullable(Text(300))), language: Type.Optional(Language),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    await updateCustomerRecord(deps, request.params.customerId, request.body, actorOf(request));
    return reply.code(204).send();
  });

  app.post('/api/staff/customers/:customerId/contracts', {
    config: staff,
    schema: {
      params: CustomerParams,
      body: Type.Object({
        type: Type.Union(CONTRACT_TYPES.map((t) => Type.Literal(t))),
        number: Text(40),
        status: Type.Union(CONTRACT_STATUSES.map((s) => Type.Literal(s))),
        startsOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
        endsOn: Type.Optional(Type.Union([IsoDate, Type.Null()])),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => reply.code(201).send(await addContract(deps, request.params.customerId, request.body, actorOf(request))));

  app.post('/api/staff/customers/import', {
    config: staff,
    bodyLimit: 20 * 1024 * 1024,
    schema: { body: Type.Object({ csv: Type.String({ minLength: 1, maxLength: 20_000_000 }) }, { additionalProperties: false }) },
  }, async (request) => importCustomers(deps, request.body.csv, actorOf(request)));

  app.post('/api/staff/customers/:customerId/accounts', {
    config: staff,
    schema: {
      params: CustomerParams,
      body: Type.Object({ fullName: Text(200), email: Email, phone: Type.Optional(Phone), personalCode: Type.Optional(Text(20)) }, { additionalProperties: false }),
    },
  }, async (request, reply) => reply.code(201).send(await registerAccountAtServiceCentre(deps, request.params.customerId, request.body, actorOf(request))));

  app.post('/api/staff/customers/:customerId/service-password/check', {
    config: staff,
    schema: { params: CustomerParams, body: Type.Object({ servicePassword: Text(64) }, { additionalProperties: false }) },
  }, async (request) => checkServicePassword(deps, request.params.customerId, request.body.servicePassword, actorOf(request)));

  app.post('/api/staff/memberships/:membershipId/deny', {
    config: staff,
    schema: { params: Type.Object({ membershipId: Id }) },
  }, async (request, reply) => {
    const membership = await deps.db.selectFrom('memberships').select('customer_id').where('id', '=', request.params.membershipId).executeTakeFirst();
    if (!membership) throw notFound('MEMBERSHIP_NOT_FOUND', 'No such user of a customer');
    await endMembership(deps, membership.customer_id, request.params.membershipId, 'denied', actorOf(request));
    return reply.code(204).send();
  });

  app.post('/api/staff/users/:userId/unblock', { config: staff, schema: { params: UserParams } }, async (request, reply) => {
    await unblockUser(deps, request.params.userId, actorOf(request));
    return reply.code(204).send();
  });

  app.post('/api/staff/users/:userId/block', {
    config: staff,
    schema: { params: UserParams, body: Type.Object({ reason: Text(500) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    await blockUser(deps, request.params.userId, request.body.reason, actorOf(request));
    return reply.code(204).send();
  });

  app.post('/api/staff/users/:userId/require-password-change', { config: staff, schema: { params: UserParams } }, async (request, reply) => {
    await requirePasswordChange(deps, request.params.userId, actorOf(request));
    return reply.code(204).send();
  });

  app.delete('/api/staff/users/:userId', { config: staff, schema: { params: UserParams } }, async (request, reply) => {
    await deleteAccount(deps, request.params.userId, 'deleted by customer service on the customer\'s request', actorOf(request));
    return reply.code(204).send();
  });

  app.get('/api/staff/audit', {
    config: staff,
    schema: {
      querystring: Type.Object({
        customerId: Type.Optional(Id), actorUserId: Type.Optional(Id), action: Type.Optional(Text(100)),
        customerNumber: Type.Optional(Text(40)), actorEmail: Type.Optional(Text(254)),
        from: Type.Optional(IsoDateTime), to: Type.Optional(IsoDateTime), beforeSeq: Type.Optional(SequenceNumber),
      }),
    },
  }, async (request) => {
    const q = request.query;
    return searchAuditEventsWithNames(deps.db, {
      customerId: q.customerId, actorUserId: q.actorUserId, action: q.action, beforeSeq: q.beforeSeq,
      customerNumber: q.customerNumber, actorEmail: q.actorEmail,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined, // exclusive
      limit: 500,
    });
  });

  app.post('/api/staff/terms', {
    config: admin,
    schema: { body: Type.Object({ version: Text(40), approvedOn: IsoDate, validFrom: IsoDate, texts: LocalizedText(200_000) }, { additionalProperties: false }) },
  }, async (request, reply) => reply.code(201).send(await publishTerms(deps.db, request.body, actorOf(request), deps.clock.now())));

  app.post('/api/staff/maintenance', {
    config: admin,
    schema: {
      body: Type.Object({
        startsAt: IsoDateTime, endsAt: IsoDateTime,
        module: Type.Optional(Type.Union([Type.String({ maxLength: 40 }), Type.Null()])),
        message: LocalizedText(1000),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => reply.code(201).send(await announceMaintenance(deps, request.body, actorOf(request))));

  app.delete('/api/staff/maintenance/:windowId', { config: admin, schema: { params: Type.Object({ windowId: Id }) } }, async (request, reply) => {
    await cancelMaintenance(deps, request.params.windowId, actorOf(request));
    return reply.code(204).send();
  });

  app.get('/api/staff/error-reports', { config: staff }, async () => listErrorReports(deps));
};
