import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AnnounceTermChangeBody, RefundDueList, StaffTermChange, StaffTermChangeList } from '@up/common/contracts/contract-lifecycle';
import { api } from '../../api/client.ts';

const KEYS = { termChanges: ['staff', 'term-changes'] as const, refundsDue: ['staff', 'refunds-due'] as const };

/** GET /api/staff/term-changes: every announcement with its counts (BIL-14). */
export function useStaffTermChanges() {
  return useQuery({ queryKey: KEYS.termChanges, queryFn: () => api.get<StaffTermChangeList>('/api/staff/term-changes') });
}

/** POST /api/staff/term-changes (administrators). */
export function useAnnounceTermChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AnnounceTermChangeBody) => api.post<StaffTermChange>('/api/staff/term-changes', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEYS.termChanges }),
  });
}

/** GET /api/staff/refunds-due: withdrawal refunds to pay out (BIL-13). */
export function useRefundsDue() {
  return useQuery({ queryKey: KEYS.refundsDue, queryFn: () => api.get<RefundDueList>('/api/staff/refunds-due') });
}

/** POST /api/staff/refunds-due/:contractId/paid-out (administrators). */
export function useMarkRefundPaidOut() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contractId: string) => api.post<void>(`/api/staff/refunds-due/${encodeURIComponent(contractId)}/paid-out`, {}),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: KEYS.refundsDue }),
  });
}
