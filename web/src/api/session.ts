import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SessionAnswer, SessionCustomer, SwitchCustomerBody, UpdateProfileBody } from '@up/common/contracts/accounts';
import type { Created, ErrorReportBody, MaintenanceWindow, OperatorProfile } from '@up/common/contracts/operator';
import type { Lang } from '@up/common/lang';
import { api, setCsrfToken } from './client.ts';

/**
 * The app shell's client: the session (who is logged in, acting for which customer), the operator profile,
 * and what the frame around every page asks for and sends (maintenance banner, error report, logout, customer
 * switch, language). Each feature's own calls are in web/src/features/<f>/<f>.api.ts.
 */

export const SESSION_KEY = ['session'] as const;
export const OPERATOR_KEY = ['operator'] as const;
/** The public list of maintenance windows (the banner); the back office invalidates it after a change. */
export const MAINTENANCE_KEY = ['maintenance'] as const;

async function fetchSession(): Promise<SessionAnswer> {
  const session = await api.get<SessionAnswer>('/api/session');
  setCsrfToken(session.csrfToken);
  return session;
}

/** GET /api/session; keeps the CSRF token of the client in step with the session. */
export function useSession() {
  return useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });
}

/** GET /api/operator: branding, contacts, modules and rules of this installation. */
export function useOperator() {
  return useQuery({
    queryKey: OPERATOR_KEY,
    queryFn: () => api.get<OperatorProfile>('/api/operator'),
    staleTime: Infinity,
  });
}

/** Puts a session answer (login, second factor) into the cache, as if GET /api/session had returned it. */
export function useStoreSession() {
  const queryClient = useQueryClient();
  return (session: SessionAnswer) => {
    setCsrfToken(session.csrfToken);
    queryClient.setQueryData(SESSION_KEY, session);
  };
}

/** The customer the user currently acts for (ACC-11), or null when the user has none. */
export function useActiveCustomer(): SessionCustomer | null {
  const user = useSession().data?.user;
  if (!user) return null;
  return user.customers.find((c) => c.id === user.activeCustomerId) ?? user.customers[0] ?? null;
}

/** Main users hold every right; additional users only those granted to them (ACC-10). */
export function hasRight(customer: SessionCustomer | null, right: string): boolean {
  if (!customer) return false;
  return customer.role === 'main' || customer.rights.includes(right);
}

/**
 * After logout or account deletion: a full page load of `path`, so that nothing of the previous user
 * (cached answers, CSRF token, form contents) stays in the browser's memory on a shared computer.
 */
export function leaveAfterLogout(path = '/login'): void {
  window.location.assign(path);
}

/** POST /api/auth/logout, then a fresh page load of /login whether or not the server answered. */
export function useLogout() {
  return useMutation({
    mutationFn: () => api.post('/api/auth/logout'),
    onSettled: () => leaveAfterLogout(),
  });
}

/** ACC-11: POST /api/me/active-customer; every cached answer may belong to the previous customer, so all are refetched. */
export function useSwitchCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SwitchCustomerBody) => api.post('/api/me/active-customer', body),
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

/** PATCH /api/me with the language only (the language switcher); the cached session takes it over. */
export function useSaveLanguage() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (language: Lang) => api.patch('/api/me', { language } satisfies UpdateProfileBody),
    onSuccess: (_answer, language) =>
      queryClient.setQueryData<SessionAnswer>(SESSION_KEY, (s) => (s?.user ? { ...s, user: { ...s.user, language } } : s)),
  });
}

/** OPS-2: GET /api/maintenance, announced and ongoing windows, asked again every five minutes. */
export function useMaintenanceWindows() {
  return useQuery({
    queryKey: MAINTENANCE_KEY,
    queryFn: () => api.get<MaintenanceWindow[]>('/api/maintenance'),
    refetchInterval: 5 * 60_000,
  });
}

/** OPS-4: POST /api/error-reports from any page. */
export function useSendErrorReport() {
  return useMutation({ mutationFn: (body: ErrorReportBody) => api.post<Created>('/api/error-reports', body) });
}
