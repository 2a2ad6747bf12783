import { Type, type Static } from 'typebox';
import { CustomerKind, Id, IsoDateTime, Nullable, SequenceNumber, Text } from './fields.ts';
import { ContractList, Customer } from './customers.ts';
import { MemberRole, StaffPortalUser } from './accounts.ts';
import { AuditEvent } from './audit.ts';

/**
 * The overview module's part of the API contract: pages composed of several modules (the customer summary,
 * the inbox, the back office's customer file and audit trail). It records no audit actions.
 *
 * The parts come from their modules' contracts (Customer, StaffPortalUser, AuditEvent, Notice).
 */

/** GET /api/customers/:customerId/summary (ACC-10, ACC-11). */
export const CustomerSummary = Type.Object({
  customer: Type.Object({ id: Type.String(), name: Type.String(), kind: CustomerKind, customerNumber: Type.String() }),
  role: MemberRole,
  /** what the user may do for this customer, with the operator's rules applied */
  rights: Type.Array(Type.String()),
  contracts: Type.Object({ active: Type.Integer(), total: Type.Integer() }),
  unreadNotices: Type.Integer(),
  /** the customer's active users: for the main user only, null for the others */
  users: Nullable(Type.Integer()),
});
export type CustomerSummary = Static<typeof CustomerSummary>;

export const NoticeParams = Type.Object({ noticeId: Id });
export type NoticeParams = Static<typeof NoticeParams>;

/** GET /api/staff/customers/:customerId: the record, its contracts and every portal user it has or had. */
export const CustomerFile = Type.Object({
  customer: Customer,
  contracts: ContractList,
  users: Type.Array(StaffPortalUser),
});
export type CustomerFile = Static<typeof CustomerFile>;

/** GET /api/staff/audit: `to` is exclusive; `beforeSeq` pages back; `actorEmail` ignores case. */
export const AuditTrailQuery = Type.Object({
  customerId: Type.Optional(Id),
  actorUserId: Type.Optional(Id),
  action: Type.Optional(Text(100)),
  customerNumber: Type.Optional(Text(40)),
  actorEmail: Type.Optional(Text(254)),
  from: Type.Optional(IsoDateTime),
  to: Type.Optional(IsoDateTime),
  beforeSeq: Type.Optional(SequenceNumber),
});
export type AuditTrailQuery = Static<typeof AuditTrailQuery>;

/**
 * An audit event (ACC-17) with what staff need to read it: the acting user's name and e-mail (null for the
 * system or an unknown user), whether that account has been deleted since, and the customer's name.
 */
export const AuditEventWithNames = Type.Object({
  ...AuditEvent.properties,
  actorName: Nullable(Type.String()),
  actorEmail: Nullable(Type.String()),
  actorDeleted: Type.Boolean(),
  customerName: Nullable(Type.String()),
});
export type AuditEventWithNames = Static<typeof AuditEventWithNames>;

/** Newest first, 500 at most. */
export const AuditTrail = Type.Array(AuditEventWithNames);
export type AuditTrail = Static<typeof AuditTrail>;
