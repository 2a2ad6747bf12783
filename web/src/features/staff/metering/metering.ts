import type { ObjectStatus } from '@up/common/contracts/metering';
import type { IntervalImportFormat, MeteringImportEntry } from '@up/common/contracts/metering-imports';
import type { StaffObject, UpdateObjectBody } from '@up/common/contracts/metering-staff';

/**
 * Pure helpers of the back office's metering pages (GRD-1 … GRD-4): whether the module is on, the file
 * formats and their headers, the object edit form's changes and the counts of an import.
 */

/**
 * The columns of the objects CSV, in the order the help lists them: OBJECT_IMPORT_COLUMNS of
 * server/src/modules/metering/object-import.service.ts (metering.test.ts checks that they stay the same).
 */
export const OBJECT_IMPORT_COLUMNS = [
  'object_eic', 'kind', 'address', 'capacity_amperes', 'phases', 'voltage_volts', 'status', 'customer_number', 'held_from',
  'meter_number', 'meter_type', 'smart', 'registers', 'multiplier', 'installed_on', 'removed_on',
  'generator_kw', 'generator_scheme', 'generator_since',
  'permit_number', 'permit_service', 'frequencies', 'power_watts', 'antenna', 'location', 'valid_from', 'valid_to',
] as const;
export type ObjectImportColumn = (typeof OBJECT_IMPORT_COLUMNS)[number];

/** The portal's interval CSV header (INTERVAL_CSV_HEADER of server/src/modules/metering/interval-csv.ts). */
export const INTERVAL_CSV_HEADER = 'object_eic,meter_number,interval_start,interval_minutes,import_kwh,export_kwh,status';
/** The spot price CSV header (SPOT_PRICE_CSV_HEADER of server/src/modules/metering/spot-prices.service.ts). */
export const SPOT_PRICE_CSV_HEADER = 'interval_start,interval_minutes,eur_per_mwh';

/** The portal modules whose objects the metering module keeps (server: meteringModule.switchedBy). */
const METERING_MODULES = ['metering', 'permits'];

/**
 * Whether the operator has the metering module on (grid and supply operators' "metering", the radio-permit
 * operator's "permits"); null while the operator profile (GET /api/operator) is not known yet.
 */
export function meteringModuleOn(operator: { modules: readonly string[] } | undefined): boolean | null {
  if (!operator) return null;
  return operator.modules.some((module) => METERING_MODULES.includes(module));
}

export type IntervalFileFormat = IntervalImportFormat;

/** The format of an interval file by its type or name: JSON is the Sadales tīkls answer, CSV the portal's; null if neither. */
export function detectIntervalFormat(file: { name: string; type: string }): IntervalFileFormat | null {
  const name = file.name.toLowerCase();
  const type = file.type.toLowerCase();
  if (type === 'application/json' || name.endsWith('.json')) return 'sadales_json';
  if (type === 'text/csv' || name.endsWith('.csv')) return 'csv';
  return null;
}

// ---- the object edit form ---------------------------------------------------------------------------------------

export const OBJECT_STATUSES: readonly ObjectStatus[] = ['active', 'disconnected', 'closed'];

export const OBJECT_FORM_FIELDS = ['address', 'capacityAmperes', 'phases', 'voltageVolts', 'status'] as const;
type ObjectFormField = (typeof OBJECT_FORM_FIELDS)[number];

/** The technical parameters as the form's text fields hold them; '' is "not stated" (null). */
export type ObjectFormValues = Record<ObjectFormField, string>;

export function objectFormValues(object: Pick<StaffObject, ObjectFormField>): ObjectFormValues {
  const text = (value: number | null) => (value === null ? '' : String(value));
  return {
    address: object.address,
    capacityAmperes: text(object.capacityAmperes),
    phases: text(object.phases),
    voltageVolts: text(object.voltageVolts),
    status: object.status,
  };
}

/** The limits of UpdateObjectBody (common/src/contracts/metering-staff.ts). */
export const OBJECT_LIMITS = {
  addressMin: 3,
  addressMax: 200,
  capacityAmperesMax: 10_000,
  voltageVoltsMax: 400_000,
} as const;

/** What is wrong with a field, as a key under staff:metering.validation. */
export type ObjectFieldProblem = 'address' | 'capacityAmperes' | 'voltageVolts' | 'phases' | 'status';

export interface ObjectChanges {
  /** the PATCH body with only the changed fields; null when nothing changed or a field is wrong */
  body: UpdateObjectBody | null;
  errors: Partial<Record<ObjectFormField, ObjectFieldProblem>>;
}

/** A whole number from 1 to max, '' as null; undefined when the text is no such number. */
function wholeNumber(text: string, max: number): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return undefined;
  const value = Number(trimmed);
  return value >= 1 && value <= max ? value : undefined;
}

/**
 * GRD-1: the changes staff made to an object's technical parameters, checked as the server checks them, as
 * the body of PATCH /api/staff/metering/objects/:objectId: only the fields that differ from the object.
 */
export function objectChanges(object: Pick<StaffObject, ObjectFormField>, values: ObjectFormValues): ObjectChanges {
  const errors: ObjectChanges['errors'] = {};
  const body: UpdateObjectBody = {};

  const address = values.address.trim().replace(/\s+/g, ' ');
  if (address.length < OBJECT_LIMITS.addressMin || address.length > OBJECT_LIMITS.addressMax) errors.address = 'address';
  else if (address !== object.address) body.address = address;

  const capacity = wholeNumber(values.capacityAmperes, OBJECT_LIMITS.capacityAmperesMax);
  if (capacity === undefined) errors.capacityAmperes = 'capacityAmperes';
  else if (capacity !== object.capacityAmperes) body.capacityAmperes = capacity;

  const voltage = wholeNumber(values.voltageVolts, OBJECT_LIMITS.voltageVoltsMax);
  if (voltage === undefined) errors.voltageVolts = 'voltageVolts';
  else if (voltage !== object.voltageVolts) body.voltageVolts = voltage;

  const phases = values.phases === '' ? null : values.phases === '1' ? 1 : values.phases === '3' ? 3 : undefined;
  if (phases === undefined) errors.phases = 'phases';
  else if (phases !== object.phases) body.phases = phases;

  if (!OBJECT_STATUSES.includes(values.status as ObjectStatus)) errors.status = 'status';
  else if (values.status !== object.status) body.status = values.status as ObjectStatus;

  if (Object.keys(errors).length > 0) return { body: null, errors };
  return { body: Object.keys(body).length > 0 ? body : null, errors };
}

// ---- imports -------------------------------------------------------------------------------------------------

/** The counts an import list shows, in this order (those of intervals, spot prices and objects); others follow. */
export const IMPORT_COUNT_KEYS = [
  'rows', 'values', 'inserted', 'corrected', 'unchanged', 'rejectedTotal', 'meters', 'days', 'daysWritten', 'revisions',
  'objectsCreated', 'objectsUpdated', 'metersCreated', 'metersUpdated', 'holdersChanged',
] as const;
export type ImportCountKey = (typeof IMPORT_COUNT_KEYS)[number];

export interface ImportSummary {
  /** the numeric counts, known ones first in IMPORT_COUNT_KEYS order */
  counts: { key: string; known: boolean; value: number }[];
  from: string | null;
  until: string | null;
}

/** The counts of an entry of GET /api/staff/metering/imports (a free-form record) as the list shows them. */
export function importSummary(counts: MeteringImportEntry['counts']): ImportSummary {
  if (!counts) return { counts: [], from: null, until: null };
  const numeric = Object.entries(counts).filter((entry): entry is [string, number] => typeof entry[1] === 'number' && Number.isFinite(entry[1]));
  const known = IMPORT_COUNT_KEYS.flatMap((key) => numeric.filter(([name]) => name === key).map(([, value]) => ({ key, known: true, value })));
  const others = numeric
    .filter(([name]) => !(IMPORT_COUNT_KEYS as readonly string[]).includes(name))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({ key, known: false, value }));
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  return { counts: [...known, ...others], from: text(counts.from), until: text(counts.until) };
}

/**
 * What an interval or spot price import did, for its headline: all values landed ('done'), some landed and
 * some were refused ('partly'), none landed ('refused'), or the file held no values ('empty').
 */
export function importOutcome(result: { values: number; rejectedTotal: number }): 'done' | 'partly' | 'refused' | 'empty' {
  if (result.values === 0) return 'empty';
  if (result.rejectedTotal === 0) return 'done';
  return result.rejectedTotal < result.values ? 'partly' : 'refused';
}

/** Where a refused row is: its CSV line, or the index path of a JSON value (e.g. "[0].mList[1].cList[17]"). */
export function rejectionPlace(rejection: { line?: number; path?: string }): string {
  if (rejection.line !== undefined) return String(rejection.line);
  return rejection.path ?? '';
}
