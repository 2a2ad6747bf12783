import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AcceptTermsBody, Terms } from '@up/common/contracts/terms';
import { api } from '../../api/client.ts';
import { SESSION_KEY } from '../../api/session.ts';

/** The terms of use (OPS-1): published versions, and accepting a new one. */

/** Every cached terms answer; publishing a version (back office) invalidates them. */
export const TERMS_KEY = ['terms'] as const;

/** GET /api/terms/:version ('current' for the version in force); disabled while the version is null. */
export function useTerms(version: string | null) {
  return useQuery({
    queryKey: [...TERMS_KEY, version],
    queryFn: () => api.get<Terms>(`/api/terms/${encodeURIComponent(version ?? '')}`),
    enabled: Boolean(version),
  });
}

/** GET /api/terms: every published version. */
export function useTermsVersions() {
  return useQuery({ queryKey: [...TERMS_KEY, 'list'], queryFn: () => api.get<Terms[]>('/api/terms') });
}

/** POST /api/me/terms/accept; the session then no longer asks for it. */
export function useAcceptTerms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptTermsBody) => api.post('/api/me/terms/accept', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}
