import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AuditEvents } from '@up/common/contracts/audit';
import { CustomerParams } from '@up/common/contracts/fields';
import type { Deps } from '../../deps.js';
import { requireSession } from '../../http/session-hook.js';
import { answers } from '../../http/answers.js';
import { searchAuditEvents } from './audit.service.js';

/** ACC-17: what the user did. */
export const auditRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  app.get('/api/me/activity', { config: { access: 'user' }, schema: { response: answers({ 200: AuditEvents }) } }, async (request) =>
    searchAuditEvents(deps.db, { actorUserId: requireSession(request).userId, limit: 200 }));
};

/** ACC-17: what was done for the customer, for its main user. */
export const auditCustomerRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  app.get('/api/customers/:customerId/activity', {
    config: { access: { customer: 'main' } },
    schema: { params: CustomerParams, response: answers({ 200: AuditEvents }) },
  }, async (request) => searchAuditEvents(deps.db, { customerId: request.params.customerId, limit: 200 }));
};
