import { Type, type Static } from 'typebox';
import { Id, Instant, IsoDate, Nullable, Text } from './fields.ts';

/**
 * The payments module's part of the API contract (issue 13; BIL-3 … BIL-5, BIL-10, BIL-15): money coming in —
 * bank statements (camt.053), payments waiting for staff, allocations to invoices — and what a customer owes
 * today. Money is integer cents; days are Riga calendar dates.
 */

/** The audit actions the module records (ACC-17); a statement import is one event with its counts. */
export const PAYMENTS_AUDIT_ACTIONS = [
  'payments.statement_imported',
  'payments.payment_assigned',
  'payments.payment_recorded',
  'payments.payment_reversed',
  'payments.credit_refunded',
  'payments.online_payment_started',
] as const;

export const PaymentSource = Type.Union([Type.Literal('bank'), Type.Literal('online'), Type.Literal('staff')]);
export const PaymentStatus = Type.Union([Type.Literal('applied'), Type.Literal('unmatched'), Type.Literal('reversed')]);
export const MatchedBy = Type.Union([
  Type.Literal('reference'), Type.Literal('invoice_number'), Type.Literal('customer_number'), Type.Literal('staff'), Type.Literal('online'),
]);
export const ReceivableCategory = Type.Union([
  Type.Literal('interest'), Type.Literal('product'), Type.Literal('supply'), Type.Literal('service'), Type.Literal('refund'), Type.Literal('reversal'),
]);

/** What one payment paid: a part of an invoice (BIL-5), a refund or a reversal. */
export const AllocationView = Type.Object({
  invoiceId: Nullable(Type.String()),
  invoiceNumber: Nullable(Type.String()),
  category: ReceivableCategory,
  amountCents: Type.Integer(),
  allocatedOn: IsoDate,
  /** when a reversal or a void gave it back */
  releasedOn: Nullable(IsoDate),
});

export const PaymentView = Type.Object({
  id: Type.String(),
  source: PaymentSource,
  status: PaymentStatus,
  amountCents: Type.Integer(),
  receivedOn: IsoDate,
  payerName: Nullable(Type.String()),
  paymentReference: Nullable(Type.String()),
  remittanceText: Nullable(Type.String()),
  matchedBy: Nullable(MatchedBy),
  allocations: Type.Array(AllocationView),
  /** what of it pays nothing yet: credit the next invoice uses (BIL-3) */
  unallocatedCents: Type.Integer(),
});
export type PaymentView = Static<typeof PaymentView>;

/** GET …/payments: the customer's payments, newest first, with their allocations. */
export const PaymentList = Type.Object({ payments: Type.Array(PaymentView) });
export type PaymentList = Static<typeof PaymentList>;

/** One invoice still open: what it asks, what is paid, what is left and its late interest so far (BIL-10). */
export const OpenInvoice = Type.Object({
  invoiceId: Type.String(),
  number: Type.String(),
  issueDate: IsoDate,
  dueDate: IsoDate,
  payableCents: Type.Integer(),
  openCents: Type.Integer(),
  overdue: Type.Boolean(),
  daysLate: Type.Integer(),
  /** interest counted to today, rounded once; the part not yet charged goes on the next invoice */
  interestToDateCents: Type.Integer(),
  interestChargedCents: Type.Integer(),
});

/** GET …/balance: what the customer owes today and what it holds (BIL-3, BIL-5, BIL-10). */
export const CustomerBalance = Type.Object({
  /** the ledger's sum: > 0 owed, < 0 credit held */
  balanceCents: Type.Integer(),
  /** what is open on issued invoices */
  openCents: Type.Integer(),
  /** of that, past its due day */
  overdueCents: Type.Integer(),
  /** credit held: advance payments and overpayments not yet used */
  creditCents: Type.Integer(),
  /** late interest counted to today and not yet on an invoice */
  interestAccruingCents: Type.Integer(),
  /** what to pay today to owe nothing overdue (overdue debt) and to owe nothing at all (everything open) */
  payNowCents: Type.Integer(),
  openInvoices: Type.Array(OpenInvoice),
});
export type CustomerBalance = Static<typeof CustomerBalance>;

/** POST /api/staff/payments/statements: what the statement came to. */
export const StatementImportResult = Type.Object({
  statementIds: Type.Array(Type.String()),
  /** transactions read (a batch entry counts each of its transactions) */
  entries: Type.Integer(),
  credits: Type.Integer(),
  matched: Type.Integer(),
  unmatched: Type.Integer(),
  /** already imported (the bank's reference seen before): counted once */
  duplicates: Type.Integer(),
  reversals: Type.Integer(),
  /** debits, pending and information-only entries: nothing to take in */
  ignored: Type.Integer(),
  rejected: Type.Array(Type.Object({ entry: Type.Integer(), reason: Type.String() })),
  /** the money of the credits taken in now (new ones, matched or waiting) */
  totalCents: Type.Integer(),
});
export type StatementImportResult = Static<typeof StatementImportResult>;

export const UnmatchedPayment = Type.Object({
  id: Type.String(),
  source: PaymentSource,
  amountCents: Type.Integer(),
  receivedOn: IsoDate,
  payerName: Nullable(Type.String()),
  payerAccount: Nullable(Type.String()),
  paymentReference: Nullable(Type.String()),
  remittanceText: Nullable(Type.String()),
});
export const UnmatchedPaymentList = Type.Object({ payments: Type.Array(UnmatchedPayment) });
export type UnmatchedPaymentList = Static<typeof UnmatchedPaymentList>;

/**
 * A payment provider's notice not applied yet (BIL-15): pending (the applier takes it within milliseconds; one that
 * stays pending means the appliers are behind or down) or failed (applying it alone failed: the job tries it again
 * on every tick, and `error` says why).
 */
export const WaitingNotice = Type.Object({
  id: Id,
  provider: Type.String(),
  noticeId: Type.String(),
  providerPaymentId: Type.String(),
  customerId: Id,
  customerNumber: Nullable(Type.String()),
  status: Type.Union([Type.Literal('paid'), Type.Literal('cancelled'), Type.Literal('failed')]),
  amountCents: Type.Integer(),
  receivedAt: Instant,
  error: Nullable(Type.String()),
});
export const WaitingNoticeList = Type.Object({
  /** all notices not applied yet, failed ones included */
  waiting: Type.Integer({ minimum: 0 }),
  failed: Type.Integer({ minimum: 0 }),
  /** the failed ones first, then the oldest; at most 200 */
  notices: Type.Array(WaitingNotice),
});
export type WaitingNoticeList = Static<typeof WaitingNoticeList>;

export const PaymentParams = Type.Object({ paymentId: Id });

/** Staff allocate a waiting payment to a customer (its number as the payer would write it, or its id). */
export const AssignPaymentBody = Type.Object({ customerNumber: Text(40) });
export type AssignPaymentBody = Static<typeof AssignPaymentBody>;

/** Staff record money received another way (at a service centre, a transfer seen in the bank's web). */
export const RecordPaymentBody = Type.Object({
  amountCents: Type.Integer({ minimum: 1, maximum: 100_000_000_00 }),
  receivedOn: IsoDate,
  reference: Text(100),
});
export type RecordPaymentBody = Static<typeof RecordPaymentBody>;

export const ReversePaymentBody = Type.Object({ reason: Text(500) });
export type ReversePaymentBody = Static<typeof ReversePaymentBody>;

/** A refund of credit held, to the payer's account (the reference is the transfer's, for idempotency). */
export const RefundBody = Type.Object({
  amountCents: Type.Integer({ minimum: 1, maximum: 100_000_000_00 }),
  reference: Text(100),
  /** the IBAN the refund goes to */
  toAccount: Type.String({ pattern: '^[A-Z]{2}[0-9]{2}[0-9A-Z]{11,30}$', examples: ['LV80BANK0000435195001'] }),
});
export type RefundBody = Static<typeof RefundBody>;


/** BIL-15: "Pay" for chosen invoices, or (none chosen) everything open; the payment pays in BIL-5 order like any other. */
export const OnlinePaymentBody = Type.Object({
  invoiceIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
}, { additionalProperties: false });
export type OnlinePaymentBody = Static<typeof OnlinePaymentBody>;

export const OnlinePaymentView = Type.Object({
  id: Type.String(),
  amountCents: Type.Integer(),
  status: Type.Union([Type.Literal('started'), Type.Literal('paid'), Type.Literal('cancelled'), Type.Literal('failed')]),
  /** where to send the customer: the provider's payment page */
  redirectUrl: Nullable(Type.String()),
});
export type OnlinePaymentView = Static<typeof OnlinePaymentView>;
export const OnlinePaymentParams = Type.Object({ customerId: Id, intentId: Id });
export const NoticeParams = Type.Object({ provider: Type.String({ pattern: '^[a-z][a-z0-9-]{1,30}$', examples: ['demo'] }) });
