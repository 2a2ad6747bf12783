import { describe, expect, it } from 'vitest';
import { allocationOrder, planAllocations, type OpenReceivable } from './allocation-plan.js';

const part = (id: string, category: OpenReceivable['category'], dueDate: string, openCents: number, issuedOn = '2026-01-05'): OpenReceivable =>
  ({ id, category, dueDate, issuedOn, orderKey: id.split(':')[0]!, openCents });

describe('allocation order (BIL-5)', () => {
  it('BIL-5: interest first, then overdue debt oldest first, then products, supply and services not yet due', () => {
    const open = [
      part('feb:service', 'service', '2026-03-02', 500, '2026-02-05'),
      part('feb:supply', 'supply', '2026-03-02', 4000, '2026-02-05'),
      part('feb:product', 'product', '2026-03-02', 2000, '2026-02-05'),
      part('jan:supply', 'supply', '2026-02-02', 3000),
      part('jan:service', 'service', '2026-02-02', 300),
      part('feb:interest', 'interest', '2026-03-02', 150, '2026-02-05'),
      part('dec:product', 'product', '2026-01-02', 1000, '2025-12-05'),
    ];
    expect(allocationOrder(open, '2026-02-20').map((receivable) => receivable.id)).toEqual([
      'feb:interest',
      'dec:product', 'jan:supply', 'jan:service', // overdue, oldest first, an invoice's parts in category order
      'feb:product', 'feb:supply', 'feb:service',
    ]);
  });

  it('BIL-5: two partial payments across three invoices pay in order, and nothing twice', () => {
    // invoices of 40.00 € (overdue), 25.00 € and 35.00 € (not yet due); payments of 50.00 € then 30.00 €
    const open = [part('A:supply', 'supply', '2026-02-02', 4000), part('B:supply', 'supply', '2026-03-02', 2500, '2026-02-05'), part('C:supply', 'supply', '2026-04-02', 3500, '2026-03-05')];
    const credits = [{ id: 'p2', entryDate: '2026-03-10', orderKey: 'p2', openCents: 3000 }, { id: 'p1', entryDate: '2026-03-09', orderKey: 'p1', openCents: 5000 }];
    expect(planAllocations(credits, open, '2026-03-10')).toEqual([
      { creditId: 'p1', receivableId: 'A:supply', amountCents: 4000, allocatedOn: '2026-03-09' },
      { creditId: 'p1', receivableId: 'B:supply', amountCents: 1000, allocatedOn: '2026-03-09' },
      { creditId: 'p2', receivableId: 'B:supply', amountCents: 1500, allocatedOn: '2026-03-10' },
      { creditId: 'p2', receivableId: 'C:supply', amountCents: 1500, allocatedOn: '2026-03-10' },
    ]);
  });

  it('BIL-3: money that arrived before the invoice pays it from its issue day; what is left stays credit', () => {
    const planned = planAllocations([{ id: 'advance', entryDate: '2026-01-20', orderKey: 'x', openCents: 10000 }], [part('F:supply', 'supply', '2026-02-19', 6000, '2026-02-05')], '2026-02-05');
    expect(planned).toEqual([{ creditId: 'advance', receivableId: 'F:supply', amountCents: 6000, allocatedOn: '2026-02-05' }]);
  });

  it('leaves refunds and reversals to the credit they were made from', () => {
    expect(planAllocations([{ id: 'c', entryDate: '2026-01-01', orderKey: 'c', openCents: 100 }], [part('r:refund', 'refund', '2026-01-01', 100)], '2026-01-02')).toEqual([]);
  });
});
