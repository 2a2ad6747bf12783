import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';
import { useActiveCustomer } from '../api/session.ts';

/**
 * A GET under /api/customers/:activeCustomerId/…, cached per customer so that switching customers
 * (ACC-11) never shows the previous one's data. Disabled while there is no active customer.
 */
export function useCustomerQuery<T>(path: string, enabled = true) {
  const customer = useActiveCustomer();
  const customerId = customer?.id ?? '';
  return useQuery({
    queryKey: ['customer', customerId, path],
    queryFn: () => api.get<T>(`/api/customers/${customerId}/${path}`),
    enabled: Boolean(customer) && enabled,
  });
}

export function customerPath(customerId: string, path: string): string {
  return `/api/customers/${customerId}/${path}`;
}
