import { TERMS_AUDIT_ACTIONS } from '@up/common/contracts/terms';
import type { PortalModule } from '../../portal-module.js';
import { termsRoutes } from './terms.routes.js';
import { termsStaffRoutes } from './terms.staff.routes.js';
import { TERM_CHANGE_AUDIT_ACTIONS } from '@up/common/contracts/contract-lifecycle';
import { TERM_CHANGE_EMAILS } from './term-change.emails.js';
import { termChangeRoutes } from './term-change.routes.js';
import { termChangeStaffRoutes } from './term-change.staff.routes.js';
import { applyDueTermChanges } from './term-change.service.js';
import { tellTermChangeCustomers } from './term-change-notices.js';

/** Versioned terms of use (ACC-1, OPS-1): always on. */
export const termsModule: PortalModule = {
  name: 'terms',
  switchedBy: 'core',
  publicRoutes: termsRoutes,
  customerRoutes: termChangeRoutes,
  staffRoutes: async (app, deps) => {
    await termsStaffRoutes(app, deps);
    await termChangeStaffRoutes(app, deps);
  },
  auditActions: [...TERMS_AUDIT_ACTIONS, ...TERM_CHANGE_AUDIT_ACTIONS],
  emailTemplates: TERM_CHANGE_EMAILS,
  jobs: [
    // BIL-14: on the effective day a change stands as accepted for the contracts that did not leave (applied once)
    { name: 'terms.apply-term-changes', every: 'riga-day', run: (deps) => applyDueTermChanges(deps) },
    // BIL-14: the customers of an announced change not told yet (beyond the announcement's first batches, or left by a crash)
    { name: 'terms.term-change-notices', every: 'tick', run: async (deps) => ({ told: await tellTermChangeCustomers(deps) }) },
  ],
};
