import { describe, it, expect } from 'vitest';
import {
  dueDay,
  addDays,
  addWorkingDays,
  easterSunday,
  formatRigaDateTime,
  isWorkingDay,
  latvianPublicHolidays,
  nextWorkingDayOnOrAfter,
  rigaDate,
} from './riga-time.ts';

describe('easterSunday', () => {
  it('matches known Western Easter dates', () => {
    const known: Record<number, string> = {
      1818: '1818-03-22', // earliest possible
      1943: '1943-04-25', // latest possible
      2000: '2000-04-23',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25',
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year))).toBe(date);
  });
});

describe('latvianPublicHolidays', () => {
  it('BIL-4: lists the 2026 Latvian public holidays', () => {
    expect(latvianPublicHolidays(2026)).toEqual([
      '2026-01-01',
      '2026-04-03', // Good Friday
      '2026-04-05', // Easter
      '2026-04-06', // Easter Monday
      '2026-05-01',
      '2026-05-04', // a Monday
      '2026-05-24', // Pentecost
      '2026-06-23',
      '2026-06-24',
      '2026-11-18', // a Wednesday
      '2026-12-24',
      '2026-12-25',
      '2026-12-26',
      '2026-12-31',
    ]);
  });

  it('BIL-4: lists the 2025 Latvian public holidays, with Monday 5 May off for Sunday 4 May', () => {
    expect(latvianPublicHolidays(2025)).toEqual([
      '2025-01-01',
      '2025-04-18',
      '2025-04-20',
      '2025-04-21',
      '2025-05-01',
      '2025-05-04',
      '2025-05-05',
      '2025-06-08',
      '2025-06-23',
      '2025-06-24',
      '2025-11-18',
      '2025-12-24',
      '2025-12-25',
      '2025-12-26',
      '2025-12-31',
    ]);
  });

  it('BIL-4: moves 18 November on a Saturday to Monday 20 November (2028)', () => {
    const holidays = latvianPublicHolidays(2028);
    expect(holidays).toContain('2028-11-18');
    expect(holidays).toContain('2028-11-20');
    expect(holidays).not.toContain('2028-11-19');
  });

  it('BIL-4: moves 4 May on a Saturday to Monday 6 May (2024)', () => {
    const holidays = latvianPublicHolidays(2024);
    expect(holidays).toContain('2024-05-06');
    expect(holidays).not.toContain('2024-05-05');
  });

  it('BIL-4: does not move Jāņi or Christmas when they fall on a weekend', () => {
    // 2028-06-24 is a Saturday, 2027-12-25 is a Saturday.
    expect(latvianPublicHolidays(2028)).not.toContain('2028-06-26');
    expect(latvianPublicHolidays(2027)).not.toContain('2027-12-27');
  });

  it("BIL-4: Mothers' Day (second Sunday of May) is not a holiday", () => {
    expect(latvianPublicHolidays(2026)).not.toContain('2026-05-10');
  });
});

describe('isWorkingDay', () => {
  it('BIL-4: weekends and public holidays are not working days', () => {
    expect(isWorkingDay('2026-04-03')).toBe(false); // Good Friday
    expect(isWorkingDay('2026-04-06')).toBe(false); // Easter Monday
    expect(isWorkingDay('2026-11-18')).toBe(false);
    expect(isWorkingDay('2026-06-23')).toBe(false);
    expect(isWorkingDay('2026-04-04')).toBe(false); // Saturday
    expect(isWorkingDay('2026-04-12')).toBe(false); // Sunday
    expect(isWorkingDay('2025-05-05')).toBe(false); // moved Restoration of Independence day
  });

  it('BIL-4: ordinary weekdays are working days', () => {
    expect(isWorkingDay('2026-04-07')).toBe(true);
    expect(isWorkingDay('2026-11-19')).toBe(true);
    expect(isWorkingDay('2026-05-11')).toBe(true);
  });

  it('throws on a malformed or impossible date', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('18.11.2026')).toThrow(RangeError);
  });
});

describe('nextWorkingDayOnOrAfter', () => {
  it('BIL-4: a due date on 2026-11-18 moves to 2026-11-19', () => {
    expect(nextWorkingDayOnOrAfter('2026-11-18')).toBe('2026-11-19');
  });

  it('BIL-4: a due date over Easter moves past the whole holiday weekend', () => {
    expect(nextWorkingDayOnOrAfter('2026-04-03')).toBe('2026-04-07');
  });

  it('BIL-4: a due date on a weekend before a moved holiday moves to Tuesday', () => {
    expect(nextWorkingDayOnOrAfter('2025-05-03')).toBe('2025-05-06');
  });

  it('BIL-4: a due date over Christmas and New Year moves across the year boundary', () => {
    // 2026-12-24 Thu, 25 Fri, 26 Sat, 27 Sun, 28–30 working, 31 Thu, 2027-01-01 Fri.
    expect(nextWorkingDayOnOrAfter('2026-12-24')).toBe('2026-12-28');
    expect(nextWorkingDayOnOrAfter('2026-12-31')).toBe('2027-01-04');
  });

  it('BIL-4: a due date on a working day stays', () => {
    expect(nextWorkingDayOnOrAfter('2026-11-17')).toBe('2026-11-17');
  });
});

describe('addWorkingDays', () => {
  it('skips weekends and holidays', () => {
    expect(addWorkingDays('2026-04-02', 1)).toBe('2026-04-07');
    expect(addWorkingDays('2026-11-17', 2)).toBe('2026-11-20');
    expect(addWorkingDays('2026-11-13', 5)).toBe('2026-11-23');
  });

  it('goes backwards for negative n', () => {
    expect(addWorkingDays('2026-04-07', -1)).toBe('2026-04-02');
  });

  it('returns the same date for n = 0', () => {
    expect(addWorkingDays('2026-04-04', 0)).toBe('2026-04-04');
  });

  it('rejects a fractional n', () => {
    expect(() => addWorkingDays('2026-04-07', 1.5)).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('crosses month, leap-day and year boundaries', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-29', -1)).toBe('2026-03-28');
  });
});

describe('rigaDate', () => {
  it('gives the Riga calendar date, not the UTC one (winter, UTC+2)', () => {
    expect(rigaDate(new Date('2025-12-31T21:59:00Z'))).toBe('2025-12-31');
    expect(rigaDate(new Date('2025-12-31T22:00:00Z'))).toBe('2026-01-01');
  });

  it('gives the Riga calendar date in summer (UTC+3)', () => {
    expect(rigaDate(new Date('2026-06-30T20:59:00Z'))).toBe('2026-06-30');
    expect(rigaDate(new Date('2026-06-30T21:00:00Z'))).toBe('2026-07-01');
  });
});

describe('formatRigaDateTime', () => {
  const instant = new Date('2026-04-05T11:30:00Z'); // 14:30 in Riga (summer time)

  it('formats in Riga time per language', () => {
    expect(formatRigaDateTime(instant, 'lv')).toBe('05.04.2026. 14:30');
    expect(formatRigaDateTime(instant, 'en')).toBe('05/04/2026 14:30');
    expect(formatRigaDateTime(instant, 'ru')).toBe('05.04.2026 14:30');
  });

  it('follows the daylight-saving change on 2026-03-29', () => {
    expect(formatRigaDateTime(new Date('2026-03-29T00:30:00Z'), 'en')).toBe('29/03/2026 02:30');
    expect(formatRigaDateTime(new Date('2026-03-29T01:30:00Z'), 'en')).toBe('29/03/2026 04:30');
  });

  it('uses a 24-hour clock with midnight as 00', () => {
    expect(formatRigaDateTime(new Date('2025-12-31T22:05:00Z'), 'lv')).toBe('01.01.2026. 00:05');
  });
});

describe('Riga time without asking Intl every time', () => {
  const intlRiga = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/Riga', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  });
  const byIntl = (instant: Date) => {
    const p = Object.fromEntries(intlRiga.formatToParts(instant).map(({ type, value }) => [type, value]));
    return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
  };

  it('agrees with Intl every 7 minutes through both 2026 daylight-saving changes and a leap day', () => {
    const spans = [['2026-03-28T20:00:00Z', '2026-03-29T06:00:00Z'], ['2026-10-24T20:00:00Z', '2026-10-25T06:00:00Z'], ['2028-02-28T20:00:00Z', '2028-03-01T02:00:00Z']];
    let checked = 0;
    for (const [from, to] of spans) {
      for (let t = Date.parse(from); t <= Date.parse(to); t += 7 * 60_000) {
        expect(formatRigaDateTime(new Date(t), 'en'), new Date(t).toISOString()).toBe(byIntl(new Date(t)));
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(200);
  });

  it('agrees with Intl at seconds just before and after each hour over a year', () => {
    for (let t = Date.parse('2026-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += 3_600_000 * 37) {
      for (const instant of [new Date(t - 1), new Date(t), new Date(t + 59_999)]) {
        expect(formatRigaDateTime(instant, 'en'), instant.toISOString()).toBe(byIntl(instant));
      }
    }
  });

  it('still refuses an invalid date', () => {
    expect(() => rigaDate(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('dueDay', () => {
  it('BIL-4: a due day on 18 November (a holiday) moves to the next working day', () => {
    // issued 2026-11-04 + 14 days = Wednesday 18 November, the Proclamation Day → Thursday 19 November
    expect(dueDay('2026-11-04', 14)).toBe('2026-11-19');
  });
  it('BIL-4: a due day on Christmas Eve moves past Christmas and the weekend', () => {
    // 2026-12-10 + 14 = Thursday 24 December; 25, 26 (Saturday), 27 (Sunday) → Monday 28 December
    expect(dueDay('2026-12-10', 14)).toBe('2026-12-28');
  });
  it('BIL-4: a weekend due day moves to Monday; a working day stays', () => {
    expect(dueDay('2026-10-03', 14)).toBe('2026-10-19'); // Saturday 17 October → Monday 19
    expect(dueDay('2026-10-05', 14)).toBe('2026-10-19'); // Monday stays
  });
  it('BIL-4: a holiday announced later (the Song and Dance Festival\'s closing day) comes from configuration', () => {
    // 2023-06-26 + 14 = Monday 10 July 2023, declared a holiday after the 2023 festival
    expect(dueDay('2023-06-26', 14)).toBe('2023-07-10');
    expect(dueDay('2023-06-26', 14, ['2023-07-10'])).toBe('2023-07-11');
  });
});
