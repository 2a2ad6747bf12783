import type { Timestamp, Json } from '../../db/column-types.js';

/** Row types of the tables the audit module owns, as Kysely sees them (composed into db/schema.ts). */

export interface AuditEventRow {
  seq: number;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_role: string;
  customer_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  ip: string | null;
  details: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

/** one row (id 1): the newest event's seq and hash */
export interface AuditChainHeadRow {
  id: number;
  seq: number;
  hash: string;
  /** the hash before the newest event: what that event links to */
  prev_hash: string | null;
}

/** A signed checkpoint of the audit chain head (audit-checkpoints.ts). */
export interface AuditCheckpointRow {
  seq: number;
  hash: string;
  signed_at: Date;
  /** the previous checkpoint's signature, '' for the first */
  prev_signature: string;
  /** HMAC-SHA256 with AUDIT_SIGNING_KEY over seq, hash, signed_at and prev_signature */
  signature: string;
}

export interface AuditTables {
  audit_events: AuditEventRow;
  audit_chain_head: AuditChainHeadRow;
  audit_checkpoints: AuditCheckpointRow;
}
