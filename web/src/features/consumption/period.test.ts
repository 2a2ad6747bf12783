import { describe, expect, it } from 'vitest';
import {
  addMonths,
  defaultResolution,
  defaultSettlementMonth,
  isFuture,
  lastDataDay,
  monthsBackFrom,
  periodOf,
  previousPeriod,
  resolutionFor,
  settlementMonths,
  shiftPeriod,
  VIEW_RESOLUTIONS,
  viewOfRange,
} from './period.ts';

describe('the periods of the consumption page (GRD-3)', () => {
  it('gives a day, month or year as Riga dates with `to` exclusive', () => {
    expect(periodOf('day', '2026-03-29')).toEqual({ view: 'day', from: '2026-03-29', to: '2026-03-30' });
    expect(periodOf('month', '2026-02-17')).toEqual({ view: 'month', from: '2026-02-01', to: '2026-03-01' });
    expect(periodOf('month', '2026-12-31')).toEqual({ view: 'month', from: '2026-12-01', to: '2027-01-01' });
    expect(periodOf('year', '2026-07-04')).toEqual({ view: 'year', from: '2026-01-01', to: '2027-01-01' });
    expect(() => periodOf('day', '2026-02-30')).toThrow(RangeError);
  });

  it('steps to the previous and next period across month and year ends', () => {
    expect(previousPeriod(periodOf('day', '2026-03-01'))).toEqual({ view: 'day', from: '2026-02-28', to: '2026-03-01' });
    expect(previousPeriod(periodOf('day', '2026-01-01')).from).toBe('2025-12-31');
    expect(previousPeriod(periodOf('month', '2026-01-15'))).toEqual({ view: 'month', from: '2025-12-01', to: '2026-01-01' });
    expect(previousPeriod(periodOf('month', '2026-03-31'))).toEqual({ view: 'month', from: '2026-02-01', to: '2026-03-01' });
    expect(previousPeriod(periodOf('year', '2026-05-05'))).toEqual({ view: 'year', from: '2025-01-01', to: '2026-01-01' });
    expect(shiftPeriod(periodOf('month', '2026-11-10'), 2)).toEqual({ view: 'month', from: '2027-01-01', to: '2027-02-01' });
    expect(shiftPeriod(periodOf('day', '2026-10-24'), 1)).toEqual({ view: 'day', from: '2026-10-25', to: '2026-10-26' });
  });

  it('adds months keeping the day, clamped to the month', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addMonths('2026-03-31', -1)).toBe('2026-02-28');
    expect(addMonths('2026-05-15', -17)).toBe('2024-12-15');
    expect(addMonths('2026-05-15', 12)).toBe('2027-05-15');
  });

  it('lets each view choose sensible resolutions, a year of hours included, with the view deciding the default', () => {
    expect(defaultResolution('day')).toBe('15min');
    expect(defaultResolution('month')).toBe('day');
    expect(defaultResolution('year')).toBe('month');
    expect(VIEW_RESOLUTIONS.day).toEqual(['15min', 'hour']);
    expect(VIEW_RESOLUTIONS.month).toContain('hour');
    expect(VIEW_RESOLUTIONS.year).toEqual(expect.arrayContaining(['month', 'day', 'hour']));
    expect(resolutionFor('year', 'hour')).toBe('hour');
    expect(resolutionFor('day', 'month')).toBe('15min');
    expect(resolutionFor('month', null)).toBe('day');
    expect(resolutionFor('month', 'week')).toBe('day');
  });

  it('knows a period from its bounds', () => {
    expect(viewOfRange('2026-03-29', '2026-03-30')).toBe('day');
    expect(viewOfRange('2026-02-01', '2026-03-01')).toBe('month');
    expect(viewOfRange('2026-01-01', '2027-01-01')).toBe('year');
  });

  it('lists months newest first between two months, and tells a future period', () => {
    expect(monthsBackFrom('2026-02', '2025-11')).toEqual(['2026-02', '2026-01', '2025-12', '2025-11']);
    expect(monthsBackFrom('2026-02', '2020-01', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
    expect(monthsBackFrom('2026-02', '2026-05')).toEqual([]);
    expect(isFuture(periodOf('day', '2026-12-02'), '2026-12-01')).toBe(true);
    expect(isFuture(periodOf('month', '2026-12-02'), '2026-12-01')).toBe(false);
  });

  it('opens on the last day with data, and the settlement on the newest complete month', () => {
    // data until Riga midnight starting 2 December (22:00 UTC): the last day with data is 1 December
    const object = { dataAvailableUntil: '2026-12-01T22:00:00.000Z', heldFrom: '2015-05-31T21:00:00.000Z', microGenerator: { powerKw: '9.90', scheme: 'net_billing' as const, since: '2024-06-01', until: null } };
    expect(lastDataDay(object, '2026-12-02')).toBe('2026-12-01');
    expect(lastDataDay({ dataAvailableUntil: null }, '2026-12-02')).toBe('2026-12-02');
    const months = settlementMonths(object, '2026-12-02');
    expect(months.slice(0, 2)).toEqual(['2026-12', '2026-11']);
    expect(months.at(-1)).toBe('2024-06');
    expect(defaultSettlementMonth(object, months)).toBe('2026-11');
    // data until the Riga midnight starting December: November is complete
    const complete = { ...object, dataAvailableUntil: '2026-11-30T22:00:00.000Z' };
    const completeMonths = settlementMonths(complete, '2026-12-02');
    expect(completeMonths[0]).toBe('2026-11');
    expect(defaultSettlementMonth(complete, completeMonths)).toBe('2026-11');
    // a customer who took the object over after the generator started sees only their own months
    expect(settlementMonths({ ...object, heldFrom: '2026-08-31T21:00:00.000Z' }, '2026-12-02').at(-1)).toBe('2026-09');
  });
});
