import type { PortalJob } from '../../portal-module.js';
import { writeDueAuditCheckpoint } from './audit-checkpoints.js';

/** The audit module's scheduled job. */
export const AUDIT_JOBS: readonly PortalJob[] = [
  {
    // ACC-17: checked on every tick; the chain head is signed once new events have waited
    // AUDIT_CHECKPOINT_INTERVAL_MINUTES unsigned. The log line is the copy kept outside the database.
    name: 'audit-checkpoint',
    every: 'tick',
    run: async (deps, log) => {
      const checkpoint = await writeDueAuditCheckpoint(deps.db, deps.config.auditSigningKey, deps.clock.now());
      if (checkpoint) log.info({ auditCheckpoint: { ...checkpoint, signed_at: checkpoint.signed_at.toISOString() } }, 'audit checkpoint signed');
    },
  },
];
