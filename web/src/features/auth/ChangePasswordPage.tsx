import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { PageHeading } from '../../components/Messages.tsx';
import { ChangePasswordForm } from './ChangePasswordForm.tsx';

/** Shown instead of every other page while the server requires a new password (PASSWORD_CHANGE_REQUIRED). */
export default function ChangePasswordPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <div className="page page--narrow">
      <PageHeading>{t('changePassword.title')}</PageHeading>
      <p>{t('changePassword.required')}</p>
      <div className="card">
        <ChangePasswordForm onDone={() => navigate('/', { replace: true })} />
      </div>
    </div>
  );
}
