import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client.ts';

/**
 * Answers under /api/customers/:customerId/… are cached per customer, so that switching customers (ACC-11)
 * never shows the previous one's data: ['customer', customerId, part]. ['customer', customerId] covers all
 * of one customer's answers, ['customer'] every customer's (e.g. unread counts after a notice is read).
 */
export const CUSTOMER_KEY = ['customer'] as const;

export const customerKey = (customerId: string) => ['customer', customerId] as const;
export const customerPartKey = (customerId: string, part: string) => ['customer', customerId, part] as const;

export function customerPath(customerId: string, path: string): string {
  return `/api/customers/${encodeURIComponent(customerId)}/${path}`;
}

/**
 * GET /api/customers/:customerId/<part>, typed by the feature's hook with the contract's answer type.
 * Disabled while there is no customer (customerId undefined) or `enabled` is false.
 */
export function useCustomerQuery<T>(customerId: string | undefined, part: string, enabled = true) {
  return useQuery({
    queryKey: customerPartKey(customerId ?? '', part),
    queryFn: () => api.get<T>(customerPath(customerId ?? '', part)),
    enabled: Boolean(customerId) && enabled,
  });
}
