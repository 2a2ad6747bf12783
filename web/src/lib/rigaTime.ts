import { addDays, isIsoDate, rigaOffsetMinutes } from '@up/common/riga-time';

/**
 * Europe/Riga wall-clock time, as date and datetime-local inputs hold it ('2026-03-29', '2026-03-29T03:30'),
 * to and from ISO UTC instants, as the API takes them. Works in any browser time zone. Showing an instant
 * to a person is lib/format.ts (formatDateTime).
 */

const MINUTE = 60_000;
const DAY = 86_400_000;

export { isIsoDate };

/**
 * '2026-07-01T12:00' read as Riga time → '2026-07-01T09:00:00.000Z'. A time that occurs twice (autumn)
 * is taken at its first occurrence; a time skipped in spring is moved forward by the skipped hour
 * (the same choices as Temporal's 'compatible'). Returns null for malformed input.
 */
export function rigaLocalToUtcIso(local: string): string | null {
  const match = /^(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})$/.exec(local);
  if (!match || !isIsoDate(match[1]) || Number(match[2]) > 23 || Number(match[3]) > 59) return null;
  const [y, mo, d] = match[1].split('-').map(Number);
  const wallAsUtc = Date.UTC(y, mo - 1, d, Number(match[2]), Number(match[3]));
  const before = rigaOffsetMinutes(wallAsUtc - DAY);
  const after = rigaOffsetMinutes(wallAsUtc + DAY);
  // The larger offset gives the earlier instant, so try it first.
  for (const offset of [...new Set([before, after])].sort((a, b) => b - a)) {
    const candidate = wallAsUtc - offset * MINUTE;
    if (rigaOffsetMinutes(candidate) === offset) return new Date(candidate).toISOString();
  }
  return new Date(wallAsUtc - before * MINUTE).toISOString();
}

/** The instant a Riga calendar day ('YYYY-MM-DD') begins, as ISO UTC; null for anything else. */
export function rigaDayStartUtcIso(date: string): string | null {
  return isIsoDate(date) ? rigaLocalToUtcIso(`${date}T00:00`) : null;
}

/** The instant a Riga calendar day ends (when the next one begins): the exclusive bound of an inclusive "to" date. */
export function rigaDayEndUtcIso(date: string): string | null {
  return isIsoDate(date) ? rigaDayStartUtcIso(addDays(date, 1)) : null;
}
