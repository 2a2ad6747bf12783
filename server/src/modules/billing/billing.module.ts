import { BILLING_AUDIT_ACTIONS } from '@up/common/contracts/billing';
import type { PortalModule } from '../../portal-module.js';
import { billingRoutes } from './billing.routes.js';
import { billingStaffRoutes } from './billing.staff.routes.js';
import { BILLING_JOBS } from './billing.jobs.js';

/** Invoices (BIL-1 … BIL-3, BIL-8, BIL-9, BIL-15): tariffs, the monthly billing run, documents, the ledger. */
export const billingModule: PortalModule = {
  name: 'billing',
  switchedBy: 'billing',
  customerRoutes: async (app, deps) => {
    await app.register(billingRoutes, deps);
  },
  staffRoutes: async (app, deps) => {
    await app.register(billingStaffRoutes, deps);
  },
  auditActions: BILLING_AUDIT_ACTIONS,
  jobs: BILLING_JOBS,
};
