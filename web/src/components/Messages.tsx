import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { isFieldError, useErrorMessage } from '../lib/errors.ts';
import { usePageTitle } from '../lib/title.ts';

/**
 * The error of a form, unless it is about one of `fields`: those are shown beside the field instead.
 * An error about a field the form does not show (e.g. a changed terms version) still appears here.
 */
export function FormError({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  const message = useErrorMessage();
  if (!error || (isFieldError(error) && fields.includes((error as ApiError).details.field as string))) return null;
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
