import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { invoiceAmounts } from './invoice-totals.js';
import { receivableParts } from './receivable-parts.js';

const partsOf = (lines: { source: string; netCents: number; vatPercent: string }[], credit = 0) => {
  const withCategory = lines.map((line) => ({ ...line, vatCategory: 'S' }));
  const amounts = invoiceAmounts(withCategory, credit);
  return { amounts, parts: receivableParts(withCategory, amounts.vatBreakdown, amounts.grossCents) };
};

describe('invoice parts by category (BIL-5)', () => {
  it('BIL-5: an invoice of energy, an instalment and the post fee owes three parts with their VAT', () => {
    // energy 30.00 + fee 2.00 (supply 32.00, VAT 6.72); instalment 10.00 (VAT 2.10); post fee 1.00 (VAT 0.21)
    const { amounts, parts } = partsOf([
      { source: 'energy', netCents: 3000, vatPercent: '21' }, { source: 'fixed_fee', netCents: 200, vatPercent: '21' },
      { source: 'instalment', netCents: 1000, vatPercent: '21' }, { source: 'service', netCents: 100, vatPercent: '21' },
    ]);
    expect(amounts.grossCents).toBe(5203);
    expect(parts).toEqual([{ category: 'product', amountCents: 1210 }, { category: 'supply', amountCents: 3872 }, { category: 'service', amountCents: 121 }]);
  });

  it('gives the cents the shares miss against the rounded VAT to the largest part', () => {
    // 0.03 (energy) + 0.03 (service): shares round 0.63 → 1 each (2), the VAT of 0.06 is 1.26 → 1: the larger part gives one back
    expect(partsOf([{ source: 'energy', netCents: 3, vatPercent: '21' }, { source: 'service', netCents: 3, vatPercent: '21' }]).parts)
      .toEqual([{ category: 'supply', amountCents: 3 }, { category: 'service', amountCents: 4 }]);
  });

  it('nets a negative correction against the other parts, the lowest priority first', () => {
    const { parts } = partsOf([{ source: 'instalment', netCents: 1000, vatPercent: '21' }, { source: 'service', netCents: 100, vatPercent: '21' }, { source: 'correction', netCents: -500, vatPercent: '21' }]);
    // product 12.10, service 1.21, supply −6.05 → service gives 1.21, product gives 4.84
    expect(parts).toEqual([{ category: 'product', amountCents: 726 }]);
  });

  it('for any lines: the parts are positive and add up to the gross', () => {
    fc.assert(fc.property(fc.array(fc.record({
      source: fc.constantFrom('energy', 'fixed_fee', 'instalment', 'service', 'correction', 'late_interest', 'charging_session'),
      netCents: fc.integer({ min: -50_000, max: 200_000 }),
      vatPercent: fc.constantFrom('21', '12', '0'),
    }), { minLength: 1, maxLength: 30 }), (lines) => {
      const { amounts, parts } = partsOf(lines);
      const total = parts.reduce((sum, part) => sum + part.amountCents, 0);
      expect(total).toBe(Math.max(0, amounts.grossCents));
      for (const part of parts) expect(part.amountCents).toBeGreaterThan(0);
    }), { numRuns: 1000 });
  });
});
