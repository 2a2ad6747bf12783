import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/column-types.js';

/** Row types of the tables the payments module owns, as Kysely sees them (composed into db/schema.ts). */

/** One imported camt.053 statement and what its entries came to. */
export interface BankStatementRow {
  id: string;
  message_id: string;
  statement_id: string;
  account_iban: string | null;
  from_date: string | null;
  to_date: string | null;
  entries: number;
  credits: number;
  matched: number;
  unmatched: number;
  duplicates: number;
  rejected: number;
  total_cents: number;
  imported_by: string | null;
  created_at: Timestamp;
}

export type PaymentSource = 'bank' | 'online' | 'staff';
export type PaymentStatus = 'applied' | 'unmatched' | 'reversed';
export type MatchedBy = 'reference' | 'invoice_number' | 'customer_number' | 'staff' | 'online';

/** An incoming payment, unique per source and the source's reference (a bank entry's, a provider's payment id). */
export interface PaymentRow {
  id: string;
  source: PaymentSource;
  reference: string;
  /** null while no customer is matched (staff allocate it) */
  customer_id: string | null;
  amount_cents: number;
  /** BIL-4: the day the money reached the operator's account */
  received_on: string;
  payer_name: string | null;
  payer_account: string | null;
  /** the creditor reference the payer gave (RF…) */
  payment_reference: string | null;
  remittance_text: string | null;
  status: PaymentStatus;
  matched_by: MatchedBy | null;
  statement_id: string | null;
  end_to_end_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type IntentStatus = 'started' | 'paid' | 'cancelled' | 'failed';

/** BIL-15: an online payment the customer started at the provider, until its notice says how it ended. */
export interface PaymentIntentRow {
  id: string;
  customer_id: string;
  created_by: string;
  provider: string;
  provider_payment_id: string | null;
  amount_cents: number;
  invoice_ids: string[];
  status: IntentStatus;
  payment_id: string | null;
  created_at: Timestamp;
  completed_at: Timestamp | null;
}

export type NoticeOutcome = 'paid' | 'cancelled' | 'failed' | 'ignored';

/**
 * BIL-15: a payment provider's notice, as received (signature checked, stored once per provider and notice id),
 * until the applier has applied it (online-payments.service.ts, payment-notice-inbox.ts).
 */
export interface PaymentNoticeRow {
  id: string;
  /** the order received (an identity): the applier goes oldest first */
  seq: Generated<number>;
  provider: string;
  /** the provider's id of the notice: the same in its retries */
  notice_id: string;
  provider_payment_id: string;
  intent_id: string;
  customer_id: string;
  status: 'paid' | 'cancelled' | 'failed';
  amount_cents: number;
  paid_at: Timestamp | null;
  /** the signed body exactly as sent (evidence) */
  raw_body: string;
  received_at: Timestamp;
  /** null while pending */
  applied_at: Timestamp | null;
  /** what applying it did: the intent's new status, or ignored (the payment had ended already) */
  outcome: NoticeOutcome | null;
  /** why applying it failed last time (it stays pending; the job tries again) */
  error: string | null;
}

/** BIL-11: a reminder sent for an overdue invoice, once per invoice and stage. */
export interface PaymentReminderRow {
  id: string;
  customer_id: string;
  invoice_id: string;
  invoice_number: string;
  stage: number;
  sent_on: string;
  /** what was open on the invoice when reminded */
  open_cents: number;
  created_at: Timestamp;
}

export type SuspensionReason = 'late_payment' | 'breach' | 'limit_exceeded' | 'debt_registry';

/** BIL-11, BIL-12: the customer's service suspended, for it and all its users, until restored. */
export interface ServiceSuspensionRow {
  id: string;
  customer_id: string;
  reason: SuspensionReason;
  note: string | null;
  since: Timestamp;
  /** null: the collections job */
  suspended_by: string | null;
  restored_at: Timestamp | null;
  restored_by: string | null;
  /** paid: the overdue debt reached 0; staff: restored by hand */
  restore_cause: 'paid' | 'staff' | null;
}

export interface PaymentsTables {
  bank_statements: BankStatementRow;
  payments: PaymentRow;
  payment_intents: PaymentIntentRow;
  payment_notices: PaymentNoticeRow;
  payment_reminders: PaymentReminderRow;
  service_suspensions: ServiceSuspensionRow;
}
