import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { useLogout, useSession } from '../../api/session.ts';
import { PasswordField, TextField } from '../../components/Fields.tsx';
import { FormError, Loading, PageHeading, Success } from '../../components/Messages.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useServerFieldError } from '../../lib/errors.ts';
import { useLang } from '../../lib/useLang.ts';
import { useLogin, useSecondFactor } from './auth.api.ts';
import { bankLoginUrl } from './bankLogin.ts';

export default function LoginPage() {
  const { t } = useTranslation();
  const { data, isPending, error } = useSession();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from ?? '/';
  const user = data?.user;

  if (isPending) return <Loading />;
  if (user && !user.secondFactorPending) return <Navigate to={from} replace />;

  return (
    <div className="page page--narrow">
      <PageHeading>{t('login.title')}</PageHeading>
      <LoginNotices />
      <FormError error={error} />
      {user?.secondFactorPending ? <SecondFactorForm /> : <PasswordForm />}
    </div>
  );
}

/** Messages carried to this page: a failed bank login (?error=…) or an account just closed (?ended=1). */
function LoginNotices() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const bankError = params.get('error');
  const accountEnded = params.get('ended') === '1';
  return (
    <>
      {bankError && (
        <div className="alert alert--error" role="alert">
          {bankError === 'bank_not_customer' ? t('login.bankNotCustomer') : t('login.bankFailed')}
        </div>
      )}
      {accountEnded && <Success>{t('profile.endUse.done')}</Success>}
    </>
  );
}

function PasswordForm() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const login = useLogin();
  const fieldError = useServerFieldError(login.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    login.mutate({ email: email.trim(), password });
  };

  return (
    <>
      <form className="card form" onSubmit={submit} noValidate>
        <TextField label={t('fields.email')} type="email" autoComplete="username" value={email} onChange={setEmail} required error={fieldError('email')} />
        <PasswordField label={t('fields.password')} autoComplete="current-password" value={password} onChange={setPassword} error={fieldError('password')} />
        <LoginError error={login.error} />
        <div className="actions">
          <button type="submit" className="button" disabled={login.isPending}>
            {t('login.submit')}
          </button>
          <Link to="/forgot-password">{t('login.forgot')}</Link>
        </div>
      </form>
      <div className="card">
        <h2>{t('login.bankTitle')}</h2>
        <p>{t('login.bankText')}</p>
        <a className="button button--secondary" href={bankLoginUrl('/')}>
          {t('login.bank')}
        </a>
      </div>
      <p>
        {t('login.noAccount')} <Link to="/register">{t('login.register')}</Link>
      </p>
    </>
  );
}

/** ACC-7: a temporary block says until when and how to get back in; other errors say what they are. */
function LoginError({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const lang = useLang();
  if (!(error instanceof ApiError)) return <FormError error={error} />;
  if (error.code === 'LOGIN_BLOCKED') {
    const until = typeof error.details.until === 'string' ? formatDateTime(error.details.until, lang) : '';
    return (
      <div className="alert alert--error" role="alert">
        <p>{until ? t('login.blockedUntil', { until }) : t('errors.LOGIN_BLOCKED')}</p>
        <p>{t('login.blockedHow')}</p>
        <ul>
          <li>{t('login.blockedWait')}</li>
          <li>
            <Link to="/forgot-password">{t('login.blockedReset')}</Link>
          </li>
        </ul>
      </div>
    );
  }
  if (error.code === 'RATE_LIMITED' && typeof error.details.retryAfterSeconds === 'number') {
    return (
      <div className="alert alert--error" role="alert">
        {t('login.rateLimited', { minutes: Math.max(1, Math.ceil(error.details.retryAfterSeconds / 60)) })}
      </div>
    );
  }
  return <FormError error={error} fields={['email', 'password']} />;
}

function SecondFactorForm() {
  const { t } = useTranslation();
  const [code, setCode] = useState('');
  const verify = useSecondFactor();
  const cancel = useLogout();
  const fieldError = useServerFieldError(verify.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    verify.mutate({ code: code.replace(/\s/g, '') });
  };
  return (
    <form className="card form" onSubmit={submit} noValidate>
      <h2>{t('login.secondFactorTitle')}</h2>
      <TextField
        label={t('login.code')}
        hint={t('login.codeHint')}
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onChange={setCode}
        required
        maxLength={10}
        error={fieldError('code')}
      />
      <FormError error={verify.error} fields={['code']} />
      <div className="actions">
        <button type="submit" className="button" disabled={verify.isPending}>
          {t('login.verify')}
        </button>
        <button type="button" className="button button--secondary" onClick={() => cancel.mutate()} disabled={cancel.isPending}>
          {t('common.cancel')}
        </button>
      </div>
    </form>
  );
}
