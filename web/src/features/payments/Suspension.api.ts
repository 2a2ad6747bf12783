import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ServiceStatus, TerminationView } from '@up/common/contracts/collections';
import { api } from '../../api/client.ts';
import { customerKey, customerPartKey, customerPath, useCustomerQuery } from '../customer.ts';

/** GET …/service-status (every user of the customer): the suspension, if any, and what to pay (BIL-11). */
export function useServiceStatus(customerId: string | undefined, enabled = true) {
  return useCustomerQuery<ServiceStatus>(customerId, 'service-status', enabled);
}

const terminationPath = (customerId: string, contractId: string) => customerPath(customerId, `contracts/${encodeURIComponent(contractId)}/termination`);

/** GET …/contracts/:contractId/termination (main user): the end day notice given today would set, or the notice given. */
export function useTerminationPreview(customerId: string | undefined, contractId: string | undefined) {
  return useQuery({
    queryKey: customerPartKey(customerId ?? '', `termination:${contractId ?? ''}`),
    queryFn: () => api.get<TerminationView>(terminationPath(customerId ?? '', contractId ?? '')),
    enabled: Boolean(customerId && contractId),
  });
}

/** POST …/contracts/:contractId/termination: the main user gives notice (BIL-12); the contracts are asked again. */
export function useGiveNotice(customerId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contractId: string) => api.post<TerminationView>(terminationPath(customerId ?? '', contractId), { confirm: true }),
    onSuccess: () => {
      if (customerId) void queryClient.invalidateQueries({ queryKey: customerKey(customerId) });
    },
  });
}
