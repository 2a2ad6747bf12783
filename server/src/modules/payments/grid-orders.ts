import type { Db } from '../../infra/db.js';
import type { Actor } from '../audit/index.js';
import { heldConnectionPoints } from '../metering/index.js';
import { insertSystemOrder } from '../orders/index.js';
import type { CollectionsDeps } from './service-suspensions.service.js';

/**
 * BIL-11 (issue 13 point 5: "an order to the grid where the operator does that"): where the operator profile says
 * so (`billing.collections.gridOrderOnSuspension`), suspending a customer's service orders the grid operator to
 * disconnect the connection points the customer holds, and restoring it orders their reconnection — one order
 * listing them all, in the suspension's or restoration's transaction, made by the collections (no user signs it).
 * A customer holding no connection point gets no order (nothing to disconnect). Answers the order's id, or null.
 */
export async function orderGridChange(
  deps: CollectionsDeps, trx: Db, actor: Actor, customerId: string, suspensionId: string, change: 'disconnect' | 'reconnect',
): Promise<string | null> {
  if (!deps.operator.billing.collections.gridOrderOnSuspension) return null;
  const now = deps.clock.now();
  const points = await heldConnectionPoints(trx, customerId, now);
  if (points.length === 0) return null;
  return insertSystemOrder(trx, {
    customerId,
    type: change === 'disconnect' ? 'grid_disconnection' : 'grid_reconnection',
    payload: { suspensionId, objects: points.map((point) => ({ objectId: point.objectId, eic: point.eic, address: point.address })) },
    createdBy: 'collections',
    actor,
  }, now);
}
