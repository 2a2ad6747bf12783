import { useTranslation } from 'react-i18next';
import type { WaitingNoticeList } from '@up/common/contracts/payments';
import { formatMoney } from '@up/common/money';
import { Fact } from '../../../components/Fact.tsx';
import { QueryState } from '../../../components/Messages.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useLang } from '../../../lib/useLang.ts';
import { useWaitingNotices } from './staffPayments.api.ts';
import { NAMESPACE } from './i18n.ts';

type WaitingNotice = WaitingNoticeList['notices'][number];

/**
 * BIL-15: the payment provider's notices the portal has not applied (usually none: each is applied within a second).
 * A failed one shows its error; the job tries it again on every tick, so the list empties itself once the cause is gone.
 * Cards, not a table, at every width: the error is often a long database message.
 */
export function WaitingNoticesSection() {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const notices = useWaitingNotices();
  const data = notices.data;
  const customer = (notice: WaitingNotice) => notice.customerNumber ?? notice.customerId;
  const payment = (notice: WaitingNotice) => `${notice.provider}: ${notice.providerPaymentId} (${t(`notices.statuses.${notice.status}`)})`;
  const problem = (notice: WaitingNotice) => notice.error ?? t('notices.pending');
  return (
    <section className="card staff-notices" aria-labelledby="staff-notices-title">
      <h2 id="staff-notices-title">{t('notices.title')}</h2>
      <p>{t('notices.intro')}</p>
      <QueryState isPending={notices.isPending} error={notices.error}>
        {data && data.waiting === 0 ? (
          <p role="status">{t('notices.none')}</p>
        ) : data ? (
          <>
            <p role="status" className={data.failed > 0 ? 'alert alert--error' : 'alert alert--info'}>
              {t('notices.summary', { waiting: data.waiting, failed: data.failed })}
            </p>
            <ul className="card-list" aria-label={t('notices.caption')}>
              {data.notices.map((notice) => (
                <li key={notice.id} className="payment-card">
                  <div className="payment-card__head">
                    <h3>
                      <span className="nowrap">{formatDateTime(notice.receivedAt, lang)}</span>{' '}
                      <span className="nowrap payment-card__amount">{formatMoney(notice.amountCents, lang)}</span>
                    </h3>
                  </div>
                  <dl className="payment-card__facts">
                    <Fact term={t('notices.customer')}>{customer(notice)}</Fact>
                    <Fact term={t('notices.payment')}>{payment(notice)}</Fact>
                    <Fact term={t('notices.problem')}>{problem(notice)}</Fact>
                  </dl>
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </QueryState>
    </section>
  );
}
