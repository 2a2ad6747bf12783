/**
 * An operator profile: configuration, not code (MISSION "one installation serves one operator").
 * Everything an operator may choose lives here; the server reads it at start and never changes it.
 */
export type Language = 'lv' | 'en' | 'ru';
export const LANGUAGES: readonly Language[] = ['lv', 'en', 'ru'];

/** A text in the three portal languages; Latvian is authoritative. */
export type LocalizedText = Record<Language, string>;

export type ModuleName =
  | 'accounts' // always on
  | 'billing'
  | 'charging'
  | 'metering'
  | 'grid'
  | 'permits'
  | 'privacy';

/** Order types a customer can submit (GRD-6); step-up may be required per type (ACC-18). */
export type OrderType =
  | 'meter_reading'
  | 'service_application'
  | 'contract_conclusion'
  | 'contract_amendment'
  | 'document_signing'
  | 'user_change'
  | 'contact_change';

/** Rights a main user can grant an additional user beyond the default (ACC-10). */
export type UserRight = 'see_invoices' | 'sign_orders' | 'ev_charging';

/** Contract types a customer record can hold. */
export type ContractType =
  | 'electricity_supply'
  | 'gas_supply'
  | 'grid_connection'
  | 'ev_charging'
  | 'radio_permit'
  | 'product_purchase'
  | 'additional_service';

export interface OperatorProfile {
  /** short id used in OPERATOR=… */
  id: string;
  legalName: string;
  portalName: string;
  /** public site address of the real operator, for the footer */
  website: string;
  branding: {
    primaryColor: string; // hex, e.g. '#00a36c'; must give 4.5:1 contrast with white text
    accentColor: string;
    /** inline SVG markup of the logo (no external files, so the profile is self-contained) */
    logoSvg: string;
  };
  modules: ModuleName[];
  orderTypes: OrderType[];
  support: {
    phone: string;
    email: string;
    serviceCentres: { name: LocalizedText; address: string; hours: LocalizedText }[];
  };
  rules: {
    /** ACC-10: whether additional users see invoices without an explicit grant */
    additionalUsersSeeInvoices: boolean;
    /** ACC-6: maximum password age in days; null = no forced rotation (only recommended) */
    passwordMaxAgeDays: number | null;
    /** ACC-6: how many earlier passwords may not be reused */
    passwordHistory: number;
    /** ACC-7: wrong passwords in a row before a temporary block, and how long it lasts */
    lockoutThreshold: number;
    lockoutMinutes: number;
    /** ACC-9: contract types that allow bank/eID login (empty = any customer with any active contract) */
    bankLoginRequiresContractTypes: ContractType[];
    /** ACC-18: order types that need a bank/eID login within the last 15 minutes */
    stepUpOrderTypes: OrderType[];
    /** ACC-12: delete accounts with no active contract and no login for this many days */
    inactiveAccountDeletionDays: number;
    /**
     * Staff reach every customer's data, so they must log in with a second factor (TOTP): without one set
     * up, a password login reaches only the profile, where it is set up.
     */
    staffSecondFactorRequired: boolean;
  };
  /** GRD-2, GRD-4: meter readings and micro-generator settlement (used when the metering module is on). */
  metering: MeteringRules;
  /** BIL-1 … BIL-4: invoices (used when the billing module is on). */
  billing: BillingRules;
  /** OPS-1: the terms of use shipped with the profile; the first version is published at start. */
  terms: {
    version: string;
    approvedOn: string; // YYYY-MM-DD
    validFrom: string; // YYYY-MM-DD
    text: LocalizedText; // Markdown-light plain text; lv authoritative
  };
}

export interface MeteringRules {
  /**
   * GRD-2: when customers may submit a reading, in Riga days of the month: from `firstDay` of a month to
   * `lastDay` of the next (e.g. 25 → 3), or `firstDay` to `lastDay` of one month when firstDay <= lastDay;
   * null = on any day.
   */
  readingWindow: { firstDay: number; lastDay: number } | null;
  /** GRD-4: the trader's margin taken off the spot price for fed-in energy under net billing, €/kWh ('0.0200') */
  netBillingMarginEurPerKwh: string;
  /** the bidding zone whose day-ahead prices are loaded */
  spotPriceZone: string;
}

export interface BillingRules {
  /** the gap-free invoice series prefix: 'DE' numbers invoices DE-2026-000001, DE-2026-000002 … (a series per year) */
  invoiceSeries: string;
  /** credit notes have their own series (issue 12), e.g. 'DEK' → DEK-2026-000001 */
  creditNoteSeries: string;
  /** BIL-4: calendar days from issue to the due day; a due day on a weekend or public holiday moves to the next working day */
  paymentTermDays: number;
  /** BIL-1: the Riga day of the month on which the run issues the previous month's invoices (at most 15) */
  runDayOfMonth: number;
  /** VAT for new tariff components, exact decimal percent ('21') */
  defaultVatPercent: string;
  /**
   * BIL-4: public holidays the law adds for one year after the calendar was written, e.g. the closing day of
   * the Song and Dance Festival ('YYYY-MM-DD'); the fixed calendar is in common/src/riga-time.ts.
   */
  extraPublicHolidays: string[];
  /** the seller on every invoice: unified registration number (Peppol scheme 0218) and VAT number */
  seller: {
    registrationNumber: string;
    vatNumber: string | null;
    address: { street: string; city: string; postalCode: string; countryCode: string };
    email: string;
  };
  /** the account invoices ask to be paid to (printed, in the EPC QR code and in the e-invoice) */
  payee: { iban: string; bic: string };
  /** BIL-2: paper post is an extra paid service, a line on the invoice: net price in euros and VAT */
  postDeliveryFee: { price: string; vatPercent: string };
  /** BIL-10: late payment interest, percent of the overdue amount a day ('0.15'), charged on the next invoice */
  lateInterestPercentPerDay: string;
  /** BIL-11: collections — reminders of overdue invoices, then suspension of the service */
  collections: CollectionRules;
}

export interface CollectionRules {
  /** days after the due day on which an invoice still open is reminded of, by e-mail and in the portal inbox */
  reminderDaysAfterDue: number;
  /** days after the reminder on which the service of a customer still late is suspended; null = only staff suspend */
  suspensionDaysAfterReminder: number | null;
  /**
   * where the grid operator disconnects (issue 13 point 5): suspending a customer's service orders the grid operator
   * to disconnect the customer's connection points, and restoring it orders the reconnection (BIL-11)
   */
  gridOrderOnSuspension: boolean;
}
