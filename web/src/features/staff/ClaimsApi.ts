import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ClaimDecisionBody, ClaimList, ClaimView, MoneyLimitBody, SpendingAllowance } from '@up/common/contracts/billing';
import { addResources } from '../../i18n/index.ts';
import { api } from '../../api/client.ts';
import { staffKeys } from './staff.api.ts';
import lv from './Claims.lv.json';
import en from './Claims.en.json';
import ru from './Claims.ru.json';

/**
 * The back office's claims (BIL-7) and money limits (BIL-6): /api/staff/claims…, /api/staff/customers/:id/money-limit.
 * Cached under ['staff', 'claims', …] and ['staff', 'money-limit', customerId]; a decision refetches all of
 * ['staff'] (the customer's charges and ledger move too). Texts: namespace 'staffClaims'.
 */
export const CLAIMS_NAMESPACE = 'staffClaims';
addResources(CLAIMS_NAMESPACE, { lv, en, ru });

export type ClaimFilter = 'open' | 'all';

export const claimKeys = {
  list: (filter: ClaimFilter) => [...staffKeys.all, 'claims', filter] as const,
  limit: (customerId: string) => [...staffKeys.all, 'money-limit', customerId] as const,
};

const limitPath = (customerId: string) => `/api/staff/customers/${encodeURIComponent(customerId)}/money-limit`;

/** GET /api/staff/claims (all: open first, the oldest first, then the decided ones newest first) or ?status=open. */
export function useStaffClaims(filter: ClaimFilter) {
  return useQuery({
    queryKey: claimKeys.list(filter),
    queryFn: () => api.get<ClaimList>(filter === 'open' ? '/api/staff/claims?status=open' : '/api/staff/claims'),
  });
}

/** POST /api/staff/claims/:claimId/decision: 400 naming correctionNetCents when an acceptance has none; 409 CLAIM_DECIDED. */
export function useDecideClaim() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ claimId, ...body }: ClaimDecisionBody & { claimId: string }) =>
      api.post<ClaimView>(`/api/staff/claims/${encodeURIComponent(claimId)}/decision`, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffKeys.all }),
  });
}

/** GET …/money-limit: this billing period's limit and what the customer may still spend. */
export function useMoneyLimit(customerId: string) {
  return useQuery({ queryKey: claimKeys.limit(customerId), queryFn: () => api.get<SpendingAllowance>(limitPath(customerId)), enabled: Boolean(customerId) });
}

/** PUT …/money-limit { period, limitCents } (null removes it): answers this period's allowance. */
export function useSetMoneyLimit(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MoneyLimitBody) => api.put<SpendingAllowance>(limitPath(customerId), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: claimKeys.limit(customerId) }),
  });
}
