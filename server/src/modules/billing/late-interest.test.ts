import { describe, expect, it } from 'vitest';
import { lateInterest, ppmOfPercent } from './late-interest.js';

const RATE = ppmOfPercent('0.15');

describe('late interest (BIL-10)', () => {
  it('BIL-10: 100.00 € due 16 March and paid 26 March is 10 days of 0.15 %: 1.50 €', () => {
    expect(lateInterest({ dueDate: '2026-03-16', amountCents: 10000, payments: [{ on: '2026-03-26', cents: 10000 }], throughDate: '2026-03-31', ppmPerDay: RATE }))
      .toEqual({ daysLate: 10, centDays: 100000, interestCents: 150 });
  });

  it('BIL-10: paid on the due day costs nothing; paid the day after costs one day', () => {
    expect(lateInterest({ dueDate: '2026-03-16', amountCents: 10000, payments: [{ on: '2026-03-16', cents: 10000 }], throughDate: '2026-04-30', ppmPerDay: RATE }).interestCents).toBe(0);
    // one day of 100.00 €: 0.15 € exactly
    expect(lateInterest({ dueDate: '2026-03-16', amountCents: 10000, payments: [{ on: '2026-03-17', cents: 10000 }], throughDate: '2026-04-30', ppmPerDay: RATE }))
      .toEqual({ daysLate: 1, centDays: 10000, interestCents: 15 });
  });

  it('BIL-10: on what is still unpaid each day, rounded half-up once for the invoice', () => {
    // 80.00 € due 2 February; 30.00 € arrive on 5 February, the rest on 12 February.
    // 3–5 Feb: 3 days × 8000 = 24000 cent-days; 6–12 Feb: 7 days × 5000 = 35000; total 59000 cent-days
    // × 0.0015 = 88.5 cents → 89 (half-up, once)
    expect(lateInterest({
      dueDate: '2026-02-02', amountCents: 8000, throughDate: '2026-02-28', ppmPerDay: RATE,
      payments: [{ on: '2026-02-12', cents: 5000 }, { on: '2026-02-05', cents: 3000 }],
    })).toEqual({ daysLate: 10, centDays: 59000, interestCents: 89 });
  });

  it('BIL-10: still unpaid, it grows to the day counted; a credit note lowers the debt from the start', () => {
    // 50.00 € of which a credit note takes 10.00 €: 40.00 € × 15 days (1–15 April) = 60000 cent-days → 0.90 €
    expect(lateInterest({ dueDate: '2026-03-31', amountCents: 5000, payments: [{ on: null, cents: 1000 }], throughDate: '2026-04-15', ppmPerDay: RATE }))
      .toEqual({ daysLate: 15, centDays: 60000, interestCents: 90 });
    // money before the due day lowers what is late
    expect(lateInterest({ dueDate: '2026-03-31', amountCents: 5000, payments: [{ on: '2026-03-20', cents: 4000 }], throughDate: '2026-04-10', ppmPerDay: RATE }))
      .toEqual({ daysLate: 10, centDays: 10000, interestCents: 15 });
  });

  it('reads the operator rate exactly', () => {
    expect(ppmOfPercent('0.15')).toBe(1500);
    expect(ppmOfPercent('0.0274')).toBe(274);
    expect(ppmOfPercent('1')).toBe(10000);
    expect(() => ppmOfPercent('0.15%')).toThrow(RangeError);
  });
});
