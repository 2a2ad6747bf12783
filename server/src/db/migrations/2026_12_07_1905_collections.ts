import { type Kysely, sql } from 'kysely';

/**
 * Collections (issue 13; BIL-11, BIL-12).
 *
 * Owned by the payments module:
 *  - payment_reminders: one row per overdue invoice and reminder stage, so the daily job reminds once however often
 *    it runs or however many processes run it (the unique key decides);
 *  - service_suspensions: the customer's service suspended (late payment, breach, exceeded limit, a debt-registry
 *    entry), since when and by whom, and when and by whom it was restored; at most one open per customer.
 *
 * Owned by the customers module:
 *  - contract_terminations: notice given on a contract (BIL-12), by whom, on which day and its end day.
 *
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE payment_reminders (
    id text PRIMARY KEY,
    customer_id text NOT NULL REFERENCES customers (id),
    invoice_id text NOT NULL REFERENCES invoices (id),
    invoice_number text NOT NULL,
    stage integer NOT NULL CHECK (stage >= 1),
    sent_on date NOT NULL,
    open_cents bigint NOT NULL,
    created_at timestamptz NOT NULL,
    UNIQUE (invoice_id, stage)
  )`.execute(db);
  await sql`CREATE INDEX payment_reminders_customer_idx ON payment_reminders (customer_id, sent_on)`.execute(db);

  await sql`CREATE TABLE service_suspensions (
    id text PRIMARY KEY,
    customer_id text NOT NULL REFERENCES customers (id),
    reason text NOT NULL CHECK (reason IN ('late_payment', 'breach', 'limit_exceeded', 'debt_registry')),
    note text,
    since timestamptz NOT NULL,
    suspended_by text REFERENCES users (id),
    restored_at timestamptz,
    restored_by text REFERENCES users (id),
    restore_cause text CHECK (restore_cause IN ('paid', 'staff')),
    CHECK ((restored_at IS NULL) = (restore_cause IS NULL))
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX service_suspensions_open_idx ON service_suspensions (customer_id) WHERE restored_at IS NULL`.execute(db);
  await sql`CREATE INDEX service_suspensions_customer_idx ON service_suspensions (customer_id, since)`.execute(db);

  await sql`CREATE TABLE contract_terminations (
    contract_id text PRIMARY KEY REFERENCES contracts (id),
    customer_id text NOT NULL REFERENCES customers (id),
    given_by text NOT NULL CHECK (given_by IN ('customer', 'operator')),
    noticed_on date NOT NULL,
    ends_on date NOT NULL CHECK (ends_on > noticed_on),
    reason text,
    created_by text REFERENCES users (id),
    created_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX contract_terminations_customer_idx ON contract_terminations (customer_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE contract_terminations`.execute(db);
  await sql`DROP TABLE service_suspensions`.execute(db);
  await sql`DROP TABLE payment_reminders`.execute(db);
}
