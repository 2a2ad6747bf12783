import type { PortalModule } from '../../portal-module.js';
import { inboxRoutes, overviewRoutes } from './overview.routes.js';
import { overviewStaffRoutes } from './overview.staff.routes.js';

/** Pages composed of several modules (the overview, the inbox, the back office's customer file and audit trail): always on. */
export const overviewModule: PortalModule = {
  name: 'overview',
  switchedBy: 'core',
  publicRoutes: inboxRoutes,
  customerRoutes: overviewRoutes,
  staffRoutes: overviewStaffRoutes,
  auditActions: [],
};
