import type { StaffObject, StaffObjectSummary, UpdateObjectBody } from '@up/common/contracts/metering-staff';
import type { Deps } from '../../deps.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { findCustomersByIds } from '../customers/index.js';
import { objectNotFound } from './object-access.js';
import { dataAvailableUntil, generatorAnswer, meterAnswer, permitAnswer } from './objects.service.js';
import { generatorsOfObjects, metersOfObjects, permitsOfObjects } from './objects.repository.js';
import type { ObjectHoldingRow } from './metering.tables.js';

/** GRD-1: customer service finds objects by EIC, address, permit or customer number. */
export async function searchObjects(deps: Deps, q: string): Promise<StaffObjectSummary[]> {
  const pattern = `%${q.trim().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const objects = await deps.db.selectFrom('metering_objects as o')
    .leftJoin('radio_permits as p', 'p.object_id', 'o.id')
    .select(['o.id', 'o.kind', 'o.eic', 'o.address', 'o.status'])
    .where((eb) => eb.or([eb('o.eic', 'ilike', pattern), eb('o.address', 'ilike', pattern), eb('p.permit_number', 'ilike', pattern)]))
    .orderBy('o.address')
    .limit(50)
    .execute();
  const holdings = objects.length === 0 ? [] : await deps.db.selectFrom('object_holdings').selectAll()
    .where('object_id', 'in', objects.map((o) => o.id)).where('held_until', 'is', null).execute();
  const holders = await holdersOf(deps, holdings);
  return objects.map((object) => ({ ...object, holder: holders.find((holder) => holder.objectId === object.id)?.holder ?? null }));
}

async function holdersOf(deps: Deps, holdings: ObjectHoldingRow[]) {
  const customers = await findCustomersByIds(deps.db, [...new Set(holdings.map((h) => h.customer_id))]);
  return holdings.map((holding) => {
    const customer = customers.find((c) => c.id === holding.customer_id);
    return {
      objectId: holding.object_id,
      holder: {
        customerId: holding.customer_id,
        customerNumber: customer?.customer_number ?? '',
        customerName: customer?.name ?? '',
        heldFrom: holding.held_from.toISOString(),
        heldUntil: holding.held_until ? holding.held_until.toISOString() : null,
      },
    };
  });
}

/** One object with every holder, meter, generator and permit, for the back office. */
export async function getObjectForStaff(deps: Deps, objectId: string): Promise<StaffObject> {
  const object = await deps.db.selectFrom('metering_objects').selectAll().where('id', '=', objectId).executeTakeFirst();
  if (!object) throw objectNotFound();
  const [holdings, meters, generators, permits] = await Promise.all([
    deps.db.selectFrom('object_holdings').selectAll().where('object_id', '=', objectId).orderBy('held_from').execute(),
    metersOfObjects(deps.db, [objectId]), generatorsOfObjects(deps.db, [objectId]), permitsOfObjects(deps.db, [objectId]),
  ]);
  const generator = generators[0] ?? null;
  const permit = permits[0] ?? null;
  return {
    id: object.id, kind: object.kind, eic: object.eic, address: object.address, capacityAmperes: object.capacity_amperes,
    phases: object.phases, voltageVolts: object.voltage_volts, status: object.status,
    holders: (await holdersOf(deps, holdings)).map((entry) => entry.holder),
    meters: meters.map(meterAnswer),
    microGenerator: generator && generatorAnswer(generator),
    radioPermit: permit && permitAnswer(permit),
    dataAvailableUntil: await dataAvailableUntil(deps.db, meters.map((m) => m.id), deps.clock.now()),
  };
}

/** GRD-1: staff correct an object's technical parameters; audited for the current holder with the changed fields. */
export async function updateObject(deps: Deps, objectId: string, change: UpdateObjectBody, actor: Actor): Promise<StaffObject> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const set = {
      ...(change.address !== undefined && { address: change.address }),
      ...(change.capacityAmperes !== undefined && { capacity_amperes: change.capacityAmperes }),
      ...(change.phases !== undefined && { phases: change.phases }),
      ...(change.voltageVolts !== undefined && { voltage_volts: change.voltageVolts }),
      ...(change.status !== undefined && { status: change.status }),
      updated_at: now,
    };
    const updated = await trx.updateTable('metering_objects').set(set).where('id', '=', objectId).executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw objectNotFound();
    const holder = await trx.selectFrom('object_holdings').select('customer_id').where('object_id', '=', objectId).where('held_until', 'is', null).executeTakeFirst();
    await recordAudit(trx, actor, { customerId: holder?.customer_id ?? null, action: 'metering.object_changed', objectType: 'metering_object', objectId, details: { fields: Object.keys(change) } }, now);
  });
  return getObjectForStaff(deps, objectId);
}
