import type { Consumption, ConsumptionQuery, IntervalSeries, Resolution } from '@up/common/contracts/metering';
import { addDays, isIsoDate } from '@up/common/riga-time';
import { rigaDayStartMs } from '@up/common/riga-days';
import { NANO_EUROS_PER_CENT, roundHalfUp } from '@up/common/money';
import type { Deps } from '../../deps.js';
import { invalidField } from '../../infra/errors.js';
import { findHeldObject, type HoldingWindow } from './object-access.js';
import { metersOnObjectBetween } from './objects.repository.js';
import { dataAvailableUntil } from './objects.service.js';
import { loadConsumptionPieces, Pieces } from './consumption-pieces.js';

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
  const pieces = visible
    ? await loadConsumptionPieces(deps.db, {
      meterIds, windows: held.windows, from, to, untilMs, spotPriceZone: deps.operator.metering.spotPriceZone, byInterval: resolution === '15min',
    })
    : new Pieces(0);
  const { intervals, totals } = aggregate(pieces, resolution);
  const dailyTotals = resolution === 'day' ? intervals : aggregate(pieces, 'day').intervals;
  const monthlyTotals = resolution === 'month' ? intervals : aggregate(pieces, 'month').intervals;
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

const MEASURED = 109; // m
const ESTIMATED = 101; // e
const CORRECTED = 99; // c
const MISSING = 120; // x
const UNUSABLE = 117; // u
const PARTLY_MISSING = 112; // p
const RANK: Record<number, number> = { [MEASURED]: 0, [CORRECTED]: 1, [ESTIMATED]: 2 };

/**
 * Sums the pieces into entries of the resolution. An entry's value sums its usable intervals; its quality is
 * the worst of them, or p when some are missing or unusable (x when all are missing, u when all are and one is
 * unusable). The spot value is kept exact in nano-euros and rounded half-up to cents once per entry and once for
 * the total (so the total is not the sum of rounded entries).
 */
export function aggregate(pieces: Pieces, resolution: Resolution) {
  const intervals: IntervalSeries = { start: [], end: [], importWh: [], exportWh: [], quality: '', missing: [], spotEurPerMwh: [], spotValueCents: [] };
  const totals = { importWh: 0, exportWh: 0, intervals: 0, missingIntervals: 0, estimatedIntervals: pieces.estimated, spotValueCents: null as number | null };
  const showPrice = resolution === '15min' || resolution === 'hour';
  const letters = Buffer.allocUnsafe(pieces.count);
  let entries = 0;
  let totalNano = 0;
  let anyPrice = false;

  // the entry being summed
  let start = 0;
  let end = 0;
  let importWh = 0;
  let exportWh = 0;
  let values = 0;
  let missing = 0;
  let unusable = false;
  let worst = MEASURED;
  let priceSum = 0;
  let prices = 0;
  let nano = 0;
  let priced = 0;
  const flush = () => {
    intervals.start.push(start / 1000);
    intervals.end.push(end / 1000);
    intervals.importWh.push(values > 0 ? importWh : null);
    intervals.exportWh.push(values > 0 ? exportWh : null);
    letters[entries++] = values === 0 ? (unusable ? UNUSABLE : MISSING) : missing > 0 ? PARTLY_MISSING : worst;
    intervals.missing.push(missing);
    intervals.spotEurPerMwh.push(showPrice && prices > 0 ? Math.round(priceSum / prices) / 1000 : null);
    intervals.spotValueCents.push(priced > 0 ? roundHalfUp(nano, NANO_EUROS_PER_CENT) : null);
  };

  for (let k = 0; k < pieces.count; k++) {
    const pieceStart = pieces.startMs[k];
    // The pieces are in time order: a new entry begins only where the current one ends (finding a Riga day or
    // month for every piece would be most of the work).
    if (k === 0 || pieceStart >= end || pieceStart < start) {
      if (k > 0) flush();
      // Riga hours are whole hours in UTC too; a piece never crosses its day's bounds
      if (resolution === '15min') {
        start = pieceStart;
        end = pieces.endMs[k];
      } else if (resolution === 'hour') {
        start = Math.floor(pieceStart / 3_600_000) * 3_600_000;
        end = start + 3_600_000;
      } else if (resolution === 'day') {
        start = pieces.dayStartMs[pieces.day[k]];
        end = pieces.dayStartMs[pieces.day[k] + 1];
      } else {
        start = pieces.monthStartMs[pieces.day[k]];
        end = pieces.monthEndMs[pieces.day[k]];
      }
      importWh = 0;
      exportWh = 0;
      values = 0;
      missing = 0;
      unusable = false;
      worst = MEASURED;
      priceSum = 0;
      prices = 0;
      nano = 0;
      priced = 0;
    }
    const pieceMissing = pieces.missing[k];
    const pieceValues = pieces.intervals[k] - pieceMissing;
    const letter = pieces.letter[k];
    totals.intervals += pieces.intervals[k];
    totals.missingIntervals += pieceMissing;
    priceSum += pieces.priceSum[k];
    prices += pieces.prices[k];
    missing += pieceMissing;
    if (letter === UNUSABLE) unusable = true;
    // a piece without missing intervals has the worst of its letters; one with some makes the entry p anyway
    if (pieceMissing === 0 && RANK[letter] > RANK[worst]) worst = letter;
    if (pieceValues === 0) continue;
    values += pieceValues;
    importWh += pieces.importWh[k];
    exportWh += pieces.exportWh[k];
    totals.importWh += pieces.importWh[k];
    totals.exportWh += pieces.exportWh[k];
    if (pieces.priced[k] > 0) {
      nano += pieces.nano[k];
      priced += pieces.priced[k];
      totalNano += pieces.nano[k];
      anyPrice = true;
    }
  }
  if (pieces.count > 0) flush();
  intervals.quality = letters.toString('latin1', 0, entries);
  totals.spotValueCents = anyPrice ? roundHalfUp(totalNano, NANO_EUROS_PER_CENT) : null;
  return { intervals, totals };
}
