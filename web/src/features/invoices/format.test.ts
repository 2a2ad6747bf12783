import { describe, expect, it } from 'vitest';
import { formatCentsFraction, formatDecimal, formatPercent, formatPeriod, formatPrice, formatWhAsKwh, lineProduct, localized, recentPeriods } from './format.ts';

describe('invoice formatting', () => {
  it('writes exact decimal strings in the language\'s notation without a float, dropping only trailing zeros', () => {
    expect(formatDecimal('372.606', 'lv')).toBe('372,606');
    expect(formatDecimal('372.606', 'en')).toBe('372.606');
    expect(formatDecimal('1520.250', 'ru')).toBe('1 520,25');
    expect(formatDecimal('1234567.5', 'en')).toBe('1,234,567.5');
    expect(formatDecimal('0.139000', 'lv', 2)).toBe('0,139');
    expect(formatDecimal('1.500000', 'lv', 2)).toBe('1,50');
    expect(formatDecimal('25', 'lv')).toBe('25');
    expect(formatDecimal('-1', 'en')).toBe('-1');
    expect(formatDecimal('-0.000', 'en')).toBe('0');
    // more digits than a double holds are kept as they are
    expect(formatDecimal('12345678901234567.123456', 'en')).toBe('12,345,678,901,234,567.123456');
    expect(formatDecimal('n/a', 'lv')).toBe('n/a');
  });

  it('writes prices and VAT rates as formatMoney writes euros (lv/ru after, en before)', () => {
    expect(formatPrice('0.139000', 'lv')).toBe('0,139 €');
    expect(formatPrice('74.950000', 'en')).toBe('€74.95');
    expect(formatPrice('-3.5', 'en')).toBe('-€3.50');
    expect(formatPrice('0.048900', 'ru')).toBe('0,0489 €');
    expect(formatPercent('21', 'lv')).toBe('21 %');
    expect(formatPercent('5.50', 'en')).toBe('5.5%');
  });

  it('writes a day\'s share of a line (hundredths of a cent) with four decimals', () => {
    expect(formatCentsFraction(157.88, 'lv')).toBe('1,5788 €');
    expect(formatCentsFraction(166.3, 'en')).toBe('€1.6630');
    expect(formatCentsFraction(5179, 'lv')).toBe('51,79 €');
    expect(formatCentsFraction(-12.5, 'en')).toBe('-€0.1250');
  });

  it('writes Wh as kWh exactly and billing periods by name', () => {
    expect(formatWhAsKwh(11358, 'lv')).toBe('11,358');
    expect(formatWhAsKwh(372606, 'en')).toBe('372.606');
    expect(formatWhAsKwh(5, 'en')).toBe('0.005');
    expect(formatPeriod('2026-10', 'en')).toBe('October 2026');
    expect(formatPeriod('2026-10', 'lv')).toMatch(/oktobris/);
    expect(formatPeriod('nope', 'en')).toBe('nope');
  });

  it('takes the UI language of a localized text, Latvian when that one is empty', () => {
    expect(localized({ lv: 'Mājai', en: 'Home', ru: 'Для дома' }, 'ru')).toBe('Для дома');
    expect(localized({ lv: 'Mājai', en: '', ru: '' }, 'en')).toBe('Mājai');
    expect(localized(null, 'en')).toBe('');
  });

  it('BIL-15: checks quantity × unit price exactly, rounded half-up to the cent once', () => {
    // 372.606 kWh × 0.139 €/kWh = 51.792234 € → 51.79 €
    expect(lineProduct('372.606', '0.139000', 5179)).toEqual({ cents: 5179, exact: '51.792234000', matches: true });
    // half a cent rounds up: 1 × 0.005 € → 1 cent
    expect(lineProduct('1', '0.005000', 1)).toMatchObject({ cents: 1, matches: true });
    // a spot-price line's unit price is an average: the product need not be its amount
    expect(lineProduct('3262.701', '0.128120', 41801)).toMatchObject({ cents: 41802, matches: false });
    expect(lineProduct('-1', '5.000000', -500)).toMatchObject({ cents: -500, exact: '-5.000000000', matches: true });
    expect(lineProduct('1.2345', '1', 0)).toBeNull();
  });

  it('lists the months back from one, newest first', () => {
    expect(recentPeriods('2026-02', 3)).toEqual(['2026-02', '2026-01', '2025-12']);
  });
});
