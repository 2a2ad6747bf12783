import type { FastifyInstance } from 'fastify';
import type { Config } from '../config.js';

/**
 * The security headers of every answer, computed once at start (the same set helmet sends by default,
 * without rebuilding it on every request). ACC-16: HSTS and upgrade-insecure-requests only over TLS.
 * `formActionOrigins`: origins a form may post to besides the portal (the bank login's identity provider).
 */
export function securityHeaders(config: Pick<Config, 'secureCookies'>, options: { formActionOrigins: string[] }): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "base-uri 'self'",
    "font-src 'self' data:",
    ["form-action 'self'", ...options.formActionOrigins].join(' '),
    "frame-ancestors 'none'",
    "img-src 'self' data:",
    "object-src 'none'",
    "script-src 'self'",
    "script-src-attr 'none'",
    "style-src 'self' 'unsafe-inline'",
    "connect-src 'self'",
    ...(config.secureCookies ? ['upgrade-insecure-requests'] : []),
  ].join(';');
  return {
    'content-security-policy': csp,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'origin-agent-cluster': '?1',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-dns-prefetch-control': 'off',
    'x-download-options': 'noopen',
    // The same as frame-ancestors 'none', for browsers that only know the older header.
    'x-frame-options': 'DENY',
    'x-permitted-cross-domain-policies': 'none',
    'x-xss-protection': '0',
    ...(config.secureCookies ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
  };
}

/**
 * ACC-16: API answers carry personal data, so no browser or proxy may keep them (`no-store`); a route may
 * set its own cache-control later. Static web assets keep the caching fastify-static gives them.
 */
export function installSecurityHeaders(app: FastifyInstance, headers: Record<string, string>): void {
  app.addHook('onRequest', (request, reply, done) => {
    reply.headers(headers);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    done();
  });
}
