import { type Kysely, sql } from 'kysely';

/**
 * Objects, meters and consumption (issue 11, GRD-1 … GRD-4), owned by the metering module:
 *  - metering_objects: connection points (EIC) or radio permits, with their technical parameters (GRD-1);
 *  - object_holdings: which customer held an object when; a customer sees only its own time (GRD-1);
 *  - meters: on an object, with installed/removed dates, so a replacement keeps both histories;
 *  - micro_generators: kW and settlement scheme (GRD-4); radio_permits: a permit's parameters (GRD-1);
 *  - meter_readings: register readings from the operator and from the customer (GRD-2);
 *  - interval_days: one row per meter and Riga day with arrays of the day's values (GRD-3), partitioned by
 *    month: 2020-01 … 2030-12 here, later months by a daily job, anything else in a default partition; interval_revisions
 *    keeps a day's earlier arrays when an import corrects it; metering_imports records every import;
 *  - spot_prices: the day-ahead prices of a bidding zone, one row per Riga day with an array;
 *  - data_tokens: read-only API keys a customer gives a third party for its consumption.
 * Energy in integer Wh, prices in integer micro-euros per kWh (= milli-euros per MWh).
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE TABLE metering_objects (
    id text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('connection_point', 'radio_permit')),
    -- the EIC of a connection point; a radio permit has none (its permit number is in radio_permits)
    eic text UNIQUE CHECK (eic IS NOT NULL OR kind = 'radio_permit'),
    address text NOT NULL,
    capacity_amperes integer CHECK (capacity_amperes > 0),
    phases smallint CHECK (phases IN (1, 3)),
    voltage_volts integer CHECK (voltage_volts > 0),
    status text NOT NULL CHECK (status IN ('active', 'disconnected', 'closed')),
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE TABLE object_holdings (
    id text PRIMARY KEY,
    object_id text NOT NULL REFERENCES metering_objects (id),
    customer_id text NOT NULL REFERENCES customers (id),
    held_from timestamptz NOT NULL,
    held_until timestamptz,
    CHECK (held_until IS NULL OR held_until > held_from)
  )`.execute(db);
  await sql`CREATE INDEX object_holdings_customer_idx ON object_holdings (customer_id, object_id)`.execute(db);
  await sql`CREATE INDEX object_holdings_object_idx ON object_holdings (object_id, held_from)`.execute(db);
  await sql`CREATE TABLE meters (
    id text PRIMARY KEY,
    object_id text NOT NULL REFERENCES metering_objects (id),
    number text NOT NULL UNIQUE,
    type text NOT NULL,
    smart boolean NOT NULL,
    registers text[] NOT NULL CHECK (cardinality(registers) BETWEEN 1 AND 4),
    multiplier integer NOT NULL CHECK (multiplier > 0),
    installed_on date NOT NULL,
    removed_on date,
    CHECK (removed_on IS NULL OR removed_on >= installed_on)
  )`.execute(db);
  await sql`CREATE INDEX meters_object_idx ON meters (object_id, installed_on)`.execute(db);
  await sql`CREATE TABLE micro_generators (
    id text PRIMARY KEY,
    object_id text NOT NULL REFERENCES metering_objects (id),
    power_kw numeric(8, 2) NOT NULL CHECK (power_kw > 0),
    scheme text NOT NULL CHECK (scheme IN ('net_metering', 'net_billing')),
    since date NOT NULL,
    until date
  )`.execute(db);
  await sql`CREATE INDEX micro_generators_object_idx ON micro_generators (object_id)`.execute(db);
  await sql`CREATE TABLE radio_permits (
    object_id text PRIMARY KEY REFERENCES metering_objects (id),
    permit_number text NOT NULL UNIQUE,
    service text NOT NULL,
    frequencies text NOT NULL,
    power_watts numeric(10, 3) NOT NULL CHECK (power_watts > 0),
    antenna text NOT NULL,
    location text NOT NULL,
    valid_from date NOT NULL,
    valid_to date NOT NULL,
    CHECK (valid_to >= valid_from)
  )`.execute(db);
  await sql`CREATE TABLE meter_readings (
    id text PRIMARY KEY,
    meter_id text NOT NULL REFERENCES meters (id),
    register text NOT NULL,
    read_on date NOT NULL,
    reading_wh bigint NOT NULL CHECK (reading_wh >= 0),
    source text NOT NULL CHECK (source IN ('operator', 'customer')),
    customer_id text REFERENCES customers (id),
    order_id text,
    created_at timestamptz NOT NULL,
    UNIQUE (meter_id, register, read_on, source)
  )`.execute(db);
  await sql`CREATE TABLE metering_imports (
    id text PRIMARY KEY,
    kind text NOT NULL CHECK (kind IN ('intervals', 'spot_prices', 'objects')),
    format text NOT NULL,
    source text NOT NULL,
    started_by text,
    started_at timestamptz NOT NULL,
    finished_at timestamptz,
    counts jsonb
  )`.execute(db);
  // quality: one letter per interval, m measured, e estimated, c corrected, x missing, u unusable; the value
  // arrays hold NULL where nothing was measured. A day has 92, 96 or 100 quarter-hours (23, 24 or 25 hours).
  await sql`CREATE TABLE interval_days (
    meter_id text NOT NULL,
    day date NOT NULL,
    interval_minutes smallint NOT NULL CHECK (interval_minutes IN (15, 60)),
    import_wh integer[] NOT NULL,
    export_wh integer[] NOT NULL,
    quality text NOT NULL,
    import_id text NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (meter_id, day)
  ) PARTITION BY RANGE (day)`.execute(db);
  for (let year = 2020; year <= 2030; year++) {
    for (let month = 1; month <= 12; month++) {
      const from = `${year}-${String(month).padStart(2, '0')}-01`;
      const to = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
      await sql.raw(`CREATE TABLE interval_days_${from.slice(0, 4)}_${from.slice(5, 7)} PARTITION OF interval_days FOR VALUES FROM ('${from}') TO ('${to}')`).execute(db);
    }
  }
  await sql`CREATE TABLE interval_days_default PARTITION OF interval_days DEFAULT`.execute(db);
  await sql`CREATE TABLE interval_revisions (
    meter_id text NOT NULL,
    day date NOT NULL,
    replaced_at timestamptz NOT NULL,
    replaced_by_import text NOT NULL,
    import_id text NOT NULL,
    interval_minutes smallint NOT NULL,
    import_wh integer[] NOT NULL,
    export_wh integer[] NOT NULL,
    quality text NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX interval_revisions_day_idx ON interval_revisions (meter_id, day)`.execute(db);
  await sql`CREATE TABLE spot_prices (
    zone text NOT NULL,
    day date NOT NULL,
    interval_minutes smallint NOT NULL CHECK (interval_minutes IN (15, 60)),
    price_ueur_per_kwh integer[] NOT NULL,
    import_id text NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (zone, day)
  )`.execute(db);
  await sql`CREATE TABLE data_tokens (
    id text PRIMARY KEY,
    customer_id text NOT NULL REFERENCES customers (id),
    created_by text NOT NULL,
    name text NOT NULL,
    token_hash text NOT NULL UNIQUE,
    object_ids text[],
    expires_at timestamptz NOT NULL,
    revoked_at timestamptz,
    last_used_at timestamptz,
    created_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX data_tokens_customer_idx ON data_tokens (customer_id, created_at DESC)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['data_tokens', 'spot_prices', 'interval_revisions', 'interval_days', 'metering_imports', 'meter_readings',
    'radio_permits', 'micro_generators', 'meters', 'object_holdings', 'metering_objects']) {
    await sql`DROP TABLE ${sql.table(table)}`.execute(db);
  }
}
