import type { SystemOrderType } from '@up/common/contracts/orders';
import type { Db } from '../../infra/db.js';
import { newId } from '../../infra/ids.js';
import { recordAudit, type Actor } from '../audit/index.js';

export interface SystemOrderInput {
  customerId: string;
  type: SystemOrderType;
  payload: Record<string, unknown>;
  /** who made it: the collections of the payments module (BIL-11) */
  createdBy: 'collections';
  /** who caused it: the staff member who suspended or restored, or the system (the job, a payment) */
  actor: Actor;
}

/**
 * BIL-11, GRD-6: stores an order the portal makes itself — no user signs it (`user_id` null, `created_by` says who
 * made it) — submitted at once, with its audit event, in the caller's transaction (the suspension's or restoration's).
 * Staff see it in the back office's order queue like a customer's order. Answers the order's id.
 */
export async function insertSystemOrder(trx: Db, input: SystemOrderInput, now: Date): Promise<string> {
  const id = newId();
  await trx.insertInto('orders').values({
    id,
    customer_id: input.customerId,
    user_id: null,
    created_by: input.createdBy,
    type: input.type,
    status: 'submitted',
    payload: JSON.stringify(input.payload),
    signed_with: null,
    submitted_at: now,
    created_at: now,
    updated_at: now,
  }).execute();
  await recordAudit(trx, input.actor, {
    customerId: input.customerId, action: 'order.created_by_collections', objectType: 'order', objectId: id,
    details: { type: input.type, ...input.payload },
  }, now);
  return id;
}
