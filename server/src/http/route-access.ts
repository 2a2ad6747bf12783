import type { FastifyRequest } from 'fastify';
import type { UserRight } from '@up/operators';

/**
 * Every API route declares who may call it, in its Fastify route `config.access`:
 *  - 'public'        anyone (login, registration, terms)
 *  - 'user'          a logged-in user, for their own data
 *  - 'staff'         customer-service staff or administrators
 *  - 'administrator' administrators only
 *  - 'signed'        a server of a partner (a payment provider's notice): no session and no CSRF token; the handler
 *                    must authenticate the request itself, by its signature
 *  - { customer: permission } a user acting for the customer named by the :customerId path parameter;
 *    with `dataToken: true` a customer data token of that customer may read it instead (GET routes only:
 *    `Authorization: Bearer upd_…` without a session cookie; session-hook.ts). Such a route's handler may
 *    then have no session and no membership: it reads request.params.customerId, and passes
 *    allowedObjectIds(request) to findHeldObject. A Bearer token on any other route is refused (401).
 * The session hook refuses a route with no declaration, so a new route cannot be left open by mistake.
 */
export type CustomerPermission = 'member' | 'main' | UserRight;
export type RouteAccess = 'public' | 'signed' | 'user' | 'staff' | 'administrator' | { customer: CustomerPermission; dataToken?: true };

/** A customer data token that authenticated the request (`Authorization: Bearer …`, data-tokens.service.ts). */
export interface DataTokenGrant {
  tokenId: string;
  customerId: string;
  /** null: all the customer's objects */
  objectIds: string[] | null;
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** allowed while the second factor is still pending or the password must be changed */
    allowIncompleteLogin?: boolean;
  }
  interface FastifyRequest {
    /** set on a route with `dataToken: true` when a data token, not a session, authenticated the request */
    dataToken: DataTokenGrant | null;
  }
}

/** The access rule in words, for the OpenAPI document. */
export function describeAccess(access: RouteAccess | undefined): string {
  if (access === undefined) return 'not declared';
  if (typeof access === 'object') {
    const user = access.customer === 'member' ? 'any user acting for the customer'
      : access.customer === 'main' ? 'the main user of the customer'
        : `a user of the customer with the right ${access.customer}`;
    return access.dataToken ? `${user}, or a data token of the customer (header "Authorization: Bearer upd_…", read-only)` : user;
  }
  return {
    public: 'anyone', signed: 'a partner\'s server, authenticated by the signature of the request', user: 'a logged-in user',
    staff: 'customer service and administrators', administrator: 'administrators',
  }[access];
}

/**
 * The objects a request may read: those of the data token that authenticated it (null: all the customer's),
 * or null for a user's session. Pass it to findHeldObject on `dataToken: true` routes.
 */
export function allowedObjectIds(request: FastifyRequest): string[] | null {
  return request.dataToken?.objectIds ?? null;
}
