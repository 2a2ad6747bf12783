import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/Fields.tsx';
import { FormError, Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { useSetServicePassword } from './contact.api.ts';

/** ACC-19: a password the customer says on the phone so that customer service knows it is them. */
export function ServicePasswordForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const [servicePassword, setServicePassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [repeatError, setRepeatError] = useState<string | undefined>();
  const save = useSetServicePassword(customerId);
  const fieldError = useServerFieldError(save.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (servicePassword !== repeat) {
      setRepeatError(t('validation.passwordsDiffer'));
      return;
    }
    setRepeatError(undefined);
    save.mutate(
      { servicePassword },
      {
        onSuccess: () => {
          setServicePassword('');
          setRepeat('');
        },
      },
    );
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <PasswordField
        label={t('servicePassword.label')}
        autoComplete="off"
        value={servicePassword}
        onChange={setServicePassword}
        error={fieldError('servicePassword')}
      />
      <PasswordField label={t('servicePassword.repeat')} autoComplete="off" value={repeat} onChange={setRepeat} error={repeatError} />
      {save.isSuccess && <Success>{t('servicePassword.saved')}</Success>}
      <FormError error={save.error} fields={['servicePassword']} />
      <div className="actions">
        <button type="submit" className="button" disabled={save.isPending || !servicePassword}>
          {t('servicePassword.submit')}
        </button>
      </div>
    </form>
  );
}
