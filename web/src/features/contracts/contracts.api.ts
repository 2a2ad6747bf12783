import type { Contract } from '@up/common/contracts/customers';
import { useCustomerQuery } from '../customer.ts';

/** The contracts page's API: GET /api/customers/:customerId/contracts, oldest first. */
export function useContracts(customerId: string | undefined) {
  return useCustomerQuery<Contract[]>(customerId, 'contracts');
}
