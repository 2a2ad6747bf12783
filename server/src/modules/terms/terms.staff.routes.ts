import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PublishTermsBody, Terms } from '@up/common/contracts/terms';
import type { Deps } from '../../deps.js';
import { actorOf } from '../../http/session-hook.js';
import { answers } from '../../http/answers.js';
import { publishTerms } from './terms.service.js';

/** OPS-1: administrators publish a new version of the terms of use. */
export const termsStaffRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  app.post('/api/staff/terms', {
    config: { access: 'administrator' },
    schema: { body: PublishTermsBody, response: answers({ 201: Terms }) },
  }, async (request, reply) => reply.code(201).send(await publishTerms(deps.db, request.body, actorOf(request), deps.clock.now())));
};
