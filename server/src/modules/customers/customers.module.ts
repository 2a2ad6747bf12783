import { CUSTOMERS_AUDIT_ACTIONS } from '@up/common/contracts/customers';
import type { PortalModule } from '../../portal-module.js';
import { CUSTOMERS_EMAILS } from './customers.emails.js';
import { customersRoutes } from './customers.routes.js';
import { customersStaffRoutes } from './customers.staff.routes.js';

/** Customer records, contracts, contact details and the service password. */
export const customersModule: PortalModule = {
  name: 'customers',
  switchedBy: 'core',
  customerRoutes: customersRoutes,
  staffRoutes: customersStaffRoutes,
  auditActions: CUSTOMERS_AUDIT_ACTIONS,
  emailTemplates: CUSTOMERS_EMAILS,
};
