import { Type, type Static } from 'typebox';
import { ContractStatus, ContractType } from './customers.ts';
import { Id, IsoDate, LocalizedText, Nullable, Text } from './fields.ts';

/**
 * The contract lifecycle's part of the API contract (BIL-13, BIL-14): the start on the confirmation e-mail,
 * withdrawal within 14 days with its refund, and announced changes of the contract terms.
 */

export const CONTRACT_LIFECYCLE_AUDIT_ACTIONS = ['contract.confirmation_queued', 'contract.started', 'contract.withdrawn', 'contract.refund_paid_out'] as const;
export const TERM_CHANGE_AUDIT_ACTIONS = ['term_change.announced', 'term_change.left', 'term_change.applied'] as const;

export const ContractParams = Type.Object({ customerId: Id, contractId: Id });
export const StaffContractParams = Type.Object({ contractId: Id });
export const TermChangeParams = Type.Object({ customerId: Id, termChangeId: Id });

/** BIL-13: what a withdrawal settled: paid since the start, the value of the service received, the refund. */
export const Withdrawal = Type.Object({
  withdrawnOn: IsoDate,
  paidCents: Type.Integer(),
  receivedCents: Type.Integer(),
  refundCents: Type.Integer(),
  refundDueOn: IsoDate,
  refundPaidOn: Nullable(IsoDate),
});
export type Withdrawal = Static<typeof Withdrawal>;

/** A contract on the customer's contracts page, with its withdrawal right while it lasts. */
export const LifecycleContract = Type.Object({
  id: Type.String(),
  type: ContractType,
  number: Type.String(),
  status: ContractStatus,
  startsOn: Nullable(IsoDate),
  endsOn: Nullable(IsoDate),
  termsVersion: Nullable(Type.String()),
  /** BIL-13: the last day of the withdrawal right (start + 14 days) while it may still be used, else null */
  withdrawalLastDay: Nullable(IsoDate),
  withdrawal: Nullable(Withdrawal),
});
export type LifecycleContract = Static<typeof LifecycleContract>;
export const LifecycleContractList = Type.Array(LifecycleContract);
export type LifecycleContractList = Static<typeof LifecycleContractList>;

/** BIL-14: a term change as the customer sees it, for one of its contracts. */
export const CustomerTermChange = Type.Object({
  id: Type.String(),
  contractId: Type.String(),
  contractNumber: Type.String(),
  contractType: ContractType,
  termsVersion: Type.String(),
  summary: LocalizedText(),
  announcedOn: IsoDate,
  effectiveOn: IsoDate,
  outcome: Type.Union([Type.Literal('notified'), Type.Literal('left'), Type.Literal('accepted')]),
  /** whether the customer may still leave (before the effective day) */
  mayLeave: Type.Boolean(),
});
export type CustomerTermChange = Static<typeof CustomerTermChange>;
export const CustomerTermChangeList = Type.Array(CustomerTermChange);
export type CustomerTermChangeList = Static<typeof CustomerTermChangeList>;

export const LeaveTermChangeBody = Type.Object({ contractId: Id }, { additionalProperties: false });
export type LeaveTermChangeBody = Static<typeof LeaveTermChangeBody>;

/** BIL-14: staff announce a change of the terms of one contract type. */
export const AnnounceTermChangeBody = Type.Object({
  contractType: ContractType,
  termsVersion: Text(40),
  summary: LocalizedText(4000),
  effectiveOn: IsoDate,
}, { additionalProperties: false });
export type AnnounceTermChangeBody = Static<typeof AnnounceTermChangeBody>;

/** An announcement with its counts: contracts notified, customers who left, contracts that accepted on the day. */
export const StaffTermChange = Type.Object({
  id: Type.String(),
  contractType: ContractType,
  termsVersion: Type.String(),
  summary: LocalizedText(),
  announcedOn: IsoDate,
  effectiveOn: IsoDate,
  applied: Type.Boolean(),
  notified: Type.Integer(),
  left: Type.Integer(),
  accepted: Type.Integer(),
});
export type StaffTermChange = Static<typeof StaffTermChange>;
export const StaffTermChangeList = Type.Array(StaffTermChange);
export type StaffTermChangeList = Static<typeof StaffTermChangeList>;

/** BIL-13: a withdrawal refund staff pay out by its due day. */
export const RefundDue = Type.Object({
  contractId: Type.String(),
  contractNumber: Type.String(),
  customerId: Type.String(),
  customerName: Type.String(),
  customerNumber: Type.String(),
  withdrawnOn: IsoDate,
  refundCents: Type.Integer(),
  refundDueOn: IsoDate,
  refundPaidOn: Nullable(IsoDate),
});
export type RefundDue = Static<typeof RefundDue>;
export const RefundDueList = Type.Array(RefundDue);
export type RefundDueList = Static<typeof RefundDueList>;
