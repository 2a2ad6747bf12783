import { ACCOUNTS_AUDIT_ACTIONS } from './accounts.ts';
import { CUSTOMERS_AUDIT_ACTIONS } from './customers.ts';
import { OPERATOR_AUDIT_ACTIONS } from './operator.ts';
import { METERING_AUDIT_ACTIONS } from './metering.ts';
import { ORDERS_AUDIT_ACTIONS } from './orders.ts';
import { TERMS_AUDIT_ACTIONS } from './terms.ts';
import { BILLING_AUDIT_ACTIONS } from './billing.ts';
import { PAYMENTS_AUDIT_ACTIONS } from './payments.ts';
import { COLLECTIONS_AUDIT_ACTIONS, CONTRACT_TERMINATION_AUDIT_ACTIONS } from './collections.ts';
import { CONTRACT_LIFECYCLE_AUDIT_ACTIONS, TERM_CHANGE_AUDIT_ACTIONS } from './contract-lifecycle.ts';

/**
 * Every action the audit log records (ACC-17), one list per module: the server's recordAudit takes only these,
 * and the web shows each with its label in lv, en and ru (translations.test.ts checks every one has them).
 */
export const AUDIT_ACTIONS = [
  ...ACCOUNTS_AUDIT_ACTIONS,
  ...CUSTOMERS_AUDIT_ACTIONS,
  ...OPERATOR_AUDIT_ACTIONS,
  ...ORDERS_AUDIT_ACTIONS,
  ...METERING_AUDIT_ACTIONS,
  ...BILLING_AUDIT_ACTIONS,
  ...PAYMENTS_AUDIT_ACTIONS,
  ...COLLECTIONS_AUDIT_ACTIONS,
  ...CONTRACT_TERMINATION_AUDIT_ACTIONS,
  ...TERMS_AUDIT_ACTIONS,
  ...CONTRACT_LIFECYCLE_AUDIT_ACTIONS,
  ...TERM_CHANGE_AUDIT_ACTIONS,
] as const;

export type AuditAction = (typeof AUDIT_ACTIONS)[number];
