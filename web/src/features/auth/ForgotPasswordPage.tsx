import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TextField } from '../../components/Fields.tsx';
import { FormError, PageHeading, Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { useForgotPassword } from './auth.api.ts';

/** ACC-8: the answer is the same whether or not the account exists. */
export default function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [email, setEmail] = useState('');
  const send = useForgotPassword();
  const fieldError = useServerFieldError(send.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate({ email: email.trim() });
  };
  return (
    <div className="page page--narrow">
      <PageHeading>{t('forgot.title')}</PageHeading>
      {send.isSuccess ? (
        <Success>{t('forgot.sent')}</Success>
      ) : (
        <>
          <p>{t('forgot.intro')}</p>
          <form className="card form" onSubmit={submit} noValidate>
            <TextField label={t('fields.email')} type="email" autoComplete="username" value={email} onChange={setEmail} required error={fieldError('email')} />
            <FormError error={send.error} fields={['email']} />
            <div className="actions">
              <button type="submit" className="button" disabled={send.isPending || !email.trim()}>
                {t('forgot.submit')}
              </button>
            </div>
          </form>
        </>
      )}
      <p>
        <Link to="/login">{t('common.toLogin')}</Link>
      </p>
    </div>
  );
}
