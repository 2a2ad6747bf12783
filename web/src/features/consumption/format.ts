import type { Resolution } from '@up/common/contracts/metering';
import type { Lang } from '@up/common/lang';
import { rigaDayOfMs } from '@up/common/riga-days';
import { formatRigaDateTime, rigaOffsetMinutes } from '@up/common/riga-time';
import { formatDate } from '../../lib/format.ts';
import type { Period } from './period.ts';

/**
 * How the consumption pages write energy, prices and intervals: numbers with the UI language's separators
 * (lv/ru '12 345,6', en '12,345.6'), times in Europe/Riga. Missing values are '—', never 0.
 */

export const MISSING = '—';

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${lang}:${minimumFractionDigits}:${maximumFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(lang, { minimumFractionDigits, maximumFractionDigits });
    numberFormats.set(key, format);
  }
  return format;
}

/** A number in the UI language, e.g. lv 1234.5 → '1 234,5'. */
export function formatNumber(value: number, lang: Lang, maximumFractionDigits = 3, minimumFractionDigits = 0): string {
  return numberFormat(lang, minimumFractionDigits, maximumFractionDigits).format(value);
}

/**
 * Integer Wh as kWh, exact to the Wh: 12345678 → lv '12 345,678 kWh'; null → '—'. Totals round to
 * `digits` decimals (2: to 10 Wh); `fixed` always writes them (the table's aligned column).
 */
export function formatWh(wh: number | null | undefined, lang: Lang, { unit = true, fixed = false, digits = 3 } = {}): string {
  if (wh === null || wh === undefined || !Number.isFinite(wh)) return MISSING;
  const text = formatNumber(wh / 1000, lang, digits, fixed ? digits : 0);
  return unit ? `${text} kWh` : text;
}

/** How totals write energy: to 10 Wh (the table and the downloads have every Wh). */
export const TOTAL = { digits: 2 } as const;

/** A value already in kWh (the chart's), to three decimals; null → '—'. */
export function formatKwh(kwh: number | null | undefined, lang: Lang, unit = true): string {
  if (kwh === null || kwh === undefined || !Number.isFinite(kwh)) return MISSING;
  const text = formatNumber(kwh, lang, 3);
  return unit ? `${text} kWh` : text;
}

/** A spot price: 85.123 → lv '85,12 €/MWh'; null → '—'. Negative prices are real and keep their sign. */
export function formatEurPerMwh(price: number | null | undefined, lang: Lang, unit = true): string {
  if (price === null || price === undefined || !Number.isFinite(price)) return MISSING;
  const text = formatNumber(price, lang, 2, 2);
  return unit ? `${text} €/MWh` : text;
}

/** A decimal string such as the margin '0.0200' in the UI language ('0,02'); anything else unchanged. */
export function formatDecimalString(value: string, lang: Lang, maximumFractionDigits = 4): string {
  const number = Number(value);
  return value.trim() !== '' && Number.isFinite(number) ? formatNumber(number, lang, maximumFractionDigits) : value;
}

/** The Riga calendar date of an ISO instant, as the language writes dates ('' for none). */
export function formatInstantDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : formatDate(rigaDayOfMs(ms), lang);
}

const HOUR_MS = 3_600_000;

/** True for a Riga wall-clock time that occurs twice (the hour from 03:00 on the last Sunday of October). */
export function isRepeatedWallTime(startSeconds: number): boolean {
  const ms = startSeconds * 1000;
  const wall = ms + rigaOffsetMinutes(ms) * 60_000;
  return [ms - HOUR_MS, ms + HOUR_MS].some((other) => other + rigaOffsetMinutes(other) * 60_000 === wall);
}

/** Riga's offset as 'UTC+2' or 'UTC+3' at the instant (Unix seconds). */
export function utcOffsetLabel(seconds: number): string {
  const minutes = rigaOffsetMinutes(seconds * 1000);
  const hours = Math.trunc(minutes / 60);
  const rest = Math.abs(minutes % 60);
  return `UTC${minutes < 0 ? '-' : '+'}${Math.abs(hours)}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** '2026-03' → lv '2026. gada marts', en 'March 2026', ru 'март 2026 г.' (Intl's words for the month). */
export function formatMonth(month: string, lang: Lang): string {
  let format = monthFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { month: 'long', year: 'numeric', timeZone: 'UTC' });
    monthFormats.set(lang, format);
  }
  const [year, monthNumber] = month.split('-').map(Number);
  return format.format(new Date(Date.UTC(year, monthNumber - 1, 15)));
}

/**
 * An interval of the answer in Riga time, for the table and the chart's legend: a quarter-hour or hour
 * as '29.03.2026. 04:00–05:00' (the repeated autumn hour with its offset; `timeOnly` leaves the date out
 * where the caption names the day), a day as its date, a month by name.
 */
export function formatInterval(start: number, end: number, resolution: Resolution, lang: Lang, { timeOnly = false } = {}): string {
  if (resolution === 'day') return formatDate(rigaDayOfMs(start * 1000), lang);
  if (resolution === 'month') return formatMonth(rigaDayOfMs(start * 1000).slice(0, 7), lang);
  const fromFull = formatRigaDateTime(new Date(start * 1000), lang);
  // a wall-clock time that occurs twice is told apart by its offset
  const mark = (seconds: number) => (isRepeatedWallTime(seconds) ? ` (${utcOffsetLabel(seconds)})` : '');
  const from = `${timeOnly ? fromFull.slice(-5) : fromFull}${mark(start)}`;
  const until = `${formatRigaDateTime(new Date(end * 1000), lang).slice(-5)}${mark(end)}`;
  return `${from}–${until}`;
}

/** The period's name: a day as its date, a month by name, a year as its number. */
export function formatPeriod(period: Period, lang: Lang): string {
  if (period.view === 'day') return formatDate(period.from, lang);
  if (period.view === 'month') return formatMonth(period.from.slice(0, 7), lang);
  return period.from.slice(0, 4);
}
