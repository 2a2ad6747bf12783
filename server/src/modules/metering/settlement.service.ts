import type { Settlement } from '@up/common/contracts/metering';
import { NANO_EUROS_PER_CENT, roundHalfUp } from '@up/common/money';
import { firstOfNextMonth, rigaDayOfMs, rigaDayStartMs } from '@up/common/riga-days';
import type { Deps } from '../../deps.js';
import { invalidField } from '../../infra/errors.js';
import { findHeldObject } from './object-access.js';
import { loadTimeline, type Timeline } from './interval-timeline.js';
import { generatorsOfObjects, metersOfObjects } from './objects.repository.js';
import { dataAvailableUntil } from './objects.service.js';

/**
 * GRD-4: the month's settlement of an object with a micro-generator, under its scheme.
 *  - Net metering: kWh netted per calendar month; a surplus (fed in more than used) is carried forward within
 *    the net year, March to February, and what is left at the end of February lapses.
 *  - Net billing: every fed-in interval is valued at its spot price less the trader's margin, never below zero
 *    for an interval (negative prices exist); exact in nano-euros, rounded half-up to cents once for the month.
 */
export async function getSettlement(deps: Deps, customerId: string, objectId: string, month: string, allowedObjectIds: readonly string[] | null): Promise<Settlement> {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw invalidField('month', 'must be YYYY-MM');
  const held = await findHeldObject(deps.db, customerId, objectId, allowedObjectIds);
  const generator = (await generatorsOfObjects(deps.db, [objectId]))[0] ?? null;
  const scheme = generator?.scheme ?? null;
  // As in the consumption answer: up to the end of the object's data, so days that have not arrived yet are
  // not counted as missing.
  const meterIds = (await metersOfObjects(deps.db, [objectId])).map((meter) => meter.id);
  const availableUntil = await dataAvailableUntil(deps.db, meterIds, deps.clock.now());
  const untilMs = availableUntil ? Date.parse(availableUntil) : 0;
  const load = (from: string, to: string) => loadTimeline(deps.db, {
    meterIds, windows: held.windows, from, to, untilMs, spotPriceZone: deps.operator.metering.spotPriceZone,
  });
  const monthStart = `${month}-01`;
  const nextMonth = firstOfNextMonth(monthStart);
  if (scheme === 'net_metering') {
    const netYearStart = netYearStartOf(month);
    const since = generator!.since.slice(0, 7);
    const firstMonth = since > netYearStart ? since : netYearStart;
    const timeline = await load(`${firstMonth}-01`, nextMonth);
    const months = monthlyTotals(timeline);
    const settled = settleNetMetering(monthsBetween(firstMonth, month).map((m) => months.get(m) ?? { importWh: 0, exportWh: 0, missing: 0 }), month);
    const current = months.get(month) ?? { importWh: 0, exportWh: 0, missing: 0 };
    return {
      objectId, month, scheme, importWh: current.importWh, exportWh: current.exportWh, missingIntervals: current.missing,
      netMetering: { netYearStart, ...settled }, netBilling: null,
    };
  }
  const timeline = await load(monthStart, nextMonth);
  const current = monthlyTotals(timeline).get(month) ?? { importWh: 0, exportWh: 0, missing: 0 };
  return {
    objectId, month, scheme, importWh: current.importWh, exportWh: current.exportWh, missingIntervals: current.missing, netMetering: null,
    netBilling: scheme === 'net_billing' ? { marginEurPerKwh: deps.operator.metering.netBillingMarginEurPerKwh, ...valueFedIn(timeline, deps.operator.metering.netBillingMarginEurPerKwh) } : null,
  };
}

/** The net year starts in March: 'YYYY-03' of the year, or of the year before for January and February. */
export function netYearStartOf(month: string): string {
  const year = Number(month.slice(0, 4));
  return Number(month.slice(5, 7)) >= 3 ? `${year}-03` : `${year - 1}-03`;
}

function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  for (let m = first; m <= last; m = firstOfNextMonth(`${m}-01`).slice(0, 7)) months.push(m);
  return months;
}

interface MonthTotals { importWh: number; exportWh: number; missing: number }

function monthlyTotals(timeline: Timeline): Map<string, MonthTotals> {
  const months = new Map<string, MonthTotals>();
  let monthKey = '';
  let monthEnd = -Infinity;
  let totals: MonthTotals = { importWh: 0, exportWh: 0, missing: 0 };
  for (let i = 0; i < timeline.startMs.length; i++) {
    const start = timeline.startMs[i];
    if (start >= monthEnd) {
      monthKey = rigaDayOfMs(start).slice(0, 7);
      monthEnd = rigaDayStartMs(firstOfNextMonth(`${monthKey}-01`));
      totals = months.get(monthKey) ?? { importWh: 0, exportWh: 0, missing: 0 };
      months.set(monthKey, totals);
    }
    const letter = timeline.quality[i];
    if (letter === 'x' || letter === 'u') { totals.missing++; continue; }
    totals.importWh += timeline.importWh[i] ?? 0;
    totals.exportWh += timeline.exportWh[i] ?? 0;
  }
  return months;
}

/**
 * Net metering over the months of one net year up to and including `month` (the last entry): each month's
 * import is netted against its export and what is carried in; a surplus carries on, and lapses after February.
 */
export function settleNetMetering(months: readonly { importWh: number; exportWh: number }[], month: string) {
  let carriedIn = 0;
  let result = { carriedInWh: 0, billedWh: 0, carriedOutWh: 0, lapsedWh: 0 };
  months.forEach((totals, index) => {
    const available = carriedIn + totals.exportWh;
    const billed = Math.max(0, totals.importWh - available);
    let carriedOut = Math.max(0, available - totals.importWh);
    let lapsed = 0;
    const isLast = index === months.length - 1;
    if (isLast && month.endsWith('-02')) {
      lapsed = carriedOut;
      carriedOut = 0;
    }
    result = { carriedInWh: carriedIn, billedWh: billed, carriedOutWh: carriedOut, lapsedWh: lapsed };
    carriedIn = carriedOut;
  });
  return result;
}

/** Parses a €/kWh decimal such as '0.0200' into micro-euros per kWh exactly. */
export function microEurosPerKwh(eurPerKwh: string): number {
  const match = /^(\d+)(?:\.(\d{1,6}))?$/.exec(eurPerKwh);
  if (!match) throw new Error(`not a €/kWh decimal: ${eurPerKwh}`);
  return Number(match[1]) * 1_000_000 + Number((match[2] ?? '').padEnd(6, '0'));
}

/** Net billing: fed-in Wh × max(0, spot − margin) per interval, summed exactly, rounded once. */
export function valueFedIn(timeline: Timeline, marginEurPerKwh: string) {
  const margin = microEurosPerKwh(marginEurPerKwh);
  let nano = 0;
  let intervalsWithoutPrice = 0;
  let intervalsValuedAtZero = 0;
  for (let i = 0; i < timeline.startMs.length; i++) {
    const exported = timeline.exportWh[i];
    const letter = timeline.quality[i];
    if (!exported || letter === 'x' || letter === 'u') continue;
    const price = timeline.priceUeurPerKwh[i];
    if (price === null) { intervalsWithoutPrice++; continue; }
    const net = price - margin;
    if (net <= 0) { intervalsValuedAtZero++; continue; }
    nano += exported * net;
  }
  return { fedInValueCents: roundHalfUp(nano, NANO_EUROS_PER_CENT), intervalsWithoutPrice, intervalsValuedAtZero };
}
