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

export async function listActiveMembershipsOfUser(db: Db, userId: string) {
  return db
    .selectFrom('memberships as m')
    .innerJoin('customers as c', 'c.id', 'm.customer_id')
    .select(['m.id', 'm.customer_id', 'm.role', 'm.rights', 'c.name as customer_name', 'c.kind as customer_kind', 'c.customer_number'])
    .where('m.user_id', '=', userId)
    .where('m.status', '=', 'active')
    // The first one is the customer a login starts with: memberships made in one go share created_at,
    // so the customer number settles the order (otherwise PostgreSQL may return them either way).
    .orderBy('m.created_at')
    .orderBy('c.customer_number')
    .execute();
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
