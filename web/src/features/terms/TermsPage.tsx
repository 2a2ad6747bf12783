import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { useTerms, useTermsVersions } from './terms.api.ts';
import { TermsText } from './TermsText.tsx';

/** The current terms at /terms, any published version at /terms/:version (OPS-1). */
export default function TermsPage() {
  const { t } = useTranslation();
  const { version } = useParams();
  const terms = useTerms(version ?? 'current');
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
      <TermsVersions shown={terms.data?.version} />
    </div>
  );
}

/** Every published version, each at its own stable address. */
function TermsVersions({ shown }: { shown: string | undefined }) {
  const { t } = useTranslation();
  const lang = useLang();
  const versions = useTermsVersions();
  if (!versions.data || versions.data.length < 2) return null;
  return (
    <section className="card" aria-labelledby="terms-versions">
      <h2 id="terms-versions">{t('terms.allVersions')}</h2>
      <ul className="plain-list">
        {versions.data.map((v) => (
          <li key={v.version}>
            {v.version === shown ? (
              <strong aria-current="page">{t('terms.versionLabel', { version: v.version })}</strong>
            ) : (
              <Link to={`/terms/${encodeURIComponent(v.version)}`}>{t('terms.versionLabel', { version: v.version })}</Link>
            )}{' '}
            <span className="muted">
              {t('terms.validFrom')} {formatDate(v.validFrom, lang)}
              {v.validTo && ` – ${formatDate(v.validTo, lang)}`}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
