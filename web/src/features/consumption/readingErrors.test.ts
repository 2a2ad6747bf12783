import { describe, expect, it } from 'vitest';
import lv from './consumption.lv.json';
import { describeReadingError, normaliseKwh } from './readingErrors.ts';

const plain = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v.replace(/\s/g, ' ')]));

describe('the reading form’s answers to refusals (GRD-2)', () => {
  it('shows a reading below the last one beside the kWh field, with the last reading when the server may show it', () => {
    const below = describeReadingError('READING_BELOW_LAST', { field: 'readingKwh', lastReadOn: '2026-11-01', lastReadingKwh: '12345' }, 'lv');
    expect(below?.field).toBe('readingKwh');
    expect(below?.key).toBe('readingErrors.READING_BELOW_LAST');
    expect(plain(below?.values ?? {})).toEqual({ reading: '12 345', date: '01.11.2026.' });
    expect(describeReadingError('READING_BELOW_LAST', { field: 'readingKwh', lastReadOn: null, lastReadingKwh: null }, 'en')?.key)
      .toBe('readingErrors.READING_BELOW_LAST_unknown');
  });

  it('explains the implausibility rule with its limit, and the reading window above the form', () => {
    const capacity = describeReadingError('READING_IMPLAUSIBLE', { field: 'readingKwh', rule: 'capacity', maxKwhPerDay: 132.5 }, 'en');
    expect(capacity).toEqual({ field: 'readingKwh', key: 'readingErrors.READING_IMPLAUSIBLE_capacity', values: { max: '132.5' } });
    expect(describeReadingError('READING_IMPLAUSIBLE', { field: 'readingKwh', rule: 'history', maxKwhPerDay: 24 }, 'lv')?.key).toBe('readingErrors.READING_IMPLAUSIBLE_history');
    const window = describeReadingError('READING_OUTSIDE_WINDOW', { firstDay: 25, lastDay: 3, today: '2026-12-10', opensOn: '2026-12-25' }, 'lv');
    expect(window).toEqual({ field: null, key: 'readingErrors.READING_OUTSIDE_WINDOW', values: { firstDay: '25', lastDay: '3', opensOn: '25.12.2026.' } });
  });

  it('puts date, meter and register refusals beside their field; an unknown code is left to the general message', () => {
    expect(describeReadingError('METER_NOT_INSTALLED', { field: 'readOn', installedOn: '2026-03-15', removedOn: null }, 'en'))
      .toEqual({ field: 'readOn', key: 'readingErrors.METER_NOT_INSTALLED', values: { installedOn: '15/03/2026' } });
    expect(describeReadingError('READING_EXISTS', { field: 'readOn' }, 'en')?.field).toBe('readOn');
    expect(describeReadingError('REGISTER_UNKNOWN', { field: 'register' }, 'en')?.field).toBe('register');
    expect(describeReadingError('INVALID_FIELD', { field: 'readOn', reason: 'not a calendar date' }, 'en'))
      .toEqual({ field: 'readOn', key: 'readingErrors.INVALID_FIELD', values: { reason: 'not a calendar date' } });
    expect(describeReadingError('INVALID_FIELD', { field: 'somethingElse' }, 'en')).toBeNull();
    expect(describeReadingError('RIGHT_MISSING', {}, 'en')).toBeNull();
  });

  it('has a Latvian text for every key it gives', () => {
    const cases: [string, Record<string, unknown>][] = [
      ['READING_BELOW_LAST', { lastReadOn: '2026-11-01', lastReadingKwh: '1' }], ['READING_BELOW_LAST', {}],
      ['READING_ABOVE_NEXT', { nextReadOn: '2026-11-01', nextReadingKwh: '1' }], ['READING_ABOVE_NEXT', {}],
      ['READING_IMPLAUSIBLE', {}], ['READING_IMPLAUSIBLE', { rule: 'capacity', maxKwhPerDay: 1 }], ['READING_IMPLAUSIBLE', { rule: 'history', maxKwhPerDay: 1 }],
      ['READING_OUTSIDE_WINDOW', {}], ['READING_OUTSIDE_WINDOW', { firstDay: 1, lastDay: 3 }], ['READING_OUTSIDE_WINDOW', { firstDay: 1, lastDay: 3, opensOn: '2026-01-01' }],
      ['METER_NOT_INSTALLED', { installedOn: '2026-01-01' }], ['METER_NOT_INSTALLED', { installedOn: '2026-01-01', removedOn: '2026-02-01' }],
      ['READ_ON_IN_FUTURE', {}], ['READ_ON_OUTSIDE_HOLDING', {}], ['READING_EXISTS', {}], ['METER_NOT_ON_OBJECT', {}], ['REGISTER_UNKNOWN', {}],
      ['INVALID_FIELD', { field: 'readingKwh', reason: 'x' }],
    ];
    const texts = lv.readingErrors as Record<string, string>;
    for (const [code, details] of cases) {
      const key = describeReadingError(code, details, 'lv')?.key.replace('readingErrors.', '') ?? '';
      expect(texts[key], `${code} ${JSON.stringify(details)}`).toBeTruthy();
    }
  });

  it('reads kWh as people type them', () => {
    expect(normaliseKwh('12345')).toBe('12345');
    expect(normaliseKwh(' 12 345,6 ')).toBe('12345.6');
    expect(normaliseKwh('12\u00a0345.678')).toBe('12345.678');
    expect(normaliseKwh('12345.6789')).toBeNull();
    expect(normaliseKwh('-5')).toBeNull();
    expect(normaliseKwh('1e5')).toBeNull();
    expect(normaliseKwh('')).toBeNull();
  });
});
