import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { isFieldError, useErrorMessage } from '../lib/errors.ts';
import { usePageTitle } from '../lib/title.ts';

/** The error of a form that is not about one field (those are shown beside the field). */
export function FormError({ error }: { error: unknown }) {
  const message = useErrorMessage();
  if (!error || isFieldError(error)) return null;
  return (
    <div className="alert alert--error" role="alert">
      {message(error)}
      {error instanceof ApiError && error.code === 'PASSWORD_CHANGE_REQUIRED' && <PasswordChangeLink />}
    </div>
  );
}

function PasswordChangeLink() {
  const { t } = useTranslation();
  return (
    <>
      {' '}
      <Link to="/change-password">{t('changePassword.title')}</Link>
    </>
  );
}

export function Success({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert--success" role="status">
      {children}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status">
      {t('common.loading')}
    </p>
  );
}

interface QueryStateProps {
  isPending: boolean;
  error: unknown;
  children: ReactNode;
}

/** Loading text, the error, or the content of a query-backed section. */
export function QueryState({ isPending, error, children }: QueryStateProps) {
  const message = useErrorMessage();
  if (error) {
    return (
      <div className="alert alert--error" role="alert">
        {message(error)}
      </div>
    );
  }
  if (isPending) return <Loading />;
  return <>{children}</>;
}

export function PageHeading({ children }: { children: string }) {
  usePageTitle(children);
  return <h1>{children}</h1>;
}
