/** The accounts module's public surface: users, memberships, sessions and rights (ACC-1 … ACC-19). */
export { effectiveRights, hasPermission } from './accounts.policy.js';
export { hasRecentStrongLogin, STEP_UP_VALID_MINUTES } from './bank-login.service.js';
export { listActiveMembershipsOfUser, activeUsersCount, type ActiveMembership } from './memberships.repository.js';
export { listPortalUsersOfCustomer } from './additional-users.service.js';
export { describeUsers, findUserIdsByEmail } from './users.repository.js';
export type { SessionUser } from './sessions.service.js';
