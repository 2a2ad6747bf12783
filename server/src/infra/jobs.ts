import { sql, type Selectable } from 'kysely';
import type { Db } from './db.js';
import { addMinutes, type Clock } from './clock.js';
import type { JobRun } from '@up/common/contracts/jobs';
import type { JobRunRow } from '../db/schema.js';

export interface RunOptions {
  /** how long a claimed attempt holds the run before another process may take it over (longer than the work) */
  leaseMinutes?: number;
}

const DEFAULT_LEASE_MINUTES = 10;
const MAX_BACKOFF_MINUTES = 60;
const MAX_ERROR_LENGTH = 1000;

/**
 * A periodic job runs once per period however many portal processes there are, and a failed run is tried
 * again: the process that claims (job, period) in job_runs runs the work under a lease. A throw marks the run
 * failed and due again after a back-off (1, 2, 4 … minutes, at most an hour); a process that dies mid-run
 * leaves it running until its lease ends, when any process claims it again. Only a succeeded run is final.
 * Jobs are idempotent, so running one again after a failure or a crash is safe.
 * Returns true when this call ran the work; the work's error is recorded and re-thrown.
 */
export async function runOncePerPeriod(
  db: Db,
  job: string,
  period: string,
  clock: Clock,
  work: () => Promise<unknown>,
  options: RunOptions = {},
): Promise<boolean> {
  const attempt = await claimRun(db, job, period, clock.now(), options.leaseMinutes ?? DEFAULT_LEASE_MINUTES);
  if (attempt === null) return false;
  let result: unknown;
  try {
    result = await work();
  } catch (error) {
    // If even this write fails (the database is gone), the lease runs out and a later tick claims the run again.
    await recordFailure(db, job, period, attempt, clock.now(), error).catch(() => {});
    throw error;
  }
  await recordSuccess(db, job, period, attempt, clock.now(), result);
  return true;
}

/**
 * One statement, so two processes never both claim: the first claim inserts the run; a later one takes it
 * over only while it is failed and due, or running with an expired lease. Returns the attempt's number, or
 * null when the run is not this caller's to do (succeeded, waiting for its back-off, or held by a lease).
 */
async function claimRun(db: Db, job: string, period: string, now: Date, leaseMinutes: number): Promise<number | null> {
  const leaseUntil = addMinutes(now, leaseMinutes);
  const claimed = await db
    .insertInto('job_runs')
    .values({
      job, period, status: 'running', attempts: 1, started_at: now, lease_until: leaseUntil,
      next_attempt_at: null, finished_at: null, result: null, last_error: null,
    })
    .onConflict((oc) => oc
      .columns(['job', 'period'])
      .doUpdateSet({ status: 'running', attempts: sql`job_runs.attempts + 1`, started_at: now, lease_until: leaseUntil, next_attempt_at: null })
      .where((eb) => eb.or([
        eb.and([eb('job_runs.status', '=', 'failed'), eb('job_runs.next_attempt_at', '<=', now)]),
        eb.and([eb('job_runs.status', '=', 'running'), eb('job_runs.lease_until', '<=', now)]),
      ])))
    .returning('attempts')
    .executeTakeFirst();
  return claimed ? claimed.attempts : null;
}

/** Only the attempt that holds the run records its outcome: one whose lease expired and was taken over does not. */
function latestAttempt(db: Db, job: string, period: string, attempt: number) {
  return db
    .updateTable('job_runs')
    .where('job', '=', job)
    .where('period', '=', period)
    .where('status', '=', 'running')
    .where('attempts', '=', attempt);
}

async function recordSuccess(db: Db, job: string, period: string, attempt: number, finishedAt: Date, result: unknown): Promise<void> {
  await latestAttempt(db, job, period, attempt)
    .set({ status: 'succeeded', finished_at: finishedAt, result: JSON.stringify(result ?? null), lease_until: null })
    .execute();
}

async function recordFailure(db: Db, job: string, period: string, attempt: number, failedAt: Date, error: unknown): Promise<void> {
  await latestAttempt(db, job, period, attempt)
    .set({
      status: 'failed',
      lease_until: null,
      next_attempt_at: addMinutes(failedAt, backoffMinutes(attempt)),
      last_error: describeError(error),
    })
    .execute();
}

/** 1, 2, 4 … minutes after the 1st, 2nd, 3rd … failed attempt, at most an hour. */
export function backoffMinutes(failedAttempts: number): number {
  return Math.min(2 ** (failedAttempts - 1), MAX_BACKOFF_MINUTES);
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}

/** The newest runs first (by the start of their latest attempt), for the back office. */
export async function listRecentJobRuns(db: Db, limit = 200): Promise<JobRun[]> {
  const rows = await db.selectFrom('job_runs').selectAll().orderBy('started_at', 'desc').orderBy('job').limit(limit).execute();
  return rows.map(toJobRunAnswer);
}

function toJobRunAnswer(row: Selectable<JobRunRow>): JobRun {
  const iso = (instant: Date | null) => (instant ? instant.toISOString() : null);
  return {
    job: row.job,
    period: row.period,
    status: row.status,
    attempts: row.attempts,
    startedAt: row.started_at.toISOString(),
    finishedAt: iso(row.finished_at),
    nextAttemptAt: iso(row.next_attempt_at),
    leaseUntil: iso(row.lease_until),
    lastError: row.last_error,
  };
}

/** Calls `tick` every `intervalMs` until stopped; one tick at a time, errors logged, never thrown. */
export function startTicker(intervalMs: number, tick: () => Promise<void>, onError: (error: unknown) => void): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    tick().catch(onError).finally(() => (running = false));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
