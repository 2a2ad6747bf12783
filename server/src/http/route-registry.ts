import type { FastifyInstance, FastifySchema, RouteOptions } from 'fastify';
import type { RouteAccess } from './route-access.js';

/** One route as registered: what the access tests (and a start-up check) need to know about it. */
export interface RegisteredRoute {
  method: string;
  url: string;
  access: RouteAccess | undefined;
  allowIncompleteLogin: boolean;
  schema: FastifySchema | undefined;
}

const registries = new WeakMap<FastifyInstance, RouteOptions[]>();

/**
 * Records every route added after this call (app.ts installs it before the modules), so tests can walk
 * all routes and check each one's declared access. The route options are kept as objects and read when
 * asked, because a later onRoute hook of a plugin may still fill in the config.
 */
export function collectRoutes(app: FastifyInstance): void {
  const routes: RouteOptions[] = [];
  registries.set(app, routes);
  app.addHook('onRoute', (route) => {
    routes.push(route);
  });
}

/** Every route of the app, one entry per method (HEAD routes Fastify adds for GET are left out). */
export function registeredRoutes(app: FastifyInstance): RegisteredRoute[] {
  const routes = registries.get(app);
  if (!routes) throw new Error('collectRoutes(app) was not installed on this instance');
  return routes.flatMap((route) =>
    (Array.isArray(route.method) ? route.method : [route.method])
      .filter((method) => method !== 'HEAD')
      .map((method) => ({
        method,
        url: route.url,
        access: route.config?.access,
        allowIncompleteLogin: route.config?.allowIncompleteLogin === true,
        schema: route.schema,
      })),
  );
}
