import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CustomerParams } from '@up/common/contracts/fields';
import { AuditTrail, AuditTrailQuery, CustomerFile } from '@up/common/contracts/overview';
import type { Deps } from '../../deps.js';
import { answers } from '../../http/answers.js';
import { getCustomerFile, searchAuditTrail } from './overview.service.js';

/** The back office's customer file and audit trail, composed of several modules. */
export const overviewStaffRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const staff = { access: 'staff' as const };

  app.get('/api/staff/customers/:customerId', {
    config: staff,
    schema: { params: CustomerParams, response: answers({ 200: CustomerFile }) },
  }, async (request) => getCustomerFile(deps, request.params.customerId));

  app.get('/api/staff/audit', {
    config: staff,
    schema: { querystring: AuditTrailQuery, response: answers({ 200: AuditTrail }) },
  }, async (request) => {
    const q = request.query;
    return searchAuditTrail(deps.db, {
      customerId: q.customerId, actorUserId: q.actorUserId, action: q.action, beforeSeq: q.beforeSeq,
      customerNumber: q.customerNumber, actorEmail: q.actorEmail,
      from: q.from ? new Date(q.from) : undefined,
      to: q.to ? new Date(q.to) : undefined, // exclusive
      limit: 500,
    });
  });
};
