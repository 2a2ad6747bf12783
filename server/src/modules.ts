import type { OperatorProfile } from '@up/operators';
import { isModuleOn, type PortalModule } from './portal-module.js';
import { accountsModule } from './modules/accounts/accounts.module.js';
import { auditModule } from './modules/audit/audit.module.js';
import { customersModule } from './modules/customers/customers.module.js';
import { operatorModule } from './modules/operator/operator.module.js';
import { notificationsModule } from './modules/notifications/notifications.module.js';
import { ordersModule } from './modules/orders/orders.module.js';
import { meteringModule } from './modules/metering/metering.module.js';
import { billingModule } from './modules/billing/billing.module.js';
import { paymentsModule } from './modules/payments/payments.module.js';
import { overviewModule } from './modules/overview/overview.module.js';
import { termsModule } from './modules/terms/terms.module.js';

/** Every module of the portal. A new module adds its descriptor here (docs/ARCHITECTURE.md, "Adding a module"). */
export const PORTAL_MODULES: readonly PortalModule[] = [
  operatorModule,
  termsModule,
  accountsModule,
  customersModule,
  ordersModule,
  meteringModule,
  billingModule,
  paymentsModule,
  notificationsModule,
  auditModule,
  overviewModule,
];

/** The modules this operator's profile turns on (OPS-3). */
export function enabledModules(operator: Pick<OperatorProfile, 'modules'>, modules: readonly PortalModule[] = PORTAL_MODULES): PortalModule[] {
  return modules.filter((module) => isModuleOn(module, operator));
}
