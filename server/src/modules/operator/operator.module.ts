import { OPERATOR_AUDIT_ACTIONS } from '@up/common/contracts/operator';
import type { PortalModule } from '../../portal-module.js';
import { operatorRoutes } from './operator.routes.js';
import { operatorStaffRoutes } from './operator.staff.routes.js';

/** The operator's profile, maintenance windows, error reports and job runs (OPS-2, OPS-4): always on. */
export const operatorModule: PortalModule = {
  name: 'operator',
  switchedBy: 'core',
  publicRoutes: operatorRoutes,
  staffRoutes: operatorStaffRoutes,
  auditActions: OPERATOR_AUDIT_ACTIONS,
};
