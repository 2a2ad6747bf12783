import type { Generated } from 'kysely';
import type { Json, Timestamp } from '../../db/column-types.js';
import type { LocalizedText } from '@up/operators';
import type { TariffElement } from './tariff-model.js';

/** Row types of the tables the billing module owns, as Kysely sees them (composed into db/schema.ts). */

export type TariffKind = 'supply' | 'grid' | 'charging' | 'service';

export interface TariffRow {
  id: string;
  code: string;
  kind: TariffKind;
  name: Json<LocalizedText>;
  created_at: Timestamp;
}

export interface TariffVersionRow {
  id: string;
  tariff_id: string;
  version: number;
  valid_from: string;
  elements: Json<TariffElement[]>;
  created_by: string | null;
  created_at: Timestamp;
}

export interface ContractTermsRow {
  contract_id: string;
  customer_id: string;
  /** the supply (or charging) tariff */
  tariff_id: string | null;
  /** the grid tariff where the operator bills grid services with supply */
  grid_tariff_id: string | null;
  /** the metering object whose energy the contract bills */
  object_id: string | null;
  instalment_total_cents: number | null;
  instalment_count: number | null;
  first_instalment_month: string | null;
  product_name: string | null;
  updated_at: Timestamp;
}

export type ChargeSource = 'energy' | 'grid_energy' | 'fixed_fee' | 'capacity_fee' | 'instalment' | 'service' | 'charging_session' | 'correction' | 'late_interest';

/** What a line came from, for "the bill explained": the tariff version, and the kWh and money by day. */
export interface ChargeExplanation {
  tariffVersionId?: string;
  tariffCode?: string;
  tariffVersion?: number;
  objectId?: string;
  /** per Riga day: Wh and nano-euros as decimal strings (they may exceed 2^53 summed) */
  days?: { day: string; wh: number; nanoEuros: string }[];
  /** a correction: the invoice it corrects and why */
  correctsInvoiceNumber?: string;
  reason?: string;
  /** late interest (BIL-10): the late invoice, its due day, the days counted, the cent-days and the interest so far */
  lateInvoiceId?: string;
  lateInvoiceNumber?: string;
  dueDate?: string;
  throughDate?: string;
  daysLate?: number;
  centDays?: number;
  interestToDateCents?: number;
  chargedBeforeCents?: number;
}

export interface BillingChargeRow {
  id: string;
  customer_id: string;
  contract_id: string | null;
  period: string;
  source: ChargeSource;
  source_key: string;
  description: Json<LocalizedText>;
  quantity: string;
  unit_code: string;
  unit_price: string;
  net_cents: number;
  vat_category: string;
  vat_percent: string;
  period_start: string;
  period_end: string;
  explanation: Json<ChargeExplanation> | null;
  invoice_id: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface InvoiceSeriesRow {
  series: string;
  next_number: number;
}

export type BillingRunStatus = 'running' | 'done' | 'failed';

export interface BillingRunRow {
  id: string;
  period: string;
  status: BillingRunStatus;
  issue_date: string;
  started_by: string | null;
  started_at: Timestamp;
  updated_at: Timestamp;
  finished_at: Timestamp | null;
  customers_total: Generated<number>;
  customers_done: Generated<number>;
  charges_rated: Generated<number>;
  invoices_issued: Generated<number>;
  gross_cents: Generated<number>;
  payable_cents: Generated<number>;
  attempts: Generated<number>;
  last_error: string | null;
}

/** The buyer as it was when the invoice was issued (a later change of name or address does not rewrite it). */
export interface InvoiceBuyer {
  name: string;
  kind: 'person' | 'company';
  customerNumber: string;
  /** a company's registration number (its identity code) */
  registrationNumber: string | null;
  vatNumber: string | null;
  address: string | null;
  email: string | null;
}

export interface VatBreakdownJson {
  vatCategory: string;
  vatRatePercent: string;
  taxableCents: number;
  vatCents: number;
}

export type InvoiceKind = 'invoice' | 'credit_note';
export type InvoiceStatus = 'issued' | 'void';
export type DeliveryChannel = 'email' | 'post' | 'portal';

export interface InvoiceRow {
  id: string;
  customer_id: string;
  kind: InvoiceKind;
  series: string;
  sequence: number;
  number: string;
  period: string;
  period_start: string;
  period_end: string;
  issue_date: string;
  due_date: string | null;
  status: InvoiceStatus;
  language: string;
  buyer: Json<InvoiceBuyer>;
  delivery_channel: DeliveryChannel;
  delivery_address: string | null;
  delivered_at: Timestamp | null;
  delivery_claimed_until: Timestamp | null;
  delivery_attempts: Generated<number>;
  delivery_error: string | null;
  net_cents: number;
  vat_cents: number;
  gross_cents: number;
  prepaid_cents: number;
  payable_cents: number;
  vat_breakdown: Json<VatBreakdownJson[]>;
  payment_reference: string;
  corrects_invoice_id: string | null;
  replaces_invoice_id: string | null;
  billing_run_id: string | null;
  voided_at: Timestamp | null;
  reason: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface InvoiceLineRow {
  invoice_id: string;
  line_number: number;
  customer_id: string;
  charge_id: string | null;
  source: string;
  description: Json<LocalizedText>;
  quantity: string;
  unit_code: string;
  unit_price: string;
  net_cents: number;
  vat_category: string;
  vat_percent: string;
  period_start: string;
  period_end: string;
}

export type LedgerEntryKind = 'invoice' | 'credit_note' | 'void' | 'payment' | 'refund' | 'reversal' | 'adjustment';

export interface LedgerEntryRow {
  id: string;
  customer_id: string;
  entry_date: string;
  kind: LedgerEntryKind;
  amount_cents: number;
  invoice_id: string | null;
  reference: string;
  /** a credit (amount < 0): the cents not yet allocated to a receivable; null for a debit */
  open_cents: number | null;
  created_at: Timestamp;
}

/** BIL-5: what a part of a debt is, in the order payments pay (refunds and reversals are paid by their own credit). */
export type ReceivableCategory = 'interest' | 'product' | 'supply' | 'service' | 'refund' | 'reversal';

/** A part of a debit ledger entry (an invoice's category part, a refund, a reversal), and what of it is still open. */
export interface ReceivableRow {
  id: string;
  customer_id: string;
  ledger_entry_id: string;
  invoice_id: string | null;
  category: ReceivableCategory;
  issued_on: string;
  due_date: string;
  order_key: string;
  amount_cents: number;
  open_cents: number;
}

/** Money (a credit ledger entry) paying a receivable; released (never deleted) when a payment is reversed or an invoice voided. */
export interface AllocationRow {
  id: string;
  customer_id: string;
  credit_entry_id: string;
  receivable_id: string;
  amount_cents: number;
  allocated_on: string;
  created_at: Timestamp;
  released_at: Timestamp | null;
  released_reason: string | null;
}

export type ClaimStatus = 'open' | 'accepted' | 'rejected';

/** BIL-7: a claim against an invoice and staff's decision; an accepted claim's correction is a charge of the next invoice. */
export interface InvoiceClaimRow {
  id: string;
  customer_id: string;
  invoice_id: string;
  filed_by: string;
  filed_at: Timestamp;
  text: string;
  /** the amount the customer disputes, when it named one */
  claimed_cents: number | null;
  status: ClaimStatus;
  decided_by: string | null;
  decided_at: Timestamp | null;
  decision_reason: string | null;
  correction_cents: number | null;
  correction_charge_id: string | null;
}

/** BIL-6: the money a customer may spend in a billing period ('YYYY-MM'), set by staff. */
export interface MoneyLimitRow {
  customer_id: string;
  period: string;
  limit_cents: number;
  set_by: string | null;
  set_at: Timestamp;
}

export interface BillingTables {
  tariffs: TariffRow;
  tariff_versions: TariffVersionRow;
  contract_terms: ContractTermsRow;
  billing_charges: BillingChargeRow;
  invoice_series: InvoiceSeriesRow;
  billing_runs: BillingRunRow;
  invoices: InvoiceRow;
  invoice_lines: InvoiceLineRow;
  ledger_entries: LedgerEntryRow;
  receivables: ReceivableRow;
  allocations: AllocationRow;
  invoice_claims: InvoiceClaimRow;
  money_limits: MoneyLimitRow;
}
