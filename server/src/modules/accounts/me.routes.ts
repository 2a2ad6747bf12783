import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ChangePasswordBody, DisableTotpBody, EnableTotpBody, EndPortalUseBody, LinkCustomerAnswer, LinkCustomerBody, MySessions, SessionParams,
  SwitchCustomerBody, TotpSetupAnswer, UpdateProfileBody,
} from '@up/common/contracts/accounts';
import type { Deps } from '../../deps.js';
import { actorOf, clearSessionCookie, requireSession } from '../../http/session-hook.js';
import { answers, NoContent } from '../../http/answers.js';
import { endPortalUse } from './account-lifecycle.service.js';
import {
  changePassword, disableTotp, enableTotp, linkAnotherCustomer, listMySessions, signOutSession, startTotpSetup, switchCustomer, updateProfile,
} from './profile.service.js';

/** The logged-in user's own things: profile, password, customers, sessions, second factor, ending portal use. */
export const meRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const user = { access: 'user' as const };

  app.patch('/api/me', {
    config: user,
    schema: { body: UpdateProfileBody, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    await updateProfile(deps, requireSession(request).userId, request.body, actorOf(request));
    return reply.code(204).send();
  });

  app.post('/api/me/password', {
    config: { access: 'user', allowIncompleteLogin: true },
    schema: { body: ChangePasswordBody, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    const session = requireSession(request);
    if (session.secondFactorPending) return reply.code(403).send({ error: { code: 'SECOND_FACTOR_REQUIRED', message: 'Enter the code from your authenticator app', details: {} } });
    await changePassword(deps, session, request.body.currentPassword, request.body.newPassword, actorOf(request));
    return reply.code(204).send();
  });

  app.post('/api/me/active-customer', {
    config: user,
    schema: { body: SwitchCustomerBody, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    await switchCustomer(deps, requireSession(request), request.body.customerId, actorOf(request));
    return reply.code(204).send();
  });

  app.post('/api/me/customers', {
    config: user,
    schema: { body: LinkCustomerBody, response: answers({ 201: LinkCustomerAnswer }) },
  }, async (request, reply) => {
    const result = await linkAnotherCustomer(deps, requireSession(request).userId, request.body, actorOf(request));
    return reply.code(201).send(result);
  });

  app.get('/api/me/sessions', { config: user, schema: { response: answers({ 200: MySessions }) } }, async (request) => listMySessions(deps, requireSession(request)));

  app.delete('/api/me/sessions/:sessionId', {
    config: user,
    schema: { params: SessionParams, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    const session = requireSession(request);
    await signOutSession(deps, session.userId, request.params.sessionId, actorOf(request));
    if (request.params.sessionId === session.sessionIdHash) clearSessionCookie(reply);
    return reply.code(204).send();
  });

  app.post('/api/me/totp/setup', { config: user, schema: { response: answers({ 200: TotpSetupAnswer }) } }, async (request) => startTotpSetup(deps, requireSession(request)));

  app.post('/api/me/totp/enable', {
    config: user,
    schema: { body: EnableTotpBody, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    await enableTotp(deps, requireSession(request), request.body.code, actorOf(request));
    return reply.code(204).send();
  });

  app.post('/api/me/totp/disable', {
    config: user,
    schema: { body: DisableTotpBody, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    await disableTotp(deps, requireSession(request), request.body.password, actorOf(request));
    return reply.code(204).send();
  });

  app.post('/api/me/end-portal-use', {
    config: user,
    schema: { body: EndPortalUseBody, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    await endPortalUse(deps, requireSession(request).userId, request.body.password, actorOf(request));
    clearSessionCookie(reply);
    return reply.code(204).send();
  });
};
