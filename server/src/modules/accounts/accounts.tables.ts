import type { Timestamp } from '../../db/column-types.js';

/** Row types of the tables the accounts module owns, as Kysely sees them (composed into db/schema.ts). */

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

export interface AccountsTables {
  users: UserRow;
  password_history: PasswordHistoryRow;
  memberships: MembershipRow;
  one_time_tokens: OneTimeTokenRow;
  sessions: SessionRow;
  unknown_address_logins: UnknownAddressLoginRow;
  password_reset_requests: PasswordResetRequestRow;
}
