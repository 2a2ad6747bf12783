import { sql, type RawBuilder } from 'kysely';
import { findCustomersByIds } from '../customers/index.js';
import type { Db } from '../../infra/db.js';
import type { MembershipRow } from '../../db/schema.js';

export interface ActiveMembership {
  id: string;
  userId: string;
  customerId: string;
  role: 'main' | 'additional';
  rights: string[];
}

function toMembership(row: Pick<MembershipRow, 'id' | 'user_id' | 'customer_id' | 'role' | 'rights'>): ActiveMembership {
  return { id: row.id, userId: row.user_id, customerId: row.customer_id, role: row.role, rights: row.rights };
}

export async function findActiveMembership(db: Db, userId: string, customerId: string): Promise<ActiveMembership | null> {
  const row = await db
    .selectFrom('memberships')
    .select(['id', 'user_id', 'customer_id', 'role', 'rights'])
    .where('user_id', '=', userId)
    .where('customer_id', '=', customerId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row ? toMembership(row) : null;
}

export type ActiveMembershipOfUser = Awaited<ReturnType<typeof listActiveMembershipsOfUser>>[number];

/**
 * The user's active memberships with their customers' names. The first one is the customer a login starts
 * with: memberships made in one go share created_at, so the customer number settles the order.
 */
export async function listActiveMembershipsOfUser(db: Db, userId: string) {
  const memberships = await db
    .selectFrom('memberships')
    .select(['id', 'customer_id', 'role', 'rights', 'created_at'])
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .execute();
  const customers = new Map((await findCustomersByIds(db, memberships.map((m) => m.customer_id))).map((c) => [c.id, c]));
  return memberships
    .flatMap(({ created_at: createdAt, ...m }) => {
      const customer = customers.get(m.customer_id);
      return customer ? [{ ...m, createdAt, customer_name: customer.name, customer_kind: customer.kind, customer_number: customer.customer_number }] : [];
    })
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.customer_number.localeCompare(b.customer_number))
    .map(({ createdAt: _createdAt, ...m }) => m);
}

/** How many users act for the customer `customerId` (a column of the surrounding query): SQL for the overview. */
export function activeUsersCount(customerId: RawBuilder<unknown>) {
  return sql<number>`(SELECT count(*) FROM memberships WHERE customer_id = ${customerId} AND status = 'active')`;
}

export async function findMainMembership(db: Db, customerId: string) {
  return db
    .selectFrom('memberships')
    .select(['id', 'user_id'])
    .where('customer_id', '=', customerId)
    .where('role', '=', 'main')
    .where('status', '=', 'active')
    .executeTakeFirst();
}
