/** Shapes of the server's answers, as docs/API.md describes them. */
export type Lang = 'lv' | 'en' | 'ru';
export type LocalizedText = Record<Lang, string>;

export interface ServiceCentre {
  name: LocalizedText;
  address: string;
  hours: LocalizedText;
}

/** GET /api/operator gives centres as objects; the 422 REGISTRATION_DATA_MISMATCH details give them as text. */
export interface SupportContacts {
  phone: string;
  email: string;
  serviceCentres: (ServiceCentre | string)[];
}

export interface Operator {
  id: string;
  portalName: string;
  legalName: string;
  website: string;
  branding: { primaryColor: string; accentColor: string; logoSvg: string };
  modules: string[];
  orderTypes: string[];
  support: SupportContacts & { serviceCentres: ServiceCentre[] };
  rules: { additionalUsersSeeInvoices: boolean; passwordMaxAgeDays: number | null; stepUpOrderTypes: string[] };
  devMode: boolean;
}

export type CustomerKind = 'person' | 'company';
export type MemberRole = 'main' | 'additional';

export interface SessionCustomer {
  id: string;
  name: string;
  kind: CustomerKind;
  customerNumber: string;
  role: MemberRole;
  rights: string[];
}

export interface SessionUser {
  id: string;
  email: string;
  fullName: string;
  phone?: string | null;
  language: Lang;
  staffRole: 'customer_service' | 'administrator' | null;
  hasPassword: boolean;
  authMethod: 'password' | 'bank';
  authenticatedAt: string;
  secondFactorPending: boolean;
  mustChangePassword: boolean;
  /** staff of an operator that requires a second factor, who have none set up yet: only the profile works */
  secondFactorSetupRequired: boolean;
  mustAcceptTermsVersion: string | null;
  totpEnabled: boolean;
  activeCustomerId: string | null;
  customers: SessionCustomer[];
}

export interface Session {
  csrfToken: string;
  user: SessionUser | null;
}

export interface Terms {
  version: string;
  approvedOn: string;
  validFrom: string;
  validTo: string | null;
  texts: LocalizedText;
}

export interface MaintenanceWindow {
  id: string;
  startsAt: string;
  endsAt: string;
  module: string | null;
  message: LocalizedText;
  active: boolean;
}

export interface CustomerSummary {
  customer: { id: string; name: string; kind: CustomerKind; customerNumber: string };
  role: MemberRole;
  rights: string[];
  contracts: { active: number; total: number };
  unreadNotices: number;
  /** API.md leaves the shape open: the server answers the number of users (main user only), else null */
  users: number | unknown[] | null;
}

export interface Contract {
  id: string;
  type: string;
  number: string;
  status: string;
  startsOn: string | null;
  endsOn: string | null;
}

export interface CustomerUser {
  membershipId: string;
  userId: string;
  fullName: string;
  email: string;
  role: MemberRole;
  rights: string[];
  status: 'active' | 'pending';
  since: string;
}

export type InvoiceChannel = 'email' | 'post' | 'portal';
export type NoticeChannel = 'email' | 'sms' | 'portal';

export interface ContactData {
  email: string;
  phone: string;
  postalAddress: string;
  invoiceChannel: InvoiceChannel;
  noticeChannel: NoticeChannel;
}

/** API.md does not list the fields of GET …/orders; these follow the server's listOrders. */
export interface Order {
  id: string;
  type: string;
  status: string;
  payload?: { description?: string } & Record<string, unknown>;
  signedWith?: 'password' | 'bank' | null;
  signedBy?: string;
  createdAt?: string;
  submittedAt?: string | null;
}

export interface Notice {
  id: string;
  customerId: string | null;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt: string | null;
}

export interface UserSessionInfo {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  ip: string;
  userAgent: string;
  authMethod: 'password' | 'bank';
  current: boolean;
}

/** API.md says "audit events"; the fields follow the audit_events table in camelCase. */
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
}

export interface DevMail {
  id: string;
  to: string;
  from: string;
  subject: string;
  text: string;
  receivedAt: string;
}
