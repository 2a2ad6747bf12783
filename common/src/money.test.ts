import { describe, it, expect } from 'vitest';
import { formatMoney, NANO_EUROS_PER_CENT, parseMoneyToCents, roundHalfUp } from './money.ts';

describe('formatMoney', () => {
  it('formats cents in Latvian and Russian style', () => {
    expect(formatMoney(1234, 'lv')).toBe('12,34 €');
    expect(formatMoney(1234, 'ru')).toBe('12,34 €');
    expect(formatMoney(5, 'lv')).toBe('0,05 €');
    expect(formatMoney(0, 'lv')).toBe('0,00 €');
    expect(formatMoney(123456789, 'lv')).toBe('1 234 567,89 €');
  });

  it('formats cents in English style', () => {
    expect(formatMoney(1234, 'en')).toBe('€12.34');
    expect(formatMoney(100000, 'en')).toBe('€1,000.00');
  });

  it('formats negative amounts', () => {
    expect(formatMoney(-1234, 'lv')).toBe('-12,34 €');
    expect(formatMoney(-5, 'en')).toBe('-€0.05');
  });

  it('accepts bigint beyond the safe-integer range', () => {
    expect(formatMoney(123456789012345678901n, 'en')).toBe('€1,234,567,890,123,456,789.01');
    expect(formatMoney(-250n, 'lv')).toBe('-2,50 €');
  });

  it('rejects non-integer numbers of cents', () => {
    expect(() => formatMoney(12.5, 'lv')).toThrow(RangeError);
    expect(() => formatMoney(Number.NaN, 'lv')).toThrow(RangeError);
    expect(() => formatMoney(2 ** 53, 'lv')).toThrow(RangeError);
  });
});

describe('parseMoneyToCents', () => {
  it('accepts a dot or a comma as the decimal separator', () => {
    expect(parseMoneyToCents('12.34')).toBe(1234);
    expect(parseMoneyToCents('12,34')).toBe(1234);
    expect(parseMoneyToCents(' 0,05 ')).toBe(5);
  });

  it('accepts whole euros and one decimal', () => {
    expect(parseMoneyToCents('12')).toBe(1200);
    expect(parseMoneyToCents('12.5')).toBe(1250);
    expect(parseMoneyToCents('0')).toBe(0);
  });

  it('accepts a leading minus and never returns -0', () => {
    expect(parseMoneyToCents('-3,01')).toBe(-301);
    expect(Object.is(parseMoneyToCents('-0.00'), 0)).toBe(true);
  });

  it('does not lose cents to floating point', () => {
    expect(parseMoneyToCents('0.29')).toBe(29);
    expect(parseMoneyToCents('1.15')).toBe(115);
    expect(parseMoneyToCents('4.35')).toBe(435);
  });

  it('throws on bad input', () => {
    for (const bad of ['', 'abc', '12.345', '12,3,4', '1 234,56', '1.234,56', '.5', '5.', '€12', '12 €', '+5', '1e3', '--1']) {
      expect(() => parseMoneyToCents(bad), bad).toThrow(RangeError);
    }
  });

  it('throws when the amount is beyond the safe-integer range', () => {
    expect(() => parseMoneyToCents('99999999999999999')).toThrow(RangeError);
  });

  it('round-trips with formatMoney', () => {
    for (const cents of [0, 1, 99, 100, 1234, 987654]) {
      expect(parseMoneyToCents(formatMoney(cents, 'lv').replace(' €', '').replaceAll(' ', ''))).toBe(cents);
    }
  });
});

describe('roundHalfUp', () => {
  it('rounds halves away from zero and everything else to the nearest', () => {
    expect(roundHalfUp(15, 10)).toBe(2);
    expect(roundHalfUp(14, 10)).toBe(1);
    expect(roundHalfUp(-15, 10)).toBe(-2);
    expect(roundHalfUp(-14, 10)).toBe(-1);
    expect(roundHalfUp(0, 10)).toBe(0);
    // 1234 Wh at 85 430 µ€/kWh = 105 420 620 n€ = 10.542062 cents → 11 cents
    expect(roundHalfUp(1234 * 85_430, NANO_EUROS_PER_CENT)).toBe(11);
  });
});
