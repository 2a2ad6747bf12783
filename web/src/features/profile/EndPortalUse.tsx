import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { TextField } from '../../components/Fields.tsx';
import { FormError } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { useEndPortalUse } from './profile.api.ts';

/** ACC-12: the user ends portal use; the account is deleted, what was done stays attributed. */
export function EndPortalUse() {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  const end = useEndPortalUse();
  const fieldError = useServerFieldError(end.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setConfirming(true);
  };
  return (
    <form className="form" onSubmit={submit} noValidate>
      <p>{t('profile.endUse.intro')}</p>
      <TextField
        label={t('fields.password')}
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={setPassword}
        required
        error={fieldError('password')}
      />
      <FormError error={end.error} fields={['password']} />
      <div className="actions">
        <button type="submit" className="button button--danger" disabled={!password || end.isPending}>
          {t('profile.endUse.button')}
        </button>
      </div>
      <ConfirmDialog
        open={confirming}
        title={t('profile.endUse.confirmTitle')}
        confirmLabel={t('profile.endUse.confirm')}
        danger
        busy={end.isPending}
        onConfirm={() => end.mutate({ password }, { onError: () => setConfirming(false) })}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('profile.endUse.confirmText')}</p>
      </ConfirmDialog>
    </form>
  );
}
