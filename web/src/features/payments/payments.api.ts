import { useEffect, useRef } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CustomerBalance, OnlinePaymentView, PaymentList } from '@up/common/contracts/payments';
import type { SessionCustomer } from '@up/common/contracts/accounts';
import type { OperatorProfile } from '@up/common/contracts/operator';
import { api, ApiError } from '../../api/client.ts';
import { customerKey, customerPartKey, customerPath, useCustomerQuery } from '../customer.ts';
import { onlinePollInterval } from './payments.ts';

const ONLINE_PAYMENTS = 'online-payments';

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

/**
 * BIL-15: "Pay" in the portal. POST …/online-payments starts a payment of the chosen open invoices (none: of
 * everything open) at the payment provider; the window then goes to the provider's page (redirectUrl) and the
 * mutation stays pending-looking (isSuccess) until it has left. Only the provider's signed notice makes it paid.
 */
export function useStartOnlinePayment(customerId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (invoiceIds: string[] | undefined) =>
      api.post<OnlinePaymentView>(customerPath(customerId ?? '', 'online-payments'), invoiceIds ? { invoiceIds } : {}),
    onSuccess: (started) => {
      if (started.redirectUrl) window.location.assign(started.redirectUrl);
    },
    onError: (error) => {
      // what is open changed under the customer (paid meanwhile, an invoice voided): show it as it is now
      if (customerId && error instanceof ApiError && (error.code === 'NOTHING_TO_PAY' || error.status === 400)) {
        void queryClient.invalidateQueries({ queryKey: customerPartKey(customerId, 'balance') });
        void queryClient.invalidateQueries({ queryKey: customerPartKey(customerId, 'invoices') });
      }
    },
  });
}

/**
 * GET …/online-payments/:intentId after the provider sent the customer back (`/payments?online=<id>`): asked every
 * second while it is 'started' and for at most ONLINE_POLL_LIMIT_MS from `since`; when it turns paid, everything
 * of the customer the payment changed (balance, payments, invoices) is asked again.
 */
export function useOnlinePayment(customerId: string | undefined, intentId: string | null, since: number) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: customerPartKey(customerId ?? '', `${ONLINE_PAYMENTS}/${intentId ?? ''}`),
    queryFn: () => api.get<OnlinePaymentView>(customerPath(customerId ?? '', `${ONLINE_PAYMENTS}/${encodeURIComponent(intentId ?? '')}`)),
    enabled: Boolean(customerId && intentId),
    retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
    refetchInterval: (current) => onlinePollInterval(current.state.data?.status, since, Date.now()),
    refetchIntervalInBackground: true,
  });
  const status = query.data?.status;
  const previous = useRef(status);
  useEffect(() => {
    if (status === 'paid' && previous.current !== 'paid' && customerId) {
      void queryClient.invalidateQueries({
        queryKey: customerKey(customerId),
        predicate: (candidate) => !String(candidate.queryKey[2] ?? '').startsWith(ONLINE_PAYMENTS),
      });
    }
    previous.current = status;
  }, [status, customerId, queryClient]);
  return query;
}
