import { Type, type Static } from 'typebox';
import { Instant, Nullable, Text } from './fields.ts';

/** The orders module's part of the API contract (ACC-18, GRD-6, OPS-3). */

/** The audit actions the module records (ACC-17). */
export const ORDERS_AUDIT_ACTIONS = ['order.signed'] as const;

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
  /** the signer's full name, kept after the user lost access or was deleted (ACC-10); '' if unknown */
  signedBy: Type.String(),
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
