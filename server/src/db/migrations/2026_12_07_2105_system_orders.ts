import { type Kysely, sql } from 'kysely';

/**
 * Orders the portal itself makes (BIL-11, issue 13 point 5): suspending a customer's service for late payment orders
 * the grid operator to disconnect its objects, restoring it orders the reconnection. A job has no user, so
 * `user_id` may be null; `created_by` says who made the order ('user': signed by the user, ACC-18; 'collections':
 * the collections of the payments module). A user's order always names its user.
 * The staff queue reads the open orders oldest first (`orders_open_idx`).
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE orders ALTER COLUMN user_id DROP NOT NULL`.execute(db);
  await sql`ALTER TABLE orders ADD COLUMN created_by text NOT NULL DEFAULT 'user' CHECK (created_by IN ('user', 'collections'))`.execute(db);
  await sql`ALTER TABLE orders ADD CONSTRAINT orders_user_signed CHECK (created_by <> 'user' OR user_id IS NOT NULL)`.execute(db);
  await sql`CREATE INDEX orders_open_idx ON orders (created_at) WHERE status IN ('submitted', 'in_progress')`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX orders_open_idx`.execute(db);
  await sql`DELETE FROM orders WHERE created_by <> 'user'`.execute(db);
  await sql`ALTER TABLE orders DROP CONSTRAINT orders_user_signed`.execute(db);
  await sql`ALTER TABLE orders DROP COLUMN created_by`.execute(db);
  await sql`ALTER TABLE orders ALTER COLUMN user_id SET NOT NULL`.execute(db);
}
