import { RIGA_TIME_ZONE } from '@up/common/riga-time';

/**
 * Conversions between Europe/Riga wall-clock time (what staff type into date and datetime-local inputs)
 * and ISO UTC instants (what the API takes). Works in any browser time zone.
 */

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: RIGA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

/** Riga's offset from UTC in minutes at the instant (120 in winter, 180 in summer). */
function rigaOffsetMinutes(utcMs: number): number {
  const parts: Record<string, number> = {};
  for (const { type, value } of formatter.formatToParts(new Date(utcMs))) parts[type] = Number(value);
  const asUtc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60_000);
}

const MINUTE = 60_000;
const DAY = 86_400_000;

/**
 * '2026-03-29T03:30' read as Riga time → '2026-03-29T00:30:00.000Z'. A time that occurs twice (autumn)
 * is taken at its first occurrence; a time skipped in spring is moved forward by the skipped hour
 * (the same choices as Temporal's 'compatible'). Returns null for malformed input.
 */
export function rigaLocalToUtcIso(local: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const wallAsUtc = Date.UTC(y, mo - 1, d, h, mi);
  const before = rigaOffsetMinutes(wallAsUtc - DAY);
  const after = rigaOffsetMinutes(wallAsUtc + DAY);
  // The larger offset gives the earlier instant, so try it first.
  for (const offset of [...new Set([before, after])].sort((a, b) => b - a)) {
    const candidate = wallAsUtc - offset * MINUTE;
    if (rigaOffsetMinutes(candidate) === offset) return new Date(candidate).toISOString();
  }
  return new Date(wallAsUtc - before * MINUTE).toISOString();
}

/** The instant a Riga calendar day ('YYYY-MM-DD') begins, as ISO UTC. */
export function rigaDayStartUtcIso(date: string): string | null {
  return /^\d{4}-\d{2}-\d{2}$/.test(date) ? rigaLocalToUtcIso(`${date}T00:00`) : null;
}

/** The next calendar day, for turning an inclusive "to" date into an exclusive bound. */
export function nextDate(date: string): string {
  const ms = Date.parse(`${date}T00:00:00Z`);
  return Number.isNaN(ms) ? date : new Date(ms + DAY).toISOString().slice(0, 10);
}
