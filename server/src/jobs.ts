import type { Deps } from './deps.js';
import { runOncePerPeriod, startTicker } from './infra/jobs.js';
import { purgeOldRateLimitBuckets } from './infra/rate-limit.js';
import { deliverPendingEmails } from './modules/notifications/notifications.service.js';
import { blockExpiredActivations } from './modules/accounts/activation.service.js';
import { deleteInactiveAccounts } from './modules/accounts/account-lifecycle.service.js';
import { purgeExpiredSessions } from './modules/accounts/sessions.service.js';
import { SYSTEM_ACTOR } from './modules/audit/audit.service.js';
import { rigaDate } from '@up/common/riga-time';

/** The scheduled jobs: the third entry point onto the same services (beside HTTP and OCPP). */
export async function runDueJobs(deps: Deps): Promise<void> {
  const now = deps.clock.now();
  const hour = now.toISOString().slice(0, 13);
  await deliverPendingEmails(deps.db, deps.mailTransport, deps.config.mailFrom, now);
  await runOncePerPeriod(deps.db, 'block-expired-activations', hour, now, () => blockExpiredActivations(deps, SYSTEM_ACTOR));
  await runOncePerPeriod(deps.db, 'purge-sessions-and-limits', hour, now, async () => {
    await purgeExpiredSessions(deps.db, now);
    await purgeOldRateLimitBuckets(deps.db, now);
  });
  // ACC-12: the yearly clean-up rule is checked daily, so an account goes within a day of turning a year idle.
  await runOncePerPeriod(deps.db, 'delete-inactive-accounts', rigaDate(now), now, () => deleteInactiveAccounts(deps, SYSTEM_ACTOR));
}

export function startJobWorker(deps: Deps, log: (error: unknown) => void, intervalMs = 2000): () => void {
  return startTicker(intervalMs, () => runDueJobs(deps), log);
}
