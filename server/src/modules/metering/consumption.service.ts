import type { Consumption, ConsumptionQuery, IntervalSeries, Resolution } from '@up/common/contracts/metering';
import { addDays, isIsoDate } from '@up/common/riga-time';
import { firstOfNextMonth, rigaDayOfMs, rigaDayStartMs } from '@up/common/riga-days';
import { NANO_EUROS_PER_CENT, roundHalfUp } from '@up/common/money';
import type { Deps } from '../../deps.js';
import { invalidField } from '../../infra/errors.js';
import { findHeldObject, type HoldingWindow } from './object-access.js';
import { metersOnObjectBetween } from './objects.repository.js';
import { dataAvailableUntil } from './objects.service.js';
import { loadTimeline, type Timeline } from './interval-timeline.js';

/** A year with its clock changes and a little more: the longest period one request may ask for. */
export const MAX_PERIOD_DAYS = 400;

/**
 * GRD-3: an object's consumption (import) and feed-in (export) between two Riga dates at the chosen
 * resolution, with quality, spot prices and totals. Only the customer's own time with the object is answered
 * (GRD-1). A missing or unusable interval is null and counted, never summed as zero; hours, days and months
 * are Riga ones, so the 23- and 25-hour days have 23 and 25 hours.
 */
export async function getConsumption(
  deps: Deps,
  customerId: string,
  objectId: string,
  query: Pick<ConsumptionQuery, 'from' | 'to' | 'resolution'>,
  allowedObjectIds: readonly string[] | null,
): Promise<Consumption> {
  const { from, to, resolution } = checkPeriod(query);
  const held = await findHeldObject(deps.db, customerId, objectId, allowedObjectIds);
  const now = deps.clock.now();
  const visible = visibleWindow(held.windows, rigaDayStartMs(from), rigaDayStartMs(to), now.getTime());
  const meterIds = (await metersOnObjectBetween(deps.db, objectId, from, to)).map((meter) => meter.id);
  // Data is available until its last value in the customer's time (not in the period): a day with nothing
  // stored before that is missing; after it, the data has not arrived yet and is not answered.
  const heldUntilMs = held.windows.some((window) => window.until === null) ? now.getTime() : Math.max(...held.windows.map((window) => window.until!.getTime()));
  const availableUntil = await dataAvailableUntil(deps.db, meterIds, new Date(Math.min(heldUntilMs, now.getTime())));
  const untilMs = Math.min(availableUntil ? Date.parse(availableUntil) : 0, visible?.untilMs ?? 0);
  const timeline = visible
    ? await loadTimeline(deps.db, { meterIds, windows: held.windows, from, to, untilMs, spotPriceZone: deps.operator.metering.spotPriceZone })
    : emptyTimeline();
  const { intervals, totals } = aggregate(timeline, resolution);
  const dailyTotals = resolution === 'day' ? intervals : aggregate(timeline, 'day').intervals;
  const monthlyTotals = resolution === 'month' ? intervals : aggregate(timeline, 'month').intervals;
  return {
    objectId,
    from,
    to,
    resolution,
    timeZone: 'Europe/Riga',
    visibleFrom: visible ? new Date(visible.fromMs).toISOString() : null,
    visibleUntil: visible ? new Date(visible.untilMs).toISOString() : null,
    dataAvailableUntil: availableUntil,
    intervals,
    dailyTotals,
    monthlyTotals,
    totals,
  };
}

function checkPeriod(query: Pick<ConsumptionQuery, 'from' | 'to' | 'resolution'>) {
  if (!isIsoDate(query.from)) throw invalidField('from', 'must be a calendar date YYYY-MM-DD');
  if (!isIsoDate(query.to)) throw invalidField('to', 'must be a calendar date YYYY-MM-DD');
  if (query.to <= query.from) throw invalidField('to', 'must be after from (to is exclusive)');
  if (addDays(query.from, MAX_PERIOD_DAYS) < query.to) throw invalidField('to', `may be at most ${MAX_PERIOD_DAYS} days after from`);
  return query;
}

/** The part of [fromMs, toMs) that lies inside the customer's windows and before now, as one span. */
function visibleWindow(windows: readonly HoldingWindow[], fromMs: number, toMs: number, nowMs: number) {
  let first = Infinity;
  let last = -Infinity;
  for (const window of windows) {
    const start = Math.max(window.from.getTime(), fromMs);
    const end = Math.min(window.until?.getTime() ?? Infinity, toMs, nowMs);
    if (end <= start) continue;
    first = Math.min(first, start);
    last = Math.max(last, end);
  }
  return first < last ? { fromMs: first, untilMs: last } : null;
}

function emptyTimeline(): Timeline {
  return { startMs: [], minutes: [], importWh: [], exportWh: [], quality: [], priceUeurPerKwh: [] };
}

/** The start of the bucket an interval falls in: a Riga hour (whole hours in UTC too), day or month. */
function bucketStartOf(startMs: number, resolution: Resolution): number {
  if (resolution === 'hour') return Math.floor(startMs / 3_600_000) * 3_600_000;
  const day = rigaDayOfMs(startMs);
  if (resolution === 'day') return rigaDayStartMs(day);
  return rigaDayStartMs(`${day.slice(0, 7)}-01`);
}

function bucketEndOf(bucketStart: number, resolution: Resolution): number {
  if (resolution === 'hour') return bucketStart + 3_600_000;
  const day = rigaDayOfMs(bucketStart);
  return rigaDayStartMs(resolution === 'day' ? addDays(day, 1) : firstOfNextMonth(day));
}

/**
 * Sums the timeline into entries of the resolution. An entry's value sums its usable intervals; its quality is
 * the worst of them, or p when some are missing or unusable. The spot value is kept exact in nano-euros and
 * rounded half-up to cents once per entry and once for the total (so the total is not the sum of rounded entries).
 */
export function aggregate(timeline: Timeline, resolution: Resolution) {
  const intervals: IntervalSeries = { start: [], end: [], importWh: [], exportWh: [], quality: '', missing: [], spotEurPerMwh: [], spotValueCents: [] };
  const totals = { importWh: 0, exportWh: 0, intervals: 0, missingIntervals: 0, estimatedIntervals: 0, spotValueCents: null as number | null };
  const showPrice = resolution === '15min' || resolution === 'hour';
  let totalNano = 0;
  let anyPrice = false;

  let bucket: { start: number; end: number; importWh: number; exportWh: number; values: number; missing: number; worst: string; priceSum: number; prices: number; nano: number; priced: number } | null = null;
  const flush = () => {
    if (!bucket) return;
    intervals.start.push(bucket.start / 1000);
    intervals.end.push(bucket.end / 1000);
    intervals.importWh.push(bucket.values > 0 ? bucket.importWh : null);
    intervals.exportWh.push(bucket.values > 0 ? bucket.exportWh : null);
    intervals.quality += bucket.values === 0 ? (bucket.worst === 'u' ? 'u' : 'x') : bucket.missing > 0 ? 'p' : bucket.worst;
    intervals.missing.push(bucket.missing);
    intervals.spotEurPerMwh.push(showPrice && bucket.prices > 0 ? Math.round(bucket.priceSum / bucket.prices) / 1000 : null);
    intervals.spotValueCents.push(bucket.priced > 0 ? roundHalfUp(bucket.nano, NANO_EUROS_PER_CENT) : null);
  };

  for (let i = 0; i < timeline.startMs.length; i++) {
    const start = timeline.startMs[i];
    const minutes = timeline.minutes[i];
    // The timeline is in time order: a new bucket begins only where the current one ends (finding a Riga
    // day or month for every interval was most of the work).
    if (!bucket || start >= bucket.end || start < bucket.start) {
      flush();
      const bucketStart = resolution === '15min' ? start : bucketStartOf(start, resolution);
      const end: number = resolution === '15min' ? start + minutes * 60_000 : bucketEndOf(bucketStart, resolution);
      bucket = { start: bucketStart, end, importWh: 0, exportWh: 0, values: 0, missing: 0, worst: 'm', priceSum: 0, prices: 0, nano: 0, priced: 0 };
    }
    const letter = timeline.quality[i];
    const price = timeline.priceUeurPerKwh[i];
    totals.intervals++;
    if (price !== null) {
      bucket.priceSum += price;
      bucket.prices++;
    }
    if (letter === 'x' || letter === 'u') {
      bucket.missing++;
      if (letter === 'u') bucket.worst = 'u';
      totals.missingIntervals++;
      continue;
    }
    const importWh = timeline.importWh[i] ?? 0;
    const exportWh = timeline.exportWh[i] ?? 0;
    bucket.values++;
    bucket.importWh += importWh;
    bucket.exportWh += exportWh;
    if (bucket.worst !== 'u' && RANK[letter] > RANK[bucket.worst]) bucket.worst = letter;
    if (letter === 'e') totals.estimatedIntervals++;
    totals.importWh += importWh;
    totals.exportWh += exportWh;
    if (price !== null) {
      const nano = importWh * price;
      bucket.nano += nano;
      bucket.priced++;
      totalNano += nano;
      anyPrice = true;
    }
  }
  flush();
  totals.spotValueCents = anyPrice ? roundHalfUp(totalNano, NANO_EUROS_PER_CENT) : null;
  return { intervals, totals };
}

const RANK: Record<string, number> = { m: 0, c: 1, e: 2 };
