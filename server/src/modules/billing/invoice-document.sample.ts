import type { InvoiceDocument } from './invoice-document.js';

/**
 * Hand-checked documents for the renderers' tests (PDF, UBL). Every amount is worked out by hand:
 * a line is quantity × unit price rounded half-up once; VAT is per rate on the sum of the lines' net amounts.
 */
const seller: InvoiceDocument['seller'] = {
  name: 'Demo Enerģija SIA',
  registrationNumber: '40003000001',
  vatNumber: 'LV40003000001',
  address: { street: 'Demo iela 1', city: 'Rīga', postalCode: 'LV-1001', countryCode: 'LV' },
  email: 'rekini@demo-energija.example',
  customerNumber: null,
};

const branding: InvoiceDocument['branding'] = {
  primaryColor: '#5b3fa0', portalName: 'Utility Portal Demo', website: 'https://demo-energija.example',
  supportPhone: '+371 60 000 000', supportEmail: 'atbalsts@demo-energija.example',
};

const payee = { iban: 'LV80BANK0000435195001', bic: 'HABALV22', name: 'Demo Enerģija SIA' };

/** A household's October: two time-of-day bands, fixed and capacity fees, paper post; 20,00 € paid in advance. */
export const householdInvoice: InvoiceDocument = {
  kind: 'invoice',
  number: 'DE-2026-000101',
  issueDate: '2026-11-05',
  dueDate: '2026-11-19',
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  currency: 'EUR',
  language: 'lv',
  seller,
  buyer: {
    name: 'Jānis Bērziņš', registrationNumber: null, vatNumber: null,
    address: { street: 'Čiekuru iela 5-12', city: 'Rīga', postalCode: 'LV-1012', countryCode: 'LV' },
    email: 'janis@demo.example', customerNumber: '100001',
  },
  paymentReference: 'RF582026000101',
  payee,
  precedingInvoice: null,
  lines: [
    // 212.345 × 0.154320 = 32.7690804 → 32.77
    { lineNumber: 1, description: 'Elektroenerģija, dienas zona (Divu zonu tarifs, 1. versija)', quantity: '212.345', unitCode: 'KWH', unitPrice: '0.154320', netCents: 3277, vatCategory: 'S', vatRatePercent: '21', periodStart: null, periodEnd: null },
    // 98.100 × 0.121000 = 11.8701 → 11.87
    { lineNumber: 2, description: 'Elektroenerģija, nakts zona (Divu zonu tarifs, 1. versija)', quantity: '98.100', unitCode: 'KWH', unitPrice: '0.121000', netCents: 1187, vatCategory: 'S', vatRatePercent: '21', periodStart: null, periodEnd: null },
    { lineNumber: 3, description: 'Abonēšanas maksa', quantity: '1', unitCode: 'MON', unitPrice: '2.500000', netCents: 250, vatCategory: 'S', vatRatePercent: '21', periodStart: null, periodEnd: null },
    // 25 A × 0.110000 = 2.75
    { lineNumber: 4, description: 'Jaudas komponente, 25 A', quantity: '25', unitCode: 'AMP', unitPrice: '0.110000', netCents: 275, vatCategory: 'S', vatRatePercent: '21', periodStart: null, periodEnd: null },
    { lineNumber: 5, description: 'Rēķina piegāde pa pastu', quantity: '1', unitCode: 'C62', unitPrice: '1.500000', netCents: 150, vatCategory: 'S', vatRatePercent: '21', periodStart: null, periodEnd: null },
  ],
  // 3277 + 1187 + 250 + 275 + 150 = 5139; 5139 × 21 % = 1079.19 → 1079
  vatBreakdown: [{ vatCategory: 'S', vatRatePercent: '21', taxableCents: 5139, vatCents: 1079 }],
  totals: { netCents: 5139, vatCents: 1079, grossCents: 6218, prepaidCents: 2000, payableCents: 4218 },
  notes: ['Rēķins sagatavots elektroniski un derīgs bez paraksta.'],
  branding,
};

/** A company on a spot-indexed price (an average unit price), a fixed fee and a correction that gives money back. */
export const companyInvoice: InvoiceDocument = {
  kind: 'invoice',
  number: 'DE-2026-000102',
  issueDate: '2026-11-05',
  dueDate: '2026-11-19',
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  currency: 'EUR',
  language: 'en',
  seller,
  buyer: {
    name: 'Kalna Darbnīca SIA', registrationNumber: '40003012345', vatNumber: 'LV40003012345',
    address: { street: 'Rūpniecības iela 7', city: 'Jelgava', postalCode: 'LV-3001', countryCode: 'LV' },
    email: 'gramatvediba@kalna-darbnica.example', customerNumber: '100003',
  },
  paymentReference: 'RF312026000102',
  payee,
  precedingInvoice: null,
  lines: [
    // 1520.250 kWh valued interval by interval: 189.43 exactly; 1520.25 × 0.124605 = 189.43075 (the average shown)
    { lineNumber: 1, description: 'Electricity at the spot price + margin (Spot, version 1)', quantity: '1520.250', unitCode: 'KWH', unitPrice: '0.124605', netCents: 18943, vatCategory: 'S', vatRatePercent: '21', periodStart: null, periodEnd: null },
    { lineNumber: 2, description: 'Monthly fee', quantity: '1', unitCode: 'MON', unitPrice: '9.900000', netCents: 990, vatCategory: 'S', vatRatePercent: '21', periodStart: null, periodEnd: null },
    { lineNumber: 3, description: 'Correction of invoice DE-2026-000051 (claim of 2026-10-12)', quantity: '-1', unitCode: 'C62', unitPrice: '5.000000', netCents: -500, vatCategory: 'S', vatRatePercent: '21', periodStart: '2026-09-01', periodEnd: '2026-09-30' },
  ],
  // 18943 + 990 − 500 = 19433; 19433 × 21 % = 4080.93 → 4081
  vatBreakdown: [{ vatCategory: 'S', vatRatePercent: '21', taxableCents: 19433, vatCents: 4081 }],
  totals: { netCents: 19433, vatCents: 4081, grossCents: 23514, prepaidCents: 0, payableCents: 23514 },
  notes: ['The invoice is issued electronically and is valid without a signature.'],
  branding,
};

/** A credit note in Russian for part of an earlier invoice. */
export const creditNote: InvoiceDocument = {
  kind: 'credit_note',
  number: 'DEK-2026-000007',
  issueDate: '2026-11-20',
  dueDate: null,
  periodStart: '2026-10-01',
  periodEnd: '2026-10-31',
  currency: 'EUR',
  language: 'ru',
  seller,
  buyer: householdInvoice.buyer,
  paymentReference: 'RF582026000101',
  payee,
  precedingInvoice: { number: 'DE-2026-000101', issueDate: '2026-11-05' },
  lines: [
    { lineNumber: 1, description: 'Исправление: электроэнергия, дневная зона', quantity: '1', unitCode: 'C62', unitPrice: '12.400000', netCents: 1240, vatCategory: 'S', vatRatePercent: '21', periodStart: null, periodEnd: null },
  ],
  // 1240 × 21 % = 260.40 → 260
  vatBreakdown: [{ vatCategory: 'S', vatRatePercent: '21', taxableCents: 1240, vatCents: 260 }],
  totals: { netCents: 1240, vatCents: 260, grossCents: 1500, prepaidCents: 0, payableCents: 1500 },
  notes: ['Кредитовый счёт составлен электронно и действителен без подписи.'],
  branding,
};

/** A household's November with late interest on its October invoice (BIL-10): a line outside VAT (category E). */
export const lateInterestInvoice: InvoiceDocument = {
  ...householdInvoice,
  number: 'DE-2026-000111',
  issueDate: '2026-12-05',
  dueDate: '2026-12-21',
  periodStart: '2026-11-01',
  periodEnd: '2026-11-30',
  paymentReference: 'RF792026000111',
  lines: [
    // 150.000 × 0.154320 = 23.148 → 23.15
    { lineNumber: 1, description: 'Elektroenerģija (Viena zona, 1. versija)', quantity: '150.000', unitCode: 'KWH', unitPrice: '0.154320', netCents: 2315, vatCategory: 'S', vatRatePercent: '21', periodStart: null, periodEnd: null },
    // 42.18 € × 0.15 % × 16 days = 1.01232 → 1.01
    { lineNumber: 2, description: 'Nokavējuma procenti par rēķinu DE-2026-000101 (16 dienas)', quantity: '1', unitCode: 'C62', unitPrice: '1.010000', netCents: 101, vatCategory: 'E', vatRatePercent: '0', periodStart: null, periodEnd: null },
  ],
  // 2315 × 21 % = 486.15 → 486; the interest carries no VAT
  vatBreakdown: [
    { vatCategory: 'S', vatRatePercent: '21', taxableCents: 2315, vatCents: 486 },
    { vatCategory: 'E', vatRatePercent: '0', taxableCents: 101, vatCents: 0 },
  ],
  totals: { netCents: 2416, vatCents: 486, grossCents: 2902, prepaidCents: 0, payableCents: 2902 },
};
