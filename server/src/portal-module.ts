import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { ModuleName, OperatorProfile } from '@up/operators';
import type { AuditAction } from '@up/common/contracts/audit-actions';
import type { Deps } from './deps.js';
import type { EmailTemplate } from './modules/notifications/index.js';

/** A module's Fastify plugin of routes; each route declares its access (http/route-access.ts). */
export type ModuleRoutes = FastifyPluginAsyncTypebox<Deps>;

/**
 * What a module adds to the portal, in its `<module>.module.ts`. app.ts registers the routes of the modules
 * the operator profile turns on (OPS-3): a module that is off has no routes at all.
 */
export interface PortalModule {
  name: string;
  /** the operator profile's module name(s) that turn this one on (any of them); 'core' modules are always on */
  switchedBy: ModuleName | readonly ModuleName[] | 'core';
  /** routes for anyone and for the logged-in user (/api/auth, /api/me, /api/<module>) */
  publicRoutes?: ModuleRoutes;
  /** routes for a user acting for a customer (/api/customers/:customerId/…) */
  customerRoutes?: ModuleRoutes;
  /** back-office routes (/api/staff/…) */
  staffRoutes?: ModuleRoutes;
  /** the audit actions the module records (declared in common/src/contracts/<module>.ts) */
  auditActions: readonly AuditAction[];
  /** the e-mails it sends (their texts in lv, en and ru) */
  emailTemplates?: Readonly<Record<string, EmailTemplate>>;
  /** its scheduled jobs (jobs.ts runs them for the modules that are on) */
  jobs?: readonly PortalJob[];
}

/** Where jobs report what someone outside the database should keep (the server log). */
export interface JobLog {
  info(details: Record<string, unknown>, message: string): void;
  /** a job that failed (tests may leave it out) */
  error?(details: Record<string, unknown>, message: string): void;
}

/**
 * A scheduled job. `tick`: on every tick of every process (work that is due, taken with SKIP LOCKED or a
 * conditional update, e.g. the e-mail outbox); `hour` and `riga-day`: once per period however many processes
 * run, retried with back-off after a failure (infra/jobs.ts runOncePerPeriod). A job is idempotent.
 */
export interface PortalJob {
  name: string;
  every: 'tick' | 'hour' | 'riga-day';
  run(deps: Deps, log: JobLog): Promise<unknown>;
}

export function isModuleOn(module: PortalModule, operator: Pick<OperatorProfile, 'modules'>): boolean {
  if (module.switchedBy === 'core') return true;
  const names: readonly ModuleName[] = typeof module.switchedBy === 'string' ? [module.switchedBy] : module.switchedBy;
  return names.some((name) => operator.modules.includes(name));
}
