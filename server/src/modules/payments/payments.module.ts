import { PAYMENTS_AUDIT_ACTIONS } from '@up/common/contracts/payments';
import type { PortalModule } from '../../portal-module.js';
import { paymentsRoutes } from './payments.routes.js';
import { paymentsStaffRoutes } from './payments.staff.routes.js';
import { paymentNoticeRoutes } from './payment-notices.routes.js';

/**
 * Payments and collections (issue 13; BIL-3 … BIL-7, BIL-10 … BIL-15): money coming in from bank statements and
 * staff, matched to customers and allocated in the billing module's ledger. On with billing.
 */
export const paymentsModule: PortalModule = {
  name: 'payments',
  switchedBy: 'billing',
  publicRoutes: paymentNoticeRoutes,
  customerRoutes: paymentsRoutes,
  staffRoutes: paymentsStaffRoutes,
  auditActions: PAYMENTS_AUDIT_ACTIONS,
};
