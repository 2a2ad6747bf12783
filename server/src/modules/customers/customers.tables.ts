import type { Timestamp } from '../../db/column-types.js';

/** Row types of the tables the customers module owns, as Kysely sees them (composed into db/schema.ts). */

export interface CustomerRow {
  id: string;
  kind: 'person' | 'company';
  name: string;
  identity_code: string;
  customer_number: string;
  email: string | null;
  phone: string | null;
  postal_address: string | null;
  /** a legal entity's VAT number ('LV40003012345'), null when not VAT registered or a person */
  vat_number: string | null;
  invoice_channel: 'email' | 'post' | 'portal';
  notice_channel: 'email' | 'sms' | 'portal';
  language: string;
  service_password_hash: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ContractRow {
  id: string;
  customer_id: string;
  type: string;
  number: string;
  status: 'pending' | 'active' | 'suspended' | 'ended';
  starts_on: string | null;
  ends_on: string | null;
  created_at: Timestamp;
  /** BIL-13, BIL-14: the version of the contract terms it runs on (contract-lifecycle migration) */
  terms_version: string | null;
  /** BIL-13: the outbox message whose sending starts the contract */
  confirmation_email_id: string | null;
}

/** BIL-12: notice given on a contract; the contract's ends_on is the end day. */
export interface ContractTerminationRow {
  contract_id: string;
  customer_id: string;
  given_by: 'customer' | 'operator';
  noticed_on: string;
  ends_on: string;
  reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface CustomersTables {
  customers: CustomerRow;
  contracts: ContractRow;
  contract_terminations: ContractTerminationRow;
}
