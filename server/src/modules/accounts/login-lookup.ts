import { sql } from 'kysely';
import type { Db } from '../../infra/db.js';
import type { UserRow } from '../../db/schema.js';
import type { ActiveMembershipOfUser } from './memberships.repository.js';
import { acceptedCurrentTermsOfU } from './sessions.service.js';

/** The account a login names, with what its answer needs. */
export type LoginCandidate = UserRow & {
  accepted_current_terms: boolean;
  /** as listActiveMembershipsOfUser lists them; the first is the customer the login starts with */
  memberships: ActiveMembershipOfUser[];
};

/**
 * Everything a password login reads, in one statement (logins are the busiest write path, and a round trip
 * to the database costs about as much as the work in it): the user by e-mail, whether they accepted the
 * terms in force, and their active memberships in listActiveMembershipsOfUser's order.
 */
export async function findLoginCandidate(db: Db, email: string, today: string): Promise<LoginCandidate | undefined> {
  const result = await sql<LoginCandidate>`
    SELECT u.*,
      ${acceptedCurrentTermsOfU(today)} AS accepted_current_terms,
      COALESCE((
        SELECT json_agg(json_build_object(
                 'id', m.id, 'customer_id', m.customer_id, 'role', m.role, 'rights', m.rights,
                 'customer_name', c.name, 'customer_kind', c.kind, 'customer_number', c.customer_number)
               ORDER BY m.created_at, c.customer_number)
        FROM memberships m JOIN customers c ON c.id = m.customer_id
        WHERE m.user_id = u.id AND m.status = 'active'
      ), '[]'::json) AS memberships
    FROM users u
    WHERE lower(u.email) = ${email.trim().toLowerCase()} AND u.status <> 'deleted'`.execute(db);
  return result.rows[0];
}
