/**
 * Periodic jobs that survive failure (infra/jobs.ts): a failed run is tried again after its back-off, a run
 * whose process died is taken over after its lease, a succeeded run is final, and all time is the clock's.
 * Runs on PGlite, and on PostgreSQL with DATABASE_URL (multi-process.test.ts covers two processes).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestApp, type TestApp } from '../test/test-app.js';
import { openTestDatabase } from '../test/test-database.js';
import * as jobLeases from '../db/migrations/2026_12_01_1300_job_leases.js';
import { DEMO_PASSWORD } from '../db/demo-data.js';
import { addMinutes } from './clock.js';
import { backoffMinutes, runOncePerPeriod } from './jobs.js';

let t: TestApp;
beforeAll(async () => { t = await createTestApp(); });
afterAll(async () => { await t?.close(); });

const runOf = (job: string, period: string) =>
  t.deps.db.selectFrom('job_runs').selectAll().where('job', '=', job).where('period', '=', period).executeTakeFirstOrThrow();

/** A job's work that fails the first `failures` times it is called, and counts its calls. */
function flakyWork(failures: number) {
  const work = async () => {
    work.calls += 1;
    if (work.calls <= failures) throw new Error(`meter service unavailable (call ${work.calls})`);
    return { handled: work.calls };
  };
  work.calls = 0;
  return work;
}

describe('runOncePerPeriod: a run that fails is tried again; a run that succeeded is final', () => {
  it('a job that throws is recorded as failed, re-thrown, and retried after its back-off until it succeeds', async () => {
    const work = flakyWork(2);
    await expect(runOncePerPeriod(t.deps.db, 'flaky', 'p1', t.clock, work)).rejects.toThrow('meter service unavailable (call 1)');
    const failed = await runOf('flaky', 'p1');
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lease_until: null, finished_at: null });
    expect(failed.next_attempt_at).toEqual(addMinutes(t.clock.now(), 1));
    expect(failed.last_error).toContain('meter service unavailable (call 1)');

    t.clock.advanceMinutes(1);
    await expect(runOncePerPeriod(t.deps.db, 'flaky', 'p1', t.clock, work)).rejects.toThrow('(call 2)');
    expect(await runOf('flaky', 'p1')).toMatchObject({ status: 'failed', attempts: 2, next_attempt_at: addMinutes(t.clock.now(), 2) });

    t.clock.advanceMinutes(2);
    expect(await runOncePerPeriod(t.deps.db, 'flaky', 'p1', t.clock, work)).toBe(true);
    const succeeded = await runOf('flaky', 'p1');
    expect(succeeded).toMatchObject({ status: 'succeeded', attempts: 3, result: { handled: 3 }, lease_until: null, next_attempt_at: null });
    expect(succeeded.finished_at).toEqual(t.clock.now());
    // The error of the latest failed attempt stays, so the back office shows why the run needed retries.
    expect(succeeded.last_error).toContain('(call 2)');
    expect(work.calls).toBe(3);
  });

  it('is not retried before its back-off has passed', async () => {
    const work = flakyWork(1);
    await expect(runOncePerPeriod(t.deps.db, 'flaky', 'p2', t.clock, work)).rejects.toThrow();
    t.clock.advanceMinutes(0.5);
    expect(await runOncePerPeriod(t.deps.db, 'flaky', 'p2', t.clock, work)).toBe(false);
    expect(work.calls).toBe(1);
    t.clock.advanceMinutes(0.5);
    expect(await runOncePerPeriod(t.deps.db, 'flaky', 'p2', t.clock, work)).toBe(true);
    expect(await runOf('flaky', 'p2')).toMatchObject({ status: 'succeeded', attempts: 2 });
  });

  it('the back-off doubles from 1 minute and stops at an hour', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 20].map(backoffMinutes)).toEqual([1, 2, 4, 8, 16, 32, 60, 60, 60]);
  });

  it('a run whose process died (running, lease expired) is claimed again; one still under its lease is not', async () => {
    const now = t.clock.now();
    await t.deps.db.insertInto('job_runs').values({
      job: 'crashed', period: 'p3', status: 'running', attempts: 1, started_at: addMinutes(now, -15), lease_until: addMinutes(now, 5),
      next_attempt_at: null, finished_at: null, result: null, last_error: null,
    }).execute();
    const work = flakyWork(0);
    expect(await runOncePerPeriod(t.deps.db, 'crashed', 'p3', t.clock, work)).toBe(false); // its lease still holds
    t.clock.advanceMinutes(5);
    expect(await runOncePerPeriod(t.deps.db, 'crashed', 'p3', t.clock, work)).toBe(true);
    expect(work.calls).toBe(1);
    expect(await runOf('crashed', 'p3')).toMatchObject({ status: 'succeeded', attempts: 2, started_at: t.clock.now() });
  });

  it('a succeeded run never runs again in its period, however much later; the next period runs', async () => {
    const work = flakyWork(0);
    expect(await runOncePerPeriod(t.deps.db, 'daily', '2026-11-23', t.clock, work)).toBe(true);
    t.clock.advanceDays(40);
    expect(await runOncePerPeriod(t.deps.db, 'daily', '2026-11-23', t.clock, work)).toBe(false);
    expect(await runOncePerPeriod(t.deps.db, 'daily', '2026-11-24', t.clock, work)).toBe(true);
    expect(work.calls).toBe(2);
  });

  it('takes its time from the clock: started_at is the claim time, finished_at the clock after the work', async () => {
    const started = t.clock.now();
    expect(await runOncePerPeriod(t.deps.db, 'slow', 'p5', t.clock, async () => { t.clock.advanceMinutes(7); })).toBe(true);
    const run = await runOf('slow', 'p5');
    expect(run.started_at).toEqual(started);
    expect(run.finished_at).toEqual(addMinutes(started, 7));
    expect(Math.abs(run.finished_at!.getTime() - Date.now())).toBeGreaterThan(60_000); // not the wall time
  });

  it('a lease longer than the default can be asked for, for a long job', async () => {
    const started = t.clock.now();
    let leaseDuringWork: Date | null = null;
    await runOncePerPeriod(t.deps.db, 'billing-run', '2026-12', t.clock, async () => {
      leaseDuringWork = (await runOf('billing-run', '2026-12')).lease_until;
    }, { leaseMinutes: 120 });
    expect(leaseDuringWork).toEqual(addMinutes(started, 120));
  });
});

describe('migration 2026_12_01_1300_job_leases', () => {
  it('marks the runs of before as succeeded when they finished, and as failed and due at once when they did not', async () => {
    const database = await openTestDatabase();
    try {
      await jobLeases.down(database.db);
      await sql`INSERT INTO job_runs (job, period, started_at, finished_at, result) VALUES
        ('purge', '2026-11-23T09', '2026-11-23T09:00:00Z', '2026-11-23T09:00:01Z', '3'),
        ('purge', '2026-11-23T10', '2026-11-23T10:00:00Z', NULL, NULL)`.execute(database.db);
      await jobLeases.up(database.db);
      const runs = await database.db.selectFrom('job_runs').selectAll().orderBy('period').execute();
      expect(runs).toMatchObject([
        { period: '2026-11-23T09', status: 'succeeded', attempts: 1, next_attempt_at: null, result: 3 },
        { period: '2026-11-23T10', status: 'failed', attempts: 1, next_attempt_at: new Date('2026-11-23T10:00:00Z'), lease_until: null },
      ]);
    } finally {
      await database.close();
    }
  });
});

describe('GET /api/staff/jobs: administrators see the job runs', () => {
  it('lists the newest runs first with their status, attempts, times and last error', async () => {
    t.clock.advanceMinutes(1);
    await expect(runOncePerPeriod(t.deps.db, 'listed', 'p6', t.clock, async () => { throw new Error('SMTP refused'); })).rejects.toThrow();
    const admin = t.client('10.0.9.1');
    await admin.login('admin@demo.example', DEMO_PASSWORD);
    const response = await admin.get('/api/staff/jobs');
    expect(response.statusCode, response.body).toBe(200);
    const runs = response.json() as Record<string, unknown>[];
    expect(runs[0]).toEqual({
      job: 'listed', period: 'p6', status: 'failed', attempts: 1,
      startedAt: t.clock.now().toISOString(), finishedAt: null,
      nextAttemptAt: addMinutes(t.clock.now(), 1).toISOString(), leaseUntil: null,
      lastError: expect.stringContaining('SMTP refused'),
    });
    expect(runs.find((run) => run.job === 'flaky' && run.period === 'p1')).toMatchObject({ status: 'succeeded', attempts: 3 });
    const startTimes = runs.map((run) => run.startedAt as string);
    expect([...startTimes].sort().reverse()).toEqual(startTimes);
  });

  it('refuses customer service staff (administrators only)', async () => {
    const service = t.client('10.0.9.2');
    await service.login('service@demo.example', DEMO_PASSWORD);
    expect((await service.get('/api/staff/jobs')).statusCode).toBe(403);
  });
});
