import { type Kysely, sql } from 'kysely';

/**
 * Jobs and e-mails that survive failure:
 *  - job_runs: a run of (job, period) is claimed with a lease and may be claimed again when it failed (after
 *    its back-off) or when the process running it died (after its lease); only a succeeded run is final;
 *  - outbox_emails.claimed_until: a message is claimed for a while in a short statement and sent with no
 *    transaction open, so the mail server never holds a database connection.
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE job_runs
    ADD COLUMN status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'succeeded', 'failed')),
    ADD COLUMN attempts integer NOT NULL DEFAULT 1,
    ADD COLUMN lease_until timestamptz,
    ADD COLUMN next_attempt_at timestamptz,
    ADD COLUMN last_error text`.execute(db);
  // Before, a run without finished_at had thrown or its process had died: due again at once (jobs are idempotent).
  await sql`UPDATE job_runs SET
    status = CASE WHEN finished_at IS NOT NULL THEN 'succeeded' ELSE 'failed' END,
    next_attempt_at = CASE WHEN finished_at IS NULL THEN started_at END`.execute(db);
  await sql`ALTER TABLE job_runs ALTER COLUMN status DROP DEFAULT, ALTER COLUMN attempts DROP DEFAULT`.execute(db);
  await sql`CREATE INDEX job_runs_started_at_idx ON job_runs (started_at DESC)`.execute(db);
  await sql`ALTER TABLE outbox_emails ADD COLUMN claimed_until timestamptz`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE outbox_emails DROP COLUMN claimed_until`.execute(db);
  await sql`DROP INDEX job_runs_started_at_idx`.execute(db);
  await sql`ALTER TABLE job_runs
    DROP COLUMN status, DROP COLUMN attempts, DROP COLUMN lease_until, DROP COLUMN next_attempt_at, DROP COLUMN last_error`.execute(db);
}
