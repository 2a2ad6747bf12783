import type { Db } from '../../infra/db.js';
import { notFound } from '../../infra/errors.js';

/** A stretch of time the customer held the object: [from, until), until null while it still does. */
export interface HoldingWindow {
  from: Date;
  until: Date | null;
}

/** What a caller may see of one object: the object id and the customer's windows on it. */
export interface HeldObject {
  objectId: string;
  windows: HoldingWindow[];
}

/**
 * GRD-1: a customer sees an object only while it held it: a new occupant never sees the previous one's data.
 * `allowedObjectIds` narrows it further (a data token for chosen objects). Another customer's object, or one
 * outside the token, answers 404 as if it did not exist.
 */
export async function findHeldObject(db: Db, customerId: string, objectId: string, allowedObjectIds: readonly string[] | null = null): Promise<HeldObject> {
  if (allowedObjectIds && !allowedObjectIds.includes(objectId)) throw objectNotFound();
  const rows = await db
    .selectFrom('object_holdings')
    .select(['held_from', 'held_until'])
    .where('customer_id', '=', customerId)
    .where('object_id', '=', objectId)
    .orderBy('held_from')
    .execute();
  if (rows.length === 0) throw objectNotFound();
  return { objectId, windows: rows.map((row) => ({ from: row.held_from, until: row.held_until })) };
}

export function objectNotFound() {
  return notFound('OBJECT_NOT_FOUND', 'No such object among the customer\'s');
}

/** Whether an instant lies inside one of the windows. */
export function insideWindows(windows: readonly HoldingWindow[], ms: number): boolean {
  return windows.some((window) => ms >= window.from.getTime() && (window.until === null || ms < window.until.getTime()));
}

/** A connection point the customer holds: what a grid order names (BIL-11). */
export interface HeldConnectionPoint {
  objectId: string;
  eic: string | null;
  address: string;
}

/**
 * BIL-11: the connection points (GRD-1) the customer holds at `at` and that are not closed — what the grid operator
 * disconnects when the customer's service is suspended and reconnects when it is restored. Radio permits are not
 * connected to a grid and are left out. One statement over the holdings' customer index.
 */
export async function heldConnectionPoints(db: Db, customerId: string, at: Date): Promise<HeldConnectionPoint[]> {
  const rows = await db
    .selectFrom('object_holdings as h')
    .innerJoin('metering_objects as o', 'o.id', 'h.object_id')
    .select(['o.id', 'o.eic', 'o.address'])
    .where('h.customer_id', '=', customerId)
    .where('h.held_from', '<=', at)
    .where((eb) => eb.or([eb('h.held_until', 'is', null), eb('h.held_until', '>', at)]))
    .where('o.kind', '=', 'connection_point')
    .where('o.status', '<>', 'closed')
    .orderBy('o.eic').orderBy('o.id')
    .execute();
  return rows.map((row) => ({ objectId: row.id, eic: row.eic, address: row.address }));
}
