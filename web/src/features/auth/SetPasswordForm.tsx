import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../../api/client.ts';
import { PasswordField } from '../../components/Fields.tsx';
import { FormError, PageHeading, Success } from '../../components/Messages.tsx';
import { PasswordChecklist, passwordAcceptable } from '../../components/PasswordChecklist.tsx';
import { useSetPassword, type SetPasswordLink } from './auth.api.ts';

interface SetPasswordFormProps {
  title: string;
  intro: string;
  link: SetPasswordLink;
  doneText: string;
}

/** ACC-4/ACC-8: choose a password through the e-mailed link, with the ACC-6 rules shown live. */
export function SetPasswordPage({ title, intro, link, doneText }: SetPasswordFormProps) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [repeatError, setRepeatError] = useState<string | undefined>();
  const save = useSetPassword(link);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password !== repeat) {
      setRepeatError(t('validation.passwordsDiffer'));
      return;
    }
    setRepeatError(undefined);
    save.mutate({ token, password });
  };

  if (!token) {
    return (
      <div className="page page--narrow">
        <PageHeading>{title}</PageHeading>
        <div className="alert alert--error" role="alert">
          {t('setPassword.noToken')} <Link to="/forgot-password">{t('login.forgot')}</Link>
        </div>
      </div>
    );
  }

  if (save.isSuccess) {
    return (
      <div className="page page--narrow">
        <PageHeading>{title}</PageHeading>
        <Success>{doneText}</Success>
        <p>
          <Link className="button" to="/login">
            {t('common.toLogin')}
          </Link>
        </p>
      </div>
    );
  }

  return (
    <div className="page page--narrow">
      <PageHeading>{title}</PageHeading>
      <p>{intro}</p>
      <form className="card form" onSubmit={submit} noValidate>
        <PasswordField label={t('fields.newPassword')} autoComplete="new-password" value={password} onChange={setPassword} />
        <PasswordChecklist password={password} personal={{}} />
        <PasswordField label={t('fields.repeatPassword')} autoComplete="new-password" value={repeat} onChange={setRepeat} error={repeatError} />
        <SetPasswordError error={save.error} />
        <div className="actions">
          <button type="submit" className="button" disabled={save.isPending || !passwordAcceptable(password, {}) || !repeat}>
            {t('setPassword.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}

/** 410: the link is too old (ACC-4); 400 PASSWORD_REJECTED lists what the server did not accept. */
export function SetPasswordError({ error, fields = [] }: { error: unknown; fields?: string[] }) {
  const { t } = useTranslation();
  // a malformed token (e.g. a link cut short by the mail program) is just another invalid link
  const badLink = error instanceof ApiError && (error.code === 'LINK_EXPIRED' || error.code === 'LINK_INVALID' || error.details.field === 'token');
  if (badLink) {
    return (
      <div className="alert alert--error" role="alert">
        {t(error.code === 'LINK_EXPIRED' ? 'errors.LINK_EXPIRED' : 'errors.LINK_INVALID')} <Link to="/forgot-password">{t('setPassword.requestNew')}</Link>
      </div>
    );
  }
  if (error instanceof ApiError && error.code === 'PASSWORD_REJECTED' && Array.isArray(error.details.problems)) {
    return (
      <div className="alert alert--error" role="alert">
        <p>{t('errors.PASSWORD_REJECTED')}</p>
        <ul>
          {(error.details.problems as string[]).map((problem) => (
            <li key={problem}>{t(`password.problem.${problem}`, { defaultValue: problem })}</li>
          ))}
        </ul>
      </div>
    );
  }
  return <FormError error={error} fields={fields} />;
}
