import type { MeteringObject, Resolution } from '@up/common/contracts/metering';
import { firstOfNextMonth, rigaDayOfMs } from '@up/common/riga-days';
import { addDays, isIsoDate } from '@up/common/riga-time';

/**
 * The consumption page's periods (GRD-3): a Riga calendar day, month or year as the API takes it
 * (`from` inclusive, `to` exclusive, 'YYYY-MM-DD'), the period before it, and which resolutions make
 * sense for each view. Pure calendar arithmetic on date strings: no instants, no host time zone, so a
 * 23- or 25-hour day is just a day here (its hours come from the API's interval starts).
 */

export type PeriodView = 'day' | 'month' | 'year';
export const PERIOD_VIEWS: readonly PeriodView[] = ['day', 'month', 'year'];

export interface Period {
  view: PeriodView;
  /** the first Riga day of the period */
  from: string;
  /** the first Riga day after it (exclusive) */
  to: string;
}

/** The resolutions a view offers, the default first. A year of hourly (or quarter-hour) data is allowed. */
export const VIEW_RESOLUTIONS: Record<PeriodView, readonly Resolution[]> = {
  day: ['15min', 'hour'],
  month: ['day', 'hour', '15min'],
  year: ['month', 'day', 'hour', '15min'],
};

export function isPeriodView(value: unknown): value is PeriodView {
  return typeof value === 'string' && (PERIOD_VIEWS as readonly string[]).includes(value);
}

export function defaultResolution(view: PeriodView): Resolution {
  return VIEW_RESOLUTIONS[view][0];
}

/** The wanted resolution when the view offers it, else the view's default. */
export function resolutionFor(view: PeriodView, wanted: string | null | undefined): Resolution {
  const offered = VIEW_RESOLUTIONS[view];
  return offered.find((resolution) => resolution === wanted) ?? offered[0];
}

/** The day, month or year containing `date`. */
export function periodOf(view: PeriodView, date: string): Period {
  if (!isIsoDate(date)) throw new RangeError(`Not a date: ${date}`);
  if (view === 'day') return { view, from: date, to: addDays(date, 1) };
  if (view === 'month') {
    const from = `${date.slice(0, 7)}-01`;
    return { view, from, to: firstOfNextMonth(from) };
  }
  const year = Number(date.slice(0, 4));
  return { view, from: `${date.slice(0, 4)}-01-01`, to: `${pad(year + 1, 4)}-01-01` };
}

/** The view whose period is exactly [from, to): a day, a calendar month, else a year. */
export function viewOfRange(from: string, to: string): PeriodView {
  if (addDays(from, 1) === to) return 'day';
  if (from.endsWith('-01') && firstOfNextMonth(from) === to) return 'month';
  return 'year';
}

/** The period `steps` periods later (negative: earlier), of the same view. */
export function shiftPeriod(period: Period, steps: number): Period {
  if (period.view === 'day') return periodOf('day', addDays(period.from, steps));
  if (period.view === 'month') return periodOf('month', addMonths(period.from, steps));
  return periodOf('year', `${pad(Number(period.from.slice(0, 4)) + steps, 4)}-01-01`);
}

/** The period shown beside the current one in the chart: the day, month or year before. */
export function previousPeriod(period: Period): Period {
  return shiftPeriod(period, -1);
}

/** 'YYYY-MM-DD' plus whole months, the day of month kept (clamped to the month's last day). */
export function addMonths(date: string, months: number): string {
  const [year, month, day] = date.split('-').map(Number);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  const first = `${pad(targetYear, 4)}-${pad(targetMonth, 2)}-01`;
  const lastDay = Number(addDays(firstOfNextMonth(first), -1).slice(8));
  return `${first.slice(0, 8)}${pad(Math.min(day, lastDay), 2)}`;
}

/** The months 'YYYY-MM' from `first` to `last` (both 'YYYY-MM', inclusive), newest first, at most `limit`. */
export function monthsBackFrom(last: string, first: string, limit = 24): string[] {
  const months: string[] = [];
  for (let month = `${last}-01`; month.slice(0, 7) >= first && months.length < limit; month = addMonths(month, -1)) {
    months.push(month.slice(0, 7));
  }
  return months;
}

/** True when the period begins after `today` (nothing can have been measured in it yet). */
export function isFuture(period: Period, today: string): boolean {
  return period.from > today;
}

/** The last Riga day with data: the day before `dataAvailableUntil` ends (that instant is exclusive); else today. */
export function lastDataDay(object: Pick<MeteringObject, 'dataAvailableUntil'>, today: string): string {
  const until = object.dataAvailableUntil ? Date.parse(object.dataAvailableUntil) : NaN;
  return Number.isNaN(until) ? today : rigaDayOfMs(until - 1);
}

/**
 * The months a micro-generator settlement can be asked for, newest first: from the later of the generator's
 * start and the customer's taking the object over, to the month of the last data (at most three years).
 */
export function settlementMonths(object: Pick<MeteringObject, 'dataAvailableUntil' | 'heldFrom' | 'microGenerator'>, today: string): string[] {
  const last = lastDataDay(object, today).slice(0, 7);
  const held = Date.parse(object.heldFrom);
  const starts = [object.microGenerator?.since.slice(0, 7), Number.isNaN(held) ? undefined : rigaDayOfMs(held).slice(0, 7)];
  const first = starts.filter((month): month is string => Boolean(month)).sort().at(-1) ?? last;
  const months = monthsBackFrom(last, first, 36);
  return months.length > 0 ? months : [last];
}

/** The month a settlement opens on: the newest month whose data are complete (the one before, while the last is running). */
export function defaultSettlementMonth(object: Pick<MeteringObject, 'dataAvailableUntil'>, months: readonly string[]): string {
  const until = object.dataAvailableUntil ? Date.parse(object.dataAvailableUntil) : NaN;
  // data up to a Riga midnight that starts a month cover the month before it whole
  const complete = !Number.isNaN(until) && rigaDayOfMs(until).endsWith('-01');
  return complete || months.length < 2 ? months[0] : months[1];
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}
