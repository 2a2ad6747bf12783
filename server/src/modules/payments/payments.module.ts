import { PAYMENTS_AUDIT_ACTIONS } from '@up/common/contracts/payments';
import { COLLECTIONS_AUDIT_ACTIONS } from '@up/common/contracts/collections';
import type { PortalModule } from '../../portal-module.js';
import { paymentsRoutes } from './payments.routes.js';
import { paymentsStaffRoutes } from './payments.staff.routes.js';
import { paymentNoticeRoutes } from './payment-notices.routes.js';
import { collectionsRoutes } from './collections.routes.js';
import { contractWithdrawalRoutes } from './contract-withdrawal.routes.js';
import { collectionsStaffRoutes } from './collections.staff.routes.js';
import { COLLECTIONS_JOBS } from './collections.jobs.js';
import { PAYMENT_NOTICE_JOBS } from './payment-notices.jobs.js';
import { COLLECTIONS_EMAILS } from './collections.emails.js';

/**
 * Payments and collections (issue 13; BIL-3 … BIL-7, BIL-10 … BIL-15): money coming in from bank statements and
 * staff, matched to customers and allocated in the billing module's ledger. On with billing.
 */
export const paymentsModule: PortalModule = {
  name: 'payments',
  switchedBy: 'billing',
  publicRoutes: paymentNoticeRoutes,
  customerRoutes: async (app, deps) => {
    await app.register(paymentsRoutes, deps);
    await app.register(collectionsRoutes, deps);
    await app.register(contractWithdrawalRoutes, deps);
  },
  staffRoutes: async (app, deps) => {
    await app.register(paymentsStaffRoutes, deps);
    await app.register(collectionsStaffRoutes, deps);
  },
  auditActions: [...PAYMENTS_AUDIT_ACTIONS, ...COLLECTIONS_AUDIT_ACTIONS],
  emailTemplates: COLLECTIONS_EMAILS,
  jobs: [...COLLECTIONS_JOBS, ...PAYMENT_NOTICE_JOBS],
};
