import { Type, type Static } from 'typebox';
import { Id, Instant, IsoDate, Nullable } from './fields.ts';

/** Meter readings (GRD-2): the history per meter and register, and a reading the customer submits (an order). */

export const ReadingSource = Type.Union([Type.Literal('operator'), Type.Literal('customer')]);
export type ReadingSource = Static<typeof ReadingSource>;

export const MeterReading = Type.Object({
  id: Type.String(),
  meterId: Type.String(),
  meterNumber: Type.String(),
  register: Type.String(),
  readOn: IsoDate,
  /** the register's value in kWh as a decimal string with up to 3 decimals, e.g. '12345.6' */
  readingKwh: Type.String(),
  source: ReadingSource,
  /** the order a customer's reading was submitted with (GRD-2, GRD-6) */
  orderId: Nullable(Type.String()),
  createdAt: Instant,
});
export type MeterReading = Static<typeof MeterReading>;

/** GET …/objects/:objectId/readings: newest first, for the meters of the customer's time with the object. */
export const MeterReadingList = Type.Array(MeterReading);
export type MeterReadingList = Static<typeof MeterReadingList>;

/** POST …/objects/:objectId/readings */
export const SubmitReadingBody = Type.Object({
  meterId: Id,
  register: Type.String({ minLength: 1, maxLength: 20 }),
  /** a Riga date, not in the future */
  readOn: IsoDate,
  readingKwh: Type.String({ pattern: '^[0-9]{1,9}([.][0-9]{1,3})?$', maxLength: 13 }),
}, { additionalProperties: false });
export type SubmitReadingBody = Static<typeof SubmitReadingBody>;

export const SubmittedReading = Type.Object({
  readingId: Type.String(),
  orderId: Type.String(),
  status: Type.Literal('submitted'),
});
export type SubmittedReading = Static<typeof SubmittedReading>;
