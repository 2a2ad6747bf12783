import { type Kysely, sql } from 'kysely';

/**
 * Fixes of the outside audit (issue 9):
 *  - unknown_address_logins: failed logins of addresses without an account, one row per address, so that
 *    counting and blocking is one atomic upsert, as it is in the users row for real accounts (ACC-7);
 *  - password_reset_requests: "forgot password" only queues the address; the job worker looks it up later,
 *    so the answer does the same work whether or not the account exists (ACC-8);
 *  - one_time_tokens.customer_id and the purpose registration_report: the link in the e-mail that tells a
 *    customer a main user was registered for it, with which the customer reports "this was not me" (ACC-2).
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // Lost on a crash like the rate-limit counters: at worst an address may try a few more times.
  await sql`CREATE UNLOGGED TABLE unknown_address_logins (
    email text PRIMARY KEY,
    failed_logins integer NOT NULL,
    locked_until timestamptz,
    updated_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE password_reset_requests (
    id text PRIMARY KEY,
    email text NOT NULL,
    ip text,
    requested_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX password_reset_requests_time_idx ON password_reset_requests (requested_at)`.execute(db);
  await sql`ALTER TABLE one_time_tokens ADD COLUMN customer_id text REFERENCES customers (id)`.execute(db);
  await sql`ALTER TABLE one_time_tokens DROP CONSTRAINT one_time_tokens_purpose_check`.execute(db);
  await sql`ALTER TABLE one_time_tokens ADD CONSTRAINT one_time_tokens_purpose_check
    CHECK (purpose IN ('activation', 'password_reset', 'invitation', 'registration_report'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DELETE FROM one_time_tokens WHERE purpose = 'registration_report'`.execute(db);
  await sql`ALTER TABLE one_time_tokens DROP CONSTRAINT one_time_tokens_purpose_check`.execute(db);
  await sql`ALTER TABLE one_time_tokens ADD CONSTRAINT one_time_tokens_purpose_check
    CHECK (purpose IN ('activation', 'password_reset', 'invitation'))`.execute(db);
  await sql`ALTER TABLE one_time_tokens DROP COLUMN customer_id`.execute(db);
  await sql`DROP TABLE password_reset_requests`.execute(db);
  await sql`DROP TABLE unknown_address_logins`.execute(db);
}
