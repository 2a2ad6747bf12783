import { type Kysely, sql } from 'kysely';

// Frozen in time: never edit after it has shipped; add a new migration instead.
const statements = [
  `CREATE TABLE customers (
     id text PRIMARY KEY,
     kind text NOT NULL CHECK (kind IN ('person', 'company')),
     name text NOT NULL,
     identity_code text NOT NULL,
     customer_number text NOT NULL,
     email text,
     phone text,
     postal_address text,
     invoice_channel text NOT NULL DEFAULT 'email' CHECK (invoice_channel IN ('email', 'post', 'portal')),
     notice_channel text NOT NULL DEFAULT 'email' CHECK (notice_channel IN ('email', 'sms', 'portal')),
     language text NOT NULL DEFAULT 'lv',
     service_password_hash text,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL
   )`,
  `CREATE UNIQUE INDEX customers_customer_number_key ON customers (customer_number)`,
  `CREATE UNIQUE INDEX customers_identity_code_key ON customers (kind, identity_code)`,
  `CREATE TABLE contracts (
     id text PRIMARY KEY,
     customer_id text NOT NULL REFERENCES customers (id),
     type text NOT NULL,
     number text NOT NULL,
     status text NOT NULL CHECK (status IN ('pending', 'active', 'suspended', 'ended')),
     starts_on date,
     ends_on date,
     created_at timestamptz NOT NULL
   )`,
  `CREATE UNIQUE INDEX contracts_number_key ON contracts (number)`,
  `CREATE INDEX contracts_customer_idx ON contracts (customer_id)`,
  `CREATE TABLE users (
     id text PRIMARY KEY,
     email text NOT NULL,
     full_name text NOT NULL,
     personal_code text,
     phone text,
     language text NOT NULL DEFAULT 'lv',
     password_hash text,
     password_changed_at timestamptz,
     must_change_password boolean NOT NULL DEFAULT false,
     status text NOT NULL CHECK (status IN ('pending', 'active', 'blocked', 'deleted')),
     blocked_reason text,
     activation_deadline timestamptz,
     failed_logins integer NOT NULL DEFAULT 0,
     locked_until timestamptz,
     last_login_at timestamptz,
     totp_secret text,
     totp_enabled boolean NOT NULL DEFAULT false,
     staff_role text CHECK (staff_role IN ('customer_service', 'administrator')),
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL
   )`,
  // ACC-3: the e-mail is the username, unique and case-insensitive (deleted users free it).
  `CREATE UNIQUE INDEX users_email_key ON users (lower(email)) WHERE status <> 'deleted'`,
  `CREATE INDEX users_personal_code_idx ON users (personal_code)`,
  `CREATE TABLE password_history (
     id text PRIMARY KEY,
     user_id text NOT NULL REFERENCES users (id),
     password_hash text NOT NULL,
     created_at timestamptz NOT NULL
   )`,
  `CREATE INDEX password_history_user_idx ON password_history (user_id, created_at)`,
  `CREATE TABLE memberships (
     id text PRIMARY KEY,
     user_id text NOT NULL REFERENCES users (id),
     customer_id text NOT NULL REFERENCES customers (id),
     role text NOT NULL CHECK (role IN ('main', 'additional')),
     rights text[] NOT NULL DEFAULT '{}',
     status text NOT NULL CHECK (status IN ('active', 'removed', 'denied')),
     invited_by text REFERENCES users (id),
     created_at timestamptz NOT NULL,
     ended_at timestamptz
   )`,
  `CREATE UNIQUE INDEX memberships_active_key ON memberships (user_id, customer_id) WHERE status = 'active'`,
  `CREATE UNIQUE INDEX memberships_one_main_key ON memberships (customer_id) WHERE status = 'active' AND role = 'main'`,
  `CREATE INDEX memberships_customer_idx ON memberships (customer_id)`,
  `CREATE TABLE one_time_tokens (
     token_hash text PRIMARY KEY,
     purpose text NOT NULL CHECK (purpose IN ('activation', 'password_reset', 'invitation')),
     user_id text NOT NULL REFERENCES users (id),
     expires_at timestamptz NOT NULL,
     used_at timestamptz,
     created_at timestamptz NOT NULL
   )`,
  `CREATE INDEX one_time_tokens_user_idx ON one_time_tokens (user_id)`,
  `CREATE TABLE sessions (
     id_hash text PRIMARY KEY,
     user_id text NOT NULL REFERENCES users (id),
     customer_id text REFERENCES customers (id),
     csrf_token text NOT NULL,
     auth_method text NOT NULL CHECK (auth_method IN ('password', 'bank')),
     authenticated_at timestamptz NOT NULL,
     second_factor_pending boolean NOT NULL DEFAULT false,
     created_at timestamptz NOT NULL,
     last_seen_at timestamptz NOT NULL,
     expires_at timestamptz NOT NULL,
     ip text NOT NULL,
     user_agent text NOT NULL DEFAULT ''
   )`,
  `CREATE INDEX sessions_user_idx ON sessions (user_id)`,
  `CREATE TABLE terms_versions (
     id text PRIMARY KEY,
     version text NOT NULL UNIQUE,
     approved_on date NOT NULL,
     valid_from date NOT NULL,
     valid_to date,
     text_lv text NOT NULL,
     text_en text NOT NULL,
     text_ru text NOT NULL,
     published_at timestamptz NOT NULL
   )`,
  `CREATE TABLE terms_acceptances (
     user_id text NOT NULL REFERENCES users (id),
     terms_version_id text NOT NULL REFERENCES terms_versions (id),
     accepted_at timestamptz NOT NULL,
     ip text NOT NULL,
     PRIMARY KEY (user_id, terms_version_id)
   )`,
  `CREATE TABLE maintenance_windows (
     id text PRIMARY KEY,
     starts_at timestamptz NOT NULL,
     ends_at timestamptz NOT NULL,
     module text,
     message_lv text NOT NULL,
     message_en text NOT NULL,
     message_ru text NOT NULL,
     created_by text REFERENCES users (id),
     created_at timestamptz NOT NULL,
     cancelled_at timestamptz
   )`,
  `CREATE TABLE error_reports (
     id text PRIMARY KEY,
     user_id text REFERENCES users (id),
     customer_id text REFERENCES customers (id),
     page text NOT NULL,
     message text NOT NULL,
     contact_email text,
     status text NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'handled')),
     created_at timestamptz NOT NULL
   )`,
  `CREATE TABLE orders (
     id text PRIMARY KEY,
     customer_id text NOT NULL REFERENCES customers (id),
     user_id text NOT NULL REFERENCES users (id),
     type text NOT NULL,
     status text NOT NULL CHECK (status IN ('draft', 'submitted', 'in_progress', 'done', 'refused', 'annulled', 'cancelled')),
     payload jsonb NOT NULL,
     signed_with text CHECK (signed_with IN ('password', 'bank')),
     submitted_at timestamptz,
     created_at timestamptz NOT NULL,
     updated_at timestamptz NOT NULL
   )`,
  `CREATE INDEX orders_customer_idx ON orders (customer_id, created_at)`,
  `CREATE TABLE notices (
     id text PRIMARY KEY,
     customer_id text REFERENCES customers (id),
     user_id text REFERENCES users (id),
     kind text NOT NULL,
     title text NOT NULL,
     body text NOT NULL,
     created_at timestamptz NOT NULL
   )`,
  // A notice to a whole customer is read by each of its users separately.
  `CREATE TABLE notice_reads (
     notice_id text NOT NULL REFERENCES notices (id),
     user_id text NOT NULL REFERENCES users (id),
     read_at timestamptz NOT NULL,
     PRIMARY KEY (notice_id, user_id)
   )`,
  `CREATE INDEX notices_customer_idx ON notices (customer_id, created_at)`,
  `CREATE INDEX notices_user_idx ON notices (user_id, created_at)`,
  `CREATE TABLE outbox_emails (
     id text PRIMARY KEY,
     to_address text NOT NULL,
     subject text NOT NULL,
     body_text text NOT NULL,
     body_html text NOT NULL,
     created_at timestamptz NOT NULL,
     attempts integer NOT NULL DEFAULT 0,
     next_attempt_at timestamptz NOT NULL,
     sent_at timestamptz,
     last_error text
   )`,
  `CREATE INDEX outbox_emails_pending_idx ON outbox_emails (next_attempt_at) WHERE sent_at IS NULL`,
  // Shared by all portal processes, so a limit holds however many there are.
  `CREATE TABLE rate_limit_buckets (
     key text NOT NULL,
     window_start timestamptz NOT NULL,
     hits integer NOT NULL,
     PRIMARY KEY (key, window_start)
   )`,
  // A scheduled job runs once per period however many processes run it: the unique key decides.
  `CREATE TABLE job_runs (
     job text NOT NULL,
     period text NOT NULL,
     started_at timestamptz NOT NULL,
     finished_at timestamptz,
     result jsonb,
     PRIMARY KEY (job, period)
   )`,
  // ACC-17: append-only, hash-chained evidence log.
  `CREATE TABLE audit_events (
     seq bigint PRIMARY KEY,
     occurred_at timestamptz NOT NULL,
     actor_user_id text,
     actor_role text NOT NULL,
     customer_id text,
     action text NOT NULL,
     object_type text,
     object_id text,
     ip text,
     details jsonb NOT NULL,
     prev_hash text NOT NULL,
     hash text NOT NULL
   )`,
  `CREATE INDEX audit_events_customer_idx ON audit_events (customer_id, seq)`,
  `CREATE INDEX audit_events_actor_idx ON audit_events (actor_user_id, seq)`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) {
    await sql.raw(statement).execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  const tables = [
    'audit_events', 'job_runs', 'rate_limit_buckets', 'outbox_emails', 'notice_reads', 'notices', 'orders',
    'error_reports', 'maintenance_windows', 'terms_acceptances', 'terms_versions', 'sessions', 'one_time_tokens',
    'memberships', 'password_history', 'users', 'contracts', 'customers',
  ];
  for (const table of tables) await sql.raw(`DROP TABLE ${table}`).execute(db);
}
