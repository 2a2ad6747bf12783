import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrderStatusBody, StaffOrder, StaffOrderList } from '@up/common/contracts/orders';
import { addResources } from '../../../i18n/index.ts';
import { api } from '../../../api/client.ts';
import { staffKeys } from '../staff.api.ts';
import lv from './StaffOrders.lv.json';
import en from './StaffOrders.en.json';
import ru from './StaffOrders.ru.json';

/**
 * The back office's order queue (GRD-6): /api/staff/orders. Cached under ['staff', 'orders']; a status change
 * refetches it. Texts: namespace 'staffOrders'.
 */
export const STAFF_ORDERS_NAMESPACE = 'staffOrders';
addResources(STAFF_ORDERS_NAMESPACE, { lv, en, ru });

const ordersKey = [...staffKeys.all, 'orders'] as const;

/** GET /api/staff/orders: the open orders, the oldest first. */
export function useStaffOrders() {
  return useQuery({ queryKey: ordersKey, queryFn: () => api.get<StaffOrderList>('/api/staff/orders') });
}

/** POST /api/staff/orders/:orderId/status { status, note }: 409 ORDER_CLOSED when it is not open any more. */
export function useChangeOrderStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ orderId, ...body }: OrderStatusBody & { orderId: string }) =>
      api.post<StaffOrder>(`/api/staff/orders/${encodeURIComponent(orderId)}/status`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ordersKey }),
  });
}
