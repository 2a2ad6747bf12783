import type { UserRight } from '@up/operators';

/**
 * Every API route declares who may call it, in its Fastify route `config.access`:
 *  - 'public'        anyone (login, registration, terms)
 *  - 'user'          a logged-in user, for their own data
 *  - 'staff'         customer-service staff or administrators
 *  - 'administrator' administrators only
 *  - { customer: permission } a user acting for the customer named by the :customerId path parameter;
 *    with `dataToken: true` a customer data token of that customer may read it instead (read-only routes)
 * The session hook refuses a route with no declaration, so a new route cannot be left open by mistake.
 */
export type CustomerPermission = 'member' | 'main' | UserRight;
export type RouteAccess = 'public' | 'user' | 'staff' | 'administrator' | { customer: CustomerPermission; dataToken?: true };

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
    if (access.customer === 'member') return 'any user acting for the customer';
    if (access.customer === 'main') return 'the main user of the customer';
    return `a user of the customer with the right ${access.customer}`;
  }
  return { public: 'anyone', user: 'a logged-in user', staff: 'customer service and administrators', administrator: 'administrators' }[access];
}
