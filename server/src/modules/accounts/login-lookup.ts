import { sql } from 'kysely';
import type { Db } from '../../infra/db.js';
import { countRateLimitHit, type RateLimit } from '../../infra/rate-limit.js';
import type { UserRow } from '../../db/schema.js';
import type { ActiveMembershipOfUser } from './memberships.repository.js';
import { acceptedCurrentTerms } from '../terms/index.js';
import { customerColumnsOf } from '../customers/index.js';

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
  /** when no account has the address: until when wrong passwords have blocked it (as users.locked_until) */
  unknownAddressLockedUntil: Date | null;
}

type LookupRow = { rate_limit_hits: number; unknown_locked_until: Date | null } & ({ id: string } & LoginCandidate | { id: null });

/**
 * Everything a password login reads, in one statement (logins are the busiest write path, and a round trip
 * to the database costs about as much as the work in it): it counts the attempt under `rateLimit` and
 * reads the user by e-mail, whether they accepted the terms in force, and their active memberships in
 * listActiveMembershipsOfUser's order — or, for an address without an account, its block (login.service.ts).
 * The attempt is counted whether or not the account exists.
 */
export async function findLoginCandidate(db: Db, rateLimit: RateLimit, email: string, now: Date, today: string): Promise<LoginLookup> {
  const address = email.trim().toLowerCase();
  const result = await sql<LookupRow>`
    WITH hit AS (${countRateLimitHit(db, rateLimit, now)})
    SELECT hit.hits AS rate_limit_hits, u.*,
      (SELECT locked_until FROM unknown_address_logins WHERE email = ${address}) AS unknown_locked_until,
      ${acceptedCurrentTerms(sql.ref('u.id'), today)} AS accepted_current_terms,
      COALESCE((
        SELECT json_agg(jsonb_build_object('id', m.id, 'customer_id', m.customer_id, 'role', m.role, 'rights', m.rights) || c.columns
               ORDER BY m.created_at, c.columns->>'customer_number')
        FROM memberships m CROSS JOIN LATERAL (SELECT ${customerColumnsOf(sql.ref('m.customer_id'))}::jsonb AS columns) c
        WHERE m.user_id = u.id AND m.status = 'active'
      ), '[]'::json) AS memberships
    FROM hit
    LEFT JOIN users u ON lower(u.email) = ${address} AND u.status <> 'deleted'`.execute(db);
  const { rate_limit_hits: rateLimitHits, unknown_locked_until: unknownLockedUntil, ...row } = result.rows[0];
  if (row.id !== null) return { rateLimitHits, candidate: row as LoginCandidate, unknownAddressLockedUntil: null };
  return { rateLimitHits, candidate: undefined, unknownAddressLockedUntil: unknownLockedUntil ? new Date(unknownLockedUntil) : null };
}
