import type { OrderStatusBody, StaffOrder } from '@up/common/contracts/orders';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { conflict, notFound } from '../../infra/errors.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { findCustomersByIds } from '../customers/index.js';
import { describeOrders } from './orders.service.js';

const OPEN_STATUSES = ['submitted', 'in_progress'] as const;

/** GRD-6: the back office's queue — every open order (submitted, in progress), the oldest first, 500 at most. */
export async function listOpenOrders(deps: Pick<Deps, 'db'>): Promise<StaffOrder[]> {
  return staffOrders(deps.db, (query) => query.where('status', 'in', [...OPEN_STATUSES]).orderBy('created_at').orderBy('id').limit(500));
}

/** The orders the query picks, each with what it is about and its customer's number and name. */
async function staffOrders(
  db: Db, pick: (query: ReturnType<typeof selectOrders>) => ReturnType<typeof selectOrders>,
): Promise<StaffOrder[]> {
  const rows = await pick(selectOrders(db)).execute();
  const [orders, customers] = await Promise.all([
    describeOrders(db, rows),
    findCustomersByIds(db, [...new Set(rows.map((row) => row.customer_id))]),
  ]);
  const byId = new Map(customers.map((customer) => [customer.id, customer]));
  return orders.map((order, i) => {
    const customer = byId.get(rows[i]!.customer_id);
    return { ...order, customerId: rows[i]!.customer_id, customerNumber: customer?.customer_number ?? '', customerName: customer?.name ?? '' };
  });
}

function selectOrders(db: Db) {
  return db.selectFrom('orders')
    .select(['id', 'customer_id', 'type', 'status', 'payload', 'signed_with', 'submitted_at', 'created_at', 'user_id', 'created_by']);
}

/**
 * GRD-6: staff take an open order in hand (`in_progress`), carry it out (`done`) or refuse it; the customer sees the
 * status in its order list. An order that is not open any more is 409 ORDER_CLOSED. Audited with the note.
 */
export async function changeOrderStatus(deps: Pick<Deps, 'db' | 'clock'>, actor: Actor, orderId: string, body: OrderStatusBody): Promise<StaffOrder> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const order = await trx.selectFrom('orders').select(['id', 'customer_id', 'status', 'type']).where('id', '=', orderId).forUpdate().executeTakeFirst();
    if (!order) throw notFound('ORDER_NOT_FOUND', 'orderId: no such order');
    if (!(OPEN_STATUSES as readonly string[]).includes(order.status)) {
      throw conflict('ORDER_CLOSED', `orderId: the order is ${order.status} already`, { field: 'orderId', status: order.status });
    }
    await trx.updateTable('orders').set({ status: body.status, updated_at: now }).where('id', '=', orderId).execute();
    await recordAudit(trx, actor, {
      customerId: order.customer_id, action: 'order.status_changed', objectType: 'order', objectId: orderId,
      details: { type: order.type, from: order.status, to: body.status, note: body.note ?? null },
    }, now);
  });
  const [order] = await staffOrders(deps.db, (query) => query.where('id', '=', orderId));
  return order!;
}
