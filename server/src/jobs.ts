import { rigaDate } from '@up/common/riga-time';
import type { Deps } from './deps.js';
import { runOncePerPeriod, startTicker } from './infra/jobs.js';
import { purgeOldRateLimitBuckets } from './infra/rate-limit.js';
import { enabledModules, PORTAL_MODULES } from './modules.js';
import type { JobLog, PortalJob, PortalModule } from './portal-module.js';

const silent: JobLog = { info: () => {} };

/** The infrastructure's own job: rate-limit windows older than a day are dropped. */
const purgeRateLimits: PortalJob = {
  name: 'purge-rate-limits',
  every: 'hour',
  run: (deps) => purgeOldRateLimitBuckets(deps.db, deps.clock.now()),
};

/**
 * The scheduled jobs of every module that is on: the third entry point onto the same services (beside HTTP and
 * OCPP). Each job runs on its own: one that fails is logged (and, when periodic, retried after its back-off)
 * and the others still run in this tick.
 */
export async function runDueJobs(deps: Deps, log: JobLog = silent, modules: readonly PortalModule[] = PORTAL_MODULES): Promise<void> {
  const now = deps.clock.now();
  const periods = { hour: now.toISOString().slice(0, 13), 'riga-day': rigaDate(now) };
  const jobs = [...enabledModules(deps.operator, modules).flatMap((module) => module.jobs ?? []), purgeRateLimits];
  for (const job of jobs) {
    try {
      if (job.every === 'tick') await job.run(deps, log);
      else await runOncePerPeriod(deps.db, job.name, periods[job.every], deps.clock, () => job.run(deps, log));
    } catch (error) {
      log.error?.({ err: error, job: job.name }, 'job failed');
    }
  }
}

export function startJobWorker(deps: Deps, log: Required<JobLog>, intervalMs = 2000): () => void {
  return startTicker(intervalMs, () => runDueJobs(deps, log), (error) => log.error({ err: error }, 'job failed'));
}
