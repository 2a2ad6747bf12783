import { Type, type Static } from 'typebox';
import { Instant, Nullable } from './fields.ts';

/** The scheduled jobs' runs, as administrators see them in the back office (server/src/infra/jobs.ts). */

export const JobRunStatus = Type.Union([Type.Literal('running'), Type.Literal('succeeded'), Type.Literal('failed')]);
export type JobRunStatus = Static<typeof JobRunStatus>;

/** One periodic job's run in one period, with its latest attempt. */
export const JobRun = Type.Object({
  job: Type.String(),
  period: Type.String(),
  status: JobRunStatus,
  attempts: Type.Integer(),
  /** when the latest attempt started */
  startedAt: Instant,
  /** when the run succeeded */
  finishedAt: Nullable(Instant),
  /** a failed run is tried again from then on */
  nextAttemptAt: Nullable(Instant),
  /** a running attempt holds the run until then; after it, another process takes it over */
  leaseUntil: Nullable(Instant),
  /** the error of the latest failed attempt, kept after a later attempt succeeds */
  lastError: Nullable(Type.String()),
});
export type JobRun = Static<typeof JobRun>;

/** GET /api/staff/jobs: the newest 200 runs, newest first. */
export const JobRuns = Type.Array(JobRun);
