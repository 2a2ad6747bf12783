/**
 * Shapes of the staff API answers (docs/API.md, "Staff"). Where the document only names the parts of an
 * answer (customer detail, error reports), fields are optional so the page degrades instead of breaking.
 */
export type StaffRole = 'customer_service' | 'administrator';
export type CustomerKind = 'person' | 'company';
export type Localized = { lv: string; en: string; ru: string };

export interface CustomerListItem {
  id: string;
  name: string;
  kind: CustomerKind;
  identityCode: string;
  customerNumber: string;
  email: string | null;
}

export interface CustomerRecord extends CustomerListItem {
  phone?: string | null;
  postalAddress?: string | null;
  language?: string;
}

export type ContractStatus = 'pending' | 'active' | 'suspended' | 'ended';

export interface Contract {
  id: string;
  type: string;
  number: string;
  status: ContractStatus;
  startsOn: string | null;
  endsOn?: string | null;
}

export interface PortalUser {
  membershipId: string;
  userId: string;
  fullName: string;
  email: string;
  role?: 'main' | 'additional';
  status: 'pending' | 'active' | 'blocked' | 'deleted';
  /** ISO instant of a temporary lockout (ACC-7), null when none */
  lockedUntil?: string | null;
  locked?: boolean;
  blockedReason?: string | null;
  /** ACC-6: staff asked for a new password; the user has not chosen it yet */
  mustChangePassword?: boolean;
}

export interface CustomerDetail {
  customer: CustomerRecord;
  contracts: Contract[];
  users: PortalUser[];
}

export interface ImportResult {
  created: number;
  updated: number;
  errors: { row: number; field: string; reason: string }[];
}

export interface AuditEvent {
  seq: number;
  occurredAt: string;
  actorUserId: string | null;
  actorRole: string;
  customerId: string | null;
  action: string;
  objectType: string | null;
  objectId: string | null;
  ip: string | null;
  details: Record<string, unknown>;
  /** the acting user's name and e-mail (null for the system) and whether the account was deleted since */
  actorName: string | null;
  actorEmail: string | null;
  actorDeleted: boolean;
  customerName: string | null;
}

export interface TermsVersion {
  version: string;
  approvedOn: string;
  validFrom: string;
  validTo: string | null;
}

export interface MaintenanceWindow {
  id: string;
  startsAt: string;
  endsAt: string;
  module: string | null;
  message: Localized;
  active: boolean;
}

export interface ErrorReport {
  id: string;
  createdAt: string;
  page: string;
  message: string;
  contactEmail?: string | null;
  userId?: string | null;
  customerId?: string | null;
  status?: string;
}

export const CONTRACT_TYPES = [
  'electricity_supply',
  'gas_supply',
  'grid_connection',
  'ev_charging',
  'radio_permit',
  'product_purchase',
  'additional_service',
] as const;

export const CONTRACT_STATUSES: readonly ContractStatus[] = ['pending', 'active', 'suspended', 'ended'];

/** Modules a maintenance window can cover; '' is the whole portal. */
export const MAINTENANCE_MODULES = ['billing', 'charging', 'metering', 'grid'] as const;
