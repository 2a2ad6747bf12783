import { Type, type Static } from 'typebox';
import { Id, Instant, IsoDate, LocalizedText, Nullable, Text } from './fields.ts';

/**
 * The billing module's part of the API contract (BIL-1 … BIL-3, BIL-8, BIL-9, BIL-15, ACC-10): invoices and
 * credit notes with their lines and the explanation of each line, the customer's balance, tariffs, the
 * monthly billing run. Money is integer cents; quantities and unit prices are exact decimal strings.
 */

/** The audit actions the module records (ACC-17); a billing run is one event with its counts. */
export const BILLING_AUDIT_ACTIONS = [
  'billing.run_completed',
  'billing.tariff_created',
  'billing.tariff_version_added',
  'billing.contract_terms_changed',
  'billing.invoice_voided',
  'billing.credit_note_issued',
  'billing.correction_added',
  'billing.advance_payment_recorded',
  'billing.claim_filed',
  'billing.claim_decided',
  'billing.money_limit_set',
] as const;

export const Period = Type.String({ pattern: '^20[0-9]{2}-(0[1-9]|1[0-2])$', examples: ['2026-10'] });

export const InvoiceKind = Type.Union([Type.Literal('invoice'), Type.Literal('credit_note')]);
export type InvoiceKind = Static<typeof InvoiceKind>;

/**
 * issued: valid and counted; void: cancelled by the operator (it keeps its number, its amount is reversed in
 * the ledger). Whether an issued invoice is paid is its `openCents` (0: paid).
 */
export const InvoiceStatus = Type.Union([Type.Literal('issued'), Type.Literal('void')]);
export type InvoiceStatus = Static<typeof InvoiceStatus>;

export const DeliveryChannel = Type.Union([Type.Literal('email'), Type.Literal('post'), Type.Literal('portal')]);
export type DeliveryChannel = Static<typeof DeliveryChannel>;

export const InvoiceSummary = Type.Object({
  id: Type.String(),
  kind: InvoiceKind,
  number: Type.String(),
  period: Period,
  issueDate: IsoDate,
  dueDate: Nullable(IsoDate),
  status: InvoiceStatus,
  netCents: Type.Integer(),
  vatCents: Type.Integer(),
  grossCents: Type.Integer(),
  /** advance payments and credit the invoice used (BIL-3) */
  prepaidCents: Type.Integer(),
  /** what it asks the customer to pay */
  payableCents: Type.Integer(),
  /** what of it is still to pay (BIL-5: payments pay invoices part by part); 0 when paid, and for credit notes and void invoices */
  openCents: Type.Integer(),
  deliveryChannel: DeliveryChannel,
  /** a credit note: the invoice it corrects; a reissued invoice: the voided one it replaces */
  correctsInvoiceNumber: Nullable(Type.String()),
  replacesInvoiceNumber: Nullable(Type.String()),
});
export type InvoiceSummary = Static<typeof InvoiceSummary>;

/** GET …/invoices: newest first, with the customer's balance from its ledger (> 0 owed, < 0 credit held). */
export const InvoiceList = Type.Object({
  balanceCents: Type.Integer(),
  invoices: Type.Array(InvoiceSummary),
});
export type InvoiceList = Static<typeof InvoiceList>;

export const InvoiceLine = Type.Object({
  lineNumber: Type.Integer(),
  /** energy, grid_energy, fixed_fee, capacity_fee, instalment, service, charging_session, correction */
  source: Type.String(),
  description: LocalizedText(500),
  quantity: Type.String(),
  unitCode: Type.String(),
  unitPrice: Type.String(),
  netCents: Type.Integer(),
  vatPercent: Type.String(),
  periodStart: IsoDate,
  periodEnd: IsoDate,
  /** whether GET …/lines/:lineNumber can explain it (energy by day and the tariff version) */
  explained: Type.Boolean(),
});
export type InvoiceLine = Static<typeof InvoiceLine>;

export const VatBreakdownEntry = Type.Object({
  vatCategory: Type.String(),
  vatRatePercent: Type.String(),
  taxableCents: Type.Integer(),
  vatCents: Type.Integer(),
});

export const InvoiceDetail = Type.Object({
  ...InvoiceSummary.properties,
  periodStart: IsoDate,
  periodEnd: IsoDate,
  paymentReference: Type.String(),
  payee: Type.Object({ name: Type.String(), iban: Type.String(), bic: Type.String() }),
  buyer: Type.Object({ name: Type.String(), customerNumber: Type.String(), address: Nullable(Type.String()) }),
  lines: Type.Array(InvoiceLine),
  vatBreakdown: Type.Array(VatBreakdownEntry),
  /** whether the e-invoice XML is issued for it (legal entities: Peppol BIS Billing 3.0) */
  hasEInvoice: Type.Boolean(),
  /** why it was voided, or why the credit note was issued */
  reason: Nullable(Type.String()),
  customerId: Type.String(),
  /** the credit notes issued for this invoice, and the invoice that replaced it when it was voided and reissued */
  creditNotes: Type.Array(Type.Object({ id: Type.String(), number: Type.String(), grossCents: Type.Integer() })),
  replacedBy: Nullable(Type.Object({ id: Type.String(), number: Type.String() })),
  correctsInvoiceId: Nullable(Type.String()),
  replacesInvoiceId: Nullable(Type.String()),
  /**
   * BIL-7: an issued invoice may be claimed against until lastDay (its issue day + 10 calendar days); open says
   * whether that is still so today (by the portal's clock). Null for credit notes and void invoices.
   */
  claimPeriod: Nullable(Type.Object({ lastDay: IsoDate, open: Type.Boolean() })),
  /**
   * What paid it, part by part (BIL-5): a payment (its id), credit held before the invoice (BIL-3), a credit note
   * or the void (their numbers); a reversed payment's part shows when it was given back.
   */
  settlements: Type.Array(Type.Object({
    kind: Type.Union([Type.Literal('payment'), Type.Literal('credit_note'), Type.Literal('void'), Type.Literal('credit')]),
    reference: Type.String(),
    category: Type.String(),
    amountCents: Type.Integer(),
    allocatedOn: IsoDate,
    releasedOn: Nullable(IsoDate),
  })),
});
export type InvoiceDetail = Static<typeof InvoiceDetail>;

export const InvoiceParams = Type.Object({ customerId: Id, invoiceId: Id });
export const InvoiceLineParams = Type.Object({ customerId: Id, invoiceId: Id, lineNumber: Type.Integer({ minimum: 1, maximum: 10_000 }) });

export const TariffComponentView = Type.Object({
  type: Type.String(),
  price: Type.String(),
  vatPercent: Type.String(),
  stepSize: Type.Integer(),
});

export const TariffElementView = Type.Object({
  label: Nullable(LocalizedText(200)),
  priceComponents: Type.Array(TariffComponentView),
  restrictions: Type.Record(Type.String(), Type.Unknown()),
});

export const TariffVersionView = Type.Object({
  id: Type.String(),
  version: Type.Integer(),
  validFrom: IsoDate,
  validUntil: Nullable(IsoDate),
  elements: Type.Array(TariffElementView),
});
export type TariffVersionView = Static<typeof TariffVersionView>;

export const TariffKind = Type.Union([Type.Literal('supply'), Type.Literal('grid'), Type.Literal('charging'), Type.Literal('service')]);

export const TariffView = Type.Object({
  id: Type.String(),
  code: Type.String(),
  kind: TariffKind,
  name: LocalizedText(200),
  versions: Type.Array(TariffVersionView),
});
export type TariffView = Static<typeof TariffView>;
export const TariffList = Type.Array(TariffView);
export type TariffList = Static<typeof TariffList>;

/**
 * "Why is this line 23.41 €": for energy, the kWh and the amount by day with the tariff version applied; for
 * other lines, what the line is. A day's amount is its exact value rounded for showing (the line is rounded once).
 */
export const LineExplanation = Type.Object({
  invoiceId: Type.String(),
  invoiceNumber: Type.String(),
  line: InvoiceLine,
  objectId: Nullable(Type.String()),
  tariff: Nullable(Type.Object({
    code: Type.String(), name: LocalizedText(200), version: TariffVersionView,
  })),
  days: Type.Array(Type.Object({ day: IsoDate, wh: Type.Integer(), amountCents: Type.Number() })),
  correctsInvoiceNumber: Nullable(Type.String()),
  correctsInvoiceId: Nullable(Type.String()),
  reason: Nullable(Type.String()),
});
export type LineExplanation = Static<typeof LineExplanation>;

/** GET …/billing/estimate: this month so far, rated from metering and tariffs as the run would (nothing stored). */
export const BillEstimate = Type.Object({
  period: Period,
  /** the last day with data counted */
  through: IsoDate,
  lines: Type.Array(Type.Object({
    source: Type.String(), description: LocalizedText(500), quantity: Type.String(), unitCode: Type.String(), netCents: Type.Integer(),
  })),
  netCents: Type.Integer(),
  vatCents: Type.Integer(),
  grossCents: Type.Integer(),
});
export type BillEstimate = Static<typeof BillEstimate>;

/** Staff: start the run of a finished month (it runs once however often it is started). */
export const StartBillingRunBody = Type.Object({ period: Period }, { additionalProperties: false });
export type StartBillingRunBody = Static<typeof StartBillingRunBody>;

export const BillingRunView = Type.Object({
  id: Type.String(),
  period: Period,
  status: Type.Union([Type.Literal('running'), Type.Literal('done'), Type.Literal('failed')]),
  issueDate: IsoDate,
  startedAt: Instant,
  updatedAt: Instant,
  finishedAt: Nullable(Instant),
  customersTotal: Type.Integer(),
  customersDone: Type.Integer(),
  chargesRated: Type.Integer(),
  invoicesIssued: Type.Integer(),
  grossCents: Type.Integer(),
  payableCents: Type.Integer(),
  attempts: Type.Integer(),
  lastError: Nullable(Type.String()),
});
export type BillingRunView = Static<typeof BillingRunView>;
export const BillingRunList = Type.Array(BillingRunView);
export type BillingRunList = Static<typeof BillingRunList>;

export const StaffInvoiceSearchQuery = Type.Object({
  q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  period: Type.Optional(Period),
  /** BIL-2: the issued invoices to go by paper post that are not printed yet */
  toPrint: Type.Optional(Type.Boolean()),
}, { additionalProperties: false });
export type StaffInvoiceSearchQuery = Static<typeof StaffInvoiceSearchQuery>;

export const StaffInvoiceSummary = Type.Object({
  ...InvoiceSummary.properties,
  /** when it was e-mailed, put in the portal or printed; null while it waits */
  deliveredAt: Nullable(Instant),
  customerId: Type.String(),
  customerNumber: Type.String(),
  customerName: Type.String(),
});
export type StaffInvoiceSummary = Static<typeof StaffInvoiceSummary>;
export const StaffInvoiceList = Type.Array(StaffInvoiceSummary);
export type StaffInvoiceList = Static<typeof StaffInvoiceList>;

export const StaffInvoiceParams = Type.Object({ invoiceId: Id });

/** Void an invoice (it keeps its number; its amount is reversed); `reissue` issues a new one from the same charges. */
export const VoidInvoiceBody = Type.Object({
  reason: Text(500),
  reissue: Type.Boolean(),
}, { additionalProperties: false });
export type VoidInvoiceBody = Static<typeof VoidInvoiceBody>;

const CentsAmount = Type.Integer({ minimum: 1, maximum: 100_000_000_00 });
const VatPercent = Type.String({ pattern: '^(100|[0-9]{1,2})(\\.[0-9]{1,2})?$', examples: ['21'] });

/** A credit note for part or all of an invoice: the net amounts credited per line, with their VAT. */
export const CreditNoteBody = Type.Object({
  reason: Text(500),
  lines: Type.Array(Type.Object({
    description: Text(200),
    netCents: CentsAmount,
    vatPercent: VatPercent,
  }, { additionalProperties: false }), { minItems: 1, maxItems: 50 }),
}, { additionalProperties: false });
export type CreditNoteBody = Static<typeof CreditNoteBody>;

/** BIL-7: a justified claim's correction, carried into the customer's next invoice (negative gives money back). */
export const CorrectionBody = Type.Object({
  description: Text(200),
  netCents: Type.Integer({ minimum: -100_000_000_00, maximum: 100_000_000_00 }),
  vatPercent: VatPercent,
  reason: Text(500),
  correctsInvoiceId: Type.Optional(Id),
}, { additionalProperties: false });
export type CorrectionBody = Static<typeof CorrectionBody>;

export const CreatedId = Type.Object({ id: Type.String() });

export const CreateTariffBody = Type.Object({
  code: Type.String({ pattern: '^[A-Z0-9][A-Z0-9_-]{1,39}$', examples: ['HOME-2ZONE'] }),
  kind: TariffKind,
  name: LocalizedText(200),
}, { additionalProperties: false });
export type CreateTariffBody = Static<typeof CreateTariffBody>;

/** A new version of a tariff from a Riga day (BIL-8); `elements` follow OCPI 2.2.1's TariffElement (docs/BILLING.md). */
export const AddTariffVersionBody = Type.Object({
  validFrom: IsoDate,
  elements: Type.Array(Type.Unknown(), { minItems: 1, maxItems: 50 }),
}, { additionalProperties: false });
export type AddTariffVersionBody = Static<typeof AddTariffVersionBody>;

export const TariffParams = Type.Object({ tariffId: Id });
export const ContractParams = Type.Object({ contractId: Id });

/** What a contract bills: its tariffs, the object whose energy it bills, a product's instalments. */
export const ContractTermsBody = Type.Object({
  tariffId: Nullable(Id),
  gridTariffId: Nullable(Id),
  objectId: Nullable(Id),
  instalments: Nullable(Type.Object({
    productName: Text(200),
    totalCents: CentsAmount,
    count: Type.Integer({ minimum: 1, maximum: 120 }),
    firstMonth: Period,
  }, { additionalProperties: false })),
}, { additionalProperties: false });
export type ContractTermsBody = Static<typeof ContractTermsBody>;

export const LedgerEntryView = Type.Object({
  entryDate: IsoDate,
  kind: Type.String(),
  amountCents: Type.Integer(),
  reference: Type.String(),
  invoiceId: Nullable(Type.String()),
});
export const LedgerView = Type.Object({ balanceCents: Type.Integer(), entries: Type.Array(LedgerEntryView) });
export type LedgerView = Static<typeof LedgerView>;



/**
 * BIL-7: a claim against an invoice, filed within 10 calendar days of its issue: what is wrong, and optionally the
 * amount the customer disputes (staff decide the correction).
 */
export const ClaimBody = Type.Object({
  text: Text(2000),
  amountCents: Type.Optional(CentsAmount),
}, { additionalProperties: false });
export type ClaimBody = Static<typeof ClaimBody>;

export const ClaimStatus = Type.Union([Type.Literal('open'), Type.Literal('accepted'), Type.Literal('rejected')]);

export const ClaimView = Type.Object({
  id: Type.String(),
  invoiceId: Type.String(),
  invoiceNumber: Type.String(),
  invoiceIssueDate: IsoDate,
  customerId: Type.String(),
  /** the buyer as the invoice names it (staff's queue shows whose claim it is) */
  customerNumber: Type.String(),
  customerName: Type.String(),
  filedAt: Instant,
  text: Type.String(),
  /** the amount the customer disputes, when it named one */
  amountCents: Nullable(Type.Integer()),
  status: ClaimStatus,
  decidedAt: Nullable(Instant),
  decisionReason: Nullable(Type.String()),
  /** an accepted claim's correction on the next invoice: negative gives money back */
  correctionCents: Nullable(Type.Integer()),
});
export type ClaimView = Static<typeof ClaimView>;

export const ClaimList = Type.Object({ claims: Type.Array(ClaimView) });
export type ClaimList = Static<typeof ClaimList>;

export const ClaimParams = Type.Object({ claimId: Id });
export const StaffClaimsQuery = Type.Object({ status: Type.Optional(ClaimStatus) });

/**
 * Staff's decision: accept (with the correction's net amount and VAT, carried into the next invoice as a
 * credit when negative or a debit when positive) or reject, always with the reason the customer reads.
 */
export const ClaimDecisionBody = Type.Object({
  accept: Type.Boolean(),
  reason: Text(1000),
  correctionNetCents: Type.Optional(Type.Integer({ minimum: -10_000_000, maximum: 10_000_000 })),
  vatPercent: Type.Optional(VatPercent),
}, { additionalProperties: false });
export type ClaimDecisionBody = Static<typeof ClaimDecisionBody>;

/**
 * BIL-6: what the customer may still spend in the current billing period. `limitCents` null: no limit set.
 * `usedCents` = the period's charges not invoiced yet + what is open on issued invoices − credit held (prepayment
 * or deposit); `availableCents` = limit − used (never below 0); `allowed` says whether a new service may start.
 */
export const SpendingAllowance = Type.Object({
  period: Period,
  limitCents: Nullable(Type.Integer()),
  usedCents: Type.Integer(),
  availableCents: Nullable(Type.Integer()),
  allowed: Type.Boolean(),
});
export type SpendingAllowance = Static<typeof SpendingAllowance>;

export const MoneyLimitBody = Type.Object({
  period: Period,
  /** null removes the period's limit */
  limitCents: Nullable(Type.Integer({ minimum: 0, maximum: 100_000_000_00 })),
}, { additionalProperties: false });
export type MoneyLimitBody = Static<typeof MoneyLimitBody>;
