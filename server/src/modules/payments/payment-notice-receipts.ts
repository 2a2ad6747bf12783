import { sql } from 'kysely';
import type { Db } from '../../infra/db.js';
import { newId } from '../../infra/ids.js';
import { sqlTextArray } from '../../infra/sql-arrays.js';
import type { ProviderNotice } from './payment-provider.js';
import type { IntentStatus } from './payments.tables.js';

/**
 * BIL-15, issue 13: storing verified notices in the inbox (payment_notices), grouped. A provider sends many notices
 * at once; each one stored by a statement of its own costs the database a statement and a commit. Here the first
 * notice goes to the database at once, and the notices that arrive while that statement runs wait for it and then
 * go together in one statement (a group commit): alone a notice waits for nothing, under load each waits for at
 * most one statement before its own. Every notice still gets its own answer, and only after its statement has
 * committed. Should a group's statement fail, each of its notices is tried alone, so one bad notice fails no other.
 */
export const MAX_NOTICES_A_STATEMENT = 64;

export interface NoticeToStore {
  provider: string;
  notice: ProviderNotice;
  rawBody: string;
  receivedAt: Date;
}

/** What the database said of one notice: the payment it names (null: none of this provider) and whether it was stored now. */
export interface StoredNotice {
  intent: { amountCents: number; status: IntentStatus } | null;
  taken: boolean;
}

interface Waiting { toStore: NoticeToStore; resolve(stored: StoredNotice): void; reject(error: unknown): void }
interface Receiver { waiting: Waiting[]; busy: boolean }
const receivers = new WeakMap<Db, Receiver>();

/**
 * Stores the notice once per provider and notice id — only when it names a payment of the provider that is still
 * open and, when paid, for the payment's amount — and says what it found.
 */
export function storeNotice(db: Db, toStore: NoticeToStore): Promise<StoredNotice> {
  let receiver = receivers.get(db);
  if (!receiver) receivers.set(db, receiver = { waiting: [], busy: false });
  const current = receiver;
  return new Promise((resolve, reject) => {
    current.waiting.push({ toStore, resolve, reject });
    if (!current.busy) void storeWaiting(db, current);
  });
}

async function storeWaiting(db: Db, receiver: Receiver): Promise<void> {
  receiver.busy = true;
  try {
    while (receiver.waiting.length > 0) {
      const group = receiver.waiting.splice(0, MAX_NOTICES_A_STATEMENT);
      try {
        const stored = await storeGroup(db, group.map((waiting) => waiting.toStore));
        group.forEach((waiting, index) => waiting.resolve(stored[index]!));
      } catch (groupError) {
        if (group.length === 1) group[0]!.reject(groupError);
        else await storeEachAlone(db, group);
      }
    }
  } finally {
    receiver.busy = false;
  }
}

async function storeEachAlone(db: Db, group: Waiting[]): Promise<void> {
  for (const waiting of group) {
    try {
      waiting.resolve((await storeGroup(db, [waiting.toStore]))[0]!);
    } catch (error) {
      waiting.reject(error);
    }
  }
}

interface StoredRow { found: boolean; amount_cents: string | null; status: IntentStatus | null; taken: boolean }

/**
 * One statement, no transaction: the notices joined to the payments they name, the acceptable ones inserted in the
 * order received (ON CONFLICT: a notice stored before, or twice in the group, is stored once), and for each notice,
 * in order, what was found and whether it was stored now.
 */
async function storeGroup(db: Db, group: NoticeToStore[]): Promise<StoredNotice[]> {
  const column = <T extends string | number | null>(pick: (toStore: NoticeToStore) => T) => sqlTextArray(group.map(pick));
  const { rows } = await sql<StoredRow>`
    WITH received AS (
      SELECT * FROM unnest(${column(() => newId())}::text[], ${column((s) => s.provider)}::text[], ${column((s) => s.notice.noticeId)}::text[],
        ${column((s) => s.notice.providerPaymentId)}::text[], ${column((s) => s.notice.intentId)}::text[], ${column((s) => s.notice.status)}::text[],
        ${column((s) => s.notice.amountCents)}::bigint[], ${column((s) => s.notice.paidAt?.toISOString() ?? null)}::timestamptz[],
        ${column((s) => s.rawBody)}::text[], ${column((s) => s.receivedAt.toISOString())}::timestamptz[])
        WITH ORDINALITY AS r(id, provider, notice_id, provider_payment_id, intent_id, status, amount_cents, paid_at, raw_body, received_at, position)
    ), named AS (
      SELECT r.*, i.id IS NOT NULL AS found, i.customer_id, i.amount_cents AS intent_amount_cents, i.status AS intent_status
      FROM received r
      LEFT JOIN payment_intents i ON i.id = r.intent_id AND i.provider = r.provider AND i.provider_payment_id = r.provider_payment_id
    ), taken AS (
      INSERT INTO payment_notices (id, provider, notice_id, provider_payment_id, intent_id, customer_id, status, amount_cents, paid_at, raw_body, received_at)
      SELECT id, provider, notice_id, provider_payment_id, intent_id, customer_id, status, amount_cents, paid_at, raw_body, received_at
      FROM named
      WHERE found AND intent_status = 'started' AND (status <> 'paid' OR intent_amount_cents = amount_cents)
      ORDER BY position
      ON CONFLICT (provider, notice_id) DO NOTHING
      RETURNING id
    )
    SELECT n.found, n.intent_amount_cents AS amount_cents, n.intent_status AS status, t.id IS NOT NULL AS taken
    FROM named n LEFT JOIN taken t ON t.id = n.id
    ORDER BY n.position`.execute(db);
  if (rows.length !== group.length) throw new Error(`stored ${rows.length} answers for ${group.length} notices`);
  return rows.map((row) => ({
    intent: row.found ? { amountCents: Number(row.amount_cents), status: row.status! } : null,
    taken: row.taken,
  }));
}
