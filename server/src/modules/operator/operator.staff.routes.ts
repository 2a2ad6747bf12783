import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AnnounceMaintenanceBody, Created, ErrorReports, MaintenanceWindowParams } from '@up/common/contracts/operator';
import type { Deps } from '../../deps.js';
import { actorOf } from '../../http/session-hook.js';
import { answers, NoContent } from '../../http/answers.js';
import { announceMaintenance, cancelMaintenance, listErrorReports } from './operations.service.js';
import { jobsStaffRoutes } from './jobs.staff.routes.js';

/** Maintenance windows (OPS-2, administrators) and the error reports users sent (OPS-4). */
export const operatorStaffRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const admin = { access: 'administrator' as const };

  app.post('/api/staff/maintenance', {
    config: admin,
    schema: { body: AnnounceMaintenanceBody, response: answers({ 201: Created }) },
  }, async (request, reply) => reply.code(201).send(await announceMaintenance(deps, request.body, actorOf(request))));

  app.delete('/api/staff/maintenance/:windowId', { config: admin, schema: { params: MaintenanceWindowParams, response: answers({ 204: NoContent }) } }, async (request, reply) => {
    await cancelMaintenance(deps, request.params.windowId, actorOf(request));
    return reply.code(204).send();
  });

  app.get('/api/staff/error-reports', { config: { access: 'staff' }, schema: { response: answers({ 200: ErrorReports }) } }, async () => listErrorReports(deps));

  // the job runs of every module, for administrators (infra/jobs.ts)
  await app.register(jobsStaffRoutes, deps);
};
