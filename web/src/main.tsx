import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { BrowserRouter } from 'react-router';
import type { SessionAnswer } from '@up/common/contracts/accounts';
import { ApiError } from './api/client.ts';
import { SESSION_KEY } from './api/session.ts';
import './styles/base.css';
import './i18n/index.ts';
import { App } from './App.tsx';

/**
 * When the server says the login is incomplete (logged out, password change due, new terms, second
 * factor) the session is refreshed, and the route guard then shows the page that resolves it.
 */
function onApiError(error: unknown) {
  if (!(error instanceof ApiError)) return;
  if (error.code === 'PASSWORD_CHANGE_REQUIRED') {
    queryClient.setQueryData<SessionAnswer>(SESSION_KEY, (s) => (s?.user ? { ...s, user: { ...s.user, mustChangePassword: true } } : s));
  } else if (error.status === 401 || error.code === 'TERMS_NOT_ACCEPTED' || error.code === 'SECOND_FACTOR_REQUIRED') {
    void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
  }
}

const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: onApiError }),
  mutationCache: new MutationCache({ onError: onApiError }),
  defaultOptions: {
    queries: {
      // 4xx answers will not change by asking again
      retry: (failures, error) => failures < 2 && !(error instanceof ApiError && error.status < 500),
      refetchOnWindowFocus: false,
    },
  },
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <App />
      </BrowserRouter>
    </QueryClientProvider>
  </StrictMode>,
);
