import { describe, expect, it } from 'vitest';
import type { Order } from '@up/common/contracts/orders';
import { orderDescription } from './order-description.ts';

const order = (payload: Record<string, unknown>, createdBy: Order['createdBy'] = 'user'): Order => ({
  id: 'o1', type: 'service_application', status: 'submitted', payload, signedWith: null, signedBy: '', createdBy, submittedAt: null, createdAt: '2026-03-28T09:00:00.000Z',
});

describe('what an order is about', () => {
  it('GRD-6: a user\'s order shows its description', () => {
    expect(orderDescription(order({ description: 'Move the meter' }))).toBe('Move the meter');
  });

  it('BIL-11: a grid order made on suspension lists its connection points (EIC and address)', () => {
    const grid = order({ suspensionId: 's1', objects: [{ objectId: 'a', eic: '11XA', address: 'Ozolu iela 1' }, { objectId: 'b', eic: null, address: 'Liepu iela 2' }] }, 'collections');
    expect(orderDescription(grid)).toBe('11XA, Ozolu iela 1; Liepu iela 2');
  });
});
