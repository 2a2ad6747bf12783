import { roundHalfUp } from '@up/common/money';
import { addDays } from '@up/common/riga-time';

export interface InterestPayment {
  /** the day the money arrived (BIL-4); null for a credit note or void, which lower the debt from the start */
  on: string | null;
  cents: number;
}

export interface InterestInput {
  /** the invoice's last day to pay (BIL-4: already moved past weekends and holidays) */
  dueDate: string;
  /** what the invoice asked for, late interest excluded (no interest on interest) */
  amountCents: number;
  payments: readonly InterestPayment[];
  /** the last day counted (a month's end for the billing run, today for the portal) */
  throughDate: string;
  /** the operator's rate in parts per million a day: 0.15 % a day (BIL-10) is 1500 */
  ppmPerDay: number;
}

export interface LateInterest {
  /** days with something unpaid, from the day after the due day */
  daysLate: number;
  /** Σ over those days of the amount unpaid that day, in cent-days: the exact base of the interest */
  centDays: number;
  /** centDays × rate, rounded half-up to the cent once (docs/BILLING.md "Rounding") */
  interestCents: number;
}

/**
 * BIL-10: late payment costs the operator's rate (0.15 %) of the overdue amount for every day of delay, from the
 * day after the due day to the day the money arrived — that day counts, as the money was not there when it
 * began — on what is still unpaid each day. 100.00 € due 16 March and paid 26 March is 10 days: 1.50 €.
 * Exact in cent-days and rounded half-up once for the invoice.
 */
export function lateInterest(input: InterestInput): LateInterest {
  let unpaid = input.amountCents - sumOf(input.payments.filter((payment) => payment.on === null || payment.on <= input.dueDate));
  const later = input.payments.filter((payment) => payment.on !== null && payment.on > input.dueDate)
    .sort((a, b) => (a.on! < b.on! ? -1 : a.on! > b.on! ? 1 : 0));
  let daysLate = 0;
  let centDays = 0;
  let day = addDays(input.dueDate, 1);
  let next = 0;
  while (day <= input.throughDate && (unpaid > 0 || next < later.length)) {
    if (unpaid > 0) {
      daysLate++;
      centDays += unpaid;
    }
    // money that arrived today pays from tomorrow
    while (next < later.length && later[next]!.on === day) unpaid -= later[next++]!.cents;
    day = addDays(day, 1);
  }
  return { daysLate, centDays, interestCents: roundHalfUp(centDays * input.ppmPerDay, 1_000_000) };
}

/** '0.15' (percent a day) → 1500 parts per million a day, exact; at most four decimals. */
export function ppmOfPercent(percent: string): number {
  const match = /^(\d{1,2})(?:\.(\d{1,4}))?$/.exec(percent);
  if (!match) throw new RangeError(`Not a daily interest percent: ${JSON.stringify(percent)}`);
  return Number(match[1]) * 10_000 + Number((match[2] ?? '').padEnd(4, '0'));
}

function sumOf(payments: readonly InterestPayment[]): number {
  return payments.reduce((sum, payment) => sum + payment.cents, 0);
}
