import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatMoney } from '@up/common/money';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { formatPeriod } from './format.ts';
import { useBillEstimate } from './invoices.api.ts';
import { NAMESPACE } from './i18n.ts';
import './invoices.css';

/**
 * The overview's card "This month so far": the estimate of the month's bill from the metering data counted so
 * far (GET …/billing/estimate, nothing stored), with a link to the invoices. Shown only to users who may see
 * invoices (the caller checks); while it loads or when it cannot be computed, the card says so quietly.
 */
export default function EstimateCard({ customerId }: { customerId: string }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const estimate = useBillEstimate(customerId);
  const data = estimate.data;
  return (
    <section className="card estimate-card" aria-labelledby="estimate-title">
      <h2 id="estimate-title">{t('estimate.title')}</h2>
      {data ? (
        <>
          <p className="estimate-card__amount">{formatMoney(data.grossCents, lang)}</p>
          <p className="muted">{t('estimate.through', { period: formatPeriod(data.period, lang), date: formatDate(data.through, lang) })}</p>
        </>
      ) : (
        <p className="muted" role={estimate.isPending ? 'status' : undefined}>{estimate.isPending ? t('estimate.loading') : t('estimate.unavailable')}</p>
      )}
      <p>
        <Link to="/invoices">{t('estimate.link')}</Link>
      </p>
    </section>
  );
}
