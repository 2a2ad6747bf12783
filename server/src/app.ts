import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Deps } from './deps.js';
import { installErrorHandler } from './http/error-handler.js';
import { installSecurityHeaders, securityHeaders } from './http/security-headers.js';
import { sessionHook } from './http/session-hook.js';
import { AppError } from './infra/errors.js';
import { authRoutes } from './modules/accounts/auth.routes.js';
import { meRoutes } from './modules/accounts/me.routes.js';
import { customerRoutes } from './modules/customers/customer.routes.js';
import { staffRoutes } from './modules/staff/staff.routes.js';
import { publicRoutes } from './modules/operator/public.routes.js';
import { portalUnderMaintenance } from './modules/operator/operations.service.js';
import { installMetrics } from './http/metrics.js';
import { collectRoutes } from './http/route-registry.js';
import { installInputGuards } from './http/input-guards.js';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface BuildAppOptions {
  logger?: boolean | object;
  /** serve the built web app from web/dist (default: when it exists) */
  serveWeb?: boolean;
}

/** Registers plugins and modules; never listens (main.ts and tests decide that). */
export async function buildApp(deps: Deps, options: BuildAppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: deps.config.trustProxy,
    bodyLimit: 1024 * 1024,
    ajv: { customOptions: { removeAdditional: false, coerceTypes: 'array', allErrors: false } },
    // The router's own refusals (a path parameter over 100 characters, a broken %-escape) in the one error shape.
    frameworkErrors: (error, _request, reply) => {
      void (reply as FastifyReply).code(error.statusCode ?? 400).send({ error: { code: error.code, message: error.message, details: {} } });
    },
  }).withTypeProvider<TypeBoxTypeProvider>();

  installErrorHandler(app);
  collectRoutes(app);
  installInputGuards(app);
  installMetrics(app);
  await app.register(cookie);
  installSecurityHeaders(app, securityHeaders(deps.config, { formActionOrigins: deps.bankLogin ? [deps.bankLogin.providerOrigin] : [] }));
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: `${deps.operator.portalName} API`, version: '0.1.0' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'up_session' } } },
    },
  });
  // The API documentation pages are public: the plugin's own routes get the access rule every /api route needs.
  await app.register(async (docs) => {
    docs.addHook('onRoute', (route) => {
      route.config = { ...route.config, access: 'public' };
    });
    await docs.register(swaggerUi, { routePrefix: '/api/docs' });
  });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, async () => app.swagger());

  await app.register(sessionHook, deps);
  // OPS-2: during a maintenance window of the whole portal, customer pages pause; staff can still work.
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config?.access;
    if (!access || typeof access !== 'object') return;
    if (await portalUnderMaintenance(deps)) {
      throw new AppError('MAINTENANCE', 503, 'The portal is down for scheduled maintenance; please come back later');
    }
  });

  await app.register(publicRoutes, deps);
  await app.register(authRoutes, deps);
  await app.register(meRoutes, deps);
  await app.register(customerRoutes, deps);
  await app.register(staffRoutes, deps);

  if (options.serveWeb ?? existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, wildcard: false, preCompressed: false });
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/') || request.method !== 'GET') {
        return reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'No such address', details: {} } });
      }
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((_request, reply) => reply.code(404).send({ error: { code: 'NOT_FOUND', message: 'No such address', details: {} } }));
  }
  return app;
}
