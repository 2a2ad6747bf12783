import type { CustomerBalance, PaymentList } from '@up/common/contracts/payments';
import type { SessionCustomer } from '@up/common/contracts/accounts';
import type { OperatorProfile } from '@up/common/contracts/operator';
import { useCustomerQuery } from '../customer.ts';

/**
 * The customer's payments (issue 13; BIL-3 … BIL-5, BIL-10, BIL-15): every user of the customer sees its payments
 * and what each paid; what it owes today (the balance with late interest so far) lists invoices, so it needs the
 * see_invoices right like the invoice pages (maySeeInvoices in ../invoices/invoices.api.ts).
 */

/** Whether the payments page is there: the operator bills through the portal and the user acts for a customer. */
export function mayUsePayments(customer: SessionCustomer | null, operator: Pick<OperatorProfile, 'modules'> | undefined): boolean {
  return Boolean(customer && operator?.modules.includes('billing'));
}

/** GET /api/customers/:customerId/payments: newest first, each with its allocations and the credit it left. */
export function useCustomerPayments(customerId: string | undefined, enabled = true) {
  return useCustomerQuery<PaymentList>(customerId, 'payments', enabled);
}

/** GET /api/customers/:customerId/balance (see_invoices): what to pay now, overdue, credit, interest so far, open invoices. */
export function useCustomerBalance(customerId: string | undefined, enabled = true) {
  return useCustomerQuery<CustomerBalance>(customerId, 'balance', enabled);
}
