import type { Selectable } from 'kysely';
import type { Deps } from '../../deps.js';
import { notFound } from '../../infra/errors.js';
import type { InvoiceRow } from './billing.tables.js';
import { invoiceDocumentOf } from './invoice-documents.js';
import { renderInvoicePdf } from './invoice-pdf.js';
import { renderUbl } from './invoice-ubl.js';

export interface InvoiceFile {
  fileName: string;
  contentType: string;
  body: Buffer | string;
}

/**
 * The invoice's PDF (operator branding, the customer's language, EPC QR code), rendered on the PDF workers
 * (invoice-pdf-pool.ts) when the app has them, so a download or a delivery does not hold up other requests.
 */
export async function invoicePdf(deps: Deps, invoice: Selectable<InvoiceRow>): Promise<InvoiceFile> {
  const document = await invoiceDocumentOf(deps, invoice);
  const body = await (deps.invoicePdfs ? deps.invoicePdfs.render(document) : renderInvoicePdf(document));
  return { fileName: `${invoice.number}.pdf`, contentType: 'application/pdf', body };
}

/**
 * The e-invoice (UBL 2.1, Peppol BIS Billing 3.0), issued to legal entities: a natural person has no Peppol
 * address (the rules' code list has none for a person), so a person's invoice has only its PDF.
 */
export async function invoiceXml(deps: Deps, invoice: Selectable<InvoiceRow>): Promise<InvoiceFile> {
  if (invoice.buyer.kind !== 'company') throw notFound('E_INVOICE_NOT_ISSUED', 'E-invoices are issued to legal entities; this invoice has its PDF');
  const body = renderUbl(await invoiceDocumentOf(deps, invoice));
  return { fileName: `${invoice.number}.xml`, contentType: 'application/xml; charset=utf-8', body };
}
