import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  DisableTotpBody,
  EnableTotpBody,
  EndPortalUseBody,
  LinkCustomerAnswer,
  LinkCustomerBody,
  MySession,
  TotpSetupAnswer,
  UpdateProfileBody,
} from '@up/common/contracts/accounts';
import { api } from '../../api/client.ts';
import { leaveAfterLogout, SESSION_KEY } from '../../api/session.ts';

/**
 * The profile page's API: the user's own data, sessions, second factor, linked customers and ending portal
 * use. What changes the session (name, language, TOTP, customers) refetches it.
 */

export const MY_SESSIONS_KEY = ['me', 'sessions'] as const;

/** PATCH /api/me: name, phone and language. */
export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfileBody) => api.patch('/api/me', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

/** GET /api/me/sessions: where the user is logged in. */
export function useMySessions() {
  return useQuery({ queryKey: MY_SESSIONS_KEY, queryFn: () => api.get<MySession[]>('/api/me/sessions') });
}

/** DELETE /api/me/sessions/:sessionId: signs another session out. */
export function useSignOutSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (sessionId: string) => api.delete(`/api/me/sessions/${encodeURIComponent(sessionId)}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: MY_SESSIONS_KEY }),
  });
}

/** POST /api/me/totp/setup: a new secret, shown once. */
export function useSetUpTotp() {
  return useMutation({ mutationFn: () => api.post<TotpSetupAnswer>('/api/me/totp/setup') });
}

/** POST /api/me/totp/enable with a code from the app. */
export function useEnableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EnableTotpBody) => api.post('/api/me/totp/enable', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

/** POST /api/me/totp/disable; the password confirms it is the user. */
export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DisableTotpBody) => api.post('/api/me/totp/disable', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

/** POST /api/me/customers: ACC-11, the user becomes the main user of another customer whose records they match. */
export function useLinkCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LinkCustomerBody) => api.post<LinkCustomerAnswer>('/api/me/customers', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}

/** POST /api/me/end-portal-use (ACC-12): the account is deleted and the session ends; then a fresh page load. */
export function useEndPortalUse() {
  return useMutation({
    mutationFn: (body: EndPortalUseBody) => api.post('/api/me/end-portal-use', body),
    onSuccess: () => leaveAfterLogout('/login?ended=1'),
  });
}
