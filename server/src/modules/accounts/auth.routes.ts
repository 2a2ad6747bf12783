import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  ActivateBody, ActivatedAnswer, CheckEmailAnswer, ForgotPasswordBody, LoginBody, PasswordChangedAnswer, RegisterBody, ReportedAnswer,
  ReportRegistrationBody, ResetPasswordBody, SecondFactorBody, SessionAnswer,
} from '@up/common/contracts/accounts';
import type { Deps } from '../../deps.js';
import { actorOf, clearSessionCookie, CSRF_COOKIE, requireSession, SESSION_COOKIE, setSessionCookie } from '../../http/session-hook.js';
import { newSecretToken, hashToken } from '../../infra/ids.js';
import { AppError } from '../../infra/errors.js';
import { answers, NoContent } from '../../http/answers.js';
import { registerMainUser } from './registration.service.js';
import { reportUnwantedRegistration } from './registration-report.service.js';
import { activateAccount, requestPasswordReset, resetPassword } from './activation.service.js';
import { loginWithPassword, verifySecondFactor } from './login.service.js';
import { logOut } from './sessions.service.js';
import { describeSession } from './profile.service.js';
import { bankLoginRoutes } from './bank-login.routes.js';

/** Registration, activation, login and password reset (ACC-1 … ACC-9). */
export const authRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  /** The web app's first call: who is logged in, and the CSRF token to send back. */
  app.get('/api/session', {
    config: { access: 'public', allowIncompleteLogin: true },
    schema: { response: answers({ 200: SessionAnswer }) },
  }, async (request, reply) => {
    const session = request.session;
    if (!session) {
      let csrf = request.cookies[CSRF_COOKIE];
      if (!csrf) {
        csrf = newSecretToken();
        reply.setCookie(CSRF_COOKIE, csrf, { path: '/', httpOnly: false, sameSite: 'strict', secure: deps.config.secureCookies });
      }
      return { csrfToken: csrf, user: null };
    }
    return { csrfToken: session.csrfToken, user: await describeSession(deps, session) };
  });

  app.post('/api/auth/register', {
    config: { access: 'public' },
    schema: { body: RegisterBody, response: answers({ 202: CheckEmailAnswer }) },
  }, async (request, reply) => {
    await registerMainUser(deps, request.body, actorOf(request));
    return reply.code(202).send({ status: 'check_email' });
  });

  app.post('/api/auth/activate', {
    config: { access: 'public' },
    schema: { body: ActivateBody, response: answers({ 200: ActivatedAnswer }) },
  }, async (request) => {
    await activateAccount(deps, request.body.token, request.body.password, actorOf(request));
    return { status: 'activated' as const };
  });

  app.post('/api/auth/login', {
    config: { access: 'public' },
    schema: { body: LoginBody, response: answers({ 200: SessionAnswer }) },
  }, async (request, reply) => {
    const created = await loginWithPassword(deps, {
      email: request.body.email,
      password: request.body.password,
      ip: request.ip,
      userAgent: request.headers['user-agent'] ?? '',
      previousSessionIdHash: request.cookies[SESSION_COOKIE] ? hashToken(request.cookies[SESSION_COOKIE]) : null,
    }, actorOf(request));
    setSessionCookie(reply, deps, created.token, created.session.csrfToken);
    return { csrfToken: created.session.csrfToken, user: await describeSession(deps, created.session, created.memberships) };
  });

  app.post('/api/auth/second-factor', {
    config: { access: 'user', allowIncompleteLogin: true },
    schema: { body: SecondFactorBody, response: answers({ 200: SessionAnswer }) },
  }, async (request) => {
    const session = requireSession(request);
    if (!session.secondFactorPending) throw new AppError('SECOND_FACTOR_NOT_PENDING', 409, 'No code is needed now');
    await verifySecondFactor(deps, session, request.body.code, actorOf(request));
    return { csrfToken: session.csrfToken, user: await describeSession(deps, { ...session, secondFactorPending: false }) };
  });

  app.post('/api/auth/logout', { config: { access: 'public' }, schema: { response: answers({ 204: NoContent }) } }, async (request, reply) => {
    if (request.session) await logOut(deps.db, request.session, actorOf(request), deps.clock.now());
    clearSessionCookie(reply);
    return reply.code(204).send();
  });

  app.post('/api/auth/forgot-password', {
    config: { access: 'public' },
    schema: { body: ForgotPasswordBody, response: answers({ 202: CheckEmailAnswer }) },
  }, async (request, reply) => {
    await requestPasswordReset(deps, request.body.email, actorOf(request));
    return reply.code(202).send({ status: 'check_email' });
  });

  app.post('/api/auth/reset-password', {
    config: { access: 'public' },
    schema: { body: ResetPasswordBody, response: answers({ 200: PasswordChangedAnswer }) },
  }, async (request) => {
    await resetPassword(deps, request.body.token, request.body.password, actorOf(request));
    return { status: 'password_changed' as const };
  });

  app.post('/api/auth/report-registration', {
    config: { access: 'public' },
    schema: { body: ReportRegistrationBody, response: answers({ 200: ReportedAnswer }) },
  }, async (request) => {
    await reportUnwantedRegistration(deps, request.body.token, actorOf(request));
    return { status: 'reported' as const };
  });

  await app.register(bankLoginRoutes, deps);
};
