import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.ts';
import { PasswordField } from '../../components/Fields.tsx';
import { PasswordChecklist, passwordAcceptable } from '../../components/PasswordChecklist.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { useChangePassword } from './auth.api.ts';
import { SetPasswordError } from './SetPasswordForm.tsx';

/** ACC-6: change the password any time (profile) or when the portal requires it. */
export function ChangePasswordForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeat, setRepeat] = useState('');
  const [repeatError, setRepeatError] = useState<string | undefined>();
  const personal = { email: user?.email, fullName: user?.fullName };
  const change = useChangePassword();
  const fieldError = useServerFieldError(change.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (newPassword !== repeat) {
      setRepeatError(t('validation.passwordsDiffer'));
      return;
    }
    setRepeatError(undefined);
    // the session has been refetched by then (it may have required the change)
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrent('');
          setNew('');
          setRepeat('');
          onDone();
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={submit} noValidate>
      {user?.hasPassword !== false && (
        <PasswordField
          label={t('fields.currentPassword')}
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrent}
          error={fieldError('currentPassword')}
        />
      )}
      <PasswordField label={t('fields.newPassword')} autoComplete="new-password" value={newPassword} onChange={setNew} error={fieldError('newPassword')} />
      <PasswordChecklist password={newPassword} personal={personal} />
      <PasswordField label={t('fields.repeatPassword')} autoComplete="new-password" value={repeat} onChange={setRepeat} error={repeatError} />
      <SetPasswordError error={change.error} fields={['currentPassword', 'newPassword']} />
      <div className="actions">
        <button type="submit" className="button" disabled={change.isPending || !passwordAcceptable(newPassword, personal) || !repeat}>
          {t('changePassword.submit')}
        </button>
      </div>
    </form>
  );
}
