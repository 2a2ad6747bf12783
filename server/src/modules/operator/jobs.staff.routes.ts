import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { JobRuns } from '@up/common/contracts/jobs';
import type { Deps } from '../../deps.js';
import { answers } from '../../http/answers.js';
import { listRecentJobRuns } from '../../infra/jobs.js';

/** The scheduled jobs' newest 200 runs, for administrators: what failed, when it is tried again, and why. */
export const jobsStaffRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  app.get('/api/staff/jobs', {
    config: { access: 'administrator' },
    schema: { response: answers({ 200: JobRuns }) },
  }, async () => listRecentJobRuns(deps.db, 200));
};
