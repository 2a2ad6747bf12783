import { sql, type RawBuilder } from 'kysely';

/**
 * GRD-7: how many notices of the customer `customerId` the reader `userId` has not read yet (both columns of
 * the surrounding query, e.g. sql.ref('c.id')): a piece of SQL, so the overview reads it in its own statement.
 */
export function unreadNoticesCount(customerId: RawBuilder<unknown>, userId: RawBuilder<unknown>) {
  return sql<number>`(SELECT count(*) FROM notices n
    WHERE n.customer_id = ${customerId} AND (n.user_id IS NULL OR n.user_id = ${userId})
      AND NOT EXISTS (SELECT 1 FROM notice_reads r WHERE r.notice_id = n.id AND r.user_id = ${userId}))`;
}
