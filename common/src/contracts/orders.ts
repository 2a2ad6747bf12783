import { Type, type Static } from 'typebox';
import { Instant, Nullable, Text } from './fields.ts';

/** The orders module's part of the API contract (ACC-18, GRD-6, OPS-3). */

/** The audit actions the module records (ACC-17). */
export const ORDERS_AUDIT_ACTIONS = ['order.signed', 'order.created_by_collections', 'order.status_changed'] as const;

/**
 * Orders the portal itself makes, not a user (BIL-11): suspending a customer's service for late payment orders the
 * grid operator to disconnect the customer's objects, restoring it orders the reconnection. Not among the operator's
 * order types: no user submits them.
 */
export const SYSTEM_ORDER_TYPES = ['grid_disconnection', 'grid_reconnection'] as const;
export type SystemOrderType = (typeof SYSTEM_ORDER_TYPES)[number];

/** Who made an order: a user signed it for the customer (ACC-18), or the collections job / staff suspension did. */
export const OrderCreatedBy = Type.Union([Type.Literal('user'), Type.Literal('collections')]);
export type OrderCreatedBy = Static<typeof OrderCreatedBy>;

export const OrderStatus = Type.Union([
  Type.Literal('draft'), Type.Literal('submitted'), Type.Literal('in_progress'), Type.Literal('done'),
  Type.Literal('refused'), Type.Literal('annulled'), Type.Literal('cancelled'),
]);
export type OrderStatus = Static<typeof OrderStatus>;

/** How the user who signed an order had logged in: an order confirmed by an authenticated user is signed (ACC-18). */
export const SignedWith = Type.Union([Type.Literal('password'), Type.Literal('bank')]);
export type SignedWith = Static<typeof SignedWith>;

/** An order's payload: the form's data, free-form JSON. */
export const OrderPayload = Type.Record(Type.String(), Type.Unknown());
export type OrderPayload = Static<typeof OrderPayload>;

/** An order of the customer with its status (GRD-6). `type` is one of the operator's order types. */
export const Order = Type.Object({
  id: Type.String(),
  type: Type.String(),
  status: OrderStatus,
  payload: OrderPayload,
  signedWith: Nullable(SignedWith),
  /** the signer's full name, kept after the user lost access or was deleted (ACC-10); '' if unknown or made by the portal */
  signedBy: Type.String(),
  createdBy: OrderCreatedBy,
  submittedAt: Nullable(Instant),
  createdAt: Instant,
});
export type Order = Static<typeof Order>;

/** The customer's orders, newest first, 200 at most. */
export const OrderList = Type.Array(Order);
export type OrderList = Static<typeof OrderList>;

/** POST …/orders: the payload is at most 30 fields (nested at most 8 levels deep, which the server checks). */
export const SubmitOrderBody = Type.Object({
  type: Text(40),
  payload: Type.Record(Type.String({ maxLength: 60 }), Type.Unknown(), { maxProperties: 30 }),
}, { additionalProperties: false });
export type SubmitOrderBody = Static<typeof SubmitOrderBody>;

export const SubmittedOrder = Type.Object({ id: Type.String(), status: Type.Literal('submitted') });
export type SubmittedOrder = Static<typeof SubmittedOrder>;

/** An order in the back office's queue: the order with its customer. */
export const StaffOrder = Type.Object({
  ...Order.properties,
  customerId: Type.String(),
  customerNumber: Type.String(),
  customerName: Type.String(),
});
export type StaffOrder = Static<typeof StaffOrder>;

/** GET /api/staff/orders: the open orders (submitted, in progress) oldest first, 500 at most. */
export const StaffOrderList = Type.Array(StaffOrder);
export type StaffOrderList = Static<typeof StaffOrderList>;

export const OrderParams = Type.Object({ orderId: Text(40) });
export type OrderParams = Static<typeof OrderParams>;

/** POST /api/staff/orders/:orderId/status: staff take an open order in hand, or finish it (GRD-6). */
export const OrderStatusBody = Type.Object({
  status: Type.Union([Type.Literal('in_progress'), Type.Literal('done'), Type.Literal('refused')]),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
}, { additionalProperties: false });
export type OrderStatusBody = Static<typeof OrderStatusBody>;
