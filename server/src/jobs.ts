import type { Deps } from './deps.js';
import { runOncePerPeriod, startTicker } from './infra/jobs.js';
import { purgeOldRateLimitBuckets } from './infra/rate-limit.js';
import { deliverPendingEmails } from './modules/notifications/notifications.service.js';
import { blockExpiredActivations, handlePasswordResetRequests } from './modules/accounts/activation.service.js';
import { purgeUnknownAddressLogins } from './modules/accounts/login.service.js';
import { deleteInactiveAccounts } from './modules/accounts/account-lifecycle.service.js';
import { purgeExpiredSessions } from './modules/accounts/sessions.service.js';
import { SYSTEM_ACTOR } from './modules/audit/audit.service.js';
import { writeDueAuditCheckpoint } from './modules/audit/audit-checkpoints.js';
import { rigaDate } from '@up/common/riga-time';

/** Where jobs report what someone outside the database should keep (the server log). */
export interface JobLog {
  info(details: Record<string, unknown>, message: string): void;
}

const silent: JobLog = { info: () => {} };

/** The scheduled jobs: the third entry point onto the same services (beside HTTP and OCPP). */
export async function runDueJobs(deps: Deps, log: JobLog = silent): Promise<void> {
  const now = deps.clock.now();
  const hour = now.toISOString().slice(0, 13);
  await handlePasswordResetRequests(deps);
  await deliverPendingEmails(deps.db, deps.mailTransport, deps.config.mailFrom, now);
  await runOncePerPeriod(deps.db, 'block-expired-activations', hour, now, () => blockExpiredActivations(deps, SYSTEM_ACTOR));
  await runOncePerPeriod(deps.db, 'purge-sessions-and-limits', hour, now, async () => {
    await purgeExpiredSessions(deps.db, now);
    await purgeOldRateLimitBuckets(deps.db, now);
    await purgeUnknownAddressLogins(deps, now);
  });
  // ACC-17: checked on every tick; the chain head is signed once new events have waited
  // AUDIT_CHECKPOINT_INTERVAL_MINUTES unsigned. The log line is the copy kept outside the database.
  const checkpoint = await writeDueAuditCheckpoint(deps.db, deps.config.auditSigningKey, now);
  if (checkpoint) log.info({ auditCheckpoint: { ...checkpoint, signed_at: checkpoint.signed_at.toISOString() } }, 'audit checkpoint signed');
  // ACC-12: the yearly clean-up rule is checked daily, so an account goes within a day of turning a year idle.
  await runOncePerPeriod(deps.db, 'delete-inactive-accounts', rigaDate(now), now, () => deleteInactiveAccounts(deps, SYSTEM_ACTOR));
}

export function startJobWorker(deps: Deps, log: JobLog & { error(details: Record<string, unknown>, message: string): void }, intervalMs = 2000): () => void {
  return startTicker(intervalMs, () => runDueJobs(deps, log), (error) => log.error({ err: error }, 'job failed'));
}
