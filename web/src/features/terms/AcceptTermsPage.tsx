import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { useSession } from '../../api/session.ts';
import { FormError, PageHeading, QueryState } from '../../components/Messages.tsx';
import { useAcceptTerms, useTerms } from './terms.api.ts';
import { TermsText } from './TermsText.tsx';

/** OPS-1: a new version of the terms is shown at the next login and must be accepted to go on. */
export default function AcceptTermsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const version = useSession().data?.user?.mustAcceptTermsVersion ?? null;
  const terms = useTerms(version);
  const accept = useAcceptTerms();

  if (!version) return <Navigate to="/" replace />;
  return (
    <div className="page">
      <PageHeading>{t('acceptTerms.title')}</PageHeading>
      <p>{t('acceptTerms.intro')}</p>
      <QueryState isPending={terms.isPending} error={terms.error}>
        {terms.data && <TermsText terms={terms.data} />}
        <FormError error={accept.error} />
        <div className="actions">
          <button
            type="button"
            className="button"
            onClick={() => accept.mutate({ version }, { onSuccess: () => navigate('/', { replace: true }) })}
            disabled={accept.isPending}
          >
            {t('acceptTerms.accept')}
          </button>
        </div>
      </QueryState>
    </div>
  );
}
