import type { Timestamp, Json } from '../db/column-types.js';

/** Row types of the tables the infra layer owns, as Kysely sees them (composed into db/schema.ts). */

export interface RateLimitBucketRow {
  key: string;
  window_start: Timestamp;
  hits: number;
}

/** One periodic job's run in one period, with its latest attempt (infra/jobs.ts). */
export interface JobRunRow {
  job: string;
  period: string;
  status: 'running' | 'succeeded' | 'failed';
  attempts: number;
  /** when the latest attempt started */
  started_at: Timestamp;
  finished_at: Timestamp | null;
  result: Json<unknown> | null;
  /** a running attempt's process holds the run until then; after it, another process may claim it */
  lease_until: Timestamp | null;
  /** a failed run may be claimed again from then on */
  next_attempt_at: Timestamp | null;
  /** the error of the latest failed attempt (kept after a later attempt succeeds) */
  last_error: string | null;
}

export interface InfraTables {
  rate_limit_buckets: RateLimitBucketRow;
  job_runs: JobRunRow;
}
