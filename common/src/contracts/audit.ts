import { Type, type Static } from 'typebox';
import { Instant, Nullable } from './fields.ts';

/** The audit module's part of the API contract (ACC-17): events as customers, users and staff read them. */

export const AuditEvent = Type.Object({
  seq: Type.Integer(),
  occurredAt: Instant,
  actorUserId: Nullable(Type.String()),
  /** 'user', 'customer_service', 'administrator', 'system', 'anonymous' */
  actorRole: Type.String(),
  customerId: Nullable(Type.String()),
  /** one of AUDIT_ACTIONS (audit-actions.ts); the web shows its label */
  action: Type.String(),
  objectType: Nullable(Type.String()),
  objectId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type AuditEvent = Static<typeof AuditEvent>;
export const AuditEvents = Type.Array(AuditEvent);
