import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PaymentView } from '@up/common/contracts/payments';
import { formatMoney } from '@up/common/money';
import { DataTable } from '../../components/DataTable.tsx';
import { Fact } from '../../components/Fact.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { useNarrow } from '../invoices/useNarrow.ts';
import { allocationsForShowing } from './payments.ts';
import { NAMESPACE } from './i18n.ts';
import './payments.css';

/**
 * The pieces of a payment the customer's page and the back office both show (issue 13; BIL-5): how it came, its
 * status, what it paid part by part and the credit it left, as a table or, on a phone, as cards. Texts are the
 * 'payments' namespace's.
 */

type Allocation = PaymentView['allocations'][number];

const STATUS_CLASS: Record<PaymentView['status'], string> = {
  applied: 'badge badge--done',
  unmatched: 'badge badge--pending',
  reversed: 'badge badge--annulled',
};

/** Applied, waiting to be matched or reversed, as a badge whose word says it. */
export function PaymentStatusBadge({ status }: { status: PaymentView['status'] }) {
  const { t } = useTranslation(NAMESPACE);
  return <span className={STATUS_CLASS[status]}>{t(`status.${status}`)}</span>;
}

/** A part of what the customer owes (BIL-5) in words: 'energy supply', 'late interest'. */
export function useCategoryName(): (category: string) => string {
  const { t } = useTranslation(NAMESPACE);
  return (category) => t(`category.${category}`, { defaultValue: category });
}

/** How the money came, with the payer, the reference or the payment's text beneath. */
function PaymentSource({ payment, showPayer }: { payment: PaymentView; showPayer: boolean }) {
  const { t } = useTranslation(NAMESPACE);
  const details = [showPayer ? payment.payerName : null, payment.paymentReference, payment.remittanceText].filter((detail): detail is string => Boolean(detail));
  return (
    <>
      <span className="payment-source">{t(`source.${payment.source}`)}</span>
      {details.map((detail, index) => <span key={index} className="muted payment-source__details">{detail}</span>)}
    </>
  );
}

/**
 * What the payment paid: each part as "invoice DE-2026-000123 · energy supply · 40.00 €" (given-back parts
 * struck through and dated), then the credit it left for the next invoice.
 */
export function AllocationList({ payment, invoiceLink }: { payment: PaymentView; invoiceLink?: (invoiceId: string) => string | null }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const categoryName = useCategoryName();
  const allocations = allocationsForShowing(payment);
  const credit = payment.status === 'applied' && payment.unallocatedCents > 0;
  if (allocations.length === 0 && !credit) return <span className="muted">{t('history.nothing')}</span>;
  const invoice = (allocation: Allocation) => {
    if (!allocation.invoiceNumber) return null;
    const to = allocation.invoiceId ? invoiceLink?.(allocation.invoiceId) : null;
    return (
      <>
        <span className="nowrap">{t('history.invoice')} {to ? <Link to={to}>{allocation.invoiceNumber}</Link> : allocation.invoiceNumber}</span>
        {' · '}
      </>
    );
  };
  return (
    <ul className="payment-allocations">
      {allocations.map((allocation, index) => (
        <li key={index} className={allocation.releasedOn ? 'payment-allocation payment-allocation--released' : 'payment-allocation'}>
          <span className="payment-allocation__text">
            {invoice(allocation)}
            <span className="nowrap">{categoryName(allocation.category)}</span>
            {' · '}
            <span className="nowrap">{formatMoney(allocation.amountCents, lang)}</span>
          </span>
          {allocation.releasedOn ? <span className="muted"> ({t('history.released', { date: formatDate(allocation.releasedOn, lang) })})</span> : null}
        </li>
      ))}
      {credit ? (
        <li className="payment-allocation payment-allocation--credit">
          <strong>{t('history.credit', { amount: formatMoney(payment.unallocatedCents, lang) })}</strong>
        </li>
      ) : null}
    </ul>
  );
}

interface PaymentHistoryProps {
  payments: PaymentView[];
  caption: string;
  /** the page of an invoice a payment paid, where the viewer may open it */
  invoiceLink?: (invoiceId: string) => string | null;
  /** the payer's name beside the source (the back office; a customer knows who paid) */
  showPayer?: boolean;
  /** actions on a payment (the back office's reversal): under its status, so that the table keeps to five columns */
  actions?: (payment: PaymentView) => ReactNode;
}

/** Payments, newest first: date, amount, how, status and what each paid; cards on a phone. */
export function PaymentHistory({ payments, caption, invoiceLink, showPayer = false, actions }: PaymentHistoryProps) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const narrow = useNarrow();
  if (payments.length === 0) return <p>{t('history.none')}</p>;
  if (narrow) {
    return (
      <ul className="card-list payment-cards" aria-label={caption}>
        {payments.map((payment) => (
          <li key={payment.id} className={payment.status === 'reversed' ? 'payment-card payment-row--reversed' : 'payment-card'}>
            <div className="payment-card__head">
              <h3>
                <span className="nowrap">{formatDate(payment.receivedOn, lang)}</span>{' '}
                <span className="nowrap payment-card__amount">{formatMoney(payment.amountCents, lang)}</span>
              </h3>
              <PaymentStatusBadge status={payment.status} />
            </div>
            <dl className="payment-card__facts">
              <Fact term={t('history.source')}><PaymentSource payment={payment} showPayer={showPayer} /></Fact>
              <Fact term={t('history.paid')}><AllocationList payment={payment} invoiceLink={invoiceLink} /></Fact>
            </dl>
            {actions ? actions(payment) : null}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={payments}
      rowKey={(payment) => payment.id}
      rowClassName={(payment) => (payment.status === 'reversed' ? 'payment-row--reversed' : undefined)}
      columns={[
        { key: 'date', header: t('history.date'), rowHeader: true, className: 'nowrap', cell: (payment) => formatDate(payment.receivedOn, lang) },
        { key: 'amount', header: t('history.amount'), className: 'num', cell: (payment) => formatMoney(payment.amountCents, lang) },
        { key: 'source', header: t('history.source'), className: 'payment-source__cell', cell: (payment) => <PaymentSource payment={payment} showPayer={showPayer} /> },
        {
          key: 'status',
          header: t('history.status'),
          cell: (payment) => (
            <>
              <PaymentStatusBadge status={payment.status} />
              {actions ? <div className="payment-actions">{actions(payment)}</div> : null}
            </>
          ),
        },
        { key: 'paid', header: t('history.paid'), className: 'payment-allocations__cell', cell: (payment) => <AllocationList payment={payment} invoiceLink={invoiceLink} /> },
      ]}
    />
  );
}
