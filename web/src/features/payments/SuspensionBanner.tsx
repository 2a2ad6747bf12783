import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { formatMoney } from '@up/common/money';
import { useActiveCustomer, useOperator } from '../../api/session.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { maySeeInvoices } from '../invoices/invoices.api.ts';
import { PayButton, PayOnlineError, usePayOnline } from './OnlinePayment.tsx';
import { mayUsePayments } from './payments.api.ts';
import { useServiceStatus } from './Suspension.api.ts';
import { SUSPENSION_NAMESPACE } from './Suspension.i18n.ts';
import './Suspension.css';

/**
 * BIL-11: on every page, every user of a suspended customer sees that its service is suspended, why, since when and
 * what to pay to have it back at once, with a Pay button (users who may see invoices pay online; the others are sent
 * to the payments page).
 */
export function SuspensionBanner() {
  const { t } = useTranslation(SUSPENSION_NAMESPACE);
  const lang = useLang();
  const customer = useActiveCustomer();
  const operator = useOperator().data;
  const status = useServiceStatus(customer?.id, mayUsePayments(customer, operator));
  const online = usePayOnline(customer?.id);
  const { pathname } = useLocation();
  const suspension = status.data?.suspension;
  if (!customer || !suspension) return null;
  const owed = suspension.reason === 'late_payment' ? status.data!.overdueCents : status.data!.openCents;
  const paysOnline = maySeeInvoices(customer, operator) && owed > 0;
  return (
    <section className="suspension" aria-labelledby="suspension-title">
      <div className="suspension__text">
        <h2 id="suspension-title">{t('banner.title')}</h2>
        <p>
          {t(`banner.reason.${suspension.reason}`)} {t('banner.since', { since: formatDateTime(suspension.since, lang) })}
        </p>
        {owed > 0 ? (
          <p>
            <strong>{t(suspension.reason === 'late_payment' ? 'banner.payOverdue' : 'banner.payOpen', { amount: formatMoney(owed, lang) })}</strong>{' '}
            {suspension.reason === 'late_payment' ? t('banner.restoredAtOnce') : t('banner.contactUs')}
          </p>
        ) : (
          <p>{t('banner.contactUs')}</p>
        )}
        <PayOnlineError error={online.error} />
      </div>
      {paysOnline ? (
        <PayButton online={online} payKey="suspension" className="button suspension__pay">{t('banner.pay', { amount: formatMoney(owed, lang) })}</PayButton>
      ) : owed > 0 && pathname !== '/payments' ? (
        <Link to="/payments" className="button suspension__pay">{t('banner.toPayments')}</Link>
      ) : null}
    </section>
  );
}
