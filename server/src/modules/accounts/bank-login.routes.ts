import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { BankLoginQuery } from '@up/common/contracts/accounts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../../deps.js';
import { answers, NoContent } from '../../http/answers.js';
import { actorOf, SESSION_COOKIE, setSessionCookie } from '../../http/session-hook.js';
import { hashToken } from '../../infra/ids.js';
import { AppError } from '../../infra/errors.js';
import { BankLoginRefused, loginWithBankIdentity, stepUpWithBankIdentity } from './bank-login.service.js';
import { OidcLoginError, type PendingOidcLogin } from './oidc-login.js';

const PENDING_COOKIE = 'up_bank_login';

interface PendingBankLogin extends PendingOidcLogin {
  stepUp: boolean;
  returnTo: string;
}

/**
 * Only paths of this portal: never another site (open redirect). Browsers drop tabs and line breaks
 * inside a URL ("/<tab>/evil.example" becomes "//evil.example"), so control characters are refused too.
 */
function safeReturnPath(value: string | undefined): string {
  return value && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\') && !/[\u0000-\u001f\u007f]/.test(value)
    ? value
    : '/';
}

/**
 * ACC-9, ACC-18: login (or step-up) through the bank/eID identity provider over OpenID Connect. The
 * state, nonce and PKCE verifier wait in an httpOnly cookie, so any portal process can take the callback.
 * A bank's e-services page links straight to /api/auth/bank/start.
 */
export const bankLoginRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  app.get('/api/auth/bank/start', {
    config: { access: 'public' },
    schema: { querystring: BankLoginQuery, response: answers({ 302: NoContent }) },
  }, async (request, reply) => {
    if (!deps.bankLogin) throw new AppError('BANK_LOGIN_OFF', 404, 'Bank login is not configured');
    const stepUp = request.query.stepUp === '1';
    if (stepUp && !request.session) throw new AppError('NOT_AUTHENTICATED', 401, 'Log in first');
    const { url, pending } = await deps.bankLogin.startLogin();
    const value: PendingBankLogin = { ...pending, stepUp, returnTo: safeReturnPath(request.query.returnTo) };
    reply.setCookie(PENDING_COOKIE, JSON.stringify(value), {
      path: '/api/auth/bank', httpOnly: true, sameSite: 'lax', secure: deps.config.secureCookies, maxAge: 600,
    });
    return reply.redirect(url);
  });

  app.get('/api/auth/bank/callback', { config: { access: 'public' }, schema: { response: answers({ 302: NoContent }) } }, async (request, reply) => {
    const pending = readPending(request);
    reply.clearCookie(PENDING_COOKIE, { path: '/api/auth/bank' });
    if (!deps.bankLogin || !pending) return failTo(reply, '/login', 'bank_failed');
    const callbackUrl = new URL(request.url, deps.config.publicUrl);
    try {
      const identity = await deps.bankLogin.finishLogin(callbackUrl, pending);
      if (pending.stepUp) {
        if (!request.session) return failTo(reply, '/login', 'bank_failed');
        await stepUpWithBankIdentity(deps, request.session, identity, actorOf(request));
        return reply.redirect(pending.returnTo);
      }
      const created = await loginWithBankIdentity(deps, identity, {
        ip: request.ip,
        userAgent: request.headers['user-agent'] ?? '',
        previousSessionIdHash: request.cookies[SESSION_COOKIE] ? hashToken(request.cookies[SESSION_COOKIE]) : null,
      }, actorOf(request));
      setSessionCookie(reply, deps, created.token, created.csrfToken);
      return reply.redirect(pending.returnTo);
    } catch (error) {
      if (error instanceof BankLoginRefused) {
        const reason = (error.details?.reason as string) ?? 'not_customer';
        return failTo(reply, pending.stepUp ? pending.returnTo : '/login', `bank_${reason}`);
      }
      if (error instanceof OidcLoginError) return failTo(reply, pending.stepUp ? pending.returnTo : '/login', error.reason === 'denied' ? 'bank_cancelled' : 'bank_failed');
      throw error;
    }
  });
};

function readPending(request: FastifyRequest): PendingBankLogin | null {
  const raw = request.cookies[PENDING_COOKIE];
  if (!raw) return null;
  try {
    const value = JSON.parse(raw) as PendingBankLogin;
    return typeof value.state === 'string' && typeof value.codeVerifier === 'string' ? value : null;
  } catch {
    return null;
  }
}

function failTo(reply: FastifyReply, path: string, error: string) {
  const target = new URL(path, 'http://x');
  target.searchParams.set('error', error);
  return reply.redirect(`${target.pathname}${target.search}`);
}
