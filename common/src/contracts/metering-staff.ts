import { Type, type Static } from 'typebox';
import { Id, Instant, Nullable } from './fields.ts';
import { Meter, MicroGenerator, ObjectKind, ObjectParameters, ObjectStatus, RadioPermit } from './metering.ts';

/** The back office's part of the metering contract: find, read and edit objects, import them from CSV (GRD-1). */

export const StaffObjectSearchQuery = Type.Object({ q: Type.String({ minLength: 1, maxLength: 100 }) }, { additionalProperties: false });
export type StaffObjectSearchQuery = Static<typeof StaffObjectSearchQuery>;

export const ObjectHolder = Type.Object({
  customerId: Type.String(),
  customerNumber: Type.String(),
  customerName: Type.String(),
  heldFrom: Instant,
  heldUntil: Nullable(Instant),
});
export type ObjectHolder = Static<typeof ObjectHolder>;

export const StaffObjectSummary = Type.Object({
  id: Type.String(),
  kind: ObjectKind,
  eic: Nullable(Type.String()),
  address: Type.String(),
  status: ObjectStatus,
  /** who holds it now; null when nobody does */
  holder: Nullable(ObjectHolder),
});
export type StaffObjectSummary = Static<typeof StaffObjectSummary>;

export const StaffObjectList = Type.Array(StaffObjectSummary);
export type StaffObjectList = Static<typeof StaffObjectList>;

export const StaffObject = Type.Object({
  ...ObjectParameters,
  /** every customer that held it, oldest first */
  holders: Type.Array(ObjectHolder),
  meters: Type.Array(Meter),
  microGenerator: Nullable(MicroGenerator),
  radioPermit: Nullable(RadioPermit),
  dataAvailableUntil: Nullable(Instant),
});
export type StaffObject = Static<typeof StaffObject>;

export const StaffObjectParams = Type.Object({ objectId: Id });
export type StaffObjectParams = Static<typeof StaffObjectParams>;

/** PATCH /api/staff/metering/objects/:objectId: the technical parameters staff correct by hand. */
export const UpdateObjectBody = Type.Object({
  address: Type.Optional(Type.String({ minLength: 3, maxLength: 200 })),
  capacityAmperes: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 10_000 }))),
  phases: Type.Optional(Nullable(Type.Union([Type.Literal(1, { minimum: 1, maximum: 1 }), Type.Literal(3, { minimum: 3, maximum: 3 })]))),
  voltageVolts: Type.Optional(Nullable(Type.Integer({ minimum: 1, maximum: 400_000 }))),
  status: Type.Optional(ObjectStatus),
}, { additionalProperties: false, minProperties: 1, examples: [{ status: 'active' }] });
export type UpdateObjectBody = Static<typeof UpdateObjectBody>;

/** POST /api/staff/metering/objects/import: the CSV text (docs/API.md, "Objects import"). */
export const ImportObjectsBody = Type.Object({ csv: Type.String({ minLength: 1, maxLength: 20 * 1024 * 1024 }) }, { additionalProperties: false });
export type ImportObjectsBody = Static<typeof ImportObjectsBody>;

export const ImportObjectsResult = Type.Object({
  rows: Type.Integer(),
  objectsCreated: Type.Integer(),
  objectsUpdated: Type.Integer(),
  metersCreated: Type.Integer(),
  metersUpdated: Type.Integer(),
  holdersChanged: Type.Integer(),
  /** rows refused, with their CSV line and the field; none of the file lands when any row is refused */
  rejected: Type.Array(Type.Object({ line: Type.Integer(), field: Type.String(), reason: Type.String() })),
});
export type ImportObjectsResult = Static<typeof ImportObjectsResult>;
