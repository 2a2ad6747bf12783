import type { PortalJob } from '../../portal-module.js';
import { applyPendingNotices, retryFailedNotices } from './payment-notice-inbox.js';

/**
 * BIL-15: on every tick (2 s) of every process, the payment notices still pending — left by a crash between the
 * answer and the applier, or received by a process whose applier is busy — then those that failed before, each
 * alone. Usually there are none: the route wakes the applier right after answering. Two processes never take the
 * same notice (SKIP LOCKED).
 */
export const PAYMENT_NOTICE_JOBS: readonly PortalJob[] = [
  {
    name: 'payments.apply-notices',
    every: 'tick',
    async run(deps, log) {
      const applied = await applyPendingNotices(deps);
      const retried = await retryFailedNotices(deps);
      if (applied.notices > 0 || retried.notices > 0 || retried.failed > 0) log.info({ applied, retried }, 'payment notices');
      return { applied, retried };
    },
  },
];
