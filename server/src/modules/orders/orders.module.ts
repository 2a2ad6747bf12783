import { ORDERS_AUDIT_ACTIONS } from '@up/common/contracts/orders';
import type { PortalModule } from '../../portal-module.js';
import { ordersRoutes } from './orders.routes.js';
import { ordersStaffRoutes } from './orders.staff.routes.js';

/** Orders a customer gives the operator (GRD-6): always on; the profile chooses the order types (OPS-3). */
export const ordersModule: PortalModule = {
  name: 'orders',
  switchedBy: 'core',
  customerRoutes: ordersRoutes,
  staffRoutes: ordersStaffRoutes,
  auditActions: ORDERS_AUDIT_ACTIONS,
};
