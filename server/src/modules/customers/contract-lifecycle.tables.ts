import type { Timestamp } from '../../db/column-types.js';

/** BIL-13: a withdrawal within 14 days of the start, with what was paid, what the service received was worth and the refund. */
export interface ContractWithdrawalRow {
  contract_id: string;
  customer_id: string;
  withdrawn_on: string;
  paid_cents: number;
  received_cents: number;
  refund_cents: number;
  /** the withdrawal day + 14 days: the refund reaches the customer by then */
  refund_due_on: string;
  /** the day staff paid the refund out; null while it is due */
  refund_paid_on: string | null;
  created_at: Timestamp;
}

/** BIL-14: a contract terms version of a contract type and the day it takes effect (recorded by terms when announced). */
export interface ContractTermsVersionRow {
  contract_type: string;
  terms_version: string;
  effective_on: string;
  created_at: Timestamp;
}

export interface ContractLifecycleTables {
  contract_withdrawals: ContractWithdrawalRow;
  contract_terms_versions: ContractTermsVersionRow;
}
