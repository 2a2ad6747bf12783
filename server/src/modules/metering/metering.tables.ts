import type { Generated } from 'kysely';
import type { Timestamp, Json } from '../../db/column-types.js';

/** Row types of the tables the metering module owns, as Kysely sees them (composed into db/schema.ts). */

export type ObjectKind = 'connection_point' | 'radio_permit';
export type ObjectStatus = 'active' | 'disconnected' | 'closed';

export interface MeteringObjectRow {
  id: string;
  kind: ObjectKind;
  /** null for a radio permit */
  eic: string | null;
  address: string;
  capacity_amperes: number | null;
  phases: 1 | 3 | null;
  voltage_volts: number | null;
  status: ObjectStatus;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ObjectHoldingRow {
  id: string;
  object_id: string;
  customer_id: string;
  held_from: Timestamp;
  held_until: Timestamp | null;
}

export interface MeterRow {
  id: string;
  object_id: string;
  number: string;
  type: string;
  smart: boolean;
  registers: string[];
  multiplier: number;
  installed_on: string;
  removed_on: string | null;
}

export type GenerationScheme = 'net_metering' | 'net_billing';

export interface MicroGeneratorRow {
  id: string;
  object_id: string;
  /** numeric(8,2), read as a string */
  power_kw: string;
  scheme: GenerationScheme;
  since: string;
  until: string | null;
}

export interface RadioPermitRow {
  object_id: string;
  permit_number: string;
  service: string;
  frequencies: string;
  power_watts: string;
  antenna: string;
  location: string;
  valid_from: string;
  valid_to: string;
}

export interface MeterReadingRow {
  id: string;
  meter_id: string;
  register: string;
  read_on: string;
  /** bigint (read as a number: int8 is parsed as number, infra/db.ts) */
  reading_wh: number;
  source: 'operator' | 'customer';
  customer_id: string | null;
  order_id: string | null;
  created_at: Timestamp;
}

export interface MeteringImportRow {
  id: string;
  kind: 'intervals' | 'spot_prices' | 'objects';
  format: string;
  source: string;
  started_by: string | null;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  counts: Json<Record<string, unknown>> | null;
}

/** One meter's Riga day: parallel arrays of the day's intervals, NULL where nothing was measured. */
export interface IntervalDayRow {
  meter_id: string;
  day: string;
  interval_minutes: 15 | 60;
  import_wh: (number | null)[];
  export_wh: (number | null)[];
  /** one letter per interval: m measured, e estimated, c corrected, x missing, u unusable */
  quality: string;
  import_id: string;
  updated_at: Timestamp;
  /**
   * Per Riga hour of the day: the sums of the intervals with a value (NULL when none has), the hour's letter as
   * the consumption answer gives it (m, c, e, p partly missing, x, u), its missing or unusable intervals as one
   * digit; and the day's estimated intervals. The import writes them; a trigger fills them for any other writer
   * (migration 2026_12_07_1300_interval_hours, interval-hours.ts). bigint[] read as text (interval-timeline.ts).
   */
  hour_import_wh: Generated<(number | null)[]>;
  hour_export_wh: Generated<(number | null)[]>;
  hour_quality: Generated<string>;
  hour_missing: Generated<string>;
  estimated_intervals: Generated<number>;
}

export interface IntervalRevisionRow {
  meter_id: string;
  day: string;
  replaced_at: Timestamp;
  replaced_by_import: string;
  import_id: string;
  interval_minutes: number;
  import_wh: (number | null)[];
  export_wh: (number | null)[];
  quality: string;
}

export interface SpotPriceRow {
  zone: string;
  day: string;
  interval_minutes: 15 | 60;
  price_ueur_per_kwh: (number | null)[];
  import_id: string;
  updated_at: Timestamp;
}

export interface DataTokenRow {
  id: string;
  customer_id: string;
  created_by: string;
  name: string;
  token_hash: string;
  /** null: all of the customer's objects */
  object_ids: string[] | null;
  expires_at: Timestamp;
  revoked_at: Timestamp | null;
  last_used_at: Timestamp | null;
  created_at: Timestamp;
}

export interface MeteringTables {
  metering_objects: MeteringObjectRow;
  object_holdings: ObjectHoldingRow;
  meters: MeterRow;
  micro_generators: MicroGeneratorRow;
  radio_permits: RadioPermitRow;
  meter_readings: MeterReadingRow;
  metering_imports: MeteringImportRow;
  interval_days: IntervalDayRow;
  interval_revisions: IntervalRevisionRow;
  spot_prices: SpotPriceRow;
  data_tokens: DataTokenRow;
}
