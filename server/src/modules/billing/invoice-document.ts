import type { Language } from '@up/operators';

/**
 * An issued invoice or credit note as its documents show it: everything the PDF (invoice-pdf.ts) and the
 * UBL 2.1 / Peppol BIS Billing 3.0 e-invoice (invoice-ubl.ts) print, and nothing they must look up. Built from
 * the stored invoice by invoice-documents.ts. Amounts are integer cents; quantities and unit prices are exact
 * decimal strings (never floats), so every document shows the same digits the ledger holds.
 */
export interface InvoiceDocument {
  kind: 'invoice' | 'credit_note';
  /** the invoice number of its series, e.g. 'DE-2026-000123' (credit notes have their own series, 'DEK-…') */
  number: string;
  /** Riga dates 'YYYY-MM-DD' */
  issueDate: string;
  /** null on a credit note */
  dueDate: string | null;
  /** the billing period, both days inclusive (UBL InvoicePeriod) */
  periodStart: string;
  periodEnd: string;
  currency: 'EUR';
  /** the language the document is written in (the customer's) */
  language: Language;
  seller: InvoiceParty;
  buyer: InvoiceParty;
  /** the structured payment reference the customer writes on the transfer (UBL PaymentID, EPC QR remittance) */
  paymentReference: string;
  /** the operator's account the customer pays to */
  payee: { iban: string; bic: string; name: string };
  /** for a credit note: the invoice it corrects (UBL BillingReference) */
  precedingInvoice: { number: string; issueDate: string } | null;
  lines: InvoiceDocumentLine[];
  /** one entry per VAT category and rate: the sum of the lines' net amounts and the VAT on it, rounded once */
  vatBreakdown: VatBreakdownEntry[];
  totals: InvoiceTotals;
  /** free texts printed under the lines (e.g. "valid without signature", BIL-1), already in `language` */
  notes: string[];
  /** the operator's branding for the PDF */
  branding: { primaryColor: string; portalName: string; website: string; supportPhone: string; supportEmail: string };
}

export interface InvoiceParty {
  name: string;
  /** a legal entity's unified registration number (11 digits, Peppol scheme 0218); null for a natural person */
  registrationNumber: string | null;
  /** 'LV40003000000' when VAT registered, else null */
  vatNumber: string | null;
  address: { street: string; city: string; postalCode: string; countryCode: string };
  /** where e-invoices and e-mails go (the buyer's electronic address when it has no Peppol id) */
  email: string | null;
  /** the customer number for the buyer, the operator's for the seller */
  customerNumber: string | null;
}

/** UN/ECE Recommendation 20 unit codes the portal uses. */
export type UnitCode = 'KWH' | 'MON' | 'C62' | 'HUR' | 'MIN' | 'AMP' | 'DAY';

/** VAT categories (UNCL5305) the portal uses: S standard rate, Z zero rated, E exempt, AE reverse charge. */
export type VatCategory = 'S' | 'Z' | 'E' | 'AE';

export interface InvoiceDocumentLine {
  /** 1, 2, 3 … in the order printed */
  lineNumber: number;
  /** the line's text in the document's language, e.g. 'Elektroenerģija, dienas zona (tarifs Pamata, v2)' */
  description: string;
  /** exact decimal, e.g. '312.456' kWh or '1' month; negative for a correction that gives money back */
  quantity: string;
  unitCode: UnitCode;
  /** exact decimal euros per unit without VAT, e.g. '0.154320' (may have more than two decimals) */
  unitPrice: string;
  /** the line's net amount (quantity × unit price, rounded half-up to the cent once) */
  netCents: number;
  vatCategory: VatCategory;
  /** e.g. '21' or '12' or '0' */
  vatRatePercent: string;
  /** the days the line covers, inclusive, when they differ from the invoice period */
  periodStart: string | null;
  periodEnd: string | null;
}

export interface VatBreakdownEntry {
  vatCategory: VatCategory;
  vatRatePercent: string;
  taxableCents: number;
  vatCents: number;
}

export interface InvoiceTotals {
  /** the sum of the lines' net amounts */
  netCents: number;
  /** the sum of the breakdown's VAT amounts */
  vatCents: number;
  /** net + VAT */
  grossCents: number;
  /** advance payments and credit already held that this invoice uses (BIL-3); 0 on a credit note */
  prepaidCents: number;
  /** what the customer is asked to pay: gross − prepaid (never below 0; a larger credit stays on the account) */
  payableCents: number;
}
