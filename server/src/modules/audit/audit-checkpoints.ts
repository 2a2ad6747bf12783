import { createHmac } from 'node:crypto';
import type { Db } from '../../infra/db.js';
import type { AuditCheckpointRow } from '../../db/schema.js';

/*
 * ACC-17, "cannot be altered unnoticed": the hash chain alone catches a changed or removed event, but not
 * someone with write access to the database who rewrites an event and recomputes every hash after it. So the
 * chain head is signed with AUDIT_SIGNING_KEY, which lives in the portal's configuration, not in the database:
 * a rewritten chain no longer matches the signed hashes, and new signatures cannot be made without the key.
 * Each signature covers the previous one (dropping a checkpoint from the middle shows), and each checkpoint
 * is also written to the server log, a copy outside the database for the newest ones.
 *
 * Events after the newest checkpoint are protected by the hash chain alone: cutting them together with the
 * chain head goes unnoticed. So the job worker signs the head once new events have waited
 * AUDIT_CHECKPOINT_INTERVAL_MINUTES (checked on every tick), and the portal signs it when it shuts down.
 */

/** ACC-17: how long new audit events may stay unsigned while a process runs its jobs (plus one job tick). */
export const AUDIT_CHECKPOINT_INTERVAL_MINUTES = 5;

type UnsignedCheckpoint = Omit<AuditCheckpointRow, 'signature'>;

export function checkpointSignature(key: string, checkpoint: UnsignedCheckpoint): string {
  const text = `${checkpoint.seq}|${checkpoint.hash}|${checkpoint.signed_at.toISOString()}|${checkpoint.prev_signature}`;
  return createHmac('sha256', key).update(text).digest('hex');
}

/** Signs the chain head as it stands now, unless nothing was appended since the newest checkpoint. */
export async function writeAuditCheckpoint(db: Db, key: string, now: Date): Promise<AuditCheckpointRow | null> {
  return db.transaction().execute(async (trx) => {
    // Locking the head orders this after appends in flight and after a checkpoint another process is writing.
    const head = await trx.selectFrom('audit_chain_head').select(['seq', 'hash']).where('id', '=', 1).forUpdate().executeTakeFirstOrThrow();
    const newest = await trx.selectFrom('audit_checkpoints').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
    if (head.seq === 0 || (newest && newest.seq >= head.seq)) return null;
    const unsigned: UnsignedCheckpoint = { seq: head.seq, hash: head.hash, signed_at: now, prev_signature: newest?.signature ?? '' };
    const checkpoint = { ...unsigned, signature: checkpointSignature(key, unsigned) };
    await trx.insertInto('audit_checkpoints').values(checkpoint).execute();
    return checkpoint;
  });
}

/**
 * Signs the chain head if events were appended since the newest checkpoint and that checkpoint is at least
 * AUDIT_CHECKPOINT_INTERVAL_MINUTES old (or there is none yet). Called on every job tick, so it first reads
 * without locking; only a due checkpoint takes writeAuditCheckpoint's lock, whose check keeps two processes
 * from signing the same head.
 */
export async function writeDueAuditCheckpoint(db: Db, key: string, now: Date): Promise<AuditCheckpointRow | null> {
  const state = await db
    .selectFrom('audit_chain_head as h')
    .where('h.id', '=', 1)
    .select((eb) => [
      'h.seq as head_seq',
      eb.selectFrom('audit_checkpoints').select('seq').orderBy('seq', 'desc').limit(1).as('signed_seq'),
      eb.selectFrom('audit_checkpoints').select('signed_at').orderBy('seq', 'desc').limit(1).as('signed_at'),
    ])
    .executeTakeFirstOrThrow();
  if (state.head_seq === 0) return null;
  if (state.signed_seq !== null && state.signed_at !== null) {
    if (state.signed_seq >= state.head_seq) return null; // nothing appended since
    const dueAt = state.signed_at.getTime() + AUDIT_CHECKPOINT_INTERVAL_MINUTES * 60_000;
    if (now.getTime() < dueAt) return null;
  }
  return writeAuditCheckpoint(db, key, now);
}

export type CheckpointVerdict =
  | { ok: true; checkpoints: number; newest: { seq: number; signedAt: Date } | null }
  | { ok: false; checkpoints: number; reason: string };

/**
 * Checks every checkpoint against the key and the events: its signature, its link to the previous one, and
 * that the event it names still has the signed hash. A mismatch means the events after the previous good
 * checkpoint, up to this one, were rewritten (the chain itself may look intact: its hashes were recomputed).
 */
export async function verifyAuditCheckpoints(db: Db, key: string): Promise<CheckpointVerdict> {
  const rows = await db
    .selectFrom('audit_checkpoints as c')
    .leftJoin('audit_events as e', 'e.seq', 'c.seq')
    .select(['c.seq', 'c.hash', 'c.signed_at', 'c.prev_signature', 'c.signature', 'e.hash as event_hash'])
    .orderBy('c.seq')
    .execute();
  let previous: AuditCheckpointRow | null = null;
  let checked = 0;
  for (const row of rows) {
    const { event_hash: eventHash, ...checkpoint } = row;
    const signedAt = checkpoint.signed_at.toISOString();
    const since = previous ? `after event ${previous.seq}` : 'from the first event';
    if (checkpoint.prev_signature !== (previous?.signature ?? '')) {
      return { ok: false, checkpoints: checked, reason: `checkpoint of event ${checkpoint.seq} (signed ${signedAt}) does not follow the one before it: a checkpoint was removed or altered` };
    }
    if (checkpoint.signature !== checkpointSignature(key, checkpoint)) {
      return { ok: false, checkpoints: checked, reason: `checkpoint of event ${checkpoint.seq} (signed ${signedAt}) has a wrong signature: it was altered, or AUDIT_SIGNING_KEY is not the key that signed it` };
    }
    if (eventHash === null) {
      return { ok: false, checkpoints: checked, reason: `event ${checkpoint.seq}, signed at ${signedAt}, is missing: events ${since} up to it were removed` };
    }
    if (eventHash !== checkpoint.hash) {
      return { ok: false, checkpoints: checked, reason: `event ${checkpoint.seq} no longer has the hash signed at ${signedAt}: an event ${since} up to ${checkpoint.seq} was altered and the chain recomputed` };
    }
    previous = checkpoint;
    checked += 1;
  }
  return { ok: true, checkpoints: checked, newest: previous ? { seq: previous.seq, signedAt: previous.signed_at } : null };
}
