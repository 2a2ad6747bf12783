/** The audit module's public surface (ACC-17): the hash-chained log every module appends to. */
export { recordAudit, executeAudited, searchAuditEvents, verifyAuditChain, SYSTEM_ACTOR, type Actor, type AuditEntry, type AuditQuery } from './audit.service.js';
export { writeAuditCheckpoint, writeDueAuditCheckpoint, verifyAuditCheckpoints, type CheckpointVerdict } from './audit-checkpoints.js';
