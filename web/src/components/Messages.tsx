import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError } from '../api/client.ts';
import { isFieldError, useErrorMessage } from '../lib/errors.ts';
import { usePageTitle } from '../lib/title.ts';
import './Messages.css';

/** An error message in the page, announced at once (role="alert"). */
export function ErrorMessage({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert--error" role="alert">
      {children}
    </div>
  );
}

interface FormErrorProps {
  error: unknown;
  fields?: string[];
  /** texts for error codes that this form explains in its own words, by code */
  messages?: Record<string, string>;
}

/**
 * The error of a form, unless it is about one of `fields`: those are shown beside the field instead.
 * An error about a field the form does not show (e.g. a changed terms version) still appears here.
 */
export function FormError({ error, fields = [], messages = {} }: FormErrorProps) {
  const message = useErrorMessage();
  if (!error || (isFieldError(error) && fields.includes((error as ApiError).details.field as string))) return null;
  const code = error instanceof ApiError ? error.code : '';
  return (
    <ErrorMessage>
      {Object.hasOwn(messages, code) ? messages[code] : message(error)}
      {code === 'PASSWORD_CHANGE_REQUIRED' && <PasswordChangeLink />}
    </ErrorMessage>
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

/**
 * A polite confirmation. The live region stays in the page while it is empty, so that a text put into it
 * later is announced: render <Success>{done ? text : null}</Success> where it will appear.
 */
export function Success({ children }: { children?: ReactNode }) {
  return (
    <div role="status" className="status">
      {children ? <div className="alert alert--success">{children}</div> : null}
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
  if (error) return <ErrorMessage>{message(error)}</ErrorMessage>;
  if (isPending) return <Loading />;
  return <>{children}</>;
}

/** The page's heading, which is also the document's title; `id` names a section after it (aria-labelledby). */
export function PageHeading({ children, id }: { children: string; id?: string }) {
  usePageTitle(children);
  return <h1 id={id}>{children}</h1>;
}
