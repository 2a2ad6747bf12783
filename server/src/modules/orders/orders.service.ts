import type { OrderType } from '@up/operators';
import type { Deps } from '../../deps.js';
import { AppError, invalidField } from '../../infra/errors.js';
import { newId } from '../../infra/ids.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { describeUsers, hasRecentStrongLogin, STEP_UP_VALID_MINUTES } from '../accounts/index.js';
import type { SessionUser } from '../accounts/index.js';

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
  if (!deps.operator.orderTypes.includes(input.type as OrderType)) {
    throw invalidField('type', `this portal does not take "${input.type}" orders`, 'ORDER_TYPE_OFF');
  }
  assertPayloadShape(input.payload);
  if (deps.operator.rules.stepUpOrderTypes.includes(input.type as OrderType) && !hasRecentStrongLogin(session, now)) {
    throw new AppError('STEP_UP_REQUIRED', 403, `Confirm with your bank or eID first (valid ${STEP_UP_VALID_MINUTES} minutes)`, { orderType: input.type });
  }
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('orders').values({
      id,
      customer_id: customerId,
      user_id: session.userId,
      type: input.type,
      status: 'submitted',
      payload: JSON.stringify(input.payload),
      signed_with: session.authMethod,
      submitted_at: now,
      created_at: now,
      updated_at: now,
    }).execute();
    await recordAudit(trx, actor, { customerId, action: 'order.signed', objectType: 'order', objectId: id, details: { type: input.type, signedWith: session.authMethod } }, now);
  });
  return { id, status: 'submitted' as const };
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
    .select(['o.id', 'o.type', 'o.status', 'o.payload', 'o.signed_with', 'o.submitted_at', 'o.created_at', 'o.user_id'])
    .where('o.customer_id', '=', customerId)
    .orderBy('o.created_at', 'desc')
    .limit(200)
    .execute();
  // ACC-10: who signed stays attributed, even a user who has lost access or was deleted since
  const signers = await describeUsers(deps.db, [...new Set(rows.map((row) => row.user_id))]);
  return rows.map((row) => ({
    id: row.id,
    type: row.type,
    status: row.status,
    payload: row.payload as Record<string, unknown>,
    signedWith: row.signed_with,
    signedBy: signers.get(row.user_id)?.fullName ?? '',
    submittedAt: row.submitted_at ? row.submitted_at.toISOString() : null,
    createdAt: row.created_at.toISOString(),
  }));
}
