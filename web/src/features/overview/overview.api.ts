import type { CustomerSummary } from '@up/common/contracts/overview';
import { useCustomerQuery } from '../customer.ts';

/** The overview's API: GET /api/customers/:customerId/summary (ACC-10, ACC-11). */
export function useCustomerSummary(customerId: string | undefined) {
  return useCustomerQuery<CustomerSummary>(customerId, 'summary');
}
