import { rigaDayStartMs } from '@up/common/riga-days';
import type { Db } from '../../infra/db.js';
import { loadTimeline, type Timeline } from './interval-timeline.js';
import { metersOnObjectBetween } from './objects.repository.js';

/** One object's consumption for billing, with what the object is (capacity for the capacity fee). */
export interface BillableEnergy {
  timeline: Timeline;
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
  const timeline = windows.length === 0
    ? { startMs: [], minutes: [], importWh: [], exportWh: [], quality: [], priceUeurPerKwh: [] }
    : await loadTimeline(db, {
      meterIds: meters.map((meter) => meter.id), windows, from: request.from, to: request.to,
      untilMs: rigaDayStartMs(request.to), spotPriceZone: request.spotPriceZone,
    });
  return { timeline, capacityAmperes: object?.capacity_amperes ?? null, phases: object?.phases ?? null };
}
