import { TERMS_AUDIT_ACTIONS } from '@up/common/contracts/terms';
import type { PortalModule } from '../../portal-module.js';
import { termsRoutes } from './terms.routes.js';
import { termsStaffRoutes } from './terms.staff.routes.js';

/** Versioned terms of use (ACC-1, OPS-1): always on. */
export const termsModule: PortalModule = {
  name: 'terms',
  switchedBy: 'core',
  publicRoutes: termsRoutes,
  staffRoutes: termsStaffRoutes,
  auditActions: TERMS_AUDIT_ACTIONS,
};
