import { describe, it, expect } from 'vitest';
import { formatMoney, NANO_EUROS_PER_CENT, parseMoneyToCents, roundHalfUp, roundHalfUpBig } from './money.ts';

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

describe('roundHalfUpBig', () => {
  it('rounds halves away from zero and everything else to the nearest', () => {
    expect(roundHalfUpBig(15n, 10n)).toBe(2n);
    expect(roundHalfUpBig(14n, 10n)).toBe(1n);
    expect(roundHalfUpBig(-15n, 10n)).toBe(-2n);
    expect(roundHalfUpBig(-14n, 10n)).toBe(-1n);
    expect(roundHalfUpBig(-16n, 10n)).toBe(-2n);
    expect(roundHalfUpBig(0n, 10n)).toBe(0n);
    expect(roundHalfUpBig(20n, 10n)).toBe(2n);
  });

  it('keeps exact beyond 2^53: 12 345 678 901 234 567 890 n€ = 1 234 567 890 123.456789 cents → …123', () => {
    expect(roundHalfUpBig(12_345_678_901_234_567_890n, 10_000_000n)).toBe(1_234_567_890_123n);
    // one half-cent more tips it: …123.5 cents → …124
    expect(roundHalfUpBig(12_345_678_901_235_000_000n, 10_000_000n)).toBe(1_234_567_890_124n);
    expect(roundHalfUpBig(-12_345_678_901_235_000_000n, 10_000_000n)).toBe(-1_234_567_890_124n);
  });

  it('agrees with roundHalfUp on safe integers', () => {
    for (const [n, d] of [[105_420_620, NANO_EUROS_PER_CENT], [-5, 10], [7, 3], [-7, 2], [1, 1]] as const) {
      expect(roundHalfUpBig(BigInt(n), BigInt(d))).toBe(BigInt(roundHalfUp(n, d)));
    }
  });

  it('throws on a zero or negative divisor', () => {
    expect(() => roundHalfUpBig(1n, 0n)).toThrow(RangeError);
    expect(() => roundHalfUpBig(1n, -10n)).toThrow(RangeError);
  });
});
