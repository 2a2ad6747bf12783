import { describe, expect, it } from 'vitest';
import { rigaDayStartMs } from '@up/common/riga-days';
import { formatDecimalString, formatEurPerMwh, formatInstantDate, formatInterval, formatKwh, formatPeriod, formatWh, isRepeatedWallTime, utcOffsetLabel } from './format.ts';
import { periodOf } from './period.ts';

// Intl separates thousands with a no-break space in lv and ru; compare with plain spaces
const plain = (text: string) => text.replace(/\s/g, ' ');

describe('energy, prices and intervals as the pages write them', () => {
  it('writes kWh with the UI language’s separators, exact to the Wh, and missing as a dash', () => {
    expect(plain(formatWh(12_345_678, 'lv'))).toBe('12 345,678 kWh');
    expect(plain(formatWh(12_345_678, 'ru'))).toBe('12 345,678 kWh');
    expect(formatWh(12_345_678, 'en')).toBe('12,345.678 kWh');
    expect(formatWh(1_500, 'lv', { unit: false, fixed: true })).toBe('1,500');
    expect(formatWh(0, 'en')).toBe('0 kWh');
    expect(formatWh(null, 'lv')).toBe('—');
    expect(formatKwh(null, 'en')).toBe('—');
    expect(formatKwh(0.25, 'lv')).toBe('0,25 kWh');
  });

  it('writes spot prices with two decimals and their sign, and decimal strings in the language', () => {
    expect(formatEurPerMwh(-3.456, 'lv')).toBe('-3,46 €/MWh');
    expect(formatEurPerMwh(85, 'en', false)).toBe('85.00');
    expect(formatEurPerMwh(null, 'ru')).toBe('—');
    expect(formatDecimalString('0.0200', 'lv')).toBe('0,02');
    expect(formatDecimalString('12345.6', 'en', 3)).toBe('12,345.6');
    expect(formatDecimalString('n/a', 'en')).toBe('n/a');
  });

  it('writes intervals in Riga time, marking the repeated autumn hour with its offset', () => {
    const autumn = rigaDayStartMs('2026-10-25') / 1000;
    // 00:00, 01:00, 02:00, 03:00 (summer time), 03:00 (winter time), 04:00
    expect(formatInterval(autumn, autumn + 3600, 'hour', 'lv')).toBe('25.10.2026. 00:00–01:00');
    expect(formatInterval(autumn + 3 * 3600, autumn + 4 * 3600, 'hour', 'en')).toBe('25/10/2026 03:00 (UTC+3)–03:00 (UTC+2)');
    expect(formatInterval(autumn + 4 * 3600, autumn + 5 * 3600, 'hour', 'en')).toBe('25/10/2026 03:00 (UTC+2)–04:00');
    expect(formatInterval(autumn + 2 * 3600, autumn + 3 * 3600, 'hour', 'en')).toBe('25/10/2026 02:00–03:00 (UTC+3)');
    expect(formatInterval(autumn + 4 * 3600, autumn + 5 * 3600, 'hour', 'lv', { timeOnly: true })).toBe('03:00 (UTC+2)–04:00');
    expect(isRepeatedWallTime(autumn + 2 * 3600)).toBe(false);
    expect(isRepeatedWallTime(autumn + 3 * 3600 + 900)).toBe(true);
    expect(utcOffsetLabel(autumn)).toBe('UTC+3');
    const spring = rigaDayStartMs('2026-03-29') / 1000;
    expect(formatInterval(spring + 2 * 3600, spring + 3 * 3600, 'hour', 'ru')).toBe('29.03.2026 02:00–04:00');
    expect(formatInterval(spring, spring + 23 * 3600, 'day', 'lv')).toBe('29.03.2026.');
    expect(formatInterval(spring, spring + 3600, 'month', 'en')).toBe('March 2026');
  });

  it('names the period and writes an instant’s Riga date', () => {
    expect(formatPeriod(periodOf('day', '2026-03-29'), 'lv')).toBe('29.03.2026.');
    expect(formatPeriod(periodOf('month', '2026-03-29'), 'en')).toBe('March 2026');
    expect(formatPeriod(periodOf('year', '2026-03-29'), 'ru')).toBe('2026');
    // 22:30 UTC on 31 December is already 1 January in Riga
    expect(formatInstantDate('2026-12-31T22:30:00Z', 'lv')).toBe('01.01.2027.');
    expect(formatInstantDate(null, 'lv')).toBe('');
  });
});
