import type { Db } from './db.js';

/**
 * A periodic job runs once per period however many portal processes there are: the first process to
 * insert (job, period) into job_runs runs it; the others see the row and skip. A crashed run leaves a row
 * without finished_at, which an operator sees in job_runs; jobs are idempotent, so a re-run is safe.
 */
export async function runOncePerPeriod(
  db: Db,
  job: string,
  period: string,
  now: Date,
  work: () => Promise<unknown>,
): Promise<boolean> {
  const claimed = await db
    .insertInto('job_runs')
    .values({ job, period, started_at: now, finished_at: null, result: null })
    .onConflict((oc) => oc.columns(['job', 'period']).doNothing())
    .returning('job')
    .executeTakeFirst();
  if (!claimed) return false;
  const result = await work();
  await db
    .updateTable('job_runs')
    .set({ finished_at: new Date(), result: JSON.stringify(result ?? null) })
    .where('job', '=', job)
    .where('period', '=', period)
    .execute();
  return true;
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
