import { firstOfNextMonth } from '@up/common/riga-days';
import { addDays } from '@up/common/riga-time';
import { invalidField } from '../../infra/errors.js';

/** BIL-1: a billing period is a calendar month, 'YYYY-MM', of Riga days. */
export interface BillingPeriod {
  period: string;
  /** the first day */
  start: string;
  /** the first day of the next month (exclusive) */
  endExclusive: string;
  /** the last day (inclusive), as invoices print it */
  end: string;
}

export function billingPeriod(period: string, field = 'period'): BillingPeriod {
  if (!/^20[0-9]{2}-(0[1-9]|1[0-2])$/.test(period)) throw invalidField(field, 'must be a month YYYY-MM');
  const start = `${period}-01`;
  const endExclusive = firstOfNextMonth(start);
  return { period, start, endExclusive, end: addDays(endExclusive, -1) };
}

/** Whole months from `from` to `to` ('YYYY-MM'): 2026-01 → 2026-03 is 2. */
export function monthsBetween(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7));
}

export function previousMonth(day: string): string {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}
