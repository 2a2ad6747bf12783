import type { PortalModule } from '../../portal-module.js';
import { deliverPendingEmails } from './notifications.service.js';

/** The e-mail outbox and the in-portal inbox (GRD-7): always on. Its inbox page is composed in overview. */
export const notificationsModule: PortalModule = {
  name: 'notifications',
  switchedBy: 'core',
  auditActions: [],
  jobs: [
    { name: 'e-mail-outbox', every: 'tick', run: (deps) => deliverPendingEmails(deps.db, deps.mailTransport, deps.config.mailFrom, deps.clock) },
  ],
};
