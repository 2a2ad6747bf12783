import { AppError } from '../infra/errors.js';

/**
 * Two requests racing past a service's pre-check (on PostgreSQL with several connections) end in a unique
 * violation, SQLSTATE 23505, from the second INSERT. The loser's transaction has rolled back as a whole, so
 * nothing of it is stored; it gets the 409 the pre-check would have given it had it come second. The names
 * are those of the unique indexes and constraints in db/migrations. A name not listed stays a logged 500.
 */
interface Answer {
  code: string;
  message: string;
  details?: Record<string, unknown>;
}

interface UniqueViolation extends Answer {
  /** where a route's own pre-check answers the same clash with another code: "METHOD /url/:param" */
  byRoute?: Record<string, Answer>;
}

const CUSTOMER_HAS_MAIN_USER: Answer = {
  code: 'CUSTOMER_HAS_MAIN_USER',
  message: 'This customer already has a main user; ask them to invite you as an additional user.',
};

export const UNIQUE_VIOLATIONS: Record<string, UniqueViolation> = {
  customers_customer_number_key: { code: 'CUSTOMER_EXISTS', message: 'A customer with this number or identity code exists' },
  customers_identity_code_key: { code: 'CUSTOMER_EXISTS', message: 'A customer with this number or identity code exists' },
  contracts_number_key: { code: 'CONTRACT_EXISTS', message: 'number: a contract with this number exists', details: { field: 'number' } },
  users_email_key: {
    code: 'EMAIL_TAKEN',
    message: 'email: another account uses this e-mail address',
    details: { field: 'email' },
    byRoute: {
      // inviteAdditionalUser takes its turn per e-mail too (lockForCreation): a safety net as well.
      'POST /api/customers/:customerId/users': { code: 'ALREADY_A_USER', message: 'This person already has access to this customer' },
      // registerMainUser takes its turn per customer and e-mail (lockForCreation), so this is only a safety net.
      'POST /api/auth/register': CUSTOMER_HAS_MAIN_USER,
    },
  },
  memberships_active_key: { code: 'ALREADY_A_USER', message: 'This person already has access to this customer' },
  memberships_one_main_key: CUSTOMER_HAS_MAIN_USER,
  terms_versions_version_key: { code: 'TERMS_VERSION_EXISTS', message: 'This version is already published' },
};

/**
 * The 409 for a unique violation of a known constraint, or null for anything else. Both drivers (pg's
 * DatabaseError and PGlite's) put the SQLSTATE in `code` and the constraint or index name in `constraint`.
 */
export function uniqueViolationError(error: unknown, route: { method: string; url: string | undefined }): AppError | null {
  if (typeof error !== 'object' || error === null) return null;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code !== '23505' || typeof constraint !== 'string' || !Object.hasOwn(UNIQUE_VIOLATIONS, constraint)) return null;
  const known = UNIQUE_VIOLATIONS[constraint];
  const answer = known.byRoute?.[`${route.method} ${route.url}`] ?? known;
  return new AppError(answer.code, 409, answer.message, answer.details);
}
