import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../api/client.ts';
import type { Terms } from '../../api/types.ts';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { TermsText } from './TermsText.tsx';

/** The current terms at /terms, an earlier or later version at /terms/:version (OPS-1). */
export default function TermsPage() {
  const { t } = useTranslation();
  const { version } = useParams();
  const path = version ? `/api/terms/${encodeURIComponent(version)}` : '/api/terms/current';
  const terms = useQuery({ queryKey: ['terms', version ?? 'current'], queryFn: () => api.get<Terms>(path) });
  return (
    <div className="page">
      <PageHeading>{t('terms.title')}</PageHeading>
      {version && (
        <p>
          <Link to="/terms">{t('terms.current')}</Link>
        </p>
      )}
      <QueryState isPending={terms.isPending} error={terms.error}>
        {terms.data && <TermsText terms={terms.data} />}
      </QueryState>
    </div>
  );
}
