import type { PortalJob } from '../../portal-module.js';
import { SYSTEM_ACTOR } from '../audit/index.js';
import { blockExpiredActivations, handlePasswordResetRequests } from './activation.service.js';
import { deleteInactiveAccounts } from './account-lifecycle.service.js';
import { purgeUnknownAddressLogins } from './login.service.js';
import { purgeExpiredSessions } from './sessions.service.js';

/** The accounts module's scheduled jobs. */
export const ACCOUNTS_JOBS: readonly PortalJob[] = [
  // ACC-8: "forgot password" only queues the address; the link is sent from here.
  { name: 'password-reset-requests', every: 'tick', run: (deps) => handlePasswordResetRequests(deps) },
  // ACC-4: accounts not activated within 24 hours are blocked.
  { name: 'block-expired-activations', every: 'hour', run: (deps) => blockExpiredActivations(deps, SYSTEM_ACTOR) },
  {
    name: 'purge-sessions',
    every: 'hour',
    run: async (deps) => {
      await purgeExpiredSessions(deps.db, deps.clock.now());
      await purgeUnknownAddressLogins(deps, deps.clock.now());
    },
  },
  // ACC-12: the yearly clean-up rule is checked daily, so an account goes within a day of turning a year idle.
  { name: 'delete-inactive-accounts', every: 'riga-day', run: (deps) => deleteInactiveAccounts(deps, SYSTEM_ACTOR) },
];
