import { sql } from 'kysely';
import type { WaitingNoticeList } from '@up/common/contracts/payments';
import { rigaDate } from '@up/common/riga-time';
import type { Db } from '../../infra/db.js';
import { sqlTextArray } from '../../infra/sql-arrays.js';
import type { JobLog } from '../../portal-module.js';
import { findCustomersByIds } from '../customers/index.js';
import { takeInPayments, type IncomingPayment } from './incoming-payments.js';
import type { NoticeOutcome } from './payments.tables.js';
import { restorePaidServices, type CollectionsDeps } from './service-suspensions.service.js';

/**
 * BIL-15, issue 13: the payment notices received into the inbox (online-payments.service.ts receiveProviderNotice)
 * are applied here, many in one transaction: what handleProviderNotice did for one notice in 12 statements, now
 * for a batch of up to NOTICE_BATCH in about as many. The route wakes the process's applier right after answering,
 * so a payment shows paid within milliseconds; the job (payment-notices.jobs.ts) applies what a crash or another
 * process left. Two processes never apply the same notice (FOR UPDATE SKIP LOCKED); applying twice changes nothing
 * (a notice is marked applied in the same transaction, and a payment is unique per source and reference).
 */
export const NOTICE_BATCH = 250;

export interface NoticesApplied {
  /** notices applied (whatever they did) */
  notices: number;
  /** of them, payments made paid */
  paid: number;
  /** of them, notices for a payment that had ended already: changed nothing */
  ignored: number;
  /** notices that failed even alone: they stay pending with their error, and the job tries them again */
  failed: number;
}

interface PendingNotice {
  id: string;
  provider: string;
  provider_payment_id: string;
  intent_id: string;
  status: 'paid' | 'cancelled' | 'failed';
  amount_cents: number;
  paid_at: Date | null;
  received_at: Date;
}

interface OpenIntent { id: string; customer_id: string; created_by: string; amount_cents: number }

/** Applies the pending notices, oldest first, a batch at a time until none is left (those that failed before wait for the job). */
export async function applyPendingNotices(deps: CollectionsDeps, batchSize = NOTICE_BATCH): Promise<NoticesApplied> {
  const total: NoticesApplied = { notices: 0, paid: 0, ignored: 0, failed: 0 };
  for (;;) {
    let taken: string[] = [];
    let applied: NoticesApplied;
    try {
      applied = await deps.db.transaction().execute(async (trx) => {
        const notices = await lockPendingNotices(trx, { limit: batchSize });
        taken = notices.map((notice) => notice.id);
        return applyNotices(deps, trx, notices);
      });
    } catch (error) {
      if (taken.length === 0) throw error; // not even the notices could be read: the database is away
      // one notice (or a deadlock with another process) failed the batch: each alone, so one bad notice holds up no other
      applied = await applyEachAlone(deps, taken);
    }
    addTo(total, applied);
    if (taken.length === 0) return total;
  }
}

/** The job's second part: notices that failed before, each alone again (a deadlock passes; a bad one keeps its error). */
export async function retryFailedNotices(deps: CollectionsDeps, limit = 100): Promise<NoticesApplied> {
  const failed = await deps.db.selectFrom('payment_notices').select('id')
    .where('applied_at', 'is', null).where('error', 'is not', null).orderBy('seq').limit(limit).execute();
  return applyEachAlone(deps, failed.map((row) => row.id));
}

interface Applier { running: Promise<void> | null; again: boolean }
const appliers = new WeakMap<Db, Applier>();

/**
 * Wakes the process's applier (one per database handle): starts it, or, when it runs already, makes it look again
 * once it has finished its batch. Never rejects (a failure is logged; the job applies what was left). The promise
 * settles when the applier is idle: tests await it to see the notices they posted applied.
 */
export function wakeNoticeApplier(deps: CollectionsDeps, log?: JobLog): Promise<void> {
  let applier = appliers.get(deps.db);
  if (!applier) appliers.set(deps.db, applier = { running: null, again: false });
  if (applier.running) {
    applier.again = true;
    return applier.running;
  }
  const current = applier;
  current.running = (async () => {
    try {
      do {
        current.again = false;
        const applied = await applyPendingNotices(deps);
        if (applied.failed > 0) log?.error?.({ ...applied }, 'payment notices failed to apply');
      } while (current.again);
    } catch (error) {
      log?.error?.({ err: error }, 'payment notice applier failed');
    } finally {
      current.running = null;
    }
  })();
  return current.running;
}

/** The pending notices (or those of `ids`), oldest first, locked; those another process holds are skipped. */
async function lockPendingNotices(trx: Db, which: { limit: number } | { ids: string[] }): Promise<PendingNotice[]> {
  const filter = 'ids' in which ? sql`id = ANY(${sqlTextArray(which.ids)}::text[])` : sql`error IS NULL`;
  const limit = 'ids' in which ? which.ids.length : which.limit;
  const { rows } = await sql<PendingNotice>`
    SELECT id, provider, provider_payment_id, intent_id, status, amount_cents, paid_at, received_at FROM payment_notices
    WHERE applied_at IS NULL AND ${filter}
    ORDER BY seq LIMIT ${limit} FOR UPDATE SKIP LOCKED`.execute(trx);
  return rows;
}

/**
 * The batch, set-based, in the caller's transaction: the first notice for a payment still open decides it (paid,
 * cancelled, failed); every other changes nothing. The paid ones are taken in as payments at once (allocated in
 * BIL-5 order in the ledger, BIL-4 the Riga day paid), customers suspended for late payment whose overdue debt is
 * now paid get the service back (BIL-11), the intents and the notices are marked.
 */
async function applyNotices(deps: CollectionsDeps, trx: Db, notices: PendingNotice[]): Promise<NoticesApplied> {
  if (notices.length === 0) return { notices: 0, paid: 0, ignored: 0, failed: 0 };
  const now = deps.clock.now();
  const intentIds = [...new Set(notices.map((notice) => notice.intent_id))];
  // locked in id order, so two processes' batches cannot deadlock on them
  const { rows: intents } = await sql<OpenIntent>`
    SELECT id, customer_id, created_by, amount_cents FROM payment_intents
    WHERE id = ANY(${sqlTextArray(intentIds)}::text[]) AND status = 'started' ORDER BY id FOR UPDATE`.execute(trx);
  const open = new Map(intents.map((intent) => [intent.id, intent]));
  const outcomes: NoticeOutcome[] = [];
  const decided: { notice: PendingNotice; intent: OpenIntent }[] = [];
  for (const notice of notices) {
    const intent = open.get(notice.intent_id);
    if (!intent || (notice.status === 'paid' && notice.amount_cents !== intent.amount_cents)) {
      outcomes.push('ignored');
      continue;
    }
    open.delete(notice.intent_id);
    outcomes.push(notice.status);
    decided.push({ notice, intent });
  }

  const reference = (notice: PendingNotice) => `${notice.provider}:${notice.provider_payment_id}`;
  const paid = decided.filter(({ notice }) => notice.status === 'paid');
  const taken = await takeInPayments(trx, paid.map(({ notice, intent }): IncomingPayment => ({
    source: 'online', reference: reference(notice), amountCents: notice.amount_cents, receivedOn: rigaDate(notice.paid_at ?? notice.received_at),
    payerName: null, payerAccount: null, creditorReference: null, remittanceText: null, endToEndId: null, statementId: null,
    customerId: intent.customer_id, matchedBy: 'online', createdBy: intent.created_by,
  })), deps.operator.billing.invoiceSeries, null, now);
  if (decided.length > 0) {
    const paymentIds = decided.map(({ notice }) => (notice.status === 'paid' ? taken.ids.get(reference(notice)) ?? null : null));
    await sql`UPDATE payment_intents i SET status = u.status, completed_at = u.completed_at::timestamptz, payment_id = u.payment_id
      FROM unnest(${sqlTextArray(decided.map(({ intent }) => intent.id))}::text[], ${sqlTextArray(decided.map(({ notice }) => notice.status))}::text[],
        ${sqlTextArray(decided.map(({ notice }) => notice.received_at.toISOString()))}::text[], ${sqlTextArray(paymentIds)}::text[])
        AS u(id, status, completed_at, payment_id)
      WHERE i.id = u.id`.execute(trx);
  }
  await restorePaidServices(deps, trx, paid.map(({ intent }) => intent.customer_id));
  await sql`UPDATE payment_notices n SET applied_at = ${now}, outcome = u.outcome, error = NULL
    FROM unnest(${sqlTextArray(notices.map((notice) => notice.id))}::text[], ${sqlTextArray(outcomes)}::text[]) AS u(id, outcome)
    WHERE n.id = u.id`.execute(trx);
  return { notices: notices.length, paid: paid.length, ignored: notices.length - decided.length, failed: 0 };
}

/** Each notice in its own transaction; one that fails keeps its error and stays pending. */
async function applyEachAlone(deps: CollectionsDeps, ids: string[]): Promise<NoticesApplied> {
  const total: NoticesApplied = { notices: 0, paid: 0, ignored: 0, failed: 0 };
  for (const id of ids) {
    try {
      addTo(total, await deps.db.transaction().execute(async (trx) => applyNotices(deps, trx, await lockPendingNotices(trx, { ids: [id] }))));
    } catch (error) {
      total.failed++;
      await deps.db.updateTable('payment_notices').set({ error: String(error instanceof Error ? error.message : error).slice(0, 2000) })
        .where('id', '=', id).where('applied_at', 'is', null).execute();
    }
  }
  return total;
}

function addTo(total: NoticesApplied, applied: NoticesApplied): void {
  total.notices += applied.notices;
  total.paid += applied.paid;
  total.ignored += applied.ignored;
  total.failed += applied.failed;
}

/** The back office's view (BIL-15): the notices not applied yet, the failed ones first with their error. */
export async function listWaitingNotices(db: Db, limit = 200): Promise<WaitingNoticeList> {
  const counts = await db.selectFrom('payment_notices')
    .select([sql<number>`count(*)::int`.as('waiting'), sql<number>`(count(*) FILTER (WHERE error IS NOT NULL))::int`.as('failed')])
    .where('applied_at', 'is', null).executeTakeFirstOrThrow();
  const rows = await db.selectFrom('payment_notices')
    .select(['id', 'provider', 'notice_id', 'provider_payment_id', 'customer_id', 'status', 'amount_cents', 'received_at', 'error'])
    .where('applied_at', 'is', null)
    .orderBy(sql`error IS NULL`).orderBy('seq')
    .limit(limit)
    .execute();
  const customers = await findCustomersByIds(db, [...new Set(rows.map((row) => row.customer_id))]);
  const numbers = new Map(customers.map((customer) => [customer.id, customer.customer_number]));
  return {
    waiting: counts.waiting,
    failed: counts.failed,
    notices: rows.map((row) => ({
      id: row.id, provider: row.provider, noticeId: row.notice_id, providerPaymentId: row.provider_payment_id, customerId: row.customer_id,
      customerNumber: numbers.get(row.customer_id) ?? null, status: row.status, amountCents: Number(row.amount_cents), receivedAt: row.received_at.toISOString(), error: row.error,
    })),
  };
}
