import type { OperatorProfile, UserRight } from '@up/operators';
import type { CustomerPermission } from '../../http/route-access.js';
import type { ActiveMembership } from './memberships.repository.js';

export const GRANTABLE_RIGHTS: readonly UserRight[] = ['see_invoices', 'sign_orders', 'ev_charging'];

/**
 * ACC-10: the main user may do everything for the customer. An additional user sees contracts and
 * payments, never manages users or contact data, and gets more only through rights the customer grants;
 * whether additional users see invoices without a grant is the operator's setting.
 */
export function hasPermission(membership: ActiveMembership, permission: CustomerPermission, operator: OperatorProfile): boolean {
  if (membership.role === 'main') return true;
  switch (permission) {
    case 'member':
      return true;
    case 'main':
      return false;
    case 'see_invoices':
      return operator.rules.additionalUsersSeeInvoices || membership.rights.includes('see_invoices');
    default:
      return membership.rights.includes(permission);
  }
}

/** The rights a membership effectively has, for the web pages to show or hide things. */
export function effectiveRights(membership: ActiveMembership, operator: OperatorProfile): UserRight[] {
  return GRANTABLE_RIGHTS.filter((right) => hasPermission(membership, right, operator));
}

/**
 * Where the operator requires it, staff who logged in with only a password and have no second factor set
 * up reach nothing but their profile until they set one up (a bank/eID login is strong enough on its own).
 */
export function staffSecondFactorMissing(
  session: { staffRole: string | null; totpEnabled: boolean; authMethod: 'password' | 'bank' },
  operator: OperatorProfile,
): boolean {
  return operator.rules.staffSecondFactorRequired && session.staffRole !== null && !session.totpEnabled && session.authMethod === 'password';
}
