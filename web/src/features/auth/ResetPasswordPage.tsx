import { useTranslation } from 'react-i18next';
import { SetPasswordPage } from './SetPasswordForm.tsx';

export default function ResetPasswordPage() {
  const { t } = useTranslation();
  return <SetPasswordPage title={t('setPassword.resetTitle')} intro={t('setPassword.resetIntro')} link="reset" doneText={t('setPassword.reset')} />;
}
