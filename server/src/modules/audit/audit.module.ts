import type { PortalModule } from '../../portal-module.js';
import { auditCustomerRoutes, auditRoutes } from './audit.routes.js';
import { AUDIT_JOBS } from './audit.jobs.js';

/** The hash-chained audit log (ACC-17): always on. It records the other modules' actions, none of its own. */
export const auditModule: PortalModule = {
  name: 'audit',
  switchedBy: 'core',
  publicRoutes: auditRoutes,
  customerRoutes: auditCustomerRoutes,
  auditActions: [],
  jobs: AUDIT_JOBS,
};
