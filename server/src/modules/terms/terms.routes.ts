import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AcceptTermsBody, Terms, TermsList, TermsVersionParams } from '@up/common/contracts/terms';
import type { Deps } from '../../deps.js';
import { actorOf, requireSession } from '../../http/session-hook.js';
import { answers, NoContent } from '../../http/answers.js';
import { acceptCurrentTerms, getCurrentTerms, getTermsVersion, listTermsVersions } from './terms.service.js';

/** OPS-1: the terms of use at stable addresses, and the logged-in user's acceptance of the current version. */
export const termsRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const open = { access: 'public' as const };
  app.get('/api/terms', { config: open, schema: { response: answers({ 200: TermsList }) } }, async () => listTermsVersions(deps.db));
  app.get('/api/terms/current', { config: open, schema: { response: answers({ 200: Terms }) } }, async () => getCurrentTerms(deps.db, deps.clock.now()));
  app.get('/api/terms/:version', { config: open, schema: { params: TermsVersionParams, response: answers({ 200: Terms }) } }, async (request) =>
    getTermsVersion(deps.db, request.params.version));

  app.post('/api/me/terms/accept', {
    config: { access: 'user' },
    schema: { body: AcceptTermsBody, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    await acceptCurrentTerms(deps.db, requireSession(request).userId, request.body.version, actorOf(request), deps.clock.now());
    return reply.code(204).send();
  });
};
