import type {
  InvoiceDocument,
  InvoiceDocumentLine,
  InvoiceParty,
  VatBreakdownEntry,
  VatCategory,
} from './invoice-document.js';

/**
 * The e-invoice of an issued invoice or credit note: a UBL 2.1 `Invoice` (type 380) or `CreditNote` (type 381)
 * following Peppol BIS Billing 3.0 (the EN 16931 CIUS Latvia's e-invoicing uses). Built by hand: the document
 * is small and fixed in shape, and the same input always gives the same bytes (golden-file tested).
 *
 * Rules the shape relies on (tested in invoice-ubl.test.ts, checked with the official validator):
 * - BR-CO-10/13/15/16: the monetary totals are the document's totals, which add up by construction;
 * - BR-CO-17: one TaxSubtotal per breakdown entry, VAT = taxable × rate rounded to the cent;
 * - PEPPOL-EN16931-R010/R020, CL008: both parties have an EndpointID in a Peppol EAS scheme (0218; a natural
 *   person, who has none, is addressed at the operator's portal, where the invoice is delivered);
 * - BR-27 / PEPPOL-EN16931-R120: the price is never negative, a correction carries its sign on the quantity;
 * - PEPPOL-EN16931-R002: at most one document-level note;
 * - PEPPOL-EN16931-R110/R111: a line period lies inside the invoice period.
 */
export function renderUbl(doc: InvoiceDocument): string {
  const root = doc.kind === 'invoice' ? 'Invoice' : 'CreditNote';
  const body = [
    ...leaf('cbc:CustomizationID', CUSTOMIZATION_ID),
    ...leaf('cbc:ProfileID', PROFILE_ID),
    ...leaf('cbc:ID', doc.number),
    ...leaf('cbc:IssueDate', doc.issueDate),
    // A CreditNote has no DueDate element in UBL 2.1 (its BT-9 would sit in PaymentMeans); ours have none.
    ...(doc.kind === 'invoice' && doc.dueDate ? leaf('cbc:DueDate', doc.dueDate) : []),
    ...(doc.kind === 'invoice' ? leaf('cbc:InvoiceTypeCode', '380') : leaf('cbc:CreditNoteTypeCode', '381')),
    ...documentNote(doc.notes),
    ...leaf('cbc:DocumentCurrencyCode', doc.currency),
    // Peppol requires BuyerReference or OrderReference (PEPPOL-EN16931-R003); the customer number is what
    // the buyer quotes to us.
    ...(doc.buyer.customerNumber ? leaf('cbc:BuyerReference', doc.buyer.customerNumber) : []),
    ...invoicePeriod(doc.periodStart, doc.periodEnd),
    ...billingReference(doc.precedingInvoice),
    ...block('cac:AccountingSupplierParty', party(doc.seller, endpointId(doc.seller))),
    ...block('cac:AccountingCustomerParty', party(doc.buyer, endpointId(doc.buyer) ?? endpointId(doc.seller))),
    ...paymentMeans(doc),
    ...taxTotal(doc),
    ...monetaryTotal(doc),
    ...doc.lines.flatMap((line) => documentLine(doc, line)),
  ];
  const namespaces = {
    xmlns: `urn:oasis:names:specification:ubl:schema:xsd:${root}-2`,
    'xmlns:cac': 'urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2',
    'xmlns:cbc': 'urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2',
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${block(root, body, namespaces).join('\n')}\n`;
}

export const CUSTOMIZATION_ID = 'urn:cen.eu:en16931:2017#compliant#urn:fdc:peppol.eu:2017:poacc:billing:3.0';
export const PROFILE_ID = 'urn:fdc:peppol.eu:2017:poacc:billing:01:1.0';
/** Peppol EAS / ICD code of Latvia's unified registration number. */
export const LV_REGISTRATION_SCHEME = '0218';
/** UNCL4461: SEPA credit transfer. */
const SEPA_CREDIT_TRANSFER = '58';

// ---------------------------------------------------------------------------------------------------------
// Blocks

/** PEPPOL-EN16931-R002 allows one document-level note, so the notes become one, a line each. */
function documentNote(notes: string[]): string[] {
  const text = notes.filter((note) => note.trim() !== '').join('\n');
  return text ? leaf('cbc:Note', text) : [];
}

function invoicePeriod(start: string, end: string): string[] {
  return block('cac:InvoicePeriod', [...leaf('cbc:StartDate', start), ...leaf('cbc:EndDate', end)]);
}

function billingReference(preceding: InvoiceDocument['precedingInvoice']): string[] {
  if (!preceding) return [];
  return block('cac:BillingReference', block('cac:InvoiceDocumentReference', [
    ...leaf('cbc:ID', preceding.number),
    ...leaf('cbc:IssueDate', preceding.issueDate),
  ]));
}

/**
 * A legal entity is addressed and identified by its unified registration number (scheme 0218), plus its VAT
 * number when registered. A natural person has neither, and no Peppol id at all: Peppol's EAS code list
 * (PEPPOL-EN16931-CL008) has no scheme for a person or an e-mail address ('EM' is in EN 16931's list only),
 * yet the buyer must have an electronic address (PEPPOL-EN16931-R010). A person's e-invoice is delivered where
 * they read it, the operator's portal, so its buyer address is the operator's own (0218): never a stranger's
 * mailbox, and no made-up identifier. The person is identified by the customer number (BT-46), the name and
 * the e-mail (BT-58, Contact).
 */
function party(p: InvoiceParty, endpoint: string[] | null): string[] {
  return block('cac:Party', [
    ...(endpoint ?? []),
    ...(p.customerNumber ? block('cac:PartyIdentification', leaf('cbc:ID', p.customerNumber)) : []),
    ...postalAddress(p.address),
    ...(p.vatNumber
      ? block('cac:PartyTaxScheme', [...leaf('cbc:CompanyID', p.vatNumber), ...taxScheme()])
      : []),
    ...block('cac:PartyLegalEntity', [
      ...leaf('cbc:RegistrationName', p.name),
      ...(p.registrationNumber ? leaf('cbc:CompanyID', p.registrationNumber, { schemeID: LV_REGISTRATION_SCHEME }) : []),
    ]),
    ...(p.email ? block('cac:Contact', leaf('cbc:ElectronicMail', p.email)) : []),
  ]);
}

/** A party's own Peppol address: its registration number (0218); null for a natural person. */
function endpointId(p: InvoiceParty): string[] | null {
  return p.registrationNumber ? leaf('cbc:EndpointID', p.registrationNumber, { schemeID: LV_REGISTRATION_SCHEME }) : null;
}

function postalAddress(a: InvoiceParty['address']): string[] {
  return block('cac:PostalAddress', [
    ...leaf('cbc:StreetName', a.street),
    ...leaf('cbc:CityName', a.city),
    ...leaf('cbc:PostalZone', a.postalCode),
    ...block('cac:Country', leaf('cbc:IdentificationCode', a.countryCode)),
  ]);
}

/**
 * SEPA credit transfer to the operator's account, quoting the payment reference. Only on an invoice: on a
 * credit note the money goes the other way, and the operator's account as "payee" would ask the buyer to pay.
 */
function paymentMeans(doc: InvoiceDocument): string[] {
  if (doc.kind !== 'invoice') return [];
  return block('cac:PaymentMeans', [
    ...leaf('cbc:PaymentMeansCode', SEPA_CREDIT_TRANSFER),
    ...leaf('cbc:PaymentID', doc.paymentReference),
    ...block('cac:PayeeFinancialAccount', [
      ...leaf('cbc:ID', doc.payee.iban),
      ...leaf('cbc:Name', doc.payee.name),
      ...block('cac:FinancialInstitutionBranch', leaf('cbc:ID', doc.payee.bic)),
    ]),
  ]);
}

function taxTotal(doc: InvoiceDocument): string[] {
  return block('cac:TaxTotal', [
    ...amount('cbc:TaxAmount', doc.totals.vatCents, doc.currency),
    ...doc.vatBreakdown.flatMap((entry) => taxSubtotal(entry, doc.currency)),
  ]);
}

function taxSubtotal(entry: VatBreakdownEntry, currency: string): string[] {
  return block('cac:TaxSubtotal', [
    ...amount('cbc:TaxableAmount', entry.taxableCents, currency),
    ...amount('cbc:TaxAmount', entry.vatCents, currency),
    ...block('cac:TaxCategory', [
      ...leaf('cbc:ID', entry.vatCategory),
      ...leaf('cbc:Percent', entry.vatRatePercent),
      ...exemptionReason(entry.vatCategory),
      ...taxScheme(),
    ]),
  ]);
}

/**
 * BR-AE-10 / BR-E-10 want an exemption reason on those categories' breakdown. Reverse charge has one code
 * for it (VATEX list); an exemption's code depends on its legal basis, which InvoiceDocument does not carry.
 */
function exemptionReason(category: VatCategory): string[] {
  if (category === 'AE') return leaf('cbc:TaxExemptionReasonCode', 'VATEX-EU-AE');
  // the portal's only exempt line is late payment interest (late-interest-rating.ts): compensation, not a supply
  if (category === 'E') return leaf('cbc:TaxExemptionReason', 'Nokavējuma procenti – kompensācija, nav PVN apliekams darījums');
  return [];
}

/** No document-level allowances or charges, so line total = tax exclusive amount (BR-CO-13). */
function monetaryTotal(doc: InvoiceDocument): string[] {
  const { netCents, grossCents, prepaidCents, payableCents } = doc.totals;
  return block('cac:LegalMonetaryTotal', [
    ...amount('cbc:LineExtensionAmount', sumLineNets(doc.lines), doc.currency),
    ...amount('cbc:TaxExclusiveAmount', netCents, doc.currency),
    ...amount('cbc:TaxInclusiveAmount', grossCents, doc.currency),
    ...(prepaidCents > 0 ? amount('cbc:PrepaidAmount', prepaidCents, doc.currency) : []),
    ...amount('cbc:PayableAmount', payableCents, doc.currency),
  ]);
}

/**
 * A line gives money back with a negative quantity at a positive price: BR-27 forbids a negative price, and
 * PEPPOL-EN16931-R120 wants line net = quantity × price. A line period outside the invoice period cannot be
 * an InvoicePeriod (PEPPOL-EN16931-R110/R111), so it goes into the line note as an ISO 8601 interval instead.
 */
function documentLine(doc: InvoiceDocument, line: InvoiceDocumentLine): string[] {
  const isInvoice = doc.kind === 'invoice';
  const period = linePeriod(doc, line);
  return block(isInvoice ? 'cac:InvoiceLine' : 'cac:CreditNoteLine', [
    ...leaf('cbc:ID', String(line.lineNumber)),
    ...(period?.inside === false ? leaf('cbc:Note', `${period.start}/${period.end}`) : []),
    ...leaf(isInvoice ? 'cbc:InvoicedQuantity' : 'cbc:CreditedQuantity', line.quantity, { unitCode: line.unitCode }),
    ...amount('cbc:LineExtensionAmount', line.netCents, doc.currency),
    ...(period?.inside ? invoicePeriod(period.start, period.end) : []),
    ...block('cac:Item', [
      ...leaf('cbc:Name', line.description),
      ...block('cac:ClassifiedTaxCategory', [
        ...leaf('cbc:ID', line.vatCategory),
        ...leaf('cbc:Percent', line.vatRatePercent),
        ...taxScheme(),
      ]),
    ]),
    ...block('cac:Price', amount('cbc:PriceAmount', line.unitPrice, doc.currency)),
  ]);
}

function linePeriod(doc: InvoiceDocument, line: InvoiceDocumentLine): { start: string; end: string; inside: boolean } | null {
  if (!line.periodStart || !line.periodEnd) return null;
  // 'YYYY-MM-DD' strings compare as dates.
  const inside = line.periodStart >= doc.periodStart && line.periodEnd <= doc.periodEnd;
  return { start: line.periodStart, end: line.periodEnd, inside };
}

function sumLineNets(lines: InvoiceDocumentLine[]): number {
  return lines.reduce((sum, line) => sum + line.netCents, 0);
}

function taxScheme(): string[] {
  return block('cac:TaxScheme', leaf('cbc:ID', 'VAT'));
}

// ---------------------------------------------------------------------------------------------------------
// Values and XML

/** Integer cents as 'euros.cc' without going through a float: '-5.00', '42.18'. A string is an exact decimal. */
export function formatCents(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Cents must be a safe integer, got ${cents}`);
  const abs = Math.abs(cents);
  const rest = abs % 100;
  const euros = (abs - rest) / 100;
  return `${cents < 0 ? '-' : ''}${euros}.${String(rest).padStart(2, '0')}`;
}

function amount(name: string, value: number | string, currency: string): string[] {
  return leaf(name, typeof value === 'number' ? formatCents(value) : value, { currencyID: currency });
}

type Attributes = Record<string, string>;

/** An element with text content: one line. */
function leaf(name: string, text: string, attributes: Attributes = {}): string[] {
  return [`<${name}${renderAttributes(attributes)}>${escapeXml(text)}</${name}>`];
}

/** An element with child elements, indented by two spaces. */
function block(name: string, children: string[], attributes: Attributes = {}): string[] {
  return [`<${name}${renderAttributes(attributes)}>`, ...children.map((child) => `  ${child}`), `</${name}>`];
}

function renderAttributes(attributes: Attributes): string {
  return Object.entries(attributes).map(([key, value]) => ` ${key}="${escapeXml(value)}"`).join('');
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/**
 * Escapes the five XML specials. Control characters XML 1.0 cannot carry at all (not even escaped) are
 * dropped, so a stray one in a free text cannot make the whole document unreadable.
 */
export function escapeXml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"']/g, (ch) => XML_ESCAPES[ch]);
}
