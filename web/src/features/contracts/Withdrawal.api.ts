import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CustomerTermChange, CustomerTermChangeList, LifecycleContractList, Withdrawal } from '@up/common/contracts/contract-lifecycle';
import { api } from '../../api/client.ts';
import { customerKey, customerPath, useCustomerQuery } from '../customer.ts';

/** GET …/contract-lifecycle (every user): the contracts with their terms version and the withdrawal right (BIL-13). */
export function useLifecycleContracts(customerId: string | undefined) {
  return useCustomerQuery<LifecycleContractList>(customerId, 'contract-lifecycle');
}

/** GET …/term-changes (every user): announced changes of the contract terms (BIL-14). */
export function useTermChanges(customerId: string | undefined) {
  return useCustomerQuery<CustomerTermChangeList>(customerId, 'term-changes');
}

/** POST …/contracts/:contractId/withdrawal (main user, BIL-13); everything of the customer is asked again. */
export function useWithdraw(customerId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contractId: string) => api.post<Withdrawal>(customerPath(customerId ?? '', `contracts/${encodeURIComponent(contractId)}/withdrawal`), {}),
    onSuccess: () => {
      if (customerId) void queryClient.invalidateQueries({ queryKey: customerKey(customerId) });
    },
  });
}

/** POST …/term-changes/:termChangeId/leave (main user, BIL-14). */
export function useLeaveTermChange(customerId: string | undefined) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: { termChangeId: string; contractId: string }) =>
      api.post<CustomerTermChange>(customerPath(customerId ?? '', `term-changes/${encodeURIComponent(change.termChangeId)}/leave`), { contractId: change.contractId }),
    onSuccess: () => {
      if (customerId) void queryClient.invalidateQueries({ queryKey: customerKey(customerId) });
    },
  });
}
