import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AnnounceTermChangeBody, StaffTermChange, StaffTermChangeList } from '@up/common/contracts/contract-lifecycle';
import type { Deps } from '../../deps.js';
import { actorOf } from '../../http/session-hook.js';
import { answers } from '../../http/answers.js';
import { announceTermChange, listTermChanges } from './term-change.service.js';

/** BIL-14: staff see the announced changes of contract terms with their counts; administrators announce one. */
export const termChangeStaffRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  app.get('/api/staff/term-changes', {
    config: { access: 'staff' },
    schema: { response: answers({ 200: StaffTermChangeList }) },
  }, async () => listTermChanges(deps.db));

  app.post('/api/staff/term-changes', {
    config: { access: 'administrator' },
    schema: { body: AnnounceTermChangeBody, response: answers({ 201: StaffTermChange }) },
  }, async (request, reply) => reply.code(201).send(await announceTermChange(deps, request.body, actorOf(request))));
};
