import type { MeteringObject } from '@up/common/contracts/metering';
import { intervalsInRigaDay, rigaDayOfMs, rigaDayStartMs } from '@up/common/riga-days';
import type { Db } from '../../infra/db.js';
import type { Deps } from '../../deps.js';
import type { HoldingWindow } from './object-access.js';
import type { MeterRow, MicroGeneratorRow, RadioPermitRow } from './metering.tables.js';
import {
  generatorsOfObjects, holdingsOfCustomer, latestIntervalDays, metersOfObjects, objectsByIds, permitsOfObjects,
} from './objects.repository.js';

/**
 * GRD-1: the customer's objects with their technical parameters, meters, micro-generator or radio permit, each
 * for the time it was the customer's: meters removed before the customer moved in are not shown, and "data
 * available until" looks only inside that time. A data token for chosen objects narrows the list.
 */
export async function listCustomerObjects(deps: Deps, customerId: string, allowedObjectIds: readonly string[] | null): Promise<MeteringObject[]> {
  const holdings = (await holdingsOfCustomer(deps.db, customerId))
    .filter((holding) => !allowedObjectIds || allowedObjectIds.includes(holding.object_id));
  const windowsByObject = new Map<string, HoldingWindow[]>();
  for (const holding of holdings) {
    const windows = windowsByObject.get(holding.object_id) ?? [];
    windows.push({ from: holding.held_from, until: holding.held_until });
    windowsByObject.set(holding.object_id, windows);
  }
  const objectIds = [...windowsByObject.keys()];
  const [objects, meters, generators, permits] = await Promise.all([
    objectsByIds(deps.db, objectIds), metersOfObjects(deps.db, objectIds), generatorsOfObjects(deps.db, objectIds), permitsOfObjects(deps.db, objectIds),
  ]);
  const now = deps.clock.now();
  const answers: MeteringObject[] = [];
  for (const object of objects) {
    const windows = windowsByObject.get(object.id)!;
    const heldFrom = windows[0].from;
    const heldUntil = windows.some((window) => window.until === null) ? null : windows[windows.length - 1].until;
    const visibleMeters = meters.filter((meter) => meter.object_id === object.id && meterOverlaps(meter, heldFrom, heldUntil));
    const generator = generators.find((row) => row.object_id === object.id) ?? null;
    const permit = permits.find((row) => row.object_id === object.id) ?? null;
    answers.push({
      id: object.id,
      kind: object.kind,
      eic: object.eic,
      address: object.address,
      capacityAmperes: object.capacity_amperes,
      phases: object.phases,
      voltageVolts: object.voltage_volts,
      status: object.status,
      heldFrom: heldFrom.toISOString(),
      heldUntil: heldUntil ? heldUntil.toISOString() : null,
      dataAvailableUntil: await dataAvailableUntil(deps.db, visibleMeters.map((meter) => meter.id), heldUntil ?? now),
      meters: visibleMeters.map(meterAnswer),
      microGenerator: generator && generatorAnswer(generator),
      radioPermit: permit && permitAnswer(permit),
    });
  }
  return answers;
}

function meterOverlaps(meter: MeterRow, from: Date, until: Date | null): boolean {
  const installed = rigaDayStartMs(meter.installed_on);
  const removed = meter.removed_on ? rigaDayStartMs(meter.removed_on) : Infinity;
  return installed < (until ? until.getTime() : Infinity) && removed > from.getTime();
}

export function generatorAnswer(generator: MicroGeneratorRow) {
  return { powerKw: generator.power_kw, scheme: generator.scheme, since: generator.since, until: generator.until };
}

export function permitAnswer(permit: RadioPermitRow) {
  return {
    permitNumber: permit.permit_number, service: permit.service, frequencies: permit.frequencies, powerWatts: permit.power_watts,
    antenna: permit.antenna, location: permit.location, validFrom: permit.valid_from, validTo: permit.valid_to,
  };
}

export function meterAnswer(meter: MeterRow) {
  return {
    id: meter.id, number: meter.number, type: meter.type, smart: meter.smart, registers: meter.registers,
    multiplier: meter.multiplier, installedOn: meter.installed_on, removedOn: meter.removed_on,
  };
}

/**
 * GRD-3: the end of the last interval with a value (measured, estimated or corrected) before `until`, over
 * the given meters; null when there is none.
 */
export async function dataAvailableUntil(db: Db, meterIds: readonly string[], until: Date): Promise<string | null> {
  return availableUntilOf(await latestIntervalDays(db, meterIds, rigaDayOfMs(until.getTime())), until);
}

/** dataAvailableUntil from the newest stored days (latestIntervalDays up to the Riga day of `until`). */
export function availableUntilOf(rows: readonly { day: string; interval_minutes: number; quality: string }[], until: Date): string | null {
  let latest = 0;
  for (const row of rows) {
    const dayStart = rigaDayStartMs(row.day);
    const count = Math.min(row.quality.length, intervalsInRigaDay(row.day, row.interval_minutes));
    for (let i = count - 1; i >= 0; i--) {
      if (row.quality[i] === 'x') continue;
      const end = dayStart + (i + 1) * row.interval_minutes * 60_000;
      if (end <= until.getTime() && end > latest) latest = end;
      if (end <= until.getTime()) break;
    }
  }
  return latest > 0 ? new Date(latest).toISOString() : null;
}
