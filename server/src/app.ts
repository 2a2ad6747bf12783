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
import { portalUnderMaintenance } from './modules/operator/index.js';
import { enabledModules } from './modules.js';
import type { PortalModule } from './portal-module.js';
import { describeAccess } from './http/route-access.js';
import { installMetrics } from './http/metrics.js';
import { collectRoutes } from './http/route-registry.js';
import { installInputGuards } from './http/input-guards.js';
import { installAnswerCheck } from './http/response-check.js';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export interface BuildAppOptions {
  logger?: boolean | object;
  /** serve the built web app from web/dist (default: when it exists) */
  serveWeb?: boolean;
  /** the portal's modules (default: all of them, PORTAL_MODULES); tests pass their own */
  modules?: readonly PortalModule[];
  /** tests: every answer must match its route's response schema exactly (http/response-check.ts) */
  checkAnswers?: boolean;
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

  if (deps.invoicePdfs) {
    const invoicePdfs = deps.invoicePdfs;
    app.addHook('onClose', () => invoicePdfs.close());
  }
  installErrorHandler(app);
  collectRoutes(app);
  installInputGuards(app);
  installMetrics(app);
  if (options.checkAnswers) installAnswerCheck(app);
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

  // OPS-3: only the modules the operator profile turns on have routes.
  for (const module of enabledModules(deps.operator, options.modules)) {
    await app.register(async (scope) => {
      // The OpenAPI document groups the routes by module and says who may call each.
      scope.addHook('onRoute', (route) => {
        const schema = (route.schema ?? {}) as { tags?: string[]; description?: string };
        route.schema = { ...schema, tags: [module.name], description: [schema.description, `Access: ${describeAccess(route.config?.access)}.`].filter(Boolean).join('\n\n') };
      });
      for (const routes of [module.publicRoutes, module.customerRoutes, module.staffRoutes]) {
        if (routes) await scope.register(routes, deps);
      }
    });
  }

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
