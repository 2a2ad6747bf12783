import { METERING_AUDIT_ACTIONS } from '@up/common/contracts/metering';
import type { PortalModule } from '../../portal-module.js';
import { meteringRoutes } from './metering.routes.js';
import { meterReadingsRoutes } from './meter-readings.routes.js';
import { dataTokensRoutes } from './data-tokens.routes.js';
import { meteringStaffRoutes } from './metering.staff.routes.js';
import { meteringImportsStaffRoutes } from './metering-imports.staff.routes.js';
import { METERING_JOBS } from './metering.jobs.js';

/**
 * Objects, meters and consumption (GRD-1 … GRD-4): on for grid and supply operators (metering) and for the
 * radio-permit operator (permits), whose objects are permits.
 */
export const meteringModule: PortalModule = {
  name: 'metering',
  switchedBy: ['metering', 'permits'],
  customerRoutes: async (app, deps) => {
    await app.register(meteringRoutes, deps);
    await app.register(meterReadingsRoutes, deps);
    await app.register(dataTokensRoutes, deps);
  },
  staffRoutes: async (app, deps) => {
    await app.register(meteringStaffRoutes, deps);
    await app.register(meteringImportsStaffRoutes, deps);
  },
  auditActions: METERING_AUDIT_ACTIONS,
  jobs: METERING_JOBS,
};
