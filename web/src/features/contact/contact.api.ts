import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ContactDetails, ContactDetailsBody, ServicePasswordBody } from '@up/common/contracts/customers';
import { api } from '../../api/client.ts';
import { customerPartKey, customerPath, useCustomerQuery } from '../customer.ts';

/** The contact page's API: contact details and channels (ACC-15, BIL-2, GRD-7) and the service password (ACC-19). */

/** GET /api/customers/:customerId/contact */
export function useContactDetails(customerId: string | undefined) {
  return useCustomerQuery<ContactDetails>(customerId, 'contact');
}

/** PUT /api/customers/:customerId/contact (main user). */
export function useSaveContactDetails(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ContactDetailsBody) => api.put(customerPath(customerId, 'contact'), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerPartKey(customerId, 'contact') }),
  });
}

/** PUT /api/customers/:customerId/service-password (main user); it is never shown again. */
export function useSetServicePassword(customerId: string) {
  return useMutation({
    mutationFn: (body: ServicePasswordBody) => api.put(customerPath(customerId, 'service-password'), body),
  });
}
