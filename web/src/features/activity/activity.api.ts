import { useQuery } from '@tanstack/react-query';
import type { AuditEvent } from '@up/common/contracts/audit';
import { api } from '../../api/client.ts';
import { useCustomerQuery } from '../customer.ts';

/** The activity page's API (ACC-17): audit events as customers read them. */

/** GET /api/me/activity: what the user did. */
export function useMyActivity() {
  return useQuery({ queryKey: ['me', 'activity'], queryFn: () => api.get<AuditEvent[]>('/api/me/activity') });
}

/** GET /api/customers/:customerId/activity: everything done for the customer (main user). */
export function useCustomerActivity(customerId: string | undefined, enabled = true) {
  return useCustomerQuery<AuditEvent[]>(customerId, 'activity', enabled);
}
