// BIL-4 and Europe/Riga dates. Calendar dates are plain 'YYYY-MM-DD' strings; arithmetic on them is
// done in UTC so the host's time zone never shifts a day.
import type { Lang } from './lang.ts';

export const RIGA_TIME_ZONE = 'Europe/Riga';

const DAY_MS = 86_400_000;
const holidayCache = new Map<number, ReadonlySet<string>>();

/**
 * Latvian public holidays (Law on Public Holidays, Memorial Days and Celebration Days), sorted.
 * One-off holidays the Saeima declares for a single year (e.g. after a Song Festival) are not included.
 */
export function latvianPublicHolidays(year: number): string[] {
  const easter = easterSunday(year);
  const dates = [
    isoDate(year, 1, 1),
    addDays(easter, -2), // Good Friday
    easter,
    addDays(easter, 1), // Easter Monday
    isoDate(year, 5, 1),
    ...withMondayIfWeekend(isoDate(year, 5, 4)), // Restoration of Independence
    addDays(easter, 49), // Pentecost, always a Sunday
    isoDate(year, 6, 23), // Līgo
    isoDate(year, 6, 24), // Jāņi
    ...withMondayIfWeekend(isoDate(year, 11, 18)), // Proclamation of the Republic
    isoDate(year, 12, 24),
    isoDate(year, 12, 25),
    isoDate(year, 12, 26),
    isoDate(year, 12, 31),
  ];
  return [...new Set(dates)].sort();
}

/** Western (Gregorian) Easter Sunday — the anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

/** May 4 and Nov 18: when they fall on Saturday or Sunday, the next Monday is a holiday too. */
function withMondayIfWeekend(date: string): string[] {
  const weekday = dayOfWeek(date);
  if (weekday === 6) return [date, addDays(date, 2)];
  if (weekday === 0) return [date, addDays(date, 1)];
  return [date];
}

export function isWorkingDay(date: string): boolean {
  const weekday = dayOfWeek(date);
  if (weekday === 0 || weekday === 6) return false;
  return !holidaySet(Number(date.slice(0, 4))).has(date);
}

/** BIL-4: a due date on a weekend or public holiday moves to the next working day. */
export function nextWorkingDayOnOrAfter(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/** Moves n working days forward (n < 0: backward), skipping weekends and holidays. n = 0 returns date unchanged. */
export function addWorkingDays(date: string, n: number): string {
  if (!Number.isInteger(n)) throw new RangeError(`Not a whole number of days: ${n}`);
  const step = n < 0 ? -1 : 1;
  let day = date;
  for (let left = Math.abs(n); left > 0; ) {
    day = addDays(day, step);
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/** Calendar-day arithmetic on 'YYYY-MM-DD'. */
export function addDays(date: string, days: number): string {
  return new Date(parseIsoDate(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The calendar date in Riga at the given instant. */
export function rigaDate(instant: Date): string {
  const p = rigaParts(instant);
  return `${p.year}-${p.month}-${p.day}`;
}

/**
 * Date and time in Riga, e.g. lv '05.04.2026. 14:30', en '05/04/2026 14:30', ru '05.04.2026 14:30'.
 * Assembled from parts rather than left to the locale so server and browser render the same string.
 */
export function formatRigaDateTime(instant: Date, lang: Lang): string {
  const p = rigaParts(instant);
  const time = `${p.hour}:${p.minute}`;
  if (lang === 'en') return `${p.day}/${p.month}/${p.year} ${time}`;
  if (lang === 'lv') return `${p.day}.${p.month}.${p.year}. ${time}`;
  return `${p.day}.${p.month}.${p.year} ${time}`;
}

const rigaFormatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: RIGA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

type RigaParts = Record<'year' | 'month' | 'day' | 'hour' | 'minute', string>;

const HOUR_MS = 3_600_000;
const offsetByUtcHour = new Map<number, number>();

/**
 * Riga's offset from UTC in ms. It changes only on the hour (summer time starts and ends at 01:00 UTC), so
 * Intl, which is slow, is asked once per UTC hour; dates are formatted on every request and every meter hour.
 */
function rigaOffsetMs(time: number): number {
  const hourStart = Math.floor(time / HOUR_MS) * HOUR_MS;
  let offset = offsetByUtcHour.get(hourStart);
  if (offset === undefined) {
    const p: Partial<RigaParts> = {};
    for (const { type, value } of rigaFormatter.formatToParts(new Date(hourStart))) {
      if (type === 'year' || type === 'month' || type === 'day' || type === 'hour' || type === 'minute') p[type] = value;
    }
    offset = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - hourStart;
    if (offsetByUtcHour.size >= 100_000) offsetByUtcHour.clear();
    offsetByUtcHour.set(hourStart, offset);
  }
  return offset;
}

/** Riga's offset from UTC in minutes at the instant (120 in winter, 180 in summer). */
export function rigaOffsetMinutes(utcMs: number): number {
  return Math.round(rigaOffsetMs(utcMs) / 60_000);
}

/** True for a real calendar date 'YYYY-MM-DD' (not '2026-02-30'). */
export function isIsoDate(date: string): boolean {
  try {
    parseIsoDate(date);
    return true;
  } catch {
    return false;
  }
}

const twoDigits = (n: number) => String(n).padStart(2, '0');

function rigaParts(instant: Date): RigaParts {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid date');
  const local = new Date(time + rigaOffsetMs(time));
  return {
    year: String(local.getUTCFullYear()).padStart(4, '0'),
    month: twoDigits(local.getUTCMonth() + 1),
    day: twoDigits(local.getUTCDate()),
    hour: twoDigits(local.getUTCHours()),
    minute: twoDigits(local.getUTCMinutes()),
  };
}

function holidaySet(year: number): ReadonlySet<string> {
  let set = holidayCache.get(year);
  if (!set) {
    set = new Set(latvianPublicHolidays(year));
    holidayCache.set(year, set);
  }
  return set;
}

/** 0 = Sunday … 6 = Saturday. */
function dayOfWeek(date: string): number {
  return new Date(parseIsoDate(date)).getUTCDay();
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** UTC milliseconds of a strictly valid 'YYYY-MM-DD' (throws on '2025-02-30' or other shapes). */
function parseIsoDate(date: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw new RangeError(`No such date: ${date}`);
  return ms;
}

/**
 * BIL-4: the last day to pay an invoice issued on `issueDate` with a payment term of `termDays` calendar days:
 * when it falls on a weekend, a public holiday or one of `extraHolidays` (days the law adds later, from the
 * operator's configuration), the next working day.
 */
export function dueDay(issueDate: string, termDays: number, extraHolidays: readonly string[] = []): string {
  let day = addDays(issueDate, termDays);
  while (!isWorkingDay(day) || extraHolidays.includes(day)) day = addDays(day, 1);
  return day;
}
