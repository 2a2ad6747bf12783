import type { Order } from '@up/common/contracts/orders';

/**
 * What the order is about: the user's description, or for an order the portal made on suspension or restoration
 * (BIL-11) the connection points it names.
 */
export function orderDescription(order: Order): string {
  if (typeof order.payload.description === 'string') return order.payload.description;
  const objects = order.payload.objects;
  if (!Array.isArray(objects)) return '';
  return objects
    .map((object: { eic?: unknown; address?: unknown }) => [object.eic, object.address].filter((part) => typeof part === 'string' && part !== '').join(', '))
    .join('; ');
}
