import { Type, type Static } from 'typebox';
import { Id, Instant, IsoDate, Nullable, Text } from './fields.ts';

/**
 * Collections (issue 13; BIL-11, BIL-12): reminders of overdue invoices, suspension of the service and its restore,
 * and ending a contract with notice. Money in integer cents; days are Riga calendar dates.
 */

/** The payments module's collections events (ACC-17). */
export const COLLECTIONS_AUDIT_ACTIONS = [
  'payments.reminder_sent',
  'payments.service_suspended',
  'payments.service_restored',
] as const;

/** The customers module's contract-ending events (BIL-12). */
export const CONTRACT_TERMINATION_AUDIT_ACTIONS = [
  'customers.contract_notice_given',
  'customers.contract_ended',
] as const;

export const SuspensionReason = Type.Union([
  Type.Literal('late_payment'), Type.Literal('breach'), Type.Literal('limit_exceeded'), Type.Literal('debt_registry'),
]);
export type SuspensionReason = Static<typeof SuspensionReason>;

export const SuspensionView = Type.Object({
  id: Type.String(),
  reason: SuspensionReason,
  note: Nullable(Type.String()),
  since: Instant,
  /** null: the collections job */
  suspendedBy: Nullable(Type.String()),
  restoredAt: Nullable(Instant),
  restoreCause: Nullable(Type.Union([Type.Literal('paid'), Type.Literal('staff')])),
});
export type SuspensionView = Static<typeof SuspensionView>;

/** GET …/service-status: whether the service is suspended (BIL-11) and what to pay to have it back. */
export const ServiceStatus = Type.Object({
  suspension: Nullable(SuspensionView),
  /** open past the due day: paying this restores a suspension for late payment */
  overdueCents: Type.Integer(),
  /** open on all issued invoices */
  openCents: Type.Integer(),
});
export type ServiceStatus = Static<typeof ServiceStatus>;

/** The back office's view of one customer: its state and its suspensions, newest first. */
export const StaffServiceStatus = Type.Object({
  suspension: Nullable(SuspensionView),
  overdueCents: Type.Integer(),
  openCents: Type.Integer(),
  history: Type.Array(SuspensionView),
  reminders: Type.Array(Type.Object({ invoiceNumber: Type.String(), stage: Type.Integer(), sentOn: IsoDate, openCents: Type.Integer() })),
});
export type StaffServiceStatus = Static<typeof StaffServiceStatus>;

/** BIL-12: suspension without notice (breach, an exceeded limit, a debt-registry entry) or for late payment at once. */
export const SuspendBody = Type.Object({
  reason: SuspensionReason,
  note: Text(500),
}, { additionalProperties: false });
export type SuspendBody = Static<typeof SuspendBody>;

export const RestoreBody = Type.Object({ note: Text(500) }, { additionalProperties: false });
export type RestoreBody = Static<typeof RestoreBody>;

/** One customer on the collections page: how late, what was sent, whether suspended, whether the operator may end. */
export const CollectionRow = Type.Object({
  customerId: Type.String(),
  customerNumber: Type.String(),
  name: Type.String(),
  overdueCents: Type.Integer(),
  overdueInvoices: Type.Integer(),
  oldestDueDate: Nullable(IsoDate),
  daysLate: Type.Integer(),
  remindersSent: Type.Integer(),
  lastReminderOn: Nullable(IsoDate),
  suspension: Nullable(SuspensionView),
  /** BIL-12: at least 10 days late, so the operator may end its contracts with notice */
  mayTerminate: Type.Boolean(),
  /** contracts with notice given, and their end days */
  endingContracts: Type.Array(Type.Object({ contractId: Type.String(), number: Type.String(), endsOn: IsoDate })),
});
export type CollectionRow = Static<typeof CollectionRow>;

export const CollectionList = Type.Object({ today: IsoDate, customers: Type.Array(CollectionRow) });
export type CollectionList = Static<typeof CollectionList>;

export const TerminationParams = Type.Object({ customerId: Id, contractId: Id });

/** BIL-12: notice on a contract: given today, it ends on the end day (the contract's last day, billed to it). */
export const TerminationView = Type.Object({
  contractId: Type.String(),
  number: Type.String(),
  givenBy: Nullable(Type.Union([Type.Literal('customer'), Type.Literal('operator')])),
  noticedOn: IsoDate,
  endsOn: IsoDate,
  /** true once notice is given; false for the preview of what notice given today would do */
  given: Type.Boolean(),
});
export type TerminationView = Static<typeof TerminationView>;

export const CustomerTerminationBody = Type.Object({ confirm: Type.Literal(true) }, { additionalProperties: false });
export type CustomerTerminationBody = Static<typeof CustomerTerminationBody>;

/** Staff give notice for the customer (its request, e.g. at a service centre) or for the operator (after 10 days' delay). */
export const StaffTerminationBody = Type.Object({
  givenBy: Type.Union([Type.Literal('customer'), Type.Literal('operator')]),
  reason: Text(500),
}, { additionalProperties: false });
export type StaffTerminationBody = Static<typeof StaffTerminationBody>;
