import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { ConfirmWithPassword } from '../../components/ConfirmWithPassword.tsx';
import { useEndPortalUse } from './profile.api.ts';

/** ACC-12: the user ends portal use; the account is deleted, what was done stays attributed. */
export function EndPortalUse() {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirming, setConfirming] = useState(false);
  const end = useEndPortalUse();
  return (
    <ConfirmWithPassword
      intro={<p>{t('profile.endUse.intro')}</p>}
      password={password}
      onPasswordChange={setPassword}
      error={end.error}
      busy={end.isPending}
      submitLabel={t('profile.endUse.button')}
      onSubmit={() => setConfirming(true)}
    >
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
    </ConfirmWithPassword>
  );
}
