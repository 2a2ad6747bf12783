import type { Timestamp } from '../../db/column-types.js';

/** BIL-14: a change of the contract terms of one contract type, announced at least 30 days before it takes effect. */
export interface TermChangeRow {
  id: string;
  contract_type: string;
  terms_version: string;
  summary_lv: string;
  summary_en: string;
  summary_ru: string;
  announced_on: string;
  effective_on: string;
  announced_by: string | null;
  /** when the daily job recorded the outcome of every contract (on the effective day) */
  applied_at: Timestamp | null;
  created_at: Timestamp;
}

/** BIL-14: each contract the change was announced to, and what became of it. */
export interface TermChangeContractRow {
  term_change_id: string;
  contract_id: string;
  customer_id: string;
  outcome: 'notified' | 'left' | 'accepted';
  decided_on: string | null;
  /** the contract's number, named in the announcement's e-mail (null for announcements before it was kept) */
  contract_number: string | null;
  /** when the customer was told (e-mail and notice, in a batch after the announcement); null until then */
  told_at: Timestamp | null;
}

export interface TermChangeTables {
  term_changes: TermChangeRow;
  term_change_contracts: TermChangeContractRow;
}
