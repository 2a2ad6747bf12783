import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate } from 'react-router';
import { api } from '../../api/client.ts';
import { SESSION_KEY, useSession } from '../../api/session.ts';
import type { Terms } from '../../api/types.ts';
import { FormError, PageHeading, QueryState } from '../../components/Messages.tsx';
import { TermsText } from './TermsText.tsx';

/** OPS-1: a new version of the terms is shown at the next login and must be accepted to go on. */
export default function AcceptTermsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const version = useSession().data?.user?.mustAcceptTermsVersion ?? null;
  const terms = useQuery({
    queryKey: ['terms', version],
    queryFn: () => api.get<Terms>(`/api/terms/${encodeURIComponent(version ?? '')}`),
    enabled: Boolean(version),
  });
  const accept = useMutation({
    mutationFn: () => api.post('/api/me/terms/accept', { version }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      navigate('/', { replace: true });
    },
  });

  if (!version) return <Navigate to="/" replace />;
  return (
    <div className="page">
      <PageHeading>{t('acceptTerms.title')}</PageHeading>
      <p>{t('acceptTerms.intro')}</p>
      <QueryState isPending={terms.isPending} error={terms.error}>
        {terms.data && <TermsText terms={terms.data} />}
        <FormError error={accept.error} />
        <div className="actions">
          <button type="button" className="button" onClick={() => accept.mutate()} disabled={accept.isPending}>
            {t('acceptTerms.accept')}
          </button>
        </div>
      </QueryState>
    </div>
  );
}
