import type { ColumnType, Generated } from 'kysely';

/** Row types of the tables, as Kysely sees them. One `XxxRow` per table. */
type Timestamp = Date;
type Json<T> = ColumnType<T, string, string>;

export interface CustomerRow {
  id: string;
  kind: 'person' | 'company';
  name: string;
  identity_code: string;
  customer_number: string;
  email: string | null;
  phone: string | null;
  postal_address: string | null;
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
}

export type UserStatus = 'pending' | 'active' | 'blocked' | 'deleted';
export type StaffRole = 'customer_service' | 'administrator';

export interface UserRow {
  id: string;
  email: string;
  full_name: string;
  personal_code: string | null;
  phone: string | null;
  language: string;
  password_hash: string | null;
  password_changed_at: Timestamp | null;
  must_change_password: boolean;
  status: UserStatus;
  blocked_reason: string | null;
  activation_deadline: Timestamp | null;
  failed_logins: number;
  locked_until: Timestamp | null;
  last_login_at: Timestamp | null;
  totp_secret: string | null;
  totp_enabled: boolean;
  /** the 30-second step of the last accepted second-factor code: only a later one is accepted */
  totp_last_step: number | null;
  staff_role: StaffRole | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PasswordHistoryRow {
  id: string;
  user_id: string;
  password_hash: string;
  created_at: Timestamp;
}

export interface MembershipRow {
  id: string;
  user_id: string;
  customer_id: string;
  role: 'main' | 'additional';
  rights: string[];
  status: 'active' | 'removed' | 'denied';
  invited_by: string | null;
  created_at: Timestamp;
  ended_at: Timestamp | null;
}

export type TokenPurpose = 'activation' | 'password_reset' | 'invitation' | 'registration_report';

export interface OneTimeTokenRow {
  token_hash: string;
  purpose: TokenPurpose;
  user_id: string;
  /** the customer a registration_report link is about; null for the other purposes */
  customer_id: string | null;
  expires_at: Timestamp;
  used_at: Timestamp | null;
  created_at: Timestamp;
}

export interface SessionRow {
  id_hash: string;
  user_id: string;
  customer_id: string | null;
  csrf_token: string;
  auth_method: 'password' | 'bank';
  authenticated_at: Timestamp;
  second_factor_pending: boolean;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string;
  user_agent: string;
}

export interface TermsVersionRow {
  id: string;
  version: string;
  approved_on: string;
  valid_from: string;
  valid_to: string | null;
  text_lv: string;
  text_en: string;
  text_ru: string;
  published_at: Timestamp;
}

export interface TermsAcceptanceRow {
  user_id: string;
  terms_version_id: string;
  accepted_at: Timestamp;
  ip: string;
}

export interface MaintenanceWindowRow {
  id: string;
  starts_at: Timestamp;
  ends_at: Timestamp;
  module: string | null;
  message_lv: string;
  message_en: string;
  message_ru: string;
  created_by: string | null;
  created_at: Timestamp;
  cancelled_at: Timestamp | null;
}

export interface ErrorReportRow {
  id: string;
  user_id: string | null;
  customer_id: string | null;
  page: string;
  message: string;
  contact_email: string | null;
  status: 'new' | 'handled';
  created_at: Timestamp;
}

export interface OrderRow {
  id: string;
  customer_id: string;
  user_id: string;
  type: string;
  status: 'draft' | 'submitted' | 'in_progress' | 'done' | 'refused' | 'annulled' | 'cancelled';
  payload: Json<Record<string, unknown>>;
  signed_with: 'password' | 'bank' | null;
  submitted_at: Timestamp | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NoticeRow {
  id: string;
  customer_id: string | null;
  user_id: string | null;
  kind: string;
  title: string;
  body: string;
  created_at: Timestamp;
}

export interface NoticeReadRow {
  notice_id: string;
  user_id: string;
  read_at: Timestamp;
}

export interface OutboxEmailRow {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string;
  created_at: Timestamp;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  sent_at: Timestamp | null;
  last_error: string | null;
}

/** Failed logins of an address that has no account, counted like users.failed_logins (ACC-7). */
export interface UnknownAddressLoginRow {
  email: string;
  failed_logins: number;
  locked_until: Timestamp | null;
  updated_at: Timestamp;
}

/** A "forgot password" request waiting for the job worker (ACC-8). */
export interface PasswordResetRequestRow {
  id: string;
  email: string;
  ip: string | null;
  requested_at: Timestamp;
}

export interface RateLimitBucketRow {
  key: string;
  window_start: Timestamp;
  hits: number;
}

export interface JobRunRow {
  job: string;
  period: string;
  started_at: Timestamp;
  finished_at: Timestamp | null;
  result: Json<unknown> | null;
}

export interface AuditEventRow {
  seq: number;
  occurred_at: Timestamp;
  actor_user_id: string | null;
  actor_role: string;
  customer_id: string | null;
  action: string;
  object_type: string | null;
  object_id: string | null;
  ip: string | null;
  details: Json<Record<string, unknown>>;
  prev_hash: string;
  hash: string;
}

/** one row (id 1): the newest event's seq and hash */
export interface AuditChainHeadRow {
  id: number;
  seq: number;
  hash: string;
  /** the hash before the newest event: what that event links to */
  prev_hash: string | null;
}

/** A signed checkpoint of the audit chain head (audit-checkpoints.ts). */
export interface AuditCheckpointRow {
  seq: number;
  hash: string;
  signed_at: Date;
  /** the previous checkpoint's signature, '' for the first */
  prev_signature: string;
  /** HMAC-SHA256 with AUDIT_SIGNING_KEY over seq, hash, signed_at and prev_signature */
  signature: string;
}

export interface Database {
  customers: CustomerRow;
  contracts: ContractRow;
  users: UserRow;
  password_history: PasswordHistoryRow;
  memberships: MembershipRow;
  one_time_tokens: OneTimeTokenRow;
  sessions: SessionRow;
  terms_versions: TermsVersionRow;
  terms_acceptances: TermsAcceptanceRow;
  maintenance_windows: MaintenanceWindowRow;
  error_reports: ErrorReportRow;
  orders: OrderRow;
  notices: NoticeRow;
  notice_reads: NoticeReadRow;
  outbox_emails: OutboxEmailRow;
  rate_limit_buckets: RateLimitBucketRow;
  unknown_address_logins: UnknownAddressLoginRow;
  password_reset_requests: PasswordResetRequestRow;
  job_runs: JobRunRow;
  audit_events: AuditEventRow;
  audit_chain_head: AuditChainHeadRow;
  audit_checkpoints: AuditCheckpointRow;
}
