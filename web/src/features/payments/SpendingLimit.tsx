import { useTranslation } from 'react-i18next';
import { formatMoney } from '@up/common/money';
import { Fact } from '../../components/Fact.tsx';
import { useLang } from '../../lib/useLang.ts';
import { CLAIMS_NAMESPACE } from '../invoices/ClaimTexts.ts';
import { useSpending } from '../invoices/claims.api.ts';
import { formatPeriod } from '../invoices/format.ts';

/**
 * BIL-6 on the payments page: where customer service set a money limit for this billing period, the limit, what
 * counts against it and what the customer may still spend — the answer charging asks before a start. Nothing
 * where no limit is set.
 */
export function SpendingLimit({ customerId }: { customerId: string }) {
  const { t } = useTranslation(CLAIMS_NAMESPACE);
  const lang = useLang();
  const spending = useSpending(customerId);
  const data = spending.data;
  if (!data || data.limitCents === null) return null;
  return (
    <section className={`card spending-limit${data.allowed ? '' : ' card--danger'}`} aria-labelledby="spending-limit-title">
      <h2 id="spending-limit-title">{t('spending.title')}</h2>
      <p>{t('spending.intro', { period: formatPeriod(data.period, lang) })}</p>
      <dl className="facts">
        <Fact term={t('spending.limit')}>{formatMoney(data.limitCents, lang)}</Fact>
        <Fact term={t('spending.used')}>{formatMoney(data.usedCents, lang)}</Fact>
        <Fact term={t('spending.available')}>{formatMoney(data.availableCents ?? 0, lang)}</Fact>
      </dl>
      <p className={data.allowed ? 'muted' : 'claim-over'}>{data.allowed ? t('spending.allowed') : t('spending.refused')}</p>
    </section>
  );
}
