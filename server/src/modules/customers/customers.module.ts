import { CUSTOMERS_AUDIT_ACTIONS } from '@up/common/contracts/customers';
import { CONTRACT_TERMINATION_AUDIT_ACTIONS } from '@up/common/contracts/collections';
import type { PortalModule } from '../../portal-module.js';
import { CUSTOMERS_EMAILS } from './customers.emails.js';
import { customersRoutes } from './customers.routes.js';
import { customersStaffRoutes } from './customers.staff.routes.js';
import { CONTRACT_LIFECYCLE_AUDIT_ACTIONS } from '@up/common/contracts/contract-lifecycle';
import { CONTRACT_LIFECYCLE_EMAILS } from './contract-lifecycle.emails.js';
import { contractLifecycleRoutes } from './contract-lifecycle.routes.js';
import { contractLifecycleStaffRoutes } from './contract-lifecycle.staff.routes.js';
import { startConfirmedContracts } from './contract-start.service.js';
import { TERMINATION_EMAILS } from './contract-termination.emails.js';
import { endContractsPastTheirEnd } from './contract-termination.service.js';

/** Customer records, contracts, contact details and the service password. */
export const customersModule: PortalModule = {
  name: 'customers',
  switchedBy: 'core',
  customerRoutes: async (app, deps) => {
    await customersRoutes(app, deps);
    await contractLifecycleRoutes(app, deps);
  },
  staffRoutes: async (app, deps) => {
    await customersStaffRoutes(app, deps);
    await contractLifecycleStaffRoutes(app, deps);
  },
  auditActions: [...CUSTOMERS_AUDIT_ACTIONS, ...CONTRACT_TERMINATION_AUDIT_ACTIONS, ...CONTRACT_LIFECYCLE_AUDIT_ACTIONS],
  emailTemplates: { ...CUSTOMERS_EMAILS, ...TERMINATION_EMAILS, ...CONTRACT_LIFECYCLE_EMAILS },
  jobs: [
    // BIL-13: a pending contract starts on the day its confirmation e-mail was sent (a started one is not picked again)
    { name: 'customers.start-confirmed-contracts', every: 'tick', run: async (deps) => ({ started: await startConfirmedContracts(deps) }) },
    // BIL-12: a contract whose end day has passed is ended (idempotent: an ended contract is not picked again)
    { name: 'customers.end-contracts', every: 'riga-day', run: async (deps) => ({ ended: await endContractsPastTheirEnd(deps) }) },
  ],
};
