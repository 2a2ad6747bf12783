import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InvoiceDetail } from '@up/common/contracts/billing';
import type { PaymentView } from '@up/common/contracts/payments';
import { formatMoney } from '@up/common/money';
import { DataTable } from '../../components/DataTable.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { useNarrow } from '../invoices/useNarrow.ts';
import { useCategoryName } from './PaymentParts.tsx';
import { NAMESPACE } from './i18n.ts';
import './payments.css';

type Settlement = InvoiceDetail['settlements'][number];

interface InvoicePaymentsProps {
  invoice: InvoiceDetail;
  /** the customer's payments (to say how and when a payment came), where known */
  payments?: PaymentView[];
  /** the page of a document by its number (a credit note), where the viewer may open it */
  linkTo?: (number: string) => string | null;
  /** where "all payments" leads (the customer's payments page) */
  allPaymentsPath?: string;
  /** beside what is still to pay: the customer's "Pay" (BIL-15), where the viewer may pay it online */
  payAction?: ReactNode;
}

/**
 * An invoice's "Payments" (BIL-5): what paid it part by part — payments, credit held before it (BIL-3), credit
 * notes, a void — with the day, the part paid and the amount; parts given back (a reversed payment) struck through
 * and dated; then what is still to pay.
 */
export function InvoicePayments({ invoice, payments, linkTo, allPaymentsPath, payAction }: InvoicePaymentsProps) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const narrow = useNarrow();
  const categoryName = useCategoryName();
  const byId = new Map((payments ?? []).map((payment) => [payment.id, payment]));

  const what = (settlement: Settlement) => {
    const kind = t(`invoice.kind.${settlement.kind}`);
    if (settlement.kind === 'credit_note') {
      const to = linkTo?.(settlement.reference);
      return <>{kind} {to ? <Link to={to}>{settlement.reference}</Link> : settlement.reference}</>;
    }
    const payment = settlement.kind === 'payment' || settlement.kind === 'credit' ? byId.get(settlement.reference) : undefined;
    if (!payment) return <>{kind}</>;
    return (
      <>
        {kind}
        <span className="muted payment-note">
          {t(`source.${payment.source}`)}
          {payment.receivedOn !== settlement.allocatedOn ? `, ${formatDate(payment.receivedOn, lang)}` : null}
        </span>
      </>
    );
  };
  const released = (settlement: Settlement) =>
    settlement.releasedOn ? <span className="muted payment-note">{t('invoice.released', { date: formatDate(settlement.releasedOn, lang) })}</span> : null;
  const amount = (settlement: Settlement) => {
    const text = formatMoney(settlement.amountCents, lang);
    return settlement.releasedOn ? <s>{text}</s> : text;
  };
  const rowClass = (settlement: Settlement) => (settlement.releasedOn ? 'payment-allocation--released' : undefined);

  return (
    <section className="card invoice-payments" aria-labelledby="invoice-payments-title">
      <h2 id="invoice-payments-title">{t('invoice.title')}</h2>
      {invoice.settlements.length === 0 ? (
        <p>{t('invoice.none')}</p>
      ) : narrow ? (
        <ul className="invoice-payments__list" aria-label={t('invoice.caption', { number: invoice.number })}>
          {invoice.settlements.map((settlement, index) => (
            <li key={index} className={rowClass(settlement)}>
              <span className="invoice-payments__row">
                <span>{formatDate(settlement.allocatedOn, lang)} · {what(settlement)}</span>
                <strong className="nowrap">{amount(settlement)}</strong>
              </span>
              <span className="muted payment-note">{categoryName(settlement.category)}</span>
              {released(settlement)}
            </li>
          ))}
        </ul>
      ) : (
        <DataTable
          caption={t('invoice.caption', { number: invoice.number })}
          captionHidden
          rows={invoice.settlements}
          rowKey={(_settlement, index) => index}
          rowClassName={rowClass}
          columns={[
            { key: 'date', header: t('invoice.date'), rowHeader: true, className: 'nowrap', cell: (settlement) => formatDate(settlement.allocatedOn, lang) },
            { key: 'what', header: t('invoice.what'), cell: (settlement) => <>{what(settlement)}{released(settlement)}</> },
            { key: 'category', header: t('invoice.category'), cell: (settlement) => categoryName(settlement.category) },
            { key: 'amount', header: t('invoice.amount'), className: 'num', cell: amount },
          ]}
        />
      )}
      {invoice.kind === 'invoice' && invoice.status === 'issued' ? (
        invoice.openCents > 0 ? (
          <>
            <dl className="invoice-totals invoice-payments__open">
              <div className="invoice-totals__row invoice-totals__row--strong">
                <dt>{t('invoice.open')}</dt>
                <dd>{formatMoney(invoice.openCents, lang)}</dd>
              </div>
            </dl>
            {payAction}
          </>
        ) : (
          <p className="alert alert--success invoice-payments__paid">{t('invoice.paid')}</p>
        )
      ) : null}
      {allPaymentsPath ? <p className="invoice-payments__more"><Link to={allPaymentsPath}>{t('invoice.allPayments')}</Link></p> : null}
    </section>
  );
}
