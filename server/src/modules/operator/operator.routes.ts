import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import {
  CaughtMails, Created, DevClock, ErrorReportBody, Health, MaintenanceWindows, MoveClockBody, OperatorProfile,
} from '@up/common/contracts/operator';
import type { Deps } from '../../deps.js';
import { actorOf } from '../../http/session-hook.js';
import { answers } from '../../http/answers.js';
import { listMaintenanceWindows, reportError } from './operations.service.js';
import { notFound } from '../../infra/errors.js';
import { OffsetClock } from '../../infra/clock.js';
import { enforceRateLimit } from '../../infra/rate-limit.js';

/** What anyone may read: the operator's profile, maintenance (OPS-2); and error reports (OPS-4); dev helpers. */
export const operatorRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const open = { access: 'public' as const };
  const { operator } = deps;
  const publicProfile: OperatorProfile = {
    id: operator.id,
    portalName: operator.portalName,
    legalName: operator.legalName,
    website: operator.website,
    branding: operator.branding,
    modules: operator.modules,
    orderTypes: operator.orderTypes,
    support: operator.support,
    rules: {
      additionalUsersSeeInvoices: operator.rules.additionalUsersSeeInvoices,
      passwordMaxAgeDays: operator.rules.passwordMaxAgeDays,
      stepUpOrderTypes: operator.rules.stepUpOrderTypes,
    },
    bankLogin: deps.bankLogin !== null,
    devMode: deps.config.devMode,
  };

  app.get('/api/health', { config: open, schema: { response: answers({ 200: Health }) } }, async () => ({ ok: true }));
  app.get('/api/operator', { config: open, schema: { response: answers({ 200: OperatorProfile }) } }, async () => publicProfile);
  app.get('/api/maintenance', { config: open, schema: { response: answers({ 200: MaintenanceWindows }) } }, async () => listMaintenanceWindows(deps));

  app.post('/api/error-reports', {
    config: open,
    schema: { body: ErrorReportBody, response: answers({ 201: Created }) },
  }, async (request, reply) => {
    await enforceRateLimit(deps.db, `error-report:${request.ip}`, 20, 3600, deps.clock.now());
    const session = request.session;
    const result = await reportError(deps, request.body, { userId: session?.userId ?? null, customerId: session?.activeCustomerId ?? null }, actorOf(request));
    return reply.code(201).send(result);
  });

  if (deps.config.devMode) {
    app.get('/api/dev/mail', { config: open, schema: { response: answers({ 200: CaughtMails }) } }, async () => {
      if (!deps.mailCatcher) throw notFound('NO_MAIL_CATCHER', 'The dev mail catcher is not running');
      return [...deps.mailCatcher.messages].reverse();
    });

    // DEV_CLOCK (dev/test only): moves the server's time, e.g. past a 24-hour activation link (ACC-4).
    const devClock = deps.devClock;
    if (deps.config.devClock && devClock instanceof OffsetClock && deps.clock === devClock) {
      app.post('/api/dev/clock', {
        config: open,
        schema: { body: MoveClockBody, response: answers({ 200: DevClock }) },
      }, async (request) => {
        const now = devClock.advance(request.body.advanceMinutes * 60_000);
        return { now: now.toISOString(), offsetMinutes: Math.round(devClock.offsetMs / 60_000) };
      });
    }
  }
};
