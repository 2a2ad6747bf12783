import { createHash } from 'node:crypto';
import type { Consumption, ConsumptionQuery, Resolution } from '@up/common/contracts/metering';
import { addDays, isIsoDate } from '@up/common/riga-time';
import { rigaDayOfMs, rigaDayStartMs } from '@up/common/riga-days';
import { NANO_EUROS_PER_CENT, roundHalfUp } from '@up/common/money';
import type { Deps } from '../../deps.js';
import { invalidField } from '../../infra/errors.js';
import { objectNotFound, type HoldingWindow } from './object-access.js';
import { availableUntilOf, dataAvailableUntil } from './objects.service.js';
import { readConsumption, readConsumptionHead, type ConsumptionHead, type ConsumptionReadRequest } from './consumption-read.js';
import { loadConsumptionPieces, Pieces } from './consumption-pieces.js';
import { Series, toConsumption, type ConsumptionAnswer } from './consumption-series.js';

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
  return toConsumption(await consumptionAnswer(deps, customerId, objectId, query, allowedObjectIds));
}

/** getConsumption's answer with its series as summed (typed arrays) and its ETag, for the JSON route to write directly. */
export async function consumptionAnswer(
  deps: Deps,
  customerId: string,
  objectId: string,
  query: Pick<ConsumptionQuery, 'from' | 'to' | 'resolution'>,
  allowedObjectIds: readonly string[] | null,
): Promise<ConsumptionAnswer & { etag: string }> {
  const { from, to, resolution } = checkPeriod(query);
  const request = readRequest(deps, customerId, objectId, query, allowedObjectIds);
  const read = await readConsumption(deps.db, request);
  if (read === null) throw objectNotFound();
  const scope = await scopeOf(deps, read, request);
  const pieces = scope.visible
    ? await loadConsumptionPieces(deps.db, {
      meterIds: read.meterIds, windows: read.windows, from, to, untilMs: scope.untilMs, spotPriceZone: request.spotPriceZone, byInterval: request.byInterval,
    }, read)
    : new Pieces(0);
  const { intervals, totals } = aggregate(pieces, resolution);
  const dailyTotals = resolution === 'day' ? intervals : aggregate(pieces, 'day').intervals;
  const monthlyTotals = resolution === 'month' ? intervals : aggregate(pieces, 'month').intervals;
  return {
    objectId,
    from,
    to,
    resolution,
    visibleFrom: scope.visibleFrom,
    visibleUntil: scope.visibleUntil,
    dataAvailableUntil: scope.availableUntil,
    intervals,
    dailyTotals,
    monthlyTotals,
    totals,
    etag: etagOf(query, request, read, scope),
  };
}

/**
 * The ETag the answer would have now, from the customer's windows, the meters, the newest days and the version of
 * the period's stored days and prices (readConsumptionHead): no array is read. 404 as the answer would be.
 */
export async function consumptionEtag(
  deps: Deps,
  customerId: string,
  objectId: string,
  query: Pick<ConsumptionQuery, 'from' | 'to' | 'resolution'>,
  allowedObjectIds: readonly string[] | null,
): Promise<string> {
  checkPeriod(query);
  const request = readRequest(deps, customerId, objectId, query, allowedObjectIds);
  const head = await readConsumptionHead(deps.db, request);
  if (head === null) throw objectNotFound();
  return etagOf(query, request, head, await scopeOf(deps, head, request));
}

function readRequest(
  deps: Deps, customerId: string, objectId: string, query: Pick<ConsumptionQuery, 'from' | 'to' | 'resolution'>, allowedObjectIds: readonly string[] | null,
): ConsumptionReadRequest {
  if (allowedObjectIds && !allowedObjectIds.includes(objectId)) throw objectNotFound();
  return {
    customerId, objectId, from: query.from, to: query.to, lastDay: rigaDayOfMs(deps.clock.now().getTime()),
    spotPriceZone: deps.operator.metering.spotPriceZone, byInterval: query.resolution === '15min',
  };
}

/**
 * What of the period the customer sees now (GRD-1) and until when data is available (GRD-3): data is available
 * until its last value in the customer's time (not in the period): a day with nothing stored before that is
 * missing; after it, the data has not arrived yet and is not answered.
 */
async function scopeOf(deps: Deps, head: ConsumptionHead, request: ConsumptionReadRequest) {
  const now = deps.clock.now().getTime();
  const visible = visibleWindow(head.windows, rigaDayStartMs(request.from), rigaDayStartMs(request.to), now);
  const heldUntilMs = head.windows.some((window) => window.until === null) ? now : Math.max(...head.windows.map((window) => window.until!.getTime()));
  const until = new Date(Math.min(heldUntilMs, now));
  // The head read the newest days up to today, looking back LATEST_LOOKBACK_DAYS: a customer who left before today,
  // or data whose newest usable value is older, needs a second look (a later day's value ends later than any older one).
  const upToToday = rigaDayOfMs(until.getTime()) === request.lastDay;
  const recent = upToToday ? availableUntilOf(head.latest, until) : null;
  const availableUntil = upToToday && (recent !== null || head.latest.length >= 4 * head.meterIds.length)
    ? recent
    : await dataAvailableUntil(deps.db, head.meterIds, until);
  return {
    visible,
    visibleFrom: visible ? new Date(visible.fromMs).toISOString() : null,
    visibleUntil: visible ? new Date(visible.untilMs).toISOString() : null,
    availableUntil,
    untilMs: Math.min(availableUntil ? Date.parse(availableUntil) : 0, visible?.untilMs ?? 0),
  };
}

/**
 * A strong ETag of the JSON answer: everything it is computed from besides the code (ANSWER_FORMAT): the request,
 * the customer's windows, the meters, what is visible and available (which is where "now" enters), and the count
 * and row versions of the period's stored days and prices (a write, a correction or a deletion changes them).
 */
function etagOf(query: Pick<ConsumptionQuery, 'resolution'>, request: ConsumptionReadRequest, head: ConsumptionHead, scope: Awaited<ReturnType<typeof scopeOf>>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([
    ANSWER_FORMAT, request.customerId, request.objectId, request.from, request.to, query.resolution, request.spotPriceZone,
    head.windows.map((window) => [window.from.getTime(), window.until?.getTime() ?? null]), head.meterIds,
    scope.visibleFrom, scope.visibleUntil, scope.availableUntil, head.version,
  ]));
  return `"${hash.digest('base64url').slice(0, 32)}"`;
}

/** Changes when the answer's bytes are computed differently from the same data (a new ETag for every answer). */
const ANSWER_FORMAT = 'consumption-1';

export function checkPeriod(query: Pick<ConsumptionQuery, 'from' | 'to' | 'resolution'>) {
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
  const intervals = new Series(entriesAtMost(pieces, resolution));
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
    intervals.start[entries] = start / 1000;
    intervals.end[entries] = end / 1000;
    intervals.importWh[entries] = values > 0 ? importWh : NaN;
    intervals.exportWh[entries] = values > 0 ? exportWh : NaN;
    intervals.missing[entries] = missing;
    intervals.spotEurPerMwh[entries] = showPrice && prices > 0 ? Math.round(priceSum / prices) / 1000 : NaN;
    intervals.spotValueCents[entries] = priced > 0 ? roundHalfUp(nano, NANO_EUROS_PER_CENT) : NaN;
    letters[entries++] = values === 0 ? (unusable ? UNUSABLE : MISSING) : missing > 0 ? PARTLY_MISSING : worst;
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
  intervals.count = entries;
  intervals.quality = letters.toString('latin1', 0, entries);
  totals.spotValueCents = anyPrice ? roundHalfUp(totalNano, NANO_EUROS_PER_CENT) : null;
  return { intervals, totals };
}

/** How many entries the pieces can make at most: one per piece, and no more than the period's days or months. */
function entriesAtMost(pieces: Pieces, resolution: Resolution): number {
  if (resolution === '15min' || resolution === 'hour') return pieces.count;
  const days = pieces.dayStartMs.length - 1;
  if (resolution === 'day') return Math.min(pieces.count, days);
  let months = 0;
  for (let i = 0; i < days; i++) if (i === 0 || pieces.monthStartMs[i] !== pieces.monthStartMs[i - 1]) months++;
  return Math.min(pieces.count, months);
}
