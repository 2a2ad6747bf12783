import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@fastify/type-provider-typebox';
import type { Deps } from '../../deps.js';
import { actorOf } from '../../http/session-hook.js';
import { Email, Text } from '../../http/common-schemas.js';
import { getCurrentTerms, getTermsVersion, listTermsVersions } from '../terms/terms.service.js';
import { listMaintenanceWindows, reportError } from './operations.service.js';
import { notFound } from '../../infra/errors.js';
import { OffsetClock } from '../../infra/clock.js';
import { enforceRateLimit } from '../../infra/rate-limit.js';

/** What anyone may read: the operator's profile, terms (OPS-1), maintenance (OPS-2); and error reports (OPS-4). */
export const publicRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const open = { access: 'public' as const };
  const { operator } = deps;
  const publicProfile = {
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

  app.get('/api/health', { config: open }, async () => ({ ok: true }));
  app.get('/api/operator', { config: open }, async () => publicProfile);
  app.get('/api/terms', { config: open }, async () => listTermsVersions(deps.db));
  app.get('/api/terms/current', { config: open }, async () => getCurrentTerms(deps.db, deps.clock.now()));
  app.get('/api/terms/:version', { config: open, schema: { params: Type.Object({ version: Text(40) }) } }, async (request) =>
    getTermsVersion(deps.db, request.params.version));
  app.get('/api/maintenance', { config: open }, async () => listMaintenanceWindows(deps));

  app.post('/api/error-reports', {
    config: open,
    schema: { body: Type.Object({ page: Text(500), message: Text(5000), contactEmail: Type.Optional(Email) }, { additionalProperties: false }) },
  }, async (request, reply) => {
    await enforceRateLimit(deps.db, `error-report:${request.ip}`, 20, 3600, deps.clock.now());
    const session = request.session;
    const result = await reportError(deps, request.body, { userId: session?.userId ?? null, customerId: session?.activeCustomerId ?? null }, actorOf(request));
    return reply.code(201).send(result);
  });

  if (deps.config.devMode) {
    app.get('/api/dev/mail', { config: open }, async () => {
      if (!deps.mailCatcher) throw notFound('NO_MAIL_CATCHER', 'The dev mail catcher is not running');
      return [...deps.mailCatcher.messages].reverse();
    });

    // DEV_CLOCK (dev/test only): moves the server's time, e.g. past a 24-hour activation link (ACC-4).
    const devClock = deps.devClock;
    if (deps.config.devClock && devClock instanceof OffsetClock && deps.clock === devClock) {
      const MAX_MINUTES = 366 * 24 * 60;
      app.post('/api/dev/clock', {
        config: open,
        schema: { body: Type.Object({ advanceMinutes: Type.Integer({ minimum: -MAX_MINUTES, maximum: MAX_MINUTES }) }, { additionalProperties: false }) },
      }, async (request) => {
        const now = devClock.advance(request.body.advanceMinutes * 60_000);
        return { now: now.toISOString(), offsetMinutes: Math.round(devClock.offsetMs / 60_000) };
      });
    }
  }
};
