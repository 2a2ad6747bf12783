import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.js';
import { actorOf, clearSessionCookie, requireSession } from '../../http/session-hook.js';
import { CustomerKind, Id, Language, Password, Text } from '../../http/common-schemas.js';
import { acceptCurrentTerms } from '../terms/terms.service.js';
import { searchAuditEvents } from '../audit/audit.service.js';
import { listNotices, markNoticeRead } from '../notifications/notifications.service.js';
import { listActiveMembershipsOfUser } from './memberships.repository.js';
import { endPortalUse } from './account-lifecycle.service.js';
import {
  changePassword, disableTotp, enableTotp, linkAnotherCustomer, listMySessions, signOutSession, startTotpSetup, switchCustomer, updateProfile,
} from './profile.service.js';
import { notFound } from '../../infra/errors.js';

/** The logged-in user's own things: profile, password, sessions, second factor, terms, inbox, activity. */
export const meRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const user = { access: 'user' as const };

  app.patch('/api/me', {
    config: user,
    schema: { body: Type.Object({ fullName: Type.Optional(Text(200)), phone: Type.Optional(Type.String({ maxLength: 30, pattern: '^\\+?[0-9 ()-]{0,30}$' })), language: Type.Optional(Language) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    await updateProfile(deps, requireSession(request).userId, request.body, actorOf(request));
    return reply.code(204).send();
  });

  app.post('/api/me/password', {
    config: { access: 'user', allowIncompleteLogin: true },
    schema: { body: Type.Object({ currentPassword: Password, newPassword: Password }, { additionalProperties: false }) },
  }, async (request, reply) => {
    const session = requireSession(request);
    if (session.secondFactorPending) return reply.code(403).send({ error: { code: 'SECOND_FACTOR_REQUIRED', message: 'Enter the code from your authenticator app', details: {} } });
    await changePassword(deps, session, request.body.currentPassword, request.body.newPassword, actorOf(request));
    return reply.code(204).send();
  });

  app.post('/api/me/terms/accept', {
    config: user,
    schema: { body: Type.Object({ version: Text(40) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    await acceptCurrentTerms(deps.db, requireSession(request).userId, request.body.version, actorOf(request), deps.clock.now());
    return reply.code(204).send();
  });

  app.post('/api/me/active-customer', {
    config: user,
    schema: { body: Type.Object({ customerId: Id }, { additionalProperties: false }) },
  }, async (request, reply) => {
    await switchCustomer(deps, requireSession(request), request.body.customerId, actorOf(request));
    return reply.code(204).send();
  });

  app.post('/api/me/customers', {
    config: user,
    schema: {
      body: Type.Object({
        customerKind: CustomerKind, customerName: Text(200), identityCode: Text(20), customerNumber: Text(40), confirmDataTruthful: Type.Boolean(),
      }, { additionalProperties: false }),
    },
  }, async (request, reply) => {
    const result = await linkAnotherCustomer(deps, requireSession(request).userId, request.body, actorOf(request));
    return reply.code(201).send(result);
  });

  app.get('/api/me/sessions', { config: user }, async (request) => listMySessions(deps, requireSession(request)));

  app.delete('/api/me/sessions/:sessionId', {
    config: user,
    schema: { params: Type.Object({ sessionId: Type.String({ minLength: 64, maxLength: 64, pattern: '^[0-9a-f]{64}$' }) }) },
  }, async (request, reply) => {
    const session = requireSession(request);
    await signOutSession(deps, session.userId, request.params.sessionId, actorOf(request));
    if (request.params.sessionId === session.sessionIdHash) clearSessionCookie(reply);
    return reply.code(204).send();
  });

  app.post('/api/me/totp/setup', { config: user }, async (request) => startTotpSetup(deps, requireSession(request)));

  app.post('/api/me/totp/enable', {
    config: user,
    schema: { body: Type.Object({ code: Type.String({ minLength: 6, maxLength: 10 }) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    await enableTotp(deps, requireSession(request), request.body.code, actorOf(request));
    return reply.code(204).send();
  });

  app.post('/api/me/totp/disable', {
    config: user,
    schema: { body: Type.Object({ password: Password }, { additionalProperties: false }) },
  }, async (request, reply) => {
    await disableTotp(deps, requireSession(request), request.body.password, actorOf(request));
    return reply.code(204).send();
  });

  app.get('/api/me/activity', { config: user }, async (request) =>
    searchAuditEvents(deps.db, { actorUserId: requireSession(request).userId, limit: 200 }));

  const inboxScope = async (userId: string) => ({
    userId,
    customerIds: (await listActiveMembershipsOfUser(deps.db, userId)).map((m) => m.customer_id),
  });

  app.get('/api/me/notices', { config: user }, async (request) => listNotices(deps.db, await inboxScope(requireSession(request).userId)));

  app.post('/api/me/notices/:noticeId/read', {
    config: user,
    schema: { params: Type.Object({ noticeId: Id }) },
  }, async (request, reply) => {
    const found = await markNoticeRead(deps.db, request.params.noticeId, await inboxScope(requireSession(request).userId), deps.clock.now());
    if (!found) throw notFound('NOTICE_NOT_FOUND', 'No such notice');
    return reply.code(204).send();
  });

  app.post('/api/me/end-portal-use', {
    config: user,
    schema: { body: Type.Object({ password: Password }, { additionalProperties: false }) },
  }, async (request, reply) => {
    await endPortalUse(deps, requireSession(request).userId, request.body.password, actorOf(request));
    clearSessionCookie(reply);
    return reply.code(204).send();
  });
};
