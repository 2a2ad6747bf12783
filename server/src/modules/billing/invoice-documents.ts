import type { Selectable } from 'kysely';
import type { Language, LocalizedText } from '@up/operators';
import type { Deps } from '../../deps.js';
import type { InvoiceRow } from './billing.tables.js';
import type { InvoiceDocument, InvoiceParty, UnitCode, VatCategory } from './invoice-document.js';
import { readLines } from './invoices.service.js';

/** BIL-1: every invoice says it is valid without a signature. */
const VALID_WITHOUT_SIGNATURE: LocalizedText = {
  lv: 'Rēķins sagatavots elektroniski un ir derīgs bez paraksta.',
  en: 'The invoice is issued electronically and is valid without a signature.',
  ru: 'Счёт составлен электронно и действителен без подписи.',
};

const CREDIT_NOTE_REASON: LocalizedText = { lv: 'Iemesls', en: 'Reason', ru: 'Причина' };

/** The stored invoice as its PDF and e-invoice print it, in the language it was issued in. */
export async function invoiceDocumentOf(deps: Deps, invoice: Selectable<InvoiceRow>): Promise<InvoiceDocument> {
  const lines = await readLines(deps.db, invoice.id);
  const language = (['lv', 'en', 'ru'].includes(invoice.language) ? invoice.language : 'lv') as Language;
  const preceding = invoice.corrects_invoice_id
    ? await deps.db.selectFrom('invoices').select(['number', 'issue_date']).where('id', '=', invoice.corrects_invoice_id).executeTakeFirst()
    : undefined;
  const { operator } = deps;
  const rules = operator.billing;
  const seller: InvoiceParty = {
    name: operator.legalName, registrationNumber: rules.seller.registrationNumber, vatNumber: rules.seller.vatNumber,
    address: rules.seller.address, email: rules.seller.email, customerNumber: null,
  };
  const buyer: InvoiceParty = {
    name: invoice.buyer.name, registrationNumber: invoice.buyer.registrationNumber, vatNumber: invoice.buyer.vatNumber,
    address: postalAddressParts(invoice.buyer.address), email: invoice.buyer.email, customerNumber: invoice.buyer.customerNumber,
  };
  const notes = [VALID_WITHOUT_SIGNATURE[language]];
  if (invoice.kind === 'credit_note' && invoice.reason) notes.push(`${CREDIT_NOTE_REASON[language]}: ${invoice.reason}`);
  return {
    kind: invoice.kind,
    number: invoice.number,
    issueDate: invoice.issue_date,
    dueDate: invoice.due_date,
    periodStart: invoice.period_start,
    periodEnd: invoice.period_end,
    currency: 'EUR',
    language,
    seller,
    buyer,
    paymentReference: invoice.payment_reference,
    payee: { iban: rules.payee.iban, bic: rules.payee.bic, name: operator.legalName },
    precedingInvoice: preceding ? { number: preceding.number, issueDate: preceding.issue_date } : null,
    lines: lines.map((line) => ({
      lineNumber: line.line_number,
      description: line.description[language],
      quantity: line.quantity,
      unitCode: line.unit_code as UnitCode,
      unitPrice: line.unit_price,
      netCents: line.net_cents,
      vatCategory: line.vat_category as VatCategory,
      vatRatePercent: line.vat_percent,
      periodStart: line.period_start === invoice.period_start && line.period_end === invoice.period_end ? null : line.period_start,
      periodEnd: line.period_start === invoice.period_start && line.period_end === invoice.period_end ? null : line.period_end,
    })),
    vatBreakdown: invoice.vat_breakdown.map((entry) => ({ ...entry, vatCategory: entry.vatCategory as VatCategory })),
    totals: {
      netCents: invoice.net_cents, vatCents: invoice.vat_cents, grossCents: invoice.gross_cents,
      prepaidCents: invoice.prepaid_cents, payableCents: invoice.payable_cents,
    },
    notes,
    branding: {
      primaryColor: operator.branding.primaryColor, portalName: operator.portalName, website: operator.website,
      supportPhone: operator.support.phone, supportEmail: operator.support.email,
    },
  };
}

/**
 * A customer's postal address as customers type it ('Čiekuru iela 5-12, Rīga, LV-1012') in the parts an
 * e-invoice has: the part with the postal code is the postal code, the one before it the city, the rest the street.
 */
export function postalAddressParts(address: string | null): InvoiceParty['address'] {
  const parts = (address ?? '').split(',').map((part) => part.trim()).filter(Boolean);
  const codeAt = parts.findIndex((part) => /^LV-?\d{4}$/i.test(part));
  const postalCode = codeAt >= 0 ? parts.splice(codeAt, 1)[0].toUpperCase().replace(/^LV(\d)/, 'LV-$1') : '';
  const city = parts.length > 1 ? parts.pop()! : '';
  return { street: parts.join(', '), city, postalCode, countryCode: 'LV' };
}
