import { Type, type Static } from 'typebox';
import { Instant, Nullable } from './fields.ts';

/**
 * Interval data and spot price imports (GRD-3, GRD-4): the answers of POST /api/staff/metering/intervals,
 * POST /api/staff/metering/spot-prices and of the CLI `npm run metering:import`, and the list of imports.
 * The request bodies are files (text/csv or application/json) streamed to the server, so they have no schema
 * here; docs/API.md ("Interval data import") describes them.
 */

/** At most this many rejected rows are listed in an answer; `rejectedTotal` counts them all. */
export const MAX_LISTED_REJECTIONS = 1000;

/** A row the import refused, and why. A CSV row is named by its line (the header is line 1), a JSON value by its index path. */
export const ImportRejection = Type.Object({
  line: Type.Optional(Type.Integer({ minimum: 1 })),
  /** e.g. "[0].mList[1].cList[17]" */
  path: Type.Optional(Type.String()),
  reason: Type.String(),
});
export type ImportRejection = Static<typeof ImportRejection>;

export const IntervalImportFormat = Type.Union([Type.Literal('csv'), Type.Literal('sadales_json')]);
export type IntervalImportFormat = Static<typeof IntervalImportFormat>;

const Count = Type.Integer({ minimum: 0 });

/**
 * Counts per value (one interval of one meter): `values` = inserted + corrected + unchanged + rejectedTotal.
 * inserted: nothing was stored for the interval; corrected: a different value or quality was stored (the day's
 * earlier arrays are kept as a revision); unchanged: the same was stored, or the row carried no value.
 */
export const IntervalImportResult = Type.Object({
  importId: Type.String(),
  format: IntervalImportFormat,
  values: Count,
  inserted: Count,
  corrected: Count,
  unchanged: Count,
  rejectedTotal: Count,
  /** up to MAX_LISTED_REJECTIONS rejected rows (the first found), sorted by their place in the file */
  rejected: Type.Array(ImportRejection),
  /** meters with at least one accepted value */
  meters: Count,
  /** meter-days (one meter, one Riga day) with at least one accepted value */
  days: Count,
  /** meter-days written because something in them changed */
  daysWritten: Count,
  /** meter-days whose earlier arrays were kept in interval_revisions */
  revisions: Count,
  /** the start of the earliest and the end of the latest accepted interval */
  from: Nullable(Instant),
  until: Nullable(Instant),
});
export type IntervalImportResult = Static<typeof IntervalImportResult>;

/** For the Sadales tīkls JSON: the interval length of a meter whose list holds a single entry (default 60). */
export const IntervalImportQuery = Type.Object({
  intervalMinutes: Type.Optional(Type.Union([
    Type.Literal(15, { minimum: 15, maximum: 15 }),
    Type.Literal(60, { minimum: 60, maximum: 60 }),
  ])),
}, { additionalProperties: false });
export type IntervalImportQuery = Static<typeof IntervalImportQuery>;

/** Counts per price (one interval of the zone), like the interval import's. */
export const SpotPriceImportResult = Type.Object({
  importId: Type.String(),
  zone: Type.String(),
  values: Count,
  inserted: Count,
  corrected: Count,
  unchanged: Count,
  rejectedTotal: Count,
  rejected: Type.Array(ImportRejection),
  /** Riga days with at least one accepted price */
  days: Count,
  daysWritten: Count,
  from: Nullable(Instant),
  until: Nullable(Instant),
});
export type SpotPriceImportResult = Static<typeof SpotPriceImportResult>;

export const MeteringImportKind = Type.Union([Type.Literal('intervals'), Type.Literal('spot_prices'), Type.Literal('objects')]);

/** One import in the back office's list: who started it from where, when, and its counts. */
export const MeteringImportEntry = Type.Object({
  id: Type.String(),
  kind: MeteringImportKind,
  /** csv, sadales_json, spot_prices_csv, … */
  format: Type.String(),
  /** api or cli */
  source: Type.String(),
  /** the staff user's id; null from the command line */
  startedBy: Nullable(Type.String()),
  /** the full name of that staff member, kept after the account is gone; null for the system */
  startedByName: Nullable(Type.String()),
  startedAt: Instant,
  finishedAt: Nullable(Instant),
  /** the answer's counts without the list of rejected rows */
  counts: Nullable(Type.Record(Type.String(), Type.Unknown())),
});
export type MeteringImportEntry = Static<typeof MeteringImportEntry>;

export const MeteringImportList = Type.Array(MeteringImportEntry);
export type MeteringImportList = Static<typeof MeteringImportList>;
