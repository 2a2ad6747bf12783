import { type Kysely, sql } from 'kysely';

/**
 * Invoices (issue 12, BIL-1 … BIL-3, BIL-8, BIL-9, BIL-15), owned by the billing module:
 *  - tariffs and tariff_versions: one tariff model after OCPI 2.2.1 (elements as JSON), each version valid from
 *    a Riga day until the next version's first day (BIL-8);
 *  - contract_terms: what a contract bills — its tariff, the object whose energy it bills, instalments;
 *  - billing_charges: what a period owes, rated from metering, fees, instalments, services, sessions and
 *    corrections; each has a source key unique per customer, so rating twice adds nothing, and the invoice that
 *    took it (an uninvoiced charge goes into the next invoice: "earlier corrections carried in");
 *  - invoice_series: the next number of each gap-free series (taken in the transaction that issues, so a
 *    rolled-back batch leaves no gap);
 *  - invoices, invoice_lines: issued documents; one invoice per customer and period from the billing run
 *    (a unique key, not hope), credit notes with their own series referencing the invoice, voided invoices
 *    keeping their number; buyer and delivery as they were at issue;
 *  - ledger_entries: every money movement of a customer (invoices, credit notes, voids, payments); every
 *    balance is the sum of a customer's entries;
 *  - billing_runs: one row per period with its progress and result.
 * Money in integer cents (bigint); quantities and unit prices as exact decimal text.
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  // A legal entity's VAT number, printed on its invoices and in its e-invoices (owned by the customers module).
  await sql`ALTER TABLE customers ADD COLUMN vat_number text CHECK (vat_number ~ '^[A-Z]{2}[0-9A-Z]{2,12}$')`.execute(db);
  await sql`CREATE TABLE tariffs (
    id text PRIMARY KEY,
    code text NOT NULL UNIQUE,
    kind text NOT NULL CHECK (kind IN ('supply', 'grid', 'charging', 'service')),
    name jsonb NOT NULL,
    created_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE tariff_versions (
    id text PRIMARY KEY,
    tariff_id text NOT NULL REFERENCES tariffs (id),
    version integer NOT NULL CHECK (version > 0),
    valid_from date NOT NULL,
    elements jsonb NOT NULL,
    created_by text,
    created_at timestamptz NOT NULL,
    UNIQUE (tariff_id, version),
    UNIQUE (tariff_id, valid_from)
  )`.execute(db);
  await sql`CREATE TABLE contract_terms (
    contract_id text PRIMARY KEY REFERENCES contracts (id),
    customer_id text NOT NULL REFERENCES customers (id),
    tariff_id text REFERENCES tariffs (id),
    grid_tariff_id text REFERENCES tariffs (id),
    object_id text,
    instalment_total_cents bigint CHECK (instalment_total_cents > 0),
    instalment_count integer CHECK (instalment_count > 0),
    first_instalment_month text CHECK (first_instalment_month ~ '^[0-9]{4}-[0-9]{2}$'),
    product_name text,
    updated_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX contract_terms_customer_idx ON contract_terms (customer_id)`.execute(db);
  await sql`CREATE TABLE billing_charges (
    id text PRIMARY KEY,
    customer_id text NOT NULL REFERENCES customers (id),
    contract_id text REFERENCES contracts (id),
    period text NOT NULL CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
    source text NOT NULL CHECK (source IN ('energy', 'grid_energy', 'fixed_fee', 'capacity_fee', 'instalment', 'service', 'charging_session', 'correction')),
    source_key text NOT NULL,
    description jsonb NOT NULL,
    quantity text NOT NULL,
    unit_code text NOT NULL,
    unit_price text NOT NULL,
    net_cents bigint NOT NULL,
    vat_category text NOT NULL,
    vat_percent text NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    explanation jsonb,
    invoice_id text,
    created_by text,
    created_at timestamptz NOT NULL,
    UNIQUE (customer_id, source_key)
  ) WITH (fillfactor = 70)`.execute(db);
  // No index covers invoice_id, and each page keeps room: issuing sets invoice_id on every charge it takes, which
  // is then a heap-only (HOT) update that touches no index — the run's costliest write made cheap. Open charges are
  // found through the (customer_id, source_key) key; an invoice's charges through its lines' charge_id.
  await sql`CREATE TABLE invoice_series (
    series text PRIMARY KEY,
    next_number bigint NOT NULL CHECK (next_number > 0)
  )`.execute(db);
  await sql`CREATE TABLE billing_runs (
    id text PRIMARY KEY,
    period text NOT NULL UNIQUE CHECK (period ~ '^[0-9]{4}-[0-9]{2}$'),
    status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
    issue_date date NOT NULL,
    started_by text,
    started_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL,
    finished_at timestamptz,
    customers_total integer NOT NULL DEFAULT 0,
    customers_done integer NOT NULL DEFAULT 0,
    charges_rated integer NOT NULL DEFAULT 0,
    invoices_issued integer NOT NULL DEFAULT 0,
    gross_cents bigint NOT NULL DEFAULT 0,
    payable_cents bigint NOT NULL DEFAULT 0,
    attempts integer NOT NULL DEFAULT 1,
    last_error text
  )`.execute(db);
  await sql`CREATE TABLE invoices (
    id text PRIMARY KEY,
    customer_id text NOT NULL REFERENCES customers (id),
    kind text NOT NULL CHECK (kind IN ('invoice', 'credit_note')),
    series text NOT NULL,
    sequence bigint NOT NULL,
    number text NOT NULL UNIQUE,
    period text NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    issue_date date NOT NULL,
    due_date date,
    status text NOT NULL CHECK (status IN ('issued', 'void')),
    language text NOT NULL,
    buyer jsonb NOT NULL,
    delivery_channel text NOT NULL CHECK (delivery_channel IN ('email', 'post', 'portal')),
    delivery_address text,
    -- BIL-2: delivered (e-mailed, or in the portal) when set; a deliverer holds it while claimed, retries with back-off
    delivered_at timestamptz,
    delivery_claimed_until timestamptz,
    delivery_attempts integer NOT NULL DEFAULT 0,
    delivery_error text,
    net_cents bigint NOT NULL,
    vat_cents bigint NOT NULL,
    gross_cents bigint NOT NULL,
    prepaid_cents bigint NOT NULL,
    payable_cents bigint NOT NULL,
    vat_breakdown jsonb NOT NULL,
    -- the ISO 11649 RF reference the customer writes on the transfer
    payment_reference text NOT NULL,
    corrects_invoice_id text REFERENCES invoices (id),
    replaces_invoice_id text REFERENCES invoices (id),
    billing_run_id text REFERENCES billing_runs (id),
    voided_at timestamptz,
    -- why it was voided, or why the credit note was issued
    reason text,
    created_by text,
    created_at timestamptz NOT NULL,
    UNIQUE (series, sequence),
    CHECK (gross_cents = net_cents + vat_cents),
    CHECK (payable_cents = gross_cents - prepaid_cents)
  )`.execute(db);
  // The billing run's own invoice: one per customer and period however often or by however many processes it runs.
  await sql`CREATE UNIQUE INDEX invoices_run_key ON invoices (customer_id, period)
    WHERE kind = 'invoice' AND replaces_invoice_id IS NULL`.execute(db);
  await sql`CREATE INDEX invoices_customer_idx ON invoices (customer_id, issue_date DESC)`.execute(db);
  await sql`CREATE INDEX invoices_pending_delivery_idx ON invoices (created_at) WHERE delivered_at IS NULL AND delivery_channel <> 'post'`.execute(db);
  await sql`CREATE TABLE invoice_lines (
    invoice_id text NOT NULL REFERENCES invoices (id),
    line_number integer NOT NULL,
    customer_id text NOT NULL,
    charge_id text,
    source text NOT NULL,
    description jsonb NOT NULL,
    quantity text NOT NULL,
    unit_code text NOT NULL,
    unit_price text NOT NULL,
    net_cents bigint NOT NULL,
    vat_category text NOT NULL,
    vat_percent text NOT NULL,
    period_start date NOT NULL,
    period_end date NOT NULL,
    PRIMARY KEY (invoice_id, line_number)
  )`.execute(db);
  await sql`CREATE TABLE ledger_entries (
    id text PRIMARY KEY,
    customer_id text NOT NULL REFERENCES customers (id),
    entry_date date NOT NULL,
    kind text NOT NULL CHECK (kind IN ('invoice', 'credit_note', 'void', 'payment', 'refund', 'adjustment')),
    -- positive: the customer owes more; negative: money received or credit given
    amount_cents bigint NOT NULL CHECK (amount_cents <> 0),
    invoice_id text REFERENCES invoices (id),
    reference text NOT NULL,
    created_at timestamptz NOT NULL,
    -- one entry of a kind per document or reference: a retried issue, void or payment notice adds nothing
    UNIQUE (customer_id, kind, reference)
  )`.execute(db);
  await sql`CREATE INDEX ledger_entries_customer_idx ON ledger_entries (customer_id, entry_date)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['ledger_entries', 'invoice_lines', 'invoices', 'billing_runs', 'invoice_series', 'billing_charges',
    'contract_terms', 'tariff_versions', 'tariffs']) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
  await sql`ALTER TABLE customers DROP COLUMN vat_number`.execute(db);
}
