import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeading, Success } from '../../components/Messages.tsx';
import { useReportRegistration } from './auth.api.ts';
import { SetPasswordError } from './SetPasswordForm.tsx';

/**
 * ACC-2: the customer opens the link of the "main user registered" e-mail and confirms that it did not
 * register that user. A button, not the link itself, does it: mail scanners open links on their own.
 */
export default function ReportRegistrationPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const report = useReportRegistration();

  return (
    <div className="page page--narrow">
      <PageHeading>{t('reportRegistration.title')}</PageHeading>
      {report.isSuccess ? (
        <Success>{t('reportRegistration.done')}</Success>
      ) : (
        <div className="card form">
          <p>{t('reportRegistration.intro')}</p>
          <SetPasswordError error={report.error} />
          <div className="actions">
            <button type="button" className="button button--danger" disabled={!token || report.isPending} onClick={() => report.mutate({ token })}>
              {t('reportRegistration.submit')}
            </button>
            <Link to="/login">{t('reportRegistration.cancel')}</Link>
          </div>
        </div>
      )}
    </div>
  );
}
