import { rigaDayOfMs, rigaDayStartMs } from '@up/common/riga-days';
import type { Db } from '../../infra/db.js';
import type { MeterRow } from '../../db/schema.js';
import type { HoldingWindow } from './object-access.js';
import { loadTimeline, type Timeline } from './interval-timeline.js';
import { metersOnObjectBetween } from './objects.repository.js';

/** A register's consumption between two readings of a meter without interval data (Wh, the multiplier applied). */
export interface RegisterConsumption {
  register: string;
  wh: number;
  /** the Riga days of the opening and closing readings */
  fromDay: string;
  toDay: string;
}

/** One object's consumption for billing, with what the object is (capacity for the capacity fee). */
export interface BillableEnergy {
  /** the smart meters' intervals */
  timeline: Timeline;
  /** the other meters' registers, from their readings */
  registers: RegisterConsumption[];
  capacityAmperes: number | null;
  phases: number | null;
}

/**
 * The energy a customer took through an object over Riga days [from, to): only the customer's own time with
 * it (GRD-1: an occupant never pays for the previous one's use), every interval up to the end of the period,
 * a day with nothing stored as missing intervals (never zero). Billing prices this interval by interval.
 */
export async function readBillableEnergy(
  db: Db, request: { customerId: string; objectId: string; from: string; to: string; spotPriceZone: string },
): Promise<BillableEnergy> {
  const [object, holdings, meters] = await Promise.all([
    db.selectFrom('metering_objects').select(['capacity_amperes', 'phases']).where('id', '=', request.objectId).executeTakeFirst(),
    db.selectFrom('object_holdings').select(['held_from', 'held_until'])
      .where('customer_id', '=', request.customerId).where('object_id', '=', request.objectId).orderBy('held_from').execute(),
    metersOnObjectBetween(db, request.objectId, request.from, request.to),
  ]);
  const windows = holdings.map((row) => ({ from: row.held_from, until: row.held_until }));
  const smart = meters.filter((meter) => meter.smart);
  const read = meters.filter((meter) => !meter.smart);
  const timeline = windows.length === 0 || smart.length === 0
    ? { startMs: [], minutes: [], importWh: [], exportWh: [], quality: [], priceUeurPerKwh: [] }
    : await loadTimeline(db, {
      meterIds: smart.map((meter) => meter.id), windows, from: request.from, to: request.to,
      untilMs: rigaDayStartMs(request.to), spotPriceZone: request.spotPriceZone,
    });
  const registers = windows.length === 0 ? [] : await registerConsumption(db, read, windows, request.from, request.to);
  return { timeline, registers, capacityAmperes: object?.capacity_amperes ?? null, phases: object?.phases ?? null };
}

/**
 * GRD-2 for billing: a meter without interval data is billed from its readings. A register's consumption in
 * the period is its last reading of the period less the reading before it (the last one before the period, or
 * the first of the period), times the meter's multiplier; a period without a closing reading bills nothing and
 * the next reading covers it. Only readings taken while the customer held the object count (GRD-1).
 */
async function registerConsumption(
  db: Db, meters: readonly MeterRow[], windows: readonly HoldingWindow[], from: string, to: string,
): Promise<RegisterConsumption[]> {
  if (meters.length === 0) return [];
  const heldFrom = rigaDayOfMs(Math.min(...windows.map((window) => window.from.getTime())));
  const readings = await db.selectFrom('meter_readings')
    .select(['meter_id', 'register', 'read_on', 'reading_wh'])
    .where('meter_id', 'in', meters.map((meter) => meter.id))
    .where('read_on', '<', to)
    .where('read_on', '>=', heldFrom)
    .orderBy('meter_id').orderBy('register').orderBy('read_on').orderBy('source')
    .execute();
  const consumption: RegisterConsumption[] = [];
  for (const meter of meters) {
    for (const register of meter.registers) {
      const own = readings.filter((row) => row.meter_id === meter.id && row.register === register);
      const closing = own.filter((row) => row.read_on >= from).at(-1);
      const opening = own.filter((row) => row.read_on < from).at(-1) ?? own.find((row) => row.read_on >= from);
      if (!closing || !opening || closing === opening) continue;
      const wh = (closing.reading_wh - opening.reading_wh) * meter.multiplier;
      if (wh > 0) consumption.push({ register, wh, fromDay: opening.read_on, toDay: closing.read_on });
    }
  }
  return consumption;
}
