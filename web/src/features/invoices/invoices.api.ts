import type { BillEstimate, InvoiceDetail, InvoiceList, LineExplanation } from '@up/common/contracts/billing';
import type { SessionCustomer } from '@up/common/contracts/accounts';
import type { OperatorProfile } from '@up/common/contracts/operator';
import { hasRight } from '../../api/session.ts';
import { customerPath, useCustomerQuery } from '../customer.ts';

/**
 * The customer's invoices (BIL-15, ACC-10): the list with the balance, one invoice, the explanation of a line, the
 * PDF and e-invoice downloads and this month's estimate. All of them need the see_invoices right (the main user
 * has it, an additional user where granted or where the operator lets every user see invoices).
 */

const invoicePart = (invoiceId: string, rest = '') => `invoices/${encodeURIComponent(invoiceId)}${rest}`;

/**
 * Whether the user may see the customer's invoices: the operator runs the billing module and the session's
 * effective rights (the operator's setting already counted in) hold see_invoices.
 */
export function maySeeInvoices(customer: SessionCustomer | null, operator: Pick<OperatorProfile, 'modules'> | undefined): boolean {
  return Boolean(customer && operator?.modules.includes('billing') && hasRight(customer, 'see_invoices'));
}

/** GET /api/customers/:customerId/invoices: newest first, with the balance from the ledger. */
export function useInvoices(customerId: string | undefined, enabled = true) {
  return useCustomerQuery<InvoiceList>(customerId, 'invoices', enabled);
}

/** GET …/invoices/:invoiceId: the lines, VAT breakdown, payment details. */
export function useInvoice(customerId: string | undefined, invoiceId: string) {
  return useCustomerQuery<InvoiceDetail>(customerId, invoicePart(invoiceId), Boolean(invoiceId));
}

/** GET …/invoices/:invoiceId/lines/:lineNumber: "why is this line X €" — days, tariff version, or a correction's reason. */
export function useLineExplanation(customerId: string | undefined, invoiceId: string, lineNumber: number) {
  return useCustomerQuery<LineExplanation>(customerId, invoicePart(invoiceId, `/lines/${lineNumber}`), Boolean(invoiceId) && lineNumber > 0);
}

/** GET …/billing/estimate: this month so far, rated as the billing run would (nothing stored). */
export function useBillEstimate(customerId: string | undefined, enabled = true) {
  return useCustomerQuery<BillEstimate>(customerId, 'billing/estimate', enabled);
}

/** The PDF (application/pdf, an attachment) of a customer's invoice. */
export function invoicePdfUrl(customerId: string, invoiceId: string): string {
  return customerPath(customerId, invoicePart(invoiceId, '/pdf'));
}

/** The e-invoice (UBL 2.1, Peppol BIS Billing 3.0) of a legal entity's invoice. */
export function invoiceXmlUrl(customerId: string, invoiceId: string): string {
  return customerPath(customerId, invoicePart(invoiceId, '/xml'));
}
