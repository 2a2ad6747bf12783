import type { Selectable } from 'kysely';
import type { Order } from '@up/common/contracts/orders';
import type { OrderType } from '@up/operators';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { AppError, invalidField } from '../../infra/errors.js';
import { newId } from '../../infra/ids.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { describeUsers, hasRecentStrongLogin, STEP_UP_VALID_MINUTES } from '../accounts/index.js';
import type { SessionUser } from '../accounts/index.js';
import type { OrderRow } from './orders.tables.js';

/**
 * Order types with a use case of their own: the generic form does not take them, because what they need
 * (validation, a row of their own module in the same transaction) lives in that use case. The answer names
 * where to send it.
 */
const OWN_ROUTE_ORDER_TYPES: Partial<Record<OrderType, string>> = {
  // GRD-2: a reading is validated against the meter's history and stored as a reading too (metering module)
  meter_reading: 'POST /api/customers/:customerId/objects/:objectId/readings',
};

/**
 * ACC-18, GRD-6, OPS-3: an order confirmed by an authenticated user counts as signed by the customer.
 * The operator turns order types on and off, and may require a recent bank/eID login for some of them.
 */
export async function submitOrder(
  deps: Deps,
  session: SessionUser,
  customerId: string,
  input: { type: string; payload: Record<string, unknown> },
  actor: Actor,
) {
  const now = deps.clock.now();
  assertOrderTypeOffered(deps, input.type);
  assertPayloadShape(input.payload);
  const ownRoute = OWN_ROUTE_ORDER_TYPES[input.type as OrderType];
  if (ownRoute) {
    throw new AppError('ORDER_TYPE_HAS_OWN_ROUTE', 400, `type: "${input.type}" orders are submitted with ${ownRoute}`, {
      field: 'type', reason: `submit it with ${ownRoute}`, route: ownRoute,
    });
  }
  assertSignable(deps, session, input.type as OrderType, now);
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await insertSignedOrder(trx, { id, customerId, type: input.type as OrderType, payload: input.payload, session, actor }, now);
  });
  return { id, status: 'submitted' as const };
}

/** OPS-3: the operator's profile offers the order type; 400 naming `type` otherwise. */
export function assertOrderTypeOffered(deps: Pick<Deps, 'operator'>, type: string): void {
  if (!deps.operator.orderTypes.includes(type as OrderType)) {
    throw invalidField('type', `this portal does not take "${type}" orders`, 'ORDER_TYPE_OFF');
  }
}

/**
 * ACC-18: the operator may want a recent bank/eID login (step-up) for the order type: 403 STEP_UP_REQUIRED
 * when the session has none within STEP_UP_VALID_MINUTES.
 */
export function assertSignable(deps: Pick<Deps, 'operator'>, session: SessionUser, type: OrderType, now: Date): void {
  if (deps.operator.rules.stepUpOrderTypes.includes(type) && !hasRecentStrongLogin(session, now)) {
    throw new AppError('STEP_UP_REQUIRED', 403, `Confirm with your bank or eID first (valid ${STEP_UP_VALID_MINUTES} minutes)`, { orderType: type });
  }
}

export interface SignedOrderInput {
  id: string;
  customerId: string;
  type: OrderType;
  payload: Record<string, unknown>;
  /** the signer: an authenticated user (ACC-18); signed_with records how they had logged in */
  session: SessionUser;
  actor: Actor;
}

/**
 * ACC-18, GRD-6: stores a submitted order signed by the session's user and its 'order.signed' audit event,
 * inside the caller's transaction, so another module's use case (a meter reading) stores its own rows with
 * it atomically. The caller has checked the type is offered and signable (assertOrderTypeOffered,
 * assertSignable) and validated the payload.
 */
export async function insertSignedOrder(trx: Db, input: SignedOrderInput, now: Date): Promise<void> {
  await trx.insertInto('orders').values({
    id: input.id,
    customer_id: input.customerId,
    user_id: input.session.userId,
    type: input.type,
    status: 'submitted',
    payload: JSON.stringify(input.payload),
    signed_with: input.session.authMethod,
    submitted_at: now,
    created_at: now,
    updated_at: now,
  }).execute();
  await recordAudit(trx, input.actor, {
    customerId: input.customerId, action: 'order.signed', objectType: 'order', objectId: input.id,
    details: { type: input.type, signedWith: input.session.authMethod },
  }, now);
}

/** An order's payload is form data: a few levels deep. Deeper JSON is refused before it reaches the database. */
const MAX_PAYLOAD_DEPTH = 8;

function assertPayloadShape(payload: unknown): void {
  const stack: { value: unknown; depth: number }[] = [{ value: payload, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (depth > MAX_PAYLOAD_DEPTH) throw invalidField('payload', `may be nested at most ${MAX_PAYLOAD_DEPTH} levels deep`);
    for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
}

export async function listOrders(deps: Deps, customerId: string) {
  const rows = await deps.db
    .selectFrom('orders as o')
    .select(['o.id', 'o.type', 'o.status', 'o.payload', 'o.signed_with', 'o.submitted_at', 'o.created_at', 'o.user_id', 'o.created_by'])
    .where('o.customer_id', '=', customerId)
    .orderBy('o.created_at', 'desc')
    .limit(200)
    .execute();
  return describeOrders(deps.db, rows);
}

type ListedOrderRow = Pick<Selectable<OrderRow>, 'id' | 'type' | 'status' | 'payload' | 'signed_with' | 'submitted_at' | 'created_at' | 'user_id' | 'created_by'>;

/** Orders as the API answers them, with the signer's name (none for an order the portal made). */
export async function describeOrders(db: Db, rows: readonly ListedOrderRow[]): Promise<Order[]> {
  // ACC-10: who signed stays attributed, even a user who has lost access or was deleted since
  const userIds = [...new Set(rows.flatMap((row) => (row.user_id ? [row.user_id] : [])))];
  const signers = await describeUsers(db, userIds);
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    status: row.status,
    payload: row.payload as Record<string, unknown>,
    signedWith: row.signed_with,
    signedBy: row.user_id ? signers.get(row.user_id)?.fullName ?? '' : '',
    createdBy: row.created_by,
    submittedAt: row.submitted_at ? new Date(row.submitted_at).toISOString() : null,
    createdAt: new Date(row.created_at).toISOString(),
  }));
}
