import { addDays, rigaOffsetMinutes } from './riga-time.ts';

/**
 * Riga calendar days as UTC instants, for interval data (GRD-3). A Riga day is 24 hours, except the last
 * Sunday of March (23: clocks go forward at 03:00) and the last Sunday of October (25: back at 04:00), so a
 * day has 92, 96 or 100 quarter-hours. Interval data is stored per Riga day; these turn days into instants.
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;

/** The UTC instant (ms) at which the Riga day 'YYYY-MM-DD' starts (its 00:00). */
export function rigaDayStartMs(day: string): number {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  // Riga midnight is 2 or 3 hours before UTC midnight; the offset at that instant decides which.
  const guess = utcMidnight - 3 * 3_600_000;
  const offset = rigaOffsetMinutes(guess);
  return utcMidnight - offset * MINUTE_MS;
}

/** How many minutes the Riga day has: 1380, 1440 or 1500. */
export function rigaDayMinutes(day: string): number {
  return (rigaDayStartMs(addDays(day, 1)) - rigaDayStartMs(day)) / MINUTE_MS;
}

/** How many intervals of `intervalMinutes` the Riga day holds (92/96/100 quarter-hours, 23/24/25 hours). */
export function intervalsInRigaDay(day: string, intervalMinutes: number): number {
  return rigaDayMinutes(day) / intervalMinutes;
}

/** The Riga calendar day 'YYYY-MM-DD' of a UTC instant in ms. */
export function rigaDayOfMs(utcMs: number): string {
  return new Date(utcMs + rigaOffsetMinutes(utcMs) * MINUTE_MS).toISOString().slice(0, 10);
}

/** The Riga days from `from` (inclusive) to `to` (exclusive). */
export function rigaDaysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let day = from; day < to; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The Riga wall-clock time 'YYYY-MM-DD HH:MM' of a UTC instant in ms (for downloads and tables). */
export function rigaWallClock(utcMs: number): string {
  return new Date(utcMs + rigaOffsetMinutes(utcMs) * MINUTE_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** The first day of the month after the month of `day`. */
export function firstOfNextMonth(day: string): string {
  const [year, month] = day.split('-').map(Number);
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}

export { DAY_MS };
