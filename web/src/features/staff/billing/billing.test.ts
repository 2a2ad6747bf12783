import { describe, expect, it } from 'vitest';
import { invoiceSearchQuery } from './billing.api.ts';
import { centsOf, creditNoteTotals, elementsForEditing, isPeriod, lastFinishedPeriod, parseElements, runProgress, vatPercentOf } from './billing.ts';

describe('the back office\'s billing helpers', () => {
  it('shows a run\'s progress as the share of its customers done', () => {
    expect(runProgress({ status: 'running', customersDone: 3, customersTotal: 4 })).toBe(0.75);
    expect(runProgress({ status: 'running', customersDone: 0, customersTotal: 0 })).toBe(0);
    expect(runProgress({ status: 'done', customersDone: 0, customersTotal: 0 })).toBe(1);
  });

  it('suggests the last month that is over, and takes only YYYY-MM', () => {
    expect(lastFinishedPeriod('2026-12-02')).toBe('2026-11');
    expect(lastFinishedPeriod('2027-01-31')).toBe('2026-12');
    expect(isPeriod('2026-11')).toBe(true);
    expect(isPeriod('2026-13')).toBe(false);
    expect(isPeriod('2026-1')).toBe(false);
  });

  it('reads euros typed with a comma or a point, and VAT rates as the API takes them', () => {
    expect(centsOf('12,50')).toBe(1250);
    expect(centsOf(' 1 234.5 ')).toBe(123450);
    expect(centsOf('-5')).toBe(-500);
    expect(centsOf('12.345')).toBeNull();
    expect(centsOf('abc')).toBeNull();
    expect(vatPercentOf('21')).toBe('21');
    expect(vatPercentOf('5,5')).toBe('5.5');
    expect(vatPercentOf('101')).toBeNull();
    expect(vatPercentOf('')).toBeNull();
  });

  it('totals a credit note as the server does: VAT per rate on the summed nets, rounded half-up once', () => {
    // 3 × 2 cents at 21 %: rounded per line 0.42 → 0 each would be 0; on the sum, 6 × 21 % = 1.26 → 1 cent
    expect(creditNoteTotals([{ netCents: 2, vatPercent: '21' }, { netCents: 2, vatPercent: '21' }, { netCents: 2, vatPercent: '21' }]))
      .toEqual({ netCents: 6, vatCents: 1, grossCents: 7 });
    expect(creditNoteTotals([{ netCents: 1000, vatPercent: '21' }, { netCents: 1000, vatPercent: '12' }])).toEqual({ netCents: 2000, vatCents: 330, grossCents: 2330 });
    expect(creditNoteTotals([{ netCents: 50, vatPercent: '1' }])).toEqual({ netCents: 50, vatCents: 1, grossCents: 51 }); // 0.5 cent rounds up
  });

  it('BIL-8: gives a version\'s elements back as the JSON the API takes, without the view\'s empty parts', () => {
    const text = elementsForEditing({
      elements: [
        { label: null, priceComponents: [{ type: 'ENERGY', price: '0.139000', vatPercent: '21', stepSize: 1 }], restrictions: {} },
        { label: { lv: 'nakts', en: 'night', ru: 'ночь' }, priceComponents: [{ type: 'ENERGY', price: '0.1', vatPercent: '21', stepSize: 1 }], restrictions: { startTime: '23:00', endTime: '07:00' } },
      ],
    });
    expect(JSON.parse(text)).toEqual([
      { priceComponents: [{ type: 'ENERGY', price: '0.139000', vatPercent: '21', stepSize: 1 }] },
      { label: { lv: 'nakts', en: 'night', ru: 'ночь' }, priceComponents: [{ type: 'ENERGY', price: '0.1', vatPercent: '21', stepSize: 1 }], restrictions: { startTime: '23:00', endTime: '07:00' } },
    ]);
    expect(parseElements(text)).toMatchObject({ elements: expect.any(Array) });
    expect(parseElements('[')).toMatchObject({ error: 'json' });
    expect(parseElements('[]')).toEqual({ error: 'array' });
    expect(parseElements('{"a":1}')).toEqual({ error: 'array' });
  });

  it('asks the invoice search only for what was given', () => {
    expect(invoiceSearchQuery(' DE-2026 ', '')).toBe('q=DE-2026');
    expect(invoiceSearchQuery('', '2026-10')).toBe('period=2026-10');
    expect(invoiceSearchQuery('Bērziņš', '2026-10')).toBe('q=B%C4%93rzi%C5%86%C5%A1&period=2026-10');
    expect(invoiceSearchQuery('', '', true)).toBe('toPrint=true');
    expect(invoiceSearchQuery('', '')).toBe('');
  });
});
