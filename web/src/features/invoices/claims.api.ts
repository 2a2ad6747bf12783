import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ClaimBody, ClaimList, ClaimView, SpendingAllowance } from '@up/common/contracts/billing';
import type { SessionCustomer } from '@up/common/contracts/accounts';
import { api } from '../../api/client.ts';
import { hasRight } from '../../api/session.ts';
import { customerPartKey, customerPath, useCustomerQuery } from '../customer.ts';

/**
 * BIL-7 claims against invoices and the BIL-6 money limit, as the customer sees them. Reading both needs
 * see_invoices (like the invoice pages); filing a claim is a statement made for the customer (ACC-18): sign_orders.
 */

/** Whether the user may file a claim for the customer (the server checks it again). */
export function mayFileClaims(customer: SessionCustomer | null): boolean {
  return hasRight(customer, 'sign_orders');
}

/** GET /api/customers/:customerId/claims: newest first, each with its decision. */
export function useClaims(customerId: string | undefined, enabled = true) {
  return useCustomerQuery<ClaimList>(customerId, 'claims', enabled);
}

/**
 * POST …/invoices/:invoiceId/claims: 201 the claim; 409 CLAIM_PERIOD_OVER (details.lastDay) after the 10 days,
 * CLAIM_OPEN while another claim against the invoice is open.
 */
export function useFileClaim(customerId: string, invoiceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ClaimBody) => api.post<ClaimView>(customerPath(customerId, `invoices/${encodeURIComponent(invoiceId)}/claims`), body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: customerPartKey(customerId, 'claims') }),
  });
}

/** GET …/spending (BIL-6): this period's limit (null: none), what counts against it and what may still be spent. */
export function useSpending(customerId: string | undefined, enabled = true) {
  return useCustomerQuery<SpendingAllowance>(customerId, 'spending', enabled);
}
