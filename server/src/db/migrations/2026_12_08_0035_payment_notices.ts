import { type Kysely, sql } from 'kysely';

/**
 * BIL-15, issue 13: the payment provider's notices, received into an inbox and applied after the answer, in
 * batches. A notice is stored once per provider and notice id (a provider's retry stores nothing new), with the
 * intent and customer it is for, what it says and its raw signed body (evidence), and `seq`, the order received (the
 * applier goes oldest first; two notices in the same millisecond keep their order); `applied_at` is null until the
 * applier has applied it (a partial index finds those), `outcome` says what it did, `error` why applying it alone
 * failed (the job tries it again). Kept lean for the answer's one insert: no foreign key (the insert selects the intent
 * it names, so it exists; a key check would also lock the intent's row), no index but the pending one.
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE payment_notices (
    id text PRIMARY KEY,
    seq bigint GENERATED ALWAYS AS IDENTITY,
    provider text NOT NULL,
    notice_id text NOT NULL,
    provider_payment_id text NOT NULL,
    intent_id text NOT NULL,
    customer_id text NOT NULL,
    status text NOT NULL CHECK (status IN ('paid', 'cancelled', 'failed')),
    amount_cents bigint NOT NULL,
    paid_at timestamptz,
    raw_body text NOT NULL,
    received_at timestamptz NOT NULL,
    applied_at timestamptz,
    outcome text CHECK (outcome IN ('paid', 'cancelled', 'failed', 'ignored')),
    error text,
    UNIQUE (provider, notice_id),
    CHECK ((applied_at IS NULL) = (outcome IS NULL))
  )`.execute(db);
  await sql`CREATE INDEX payment_notices_pending_idx ON payment_notices (seq) WHERE applied_at IS NULL`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE payment_notices`.execute(db);
}
