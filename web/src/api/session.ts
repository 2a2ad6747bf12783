import { useQuery, useQueryClient } from '@tanstack/react-query';
import { api, setCsrfToken } from './client.ts';
import type { Operator, Session, SessionCustomer } from './types.ts';

export const SESSION_KEY = ['session'] as const;
export const OPERATOR_KEY = ['operator'] as const;

async function fetchSession(): Promise<Session> {
  const session = await api.get<Session>('/api/session');
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
    queryFn: () => api.get<Operator>('/api/operator'),
    staleTime: Infinity,
  });
}

/** Puts a session answer (login, second factor) into the cache, as if GET /api/session had returned it. */
export function useStoreSession() {
  const queryClient = useQueryClient();
  return (session: Session) => {
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
