import { type Kysely, sql } from 'kysely';

/**
 * Payments and collections (issue 13, BIL-3 … BIL-7, BIL-10 … BIL-15).
 *
 * Owned by the billing module — the ledger's open items:
 *  - ledger_entries.open_cents: what of a credit (a payment, credit note, void) is not yet allocated;
 *  - receivables: the parts of every debit entry (an invoice's category parts, a refund, a reversal), each with
 *    what is still open; BIL-5 allocates payments to them by category and due day;
 *  - allocations: which money paid which part, on which day; released (not deleted) by a reversal or a void.
 *  Invariant, tested as a property: a credit's open cents = its amount less its live allocations, a receivable's
 *  likewise, and a customer's balance (the sum of its ledger) = its open receivables less its open credits.
 *  - billing_charges may be late interest (BIL-10), charged on the next invoice; ledger entries may be reversals;
 *  - invoice_claims: a customer's claim against an invoice (BIL-7) and staff's decision;
 *  - money_limits: the money a customer may spend in a billing period (BIL-6).
 *
 * Owned by the payments module — money coming in:
 *  - bank_statements: each imported camt.053 statement with its counts;
 *  - payment_intents: an online payment started by a customer, until the provider's notice (BIL-15);
 *  - payments: every incoming payment (bank entry, online payment, staff entry), unique per source and the
 *    source's reference, so a statement or notice applied twice changes nothing; a payment no customer matched
 *    waits (customer_id null) for staff.
 *
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE billing_charges DROP CONSTRAINT billing_charges_source_check`.execute(db);
  await sql`ALTER TABLE billing_charges ADD CONSTRAINT billing_charges_source_check CHECK (source IN ('energy', 'grid_energy', 'fixed_fee',
    'capacity_fee', 'instalment', 'service', 'charging_session', 'correction', 'late_interest'))`.execute(db);
  await sql`ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_kind_check`.execute(db);
  await sql`ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_kind_check CHECK (kind IN ('invoice', 'credit_note', 'void', 'payment',
    'refund', 'reversal', 'adjustment'))`.execute(db);
  await sql`ALTER TABLE ledger_entries ADD COLUMN open_cents bigint CHECK (open_cents >= 0)`.execute(db);
  await sql`ALTER TABLE ledger_entries ADD CONSTRAINT ledger_entries_open_credit CHECK ((amount_cents < 0) = (open_cents IS NOT NULL))`.execute(db);
  await sql`CREATE INDEX ledger_entries_open_credit_idx ON ledger_entries (customer_id) WHERE open_cents > 0`.execute(db);

  await sql`CREATE TABLE receivables (
    id text PRIMARY KEY,
    customer_id text NOT NULL REFERENCES customers (id),
    ledger_entry_id text NOT NULL REFERENCES ledger_entries (id),
    invoice_id text REFERENCES invoices (id),
    category text NOT NULL CHECK (category IN ('interest', 'product', 'supply', 'service', 'refund', 'reversal')),
    issued_on date NOT NULL,
    due_date date NOT NULL,
    order_key text NOT NULL,
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    open_cents bigint NOT NULL CHECK (open_cents >= 0 AND open_cents <= amount_cents),
    UNIQUE (ledger_entry_id, category)
  )`.execute(db);
  await sql`CREATE INDEX receivables_open_idx ON receivables (customer_id, due_date) WHERE open_cents > 0`.execute(db);
  await sql`CREATE INDEX receivables_invoice_idx ON receivables (invoice_id)`.execute(db);
  await sql`CREATE TABLE allocations (
    id text PRIMARY KEY,
    customer_id text NOT NULL REFERENCES customers (id),
    credit_entry_id text NOT NULL REFERENCES ledger_entries (id),
    receivable_id text NOT NULL REFERENCES receivables (id),
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    allocated_on date NOT NULL,
    created_at timestamptz NOT NULL,
    released_at timestamptz,
    released_reason text
  )`.execute(db);
  await sql`CREATE INDEX allocations_receivable_idx ON allocations (receivable_id)`.execute(db);
  await sql`CREATE INDEX allocations_credit_idx ON allocations (credit_entry_id)`.execute(db);

  // BIL-7: a customer's claim against an invoice, and staff's decision; an accepted one is a correction charge
  await sql`CREATE TABLE invoice_claims (
    id text PRIMARY KEY,
    customer_id text NOT NULL REFERENCES customers (id),
    invoice_id text NOT NULL REFERENCES invoices (id),
    filed_by text NOT NULL,
    filed_at timestamptz NOT NULL,
    text text NOT NULL,
    status text NOT NULL CHECK (status IN ('open', 'accepted', 'rejected')),
    decided_by text,
    decided_at timestamptz,
    decision_reason text,
    correction_cents bigint,
    correction_charge_id text
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX invoice_claims_one_open ON invoice_claims (invoice_id) WHERE status = 'open'`.execute(db);
  await sql`CREATE INDEX invoice_claims_customer_idx ON invoice_claims (customer_id, filed_at)`.execute(db);

  // BIL-6: the money a customer may spend in a billing period; above it the service is refused until it prepays or pays
  await sql`CREATE TABLE money_limits (
    customer_id text NOT NULL REFERENCES customers (id),
    period text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
    limit_cents bigint NOT NULL CHECK (limit_cents >= 0),
    set_by text,
    set_at timestamptz NOT NULL,
    PRIMARY KEY (customer_id, period)
  )`.execute(db);

  await sql`CREATE TABLE bank_statements (
    id text PRIMARY KEY,
    message_id text NOT NULL,
    statement_id text NOT NULL,
    account_iban text,
    from_date date,
    to_date date,
    entries integer NOT NULL,
    credits integer NOT NULL,
    matched integer NOT NULL,
    unmatched integer NOT NULL,
    duplicates integer NOT NULL,
    rejected integer NOT NULL,
    total_cents bigint NOT NULL,
    imported_by text,
    created_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE payments (
    id text PRIMARY KEY,
    source text NOT NULL CHECK (source IN ('bank', 'online', 'staff')),
    reference text NOT NULL,
    customer_id text REFERENCES customers (id),
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    received_on date NOT NULL,
    payer_name text,
    payer_account text,
    payment_reference text,
    remittance_text text,
    status text NOT NULL CHECK (status IN ('applied', 'unmatched', 'reversed')),
    matched_by text CHECK (matched_by IN ('reference', 'invoice_number', 'customer_number', 'staff', 'online')),
    statement_id text REFERENCES bank_statements (id),
    end_to_end_id text,
    created_by text,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    UNIQUE (source, reference),
    CHECK ((status = 'unmatched') = (customer_id IS NULL))
  )`.execute(db);
  await sql`CREATE INDEX payments_customer_idx ON payments (customer_id, received_on)`.execute(db);
  // BIL-15: an online payment the customer started, until the provider's notice says how it ended
  await sql`CREATE TABLE payment_intents (
    id text PRIMARY KEY,
    customer_id text NOT NULL REFERENCES customers (id),
    created_by text NOT NULL,
    provider text NOT NULL,
    provider_payment_id text,
    amount_cents bigint NOT NULL CHECK (amount_cents > 0),
    invoice_ids text[] NOT NULL,
    status text NOT NULL CHECK (status IN ('started', 'paid', 'cancelled', 'failed')),
    payment_id text REFERENCES payments (id),
    created_at timestamptz NOT NULL,
    completed_at timestamptz,
    UNIQUE (provider, provider_payment_id)
  )`.execute(db);
  await sql`CREATE INDEX payment_intents_customer_idx ON payment_intents (customer_id, created_at)`.execute(db);
  await sql`CREATE INDEX payments_unmatched_idx ON payments (received_on) WHERE status = 'unmatched'`.execute(db);
  await sql`CREATE INDEX payments_end_to_end_idx ON payments (end_to_end_id) WHERE end_to_end_id IS NOT NULL`.execute(db);

  await backfillOpenItems(db);
}

/**
 * Ledgers written before this migration: every credit is open in full, every positive invoice owes one supply
 * part (the category split starts with the invoices issued from now on), and then each customer's credits pay
 * its debts oldest first — the state the portal would have reached had it allocated all along.
 */
async function backfillOpenItems(db: Kysely<any>): Promise<void> {
  await sql`UPDATE ledger_entries SET open_cents = -amount_cents WHERE amount_cents < 0`.execute(db);
  await sql`INSERT INTO receivables (id, customer_id, ledger_entry_id, invoice_id, category, issued_on, due_date, order_key, amount_cents, open_cents)
    SELECT gen_random_uuid()::text, e.customer_id, e.id, e.invoice_id, CASE WHEN e.kind = 'refund' THEN 'refund' ELSE 'supply' END,
      e.entry_date, coalesce(i.due_date, e.entry_date), e.reference, e.amount_cents, e.amount_cents
    FROM ledger_entries e LEFT JOIN invoices i ON i.id = e.invoice_id
    WHERE e.amount_cents > 0`.execute(db);
  const credits = await sql<{ id: string; customer_id: string; open_cents: string; entry_date: string }>`
    SELECT id, customer_id, open_cents::text, entry_date::text FROM ledger_entries WHERE open_cents > 0 ORDER BY customer_id, entry_date, reference`.execute(db);
  const debts = await sql<{ id: string; customer_id: string; open_cents: string; issued_on: string }>`
    SELECT id, customer_id, open_cents::text, issued_on::text FROM receivables ORDER BY customer_id, due_date, order_key`.execute(db);
  const debtsOf = new Map<string, { id: string; open: number; issuedOn: string }[]>();
  for (const debt of debts.rows) {
    const list = debtsOf.get(debt.customer_id) ?? [];
    list.push({ id: debt.id, open: Number(debt.open_cents), issuedOn: debt.issued_on });
    debtsOf.set(debt.customer_id, list);
  }
  for (const credit of credits.rows) {
    let left = Number(credit.open_cents);
    for (const debt of debtsOf.get(credit.customer_id) ?? []) {
      if (left === 0) break;
      const amount = Math.min(left, debt.open);
      if (amount === 0) continue;
      left -= amount;
      debt.open -= amount;
      const on = credit.entry_date > debt.issuedOn ? credit.entry_date : debt.issuedOn;
      await sql`INSERT INTO allocations (id, customer_id, credit_entry_id, receivable_id, amount_cents, allocated_on, created_at)
        VALUES (gen_random_uuid()::text, ${credit.customer_id}, ${credit.id}, ${debt.id}, ${amount}, ${on}::date, now())`.execute(db);
      await sql`UPDATE receivables SET open_cents = open_cents - ${amount} WHERE id = ${debt.id}`.execute(db);
      await sql`UPDATE ledger_entries SET open_cents = open_cents - ${amount} WHERE id = ${credit.id}`.execute(db);
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['payment_intents', 'payments', 'bank_statements', 'money_limits', 'invoice_claims', 'allocations', 'receivables']) await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  await sql`ALTER TABLE ledger_entries DROP CONSTRAINT ledger_entries_open_credit`.execute(db);
  await sql`ALTER TABLE ledger_entries DROP COLUMN open_cents`.execute(db);
}
