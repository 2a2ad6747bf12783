import { sql, type OperationNodeSource, type Selectable } from 'kysely';
import type { Db } from '../../infra/db.js';
import { sha256Hex } from '../../infra/ids.js';
import type { AuditEventRow } from '../../db/schema.js';
import type { AuditAction } from '@up/common/contracts/audit-actions';

/** Who acts, from where: every use case gets one and passes it to the audit log (ACC-17). */
export interface Actor {
  userId: string | null;
  /** 'user', 'customer_service', 'administrator', 'system' */
  role: string;
  ip: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, role: 'system', ip: null };

export interface AuditEntry {
  customerId?: string | null;
  /** one of the actions the modules declare in common/src/contracts (each has a label in lv, en and ru) */
  action: AuditAction;
  objectType?: string;
  objectId?: string;
  details?: Record<string, unknown>;
}

const GENESIS_HASH = '0'.repeat(64);

/**
 * ACC-17: appends an event to the hash chain. Call it inside the transaction that makes the change,
 * so the change and its evidence commit or fail together.
 */
export async function recordAudit(trx: Db, actor: Actor, entry: AuditEntry, now: Date): Promise<void> {
  await sql`WITH ${appendEvent(actor, entry, now)}`.execute(trx);
}

/**
 * ACC-17 for the busiest writes (login): the changes and their audit event as one statement, each change a
 * data-modifying CTE. A single statement is atomic without BEGIN/COMMIT, which saves three round trips to
 * the database; everything else uses a transaction and recordAudit. The changes must not depend on each
 * other: all parts of one statement see the same snapshot and run in no set order.
 */
export async function executeAudited(db: Db, changes: OperationNodeSource[], actor: Actor, entry: AuditEntry, now: Date): Promise<void> {
  const named = changes.map((change, i) => sql`${sql.id(`change_${i + 1}`)} AS (${change})`);
  await sql`WITH ${sql.join([...named, appendEvent(actor, entry, now)])}`.execute(db);
}

/**
 * The statement's tail that appends the event: the UPDATE of the chain head row takes its lock (a concurrent
 * writer waits for the one still open and is then re-evaluated on the head it committed), advances seq, keeps
 * the hash it replaces as prev_hash and computes the new hash in SQL from the canonical text hashEvent
 * rebuilds; the event is inserted from what it returns. Were the head row missing, the RIGHT JOIN would insert
 * NULLs and fail on NOT NULL, so the statement (and its transaction) fails rather than go unaudited.
 */
function appendEvent(actor: Actor, entry: AuditEntry, now: Date) {
  const event = {
    occurred_at: now,
    actor_user_id: actor.userId,
    actor_role: actor.role,
    customer_id: entry.customerId ?? null,
    action: entry.action,
    object_type: entry.objectType ?? null,
    object_id: entry.objectId ?? null,
    ip: actor.ip,
    details: entry.details ?? {},
  };
  return sql`head AS (
      UPDATE audit_chain_head
      SET seq = seq + 1,
          prev_hash = hash,
          hash = encode(sha256(convert_to('[' || (seq + 1) || ',' || ${canonicalBody(event)} || ',"' || hash || '"]', 'UTF8')), 'hex')
      WHERE id = 1
      RETURNING seq, prev_hash, hash
    )
    INSERT INTO audit_events (seq, occurred_at, actor_user_id, actor_role, customer_id, action, object_type, object_id, ip, details, prev_hash, hash)
    SELECT head.seq, ${event.occurred_at}::timestamptz, ${event.actor_user_id}, ${event.actor_role}, ${event.customer_id}, ${event.action},
           ${event.object_type}, ${event.object_id}, ${event.ip}, ${JSON.stringify(event.details)}::jsonb, head.prev_hash, head.hash
    FROM head RIGHT JOIN (VALUES (1)) AS exactly_one ON true`;
}

type HashedFields = Omit<AuditEventRow, 'hash' | 'details'> & { details: unknown };

/**
 * An event's hash: SHA-256 of the JSON array [seq, occurred_at, actor_user_id, actor_role, customer_id, action,
 * object_type, object_id, ip, details, prev_hash] with object keys sorted. Appending builds the same text in
 * SQL around canonicalBody (appendEvent); the chain verification recomputes it here.
 */
export function hashEvent(event: HashedFields): string {
  return sha256Hex(`[${Number(event.seq)},${canonicalBody(event)},${JSON.stringify(event.prev_hash)}]`);
}

/** The canonical form's middle: the fields between seq and prev_hash, comma-separated. */
function canonicalBody(event: Omit<HashedFields, 'seq' | 'prev_hash'>): string {
  return [
    new Date(event.occurred_at).toISOString(),
    event.actor_user_id,
    event.actor_role,
    event.customer_id,
    event.action,
    event.object_type,
    event.object_id,
    event.ip,
    event.details,
  ].map(stableStringify).join(',');
}

/** JSON with object keys sorted, so the same event always hashes the same (jsonb reorders keys). */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.keys(value as object)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableStringify((value as Record<string, unknown>)[key])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export type ChainVerdict = { ok: true; events: number } | { ok: false; events: number; firstBadSeq: number; reason: string };

/**
 * Walks the chain in order up to the chain head read first (events appended meanwhile are left for the next
 * run) and names the first event whose content or link does not match, or that is missing — the newest
 * ones included, as the head still names them. Someone who rewrites the head as well is not caught here;
 * that needs the head kept outside the database.
 */
export async function verifyAuditChain(db: Db, batchSize = 5000): Promise<ChainVerdict> {
  const head = await db.selectFrom('audit_chain_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirst();
  if (!head) return { ok: false, events: 0, firstBadSeq: 1, reason: 'chain head missing' };
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (;;) {
    const batch = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('seq', '>=', expectedSeq)
      .where('seq', '<=', head.seq)
      .orderBy('seq')
      .limit(batchSize)
      .execute();
    if (batch.length === 0) {
      if (checked < head.seq) return { ok: false, events: checked, firstBadSeq: expectedSeq, reason: 'event missing' };
      if (expectedPrev !== head.hash) return { ok: false, events: checked, firstBadSeq: head.seq, reason: 'chain head does not match the newest event' };
      return { ok: true, events: checked };
    }
    for (const event of batch) {
      if (event.seq !== expectedSeq) {
        return { ok: false, events: checked, firstBadSeq: expectedSeq, reason: 'event missing' };
      }
      if (event.prev_hash !== expectedPrev) {
        return { ok: false, events: checked, firstBadSeq: event.seq, reason: 'link to previous event broken' };
      }
      if (hashEvent(event) !== event.hash) {
        return { ok: false, events: checked, firstBadSeq: event.seq, reason: 'content altered' };
      }
      expectedPrev = event.hash;
      expectedSeq += 1;
      checked += 1;
    }
  }
}

export interface AuditQuery {
  customerId?: string;
  actorUserId?: string;
  /** any of these actors (e.g. every account that had one e-mail address) */
  actorUserIds?: string[];
  action?: string;
  from?: Date;
  to?: Date;
  beforeSeq?: number;
  limit: number;
}

/** The events that match `query`, newest first, as customers and users see them. */
export async function searchAuditEvents(db: Db, query: AuditQuery) {
  const rows = await matchingEvents(db, query).selectAll('audit_events').execute();
  return rows.map(eventOf);
}

function matchingEvents(db: Db, query: AuditQuery) {
  let q = db.selectFrom('audit_events').orderBy('audit_events.seq', 'desc').limit(query.limit);
  if (query.customerId) q = q.where('audit_events.customer_id', '=', query.customerId);
  if (query.actorUserId) q = q.where('audit_events.actor_user_id', '=', query.actorUserId);
  if (query.actorUserIds) q = q.where('audit_events.actor_user_id', 'in', query.actorUserIds);
  if (query.action) q = q.where('audit_events.action', '=', query.action);
  if (query.from) q = q.where('audit_events.occurred_at', '>=', query.from);
  if (query.to) q = q.where('audit_events.occurred_at', '<', query.to);
  if (query.beforeSeq) q = q.where('audit_events.seq', '<', query.beforeSeq);
  return q;
}

function eventOf(row: Selectable<AuditEventRow>) {
  return {
    seq: row.seq,
    occurredAt: row.occurred_at.toISOString(),
    actorUserId: row.actor_user_id,
    actorRole: row.actor_role,
    customerId: row.customer_id,
    action: row.action,
    objectType: row.object_type,
    objectId: row.object_id,
    ip: row.ip,
    details: row.details as Record<string, unknown>,
  };
}
