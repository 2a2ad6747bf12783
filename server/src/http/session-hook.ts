import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { rigaDate } from '@up/common/riga-time';
import type { Deps } from '../deps.js';
import { AppError, forbidden, notFound, unauthorized } from '../infra/errors.js';
import { safeEqual } from '../infra/ids.js';
import { loadSession, type SessionUser } from '../modules/accounts/sessions.service.js';
import type { ActiveMembership } from '../modules/accounts/memberships.repository.js';
import { hasPermission, staffSecondFactorMissing } from '../modules/accounts/accounts.policy.js';
import { passwordExpired } from '../modules/accounts/password-policy.js';
import type { Actor } from '../modules/audit/audit.service.js';
import { authenticateDataToken } from '../modules/metering/data-tokens.service.js';
import type { RouteAccess } from './route-access.js';

export const SESSION_COOKIE = 'up_session';
export const CSRF_COOKIE = 'up_csrf';
export const CSRF_HEADER = 'x-csrf-token';

declare module 'fastify' {
  interface FastifyRequest {
    session: SessionUser | null;
    /** the membership of the session user in the :customerId of a customer-scoped route */
    membership: ActiveMembership | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

// The Riga date changes once a day; formatting it through Intl on every request showed in profiles.
let cachedMinute = -1;
let cachedRigaDate = '';
function rigaDateCached(now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== cachedMinute) {
    cachedMinute = minute;
    cachedRigaDate = rigaDate(now);
  }
  return cachedRigaDate;
}

/**
 * Runs before every /api route: loads the session, checks CSRF on state changes, and enforces the
 * route's declared access (see route-access.ts), including the customer scope of :customerId routes.
 * A request with `Authorization: Bearer …` is a customer data token's instead (authenticateWithDataToken).
 */
export const sessionHook = fp(async (app: FastifyInstance, deps: Deps) => {
  app.decorateRequest('session', null);
  app.decorateRequest('membership', null);
  app.decorateRequest('dataToken', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    const access = request.routeOptions.config?.access;
    if (!access) {
      if (request.routeOptions.url === undefined) return; // 404 from the router
      throw new AppError('ROUTE_WITHOUT_ACCESS_RULE', 500, 'Route has no access rule');
    }
    // a partner's server: no cookies, no CSRF; its handler checks the request's signature
    if (access === 'signed') return;
    const bearer = bearerTokenOf(request);
    if (bearer !== null) {
      await authenticateWithDataToken(deps, request, reply, access, bearer);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const now = deps.clock.now();
    const customerId = typeof access === 'object' ? ((request.params as Record<string, string>).customerId ?? null) : null;
    request.session = token ? await loadSession(deps.db, deps.sessionCache, token, now, rigaDateCached(now), customerId) : null;

    if (!SAFE_METHODS.has(request.method)) checkCsrf(request);
    if (access === 'public') return;

    const session = request.session;
    if (!session) {
      if (typeof access === 'object' && access.dataToken) reply.header('www-authenticate', DATA_TOKEN_CHALLENGE);
      throw unauthorized();
    }
    if (!request.routeOptions.config.allowIncompleteLogin) {
      if (session.secondFactorPending) throw forbidden('SECOND_FACTOR_REQUIRED', 'Enter the code from your authenticator app');
      if (passwordExpired(session, deps.operator, now)) {
        throw forbidden('PASSWORD_CHANGE_REQUIRED', 'Change your password before you go on');
      }
    }
    if (access === 'user') return;
    if (access === 'staff' || access === 'administrator') {
      if (access === 'staff' && !session.staffRole) throw forbidden('STAFF_ONLY', 'Only staff may do this');
      if (access === 'administrator' && session.staffRole !== 'administrator') throw forbidden('ADMINISTRATOR_ONLY', 'Only administrators may do this');
      if (staffSecondFactorMissing(session, deps.operator)) {
        throw forbidden('SECOND_FACTOR_SETUP_REQUIRED', 'Set up the second factor in your profile before you use the back office');
      }
      return;
    }
    if (!session.acceptedCurrentTerms) {
      throw forbidden('TERMS_NOT_ACCEPTED', 'Accept the current terms of use first');
    }
    const membership = session.membership;
    // Another customer's data: answer as if it did not exist.
    if (!membership) throw notFound('CUSTOMER_NOT_FOUND', 'No such customer among yours');
    if (!hasPermission(membership, access.customer, deps.operator)) {
      throw forbidden('RIGHT_MISSING', `This needs the "${access.customer}" right`);
    }
    request.membership = membership;
  });
});

/** RFC 6750: what a 401 on a data-token route tells the client to send. */
const DATA_TOKEN_CHALLENGE = 'Bearer realm="customer-data"';

/** The token of an `Authorization: Bearer <token>` header, or null when the request has no such header. */
function bearerTokenOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const match = /^Bearer(?:\s+(.*))?$/i.exec(header.trim());
  return match ? (match[1] ?? '').trim() : null;
}

/**
 * A customer data token, not a session (data-tokens.service.ts): only on a GET route declared
 * `{ customer: …, dataToken: true }`, and only without a session cookie (one credential per request);
 * a Bearer token anywhere else is refused with 401. The token must be live and the customer's of
 * :customerId (404 CUSTOMER_NOT_FOUND otherwise, as for a user of another customer). No CSRF check: the
 * request is a GET, and a browser never adds an Authorization header another site chose. The session and
 * membership stay null; the handler reads request.dataToken (allowedObjectIds in route-access.ts).
 */
async function authenticateWithDataToken(deps: Deps, request: FastifyRequest, reply: FastifyReply, access: RouteAccess, token: string): Promise<void> {
  const challenge = (description: string) => reply.header('www-authenticate', `${DATA_TOKEN_CHALLENGE}, error="invalid_token", error_description="${description}"`);
  if (typeof access !== 'object' || !access.dataToken || request.method !== 'GET') {
    challenge('this route does not take a data token');
    throw unauthorized('DATA_TOKEN_NOT_ACCEPTED', 'This address does not take a data token: data tokens read the consumption routes (GET) only');
  }
  if (request.cookies[SESSION_COOKIE]) {
    challenge('send either a data token or a session, not both');
    throw unauthorized('CREDENTIALS_AMBIGUOUS', 'Send either a data token or a session cookie, not both');
  }
  try {
    request.dataToken = await authenticateDataToken(deps, token, {
      customerId: (request.params as Record<string, string>).customerId ?? null,
      method: request.method,
      route: request.routeOptions.url ?? '',
      path: request.url.split('?')[0],
      ip: request.ip,
    });
  } catch (error) {
    if (error instanceof AppError && error.status === 401) challenge('the token is unknown, revoked or expired');
    throw error;
  }
}

/**
 * CSRF: a state-changing request must echo a token in the x-csrf-token header. With a session it is
 * the session's own token; before login it is the random up_csrf cookie (double submit), which also
 * stops login CSRF. Browsers never let another site set that header or read either token.
 */
function checkCsrf(request: FastifyRequest): void {
  const sent = request.headers[CSRF_HEADER];
  const expected = request.session?.csrfToken ?? request.cookies[CSRF_COOKIE];
  if (typeof sent !== 'string' || !expected || !safeEqual(sent, expected)) {
    throw forbidden('CSRF_TOKEN_INVALID', 'Missing or wrong x-csrf-token header; reload the page');
  }
}

export function actorOf(request: FastifyRequest): Actor {
  const session = request.session;
  return {
    userId: session?.userId ?? null,
    role: session?.staffRole ?? (session ? 'user' : 'anonymous'),
    ip: request.ip,
  };
}

export function requireSession(request: FastifyRequest): SessionUser {
  if (!request.session) throw unauthorized();
  return request.session;
}

export function requireMembership(request: FastifyRequest): ActiveMembership {
  if (!request.membership) throw notFound('CUSTOMER_NOT_FOUND', 'No such customer among yours');
  return request.membership;
}

export function setSessionCookie(reply: FastifyReply, deps: Deps, token: string, csrfToken: string): void {
  const secure = deps.config.secureCookies;
  reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure });
  reply.setCookie(CSRF_COOKIE, csrfToken, { path: '/', httpOnly: false, sameSite: 'strict', secure });
}

export function clearSessionCookie(reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, { path: '/' });
}
