import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  ActivateBody,
  ActivatedAnswer,
  ChangePasswordBody,
  CheckEmailAnswer,
  ForgotPasswordBody,
  LoginBody,
  PasswordChangedAnswer,
  RegisterBody,
  ReportedAnswer,
  ReportRegistrationBody,
  ResetPasswordBody,
  SecondFactorBody,
  SessionAnswer,
} from '@up/common/contracts/accounts';
import { api } from '../../api/client.ts';
import { SESSION_KEY, useStoreSession } from '../../api/session.ts';

/**
 * The auth feature's API (ACC-1 … ACC-9): registration, activation, login with its second factor, password
 * reset and change. A login answers the new session, which goes into the cache as GET /api/session would
 * give it. (Logout is the app shell's: api/session.ts.)
 */

/** POST /api/auth/login */
export function useLogin() {
  const storeSession = useStoreSession();
  return useMutation({ mutationFn: (body: LoginBody) => api.post<SessionAnswer>('/api/auth/login', body), onSuccess: storeSession });
}

/** POST /api/auth/second-factor: the TOTP code after the password (ACC-16). */
export function useSecondFactor() {
  const storeSession = useStoreSession();
  return useMutation({ mutationFn: (body: SecondFactorBody) => api.post<SessionAnswer>('/api/auth/second-factor', body), onSuccess: storeSession });
}

/** POST /api/auth/register: the next step is in the e-mail (202). */
export function useRegister() {
  return useMutation({ mutationFn: (body: RegisterBody) => api.post<CheckEmailAnswer>('/api/auth/register', body) });
}

/** POST /api/auth/forgot-password: the same answer whether or not the account exists (ACC-8). */
export function useForgotPassword() {
  return useMutation({ mutationFn: (body: ForgotPasswordBody) => api.post<CheckEmailAnswer>('/api/auth/forgot-password', body) });
}

/** The e-mailed links that set a password: activation (ACC-4) or reset (ACC-8). */
export type SetPasswordLink = 'activate' | 'reset';

/** POST /api/auth/activate or /api/auth/reset-password with the link's token and the chosen password. */
export function useSetPassword(link: SetPasswordLink) {
  return useMutation({
    mutationFn: (body: ActivateBody | ResetPasswordBody): Promise<ActivatedAnswer | PasswordChangedAnswer> =>
      link === 'activate'
        ? api.post<ActivatedAnswer>('/api/auth/activate', body)
        : api.post<PasswordChangedAnswer>('/api/auth/reset-password', body),
  });
}

/** POST /api/auth/report-registration: the customer did not register that main user (ACC-2). */
export function useReportRegistration() {
  return useMutation({ mutationFn: (body: ReportRegistrationBody) => api.post<ReportedAnswer>('/api/auth/report-registration', body) });
}

/** POST /api/me/password (ACC-6); the session is refetched, as it may have required the change. */
export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangePasswordBody) => api.post('/api/me/password', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_KEY }),
  });
}
