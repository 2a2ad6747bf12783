import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Order, SubmitOrderBody, SubmittedOrder } from '@up/common/contracts/orders';
import { api } from '../../api/client.ts';
import { customerPartKey, customerPath, useCustomerQuery } from '../customer.ts';

/** The orders page's API (GRD-6, ACC-18). */

/** GET /api/customers/:customerId/orders: newest first. */
export function useOrders(customerId: string | undefined, enabled = true) {
  return useCustomerQuery<Order[]>(customerId, 'orders', enabled);
}

/** POST /api/customers/:customerId/orders: a signed order (some types need a fresh bank login first). */
export function useSubmitOrder(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SubmitOrderBody) => api.post<SubmittedOrder>(customerPath(customerId, 'orders'), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerPartKey(customerId, 'orders') }),
  });
}
