import { type Kysely, sql } from 'kysely';

/**
 * BIL-13, BIL-14: a contract starts when its confirmation e-mail is sent; the customer may withdraw within 14 days
 * (refunded less the service received); contract terms change with 30 days' notice, and the customer may leave.
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // the version of the contract terms the contract runs on, and the outbox message that confirms (and so starts) it
  await sql`ALTER TABLE contracts ADD COLUMN terms_version text, ADD COLUMN confirmation_email_id text`.execute(db);
  await sql`CREATE INDEX contracts_awaiting_confirmation ON contracts (created_at) WHERE status = 'pending' AND confirmation_email_id IS NOT NULL`.execute(db);
  await sql`CREATE INDEX contracts_by_type_live ON contracts (type) WHERE status IN ('pending', 'active', 'suspended')`.execute(db);

  await sql`CREATE TABLE contract_withdrawals (
    contract_id text PRIMARY KEY REFERENCES contracts(id),
    customer_id text NOT NULL REFERENCES customers(id),
    withdrawn_on date NOT NULL,
    paid_cents bigint NOT NULL CHECK (paid_cents >= 0),
    received_cents bigint NOT NULL CHECK (received_cents >= 0),
    refund_cents bigint NOT NULL CHECK (refund_cents >= 0),
    refund_due_on date NOT NULL,
    refund_paid_on date,
    created_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX contract_withdrawals_customer ON contract_withdrawals (customer_id)`.execute(db);
  await sql`CREATE INDEX contract_withdrawals_refunds_due ON contract_withdrawals (refund_due_on) WHERE refund_cents > 0 AND refund_paid_on IS NULL`.execute(db);

  await sql`CREATE TABLE term_changes (
    id text PRIMARY KEY,
    contract_type text NOT NULL,
    terms_version text NOT NULL,
    summary_lv text NOT NULL,
    summary_en text NOT NULL,
    summary_ru text NOT NULL,
    announced_on date NOT NULL,
    effective_on date NOT NULL CHECK (effective_on >= announced_on + 30),
    announced_by text,
    applied_at timestamptz,
    created_at timestamptz NOT NULL,
    UNIQUE (contract_type, terms_version)
  )`.execute(db);
  await sql`CREATE TABLE term_change_contracts (
    term_change_id text NOT NULL REFERENCES term_changes(id),
    contract_id text NOT NULL,
    customer_id text NOT NULL,
    outcome text NOT NULL DEFAULT 'notified' CHECK (outcome IN ('notified', 'left', 'accepted')),
    decided_on date,
    PRIMARY KEY (term_change_id, contract_id)
  )`.execute(db);
  await sql`CREATE INDEX term_change_contracts_customer ON term_change_contracts (customer_id)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE term_change_contracts`.execute(db);
  await sql`DROP TABLE term_changes`.execute(db);
  await sql`DROP TABLE contract_withdrawals`.execute(db);
  await sql`DROP INDEX contracts_by_type_live`.execute(db);
  await sql`DROP INDEX contracts_awaiting_confirmation`.execute(db);
  await sql`ALTER TABLE contracts DROP COLUMN confirmation_email_id, DROP COLUMN terms_version`.execute(db);
}
