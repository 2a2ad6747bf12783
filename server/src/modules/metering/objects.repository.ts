import type { Db } from '../../infra/db.js';
import type { MeterRow, MeteringObjectRow, MicroGeneratorRow, ObjectHoldingRow, RadioPermitRow } from './metering.tables.js';

/** SQL over the object tables (GRD-1). Functions take the database or a transaction first. */

export async function holdingsOfCustomer(db: Db, customerId: string): Promise<ObjectHoldingRow[]> {
  return db.selectFrom('object_holdings').selectAll().where('customer_id', '=', customerId).orderBy('held_from').execute();
}

export async function objectsByIds(db: Db, objectIds: readonly string[]): Promise<MeteringObjectRow[]> {
  if (objectIds.length === 0) return [];
  return db.selectFrom('metering_objects').selectAll().where('id', 'in', objectIds).orderBy('address').execute();
}

export async function metersOfObjects(db: Db, objectIds: readonly string[]): Promise<MeterRow[]> {
  if (objectIds.length === 0) return [];
  return db.selectFrom('meters').selectAll().where('object_id', 'in', objectIds).orderBy('installed_on', 'desc').execute();
}

export async function generatorsOfObjects(db: Db, objectIds: readonly string[]): Promise<MicroGeneratorRow[]> {
  if (objectIds.length === 0) return [];
  return db.selectFrom('micro_generators').selectAll().where('object_id', 'in', objectIds).orderBy('since', 'desc').execute();
}

export async function permitsOfObjects(db: Db, objectIds: readonly string[]): Promise<RadioPermitRow[]> {
  if (objectIds.length === 0) return [];
  return db.selectFrom('radio_permits').selectAll().where('object_id', 'in', objectIds).execute();
}

/** The meters that were on the object at some time between the Riga days `from` and `to` (exclusive). */
export async function metersOnObjectBetween(db: Db, objectId: string, from: string, to: string): Promise<MeterRow[]> {
  return db.selectFrom('meters').selectAll()
    .where('object_id', '=', objectId)
    .where('installed_on', '<', to)
    .where((eb) => eb.or([eb('removed_on', 'is', null), eb('removed_on', '>=', from)]))
    .execute();
}

/** The newest stored days of these meters, up to `lastDay`, for "data available until" (GRD-3). */
export async function latestIntervalDays(db: Db, meterIds: readonly string[], lastDay: string) {
  if (meterIds.length === 0) return [];
  return db.selectFrom('interval_days')
    .select(['meter_id', 'day', 'interval_minutes', 'quality'])
    .where('meter_id', 'in', meterIds)
    .where('day', '<=', lastDay)
    .orderBy('day', 'desc')
    .limit(4 * meterIds.length)
    .execute();
}
