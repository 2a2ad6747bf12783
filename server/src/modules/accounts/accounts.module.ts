import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ACCOUNTS_AUDIT_ACTIONS } from '@up/common/contracts/accounts';
import type { Deps } from '../../deps.js';
import type { PortalModule } from '../../portal-module.js';
import { ACCOUNTS_EMAILS } from './accounts.emails.js';
import { authRoutes } from './auth.routes.js';
import { meRoutes } from './me.routes.js';
import { customerUsersRoutes } from './customer-users.routes.js';
import { accountsStaffRoutes } from './accounts.staff.routes.js';
import { ACCOUNTS_JOBS } from './accounts.jobs.js';

const accountsPublicRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  await app.register(authRoutes, deps);
  await app.register(meRoutes, deps);
};

/** Registration, login, sessions, users and their rights (ACC-1 … ACC-19): always on. */
export const accountsModule: PortalModule = {
  name: 'accounts',
  switchedBy: 'core',
  publicRoutes: accountsPublicRoutes,
  customerRoutes: customerUsersRoutes,
  staffRoutes: accountsStaffRoutes,
  auditActions: ACCOUNTS_AUDIT_ACTIONS,
  emailTemplates: ACCOUNTS_EMAILS,
  jobs: ACCOUNTS_JOBS,
};
