import { useTranslation } from 'react-i18next';
import { SetPasswordPage } from './SetPasswordForm.tsx';

export default function ActivatePage() {
  const { t } = useTranslation();
  return <SetPasswordPage title={t('setPassword.activateTitle')} intro={t('setPassword.activateIntro')} link="activate" doneText={t('setPassword.activated')} />;
}
