import { sql } from 'kysely';
import type { Db } from '../../infra/db.js';
import { countRateLimitHit, type RateLimit } from '../../infra/rate-limit.js';
import type { UserRow } from '../../db/schema.js';
import type { ActiveMembershipOfUser } from './memberships.repository.js';
import { acceptedCurrentTermsOfU } from './sessions.service.js';

/** The account a login names, with what its answer needs. */
export type LoginCandidate = UserRow & {
  accepted_current_terms: boolean;
  /** as listActiveMembershipsOfUser lists them; the first is the customer the login starts with */
  memberships: ActiveMembershipOfUser[];
};

export interface LoginLookup {
  /** the login attempts counted under `rateLimit` in its window, this one included */
  rateLimitHits: number;
  /** undefined when no account has the address */
  candidate: LoginCandidate | undefined;
}

type LookupRow = { rate_limit_hits: number } & ({ id: string } & LoginCandidate | { id: null });

/**
 * Everything a password login reads, in one statement (logins are the busiest write path, and a round trip
 * to the database costs about as much as the work in it): it counts the attempt under `rateLimit` and
 * reads the user by e-mail, whether they accepted the terms in force, and their active memberships in
 * listActiveMembershipsOfUser's order. The attempt is counted whether or not the account exists.
 */
export async function findLoginCandidate(db: Db, rateLimit: RateLimit, email: string, now: Date, today: string): Promise<LoginLookup> {
  const result = await sql<LookupRow>`
    WITH hit AS (${countRateLimitHit(db, rateLimit, now)})
    SELECT hit.hits AS rate_limit_hits, u.*,
      ${acceptedCurrentTermsOfU(today)} AS accepted_current_terms,
      COALESCE((
        SELECT json_agg(json_build_object(
                 'id', m.id, 'customer_id', m.customer_id, 'role', m.role, 'rights', m.rights,
                 'customer_name', c.name, 'customer_kind', c.kind, 'customer_number', c.customer_number)
               ORDER BY m.created_at, c.customer_number)
        FROM memberships m JOIN customers c ON c.id = m.customer_id
        WHERE m.user_id = u.id AND m.status = 'active'
      ), '[]'::json) AS memberships
    FROM hit
    LEFT JOIN users u ON lower(u.email) = ${email.trim().toLowerCase()} AND u.status <> 'deleted'`.execute(db);
  const { rate_limit_hits: rateLimitHits, ...row } = result.rows[0];
  return { rateLimitHits, candidate: row.id === null ? undefined : (row as LoginCandidate) };
}
