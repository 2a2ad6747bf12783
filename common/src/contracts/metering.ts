import { Type, type Static } from 'typebox';
import { Id, Instant, IsoDate, Nullable } from './fields.ts';

/**
 * The metering module's part of the API contract (GRD-1 … GRD-4): objects, meters, consumption and the
 * micro-generator settlement. Energy in integer Wh, money in integer cents, instants in UTC.
 * Readings (meter-readings.ts), imports (metering-imports.ts) and data tokens (data-tokens.ts) beside it.
 */

/** The audit actions the module records (ACC-17): business events, never meter values. */
export const METERING_AUDIT_ACTIONS = [
  'metering.objects_imported', 'metering.object_changed', 'metering.intervals_imported', 'metering.spot_prices_imported',
  'metering.reading_submitted', 'data_token.created', 'data_token.revoked', 'data_token.used',
] as const;

export const ObjectKind = Type.Union([Type.Literal('connection_point'), Type.Literal('radio_permit')]);
export type ObjectKind = Static<typeof ObjectKind>;
export const ObjectStatus = Type.Union([Type.Literal('active'), Type.Literal('disconnected'), Type.Literal('closed')]);
export type ObjectStatus = Static<typeof ObjectStatus>;
export const GenerationScheme = Type.Union([Type.Literal('net_metering'), Type.Literal('net_billing')]);
export type GenerationScheme = Static<typeof GenerationScheme>;

export const Meter = Type.Object({
  id: Type.String(),
  number: Type.String(),
  type: Type.String(),
  smart: Type.Boolean(),
  /** e.g. ['total'] or ['day', 'night'] */
  registers: Type.Array(Type.String()),
  multiplier: Type.Integer(),
  installedOn: IsoDate,
  removedOn: Nullable(IsoDate),
});
export type Meter = Static<typeof Meter>;

export const MicroGenerator = Type.Object({
  /** decimal kW, e.g. '9.90' */
  powerKw: Type.String(),
  scheme: GenerationScheme,
  since: IsoDate,
  until: Nullable(IsoDate),
});
export type MicroGenerator = Static<typeof MicroGenerator>;

/** A radio permit's technical parameters (the e-sakari profile's object, GRD-1). */
export const RadioPermit = Type.Object({
  permitNumber: Type.String(),
  service: Type.String(),
  /** as the permit states them, e.g. '446.00625–446.19375 MHz' */
  frequencies: Type.String(),
  powerWatts: Type.String(),
  antenna: Type.String(),
  location: Type.String(),
  validFrom: IsoDate,
  validTo: IsoDate,
});
export type RadioPermit = Static<typeof RadioPermit>;

/** An object's identity and technical parameters (GRD-1): the fields customers and staff both see. */
export const ObjectParameters = {
  id: Type.String(),
  kind: ObjectKind,
  /** the connection point's Energy Identification Code; null for a radio permit */
  eic: Nullable(Type.String()),
  address: Type.String(),
  capacityAmperes: Nullable(Type.Integer()),
  phases: Nullable(Type.Integer()),
  voltageVolts: Nullable(Type.Integer()),
  status: ObjectStatus,
};

/** An object (connection point or radio permit) of the customer, for the time it was the customer's (GRD-1). */
export const MeteringObject = Type.Object({
  ...ObjectParameters,
  /** the customer's time with the object: its data is visible only inside it */
  heldFrom: Instant,
  heldUntil: Nullable(Instant),
  /** the end of the last interval with a value (GRD-3), inside the customer's time; null before any data */
  dataAvailableUntil: Nullable(Instant),
  /** every meter that was on the object in the customer's time, newest first (a replacement keeps both) */
  meters: Type.Array(Meter),
  microGenerator: Nullable(MicroGenerator),
  radioPermit: Nullable(RadioPermit),
});
export type MeteringObject = Static<typeof MeteringObject>;

export const ObjectList = Type.Array(MeteringObject);
export type ObjectList = Static<typeof ObjectList>;

export const ObjectParams = Type.Object({ customerId: Id, objectId: Id });
export type ObjectParams = Static<typeof ObjectParams>;

export const Resolution = Type.Union([Type.Literal('15min'), Type.Literal('hour'), Type.Literal('day'), Type.Literal('month')]);
export type Resolution = Static<typeof Resolution>;
export const RESOLUTIONS: readonly Resolution[] = ['15min', 'hour', 'day', 'month'];

export const DownloadFormat = Type.Union([Type.Literal('json'), Type.Literal('csv'), Type.Literal('xlsx')]);
export type DownloadFormat = Static<typeof DownloadFormat>;

/** GET …/consumption: Riga calendar dates, `to` exclusive; at most 400 days (a year and the clock changes). */
export const ConsumptionQuery = Type.Object({
  from: Type.String({ format: 'date', examples: ['2026-11-01'] }),
  to: Type.String({ format: 'date', examples: ['2026-11-02'] }),
  resolution: Resolution,
  format: Type.Optional(DownloadFormat),
}, { additionalProperties: false });
export type ConsumptionQuery = Static<typeof ConsumptionQuery>;

/** A number or null: null is "no value" (missing), never zero (GRD-3). */
const NullableNumber = Nullable(Type.Number());

/**
 * The intervals of a consumption answer as parallel arrays (one entry per interval, not an object per
 * interval), so a year of quarter-hours stays small. `start`/`end` are Unix seconds (UTC); an hour, day or
 * month is a Riga one, so on the clock-change days an hour bucket list has 23 or 25 entries.
 * `quality` holds one letter per interval: m measured, e estimated, c corrected, x missing, u unusable,
 * p partly missing (an aggregate with some intervals missing or unusable, whose sum covers only the others).
 */
export const IntervalSeries = Type.Object({
  start: Type.Array(Type.Integer()),
  end: Type.Array(Type.Integer()),
  importWh: Type.Array(NullableNumber),
  exportWh: Type.Array(NullableNumber),
  quality: Type.String(),
  /** how many of the stored base intervals inside each entry are missing or unusable */
  missing: Type.Array(Type.Integer()),
  /** the spot price in €/MWh (average over the entry for hours of quarter-hour prices); null where not loaded or for day and month */
  spotEurPerMwh: Type.Array(NullableNumber),
  /** the imported energy valued at the spot price, in cents (an estimate without margin, grid fees and VAT); null without prices */
  spotValueCents: Type.Array(NullableNumber),
});
export type IntervalSeries = Static<typeof IntervalSeries>;

export const ConsumptionTotals = Type.Object({
  importWh: Type.Integer(),
  exportWh: Type.Integer(),
  /** base intervals (quarter-hours or hours as stored) in the period the customer may see */
  intervals: Type.Integer(),
  /** of which nothing is known (missing, including never received) or the value is unusable: not summed */
  missingIntervals: Type.Integer(),
  estimatedIntervals: Type.Integer(),
  spotValueCents: Nullable(Type.Integer()),
});
export type ConsumptionTotals = Static<typeof ConsumptionTotals>;

export const Consumption = Type.Object({
  objectId: Type.String(),
  from: IsoDate,
  to: IsoDate,
  resolution: Resolution,
  timeZone: Type.Literal('Europe/Riga'),
  /** the part of the period that was the customer's (GRD-1): intervals outside it are not answered */
  visibleFrom: Nullable(Instant),
  visibleUntil: Nullable(Instant),
  dataAvailableUntil: Nullable(Instant),
  intervals: IntervalSeries,
  /** the same period summed by Riga day and by Riga month (for a finer resolution, the totals beside the chart) */
  dailyTotals: IntervalSeries,
  monthlyTotals: IntervalSeries,
  totals: ConsumptionTotals,
});
export type Consumption = Static<typeof Consumption>;

export const SettlementQuery = Type.Object({
  month: Type.String({ pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$', examples: ['2026-10'] }),
}, { additionalProperties: false });
export type SettlementQuery = Static<typeof SettlementQuery>;

/** Net metering (GRD-4): kWh netted per calendar month, a surplus carried within the net year (March–February). */
export const NetMeteringSettlement = Type.Object({
  /** the first month of the net year, 'YYYY-03' */
  netYearStart: Type.String(),
  carriedInWh: Type.Integer(),
  /** imported energy left to pay for after netting */
  billedWh: Type.Integer(),
  carriedOutWh: Type.Integer(),
  /** a surplus left at the end of February lapses */
  lapsedWh: Type.Integer(),
});
export type NetMeteringSettlement = Static<typeof NetMeteringSettlement>;

/** Net billing (GRD-4): fed-in energy valued per interval at the spot price less the trader's margin, never below zero. */
export const NetBillingSettlement = Type.Object({
  marginEurPerKwh: Type.String(),
  fedInValueCents: Type.Integer(),
  /** fed-in intervals without a loaded spot price: not valued yet */
  intervalsWithoutPrice: Type.Integer(),
  /** fed-in intervals whose price less margin was below zero: valued at zero */
  intervalsValuedAtZero: Type.Integer(),
});
export type NetBillingSettlement = Static<typeof NetBillingSettlement>;

export const Settlement = Type.Object({
  objectId: Type.String(),
  month: Type.String(),
  scheme: Nullable(GenerationScheme),
  importWh: Type.Integer(),
  exportWh: Type.Integer(),
  missingIntervals: Type.Integer(),
  netMetering: Nullable(NetMeteringSettlement),
  netBilling: Nullable(NetBillingSettlement),
});
export type Settlement = Static<typeof Settlement>;
