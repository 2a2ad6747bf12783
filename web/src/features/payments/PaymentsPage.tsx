import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CustomerBalance } from '@up/common/contracts/payments';
import { formatMoney } from '@up/common/money';
import { useActiveCustomer, useOperator } from '../../api/session.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Fact } from '../../components/Fact.tsx';
import { ErrorMessage, PageHeading, QueryState } from '../../components/Messages.tsx';
import { NoCustomer } from '../../components/NoCustomer.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { maySeeInvoices } from '../invoices/invoices.api.ts';
import { useNarrow } from '../invoices/useNarrow.ts';
import { OnlinePaymentReturn, PayButton, PayOnlineError, usePayOnline, type PayOnline } from './OnlinePayment.tsx';
import { PaymentHistory } from './PaymentParts.tsx';
import { SpendingLimit } from './SpendingLimit.tsx';
import { mayUsePayments, useCustomerBalance, useCustomerPayments } from './payments.api.ts';
import { NAMESPACE } from './i18n.ts';
import './payments.css';

type OpenInvoice = CustomerBalance['openInvoices'][number];

const invoicePath = (invoiceId: string) => `/invoices/${encodeURIComponent(invoiceId)}`;

/**
 * Issue 13 (BIL-3 … BIL-5, BIL-10, BIL-15): what the customer is to pay now, of it overdue, the credit it holds and
 * the late interest so far with the unpaid invoices (users who may see invoices), and every user's payment history
 * with what each payment paid.
 */
export default function PaymentsPage() {
  const { t } = useTranslation(NAMESPACE);
  const customer = useActiveCustomer();
  const operator = useOperator();
  const on = mayUsePayments(customer, operator.data);
  const seesInvoices = maySeeInvoices(customer, operator.data);
  const balance = useCustomerBalance(customer?.id, seesInvoices);
  const payments = useCustomerPayments(customer?.id, on);
  const online = usePayOnline(customer?.id);

  return (
    <div className="page payments">
      <PageHeading>{t('title')}</PageHeading>
      {!customer ? (
        <NoCustomer />
      ) : !on && operator.data ? (
        <ErrorMessage>{t('off')}</ErrorMessage>
      ) : (
        <>
          {seesInvoices ? <OnlinePaymentReturn customerId={customer.id} /> : null}
          {seesInvoices ? (
            <QueryState isPending={balance.isPending} error={balance.error}>
              {balance.data ? (
                <>
                  <PayOnlineError error={online.error} />
                  <Summary balance={balance.data} online={online} />
                  <OpenInvoices invoices={balance.data.openInvoices} online={online} />
                  <SpendingLimit customerId={customer.id} />
                </>
              ) : null}
            </QueryState>
          ) : operator.data ? (
            <p className="muted">{t('summary.invoicesOnly')}</p>
          ) : null}
          <section className="payment-history" aria-labelledby="payment-history-title">
            <h2 id="payment-history-title">{t('history.title')}</h2>
            <QueryState isPending={payments.isPending} error={payments.error}>
              {payments.data ? (
                <PaymentHistory
                  payments={payments.data.payments}
                  caption={t('history.caption', { customer: customer.name })}
                  invoiceLink={seesInvoices ? invoicePath : undefined}
                />
              ) : null}
            </QueryState>
          </section>
        </>
      )}
    </div>
  );
}

/**
 * The amount to pay now in large type with the button to pay it online (BIL-15), and beside it what of it is
 * overdue, the credit held and interest so far.
 */
function Summary({ balance, online }: { balance: CustomerBalance; online: PayOnline }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const state = balance.overdueCents > 0 ? 'overdue' : balance.payNowCents > 0 ? 'open' : 'settled';
  const figure = (cents: number, hint: ReactNode, className = '') => (
    <>
      <span className={`payment-summary__figure ${className}`}>{formatMoney(cents, lang)}</span>
      <span className="payment-summary__hint">{hint}</span>
    </>
  );
  return (
    <section className={`card payment-summary payment-summary--${state}`} aria-labelledby="payment-summary-title">
      <h2 id="payment-summary-title">{t('summary.title')}</h2>
      <div className="payment-summary__grid">
        <div className="payment-summary__main">
          <p className="payment-summary__now">
            <span className="payment-summary__label">{t('summary.payNow')}</span>
            <strong className="payment-summary__amount">{formatMoney(balance.payNowCents, lang)}</strong>
            <span className="payment-summary__hint">{balance.payNowCents > 0 ? t('summary.payNowHint') : t('summary.nothingToPay')}</span>
          </p>
          {balance.payNowCents > 0 && balance.openInvoices.length > 0 ? (
            <div className="payment-summary__pay">
              <PayButton online={online} payKey="all">{t('online.payNow', { amount: formatMoney(balance.payNowCents, lang) })}</PayButton>
              <span className="payment-summary__hint">{t('online.payNowHint')}</span>
            </div>
          ) : null}
        </div>
        <dl className="facts payment-summary__facts">
          <Fact term={t('summary.overdue')}>
            {figure(balance.overdueCents, balance.overdueCents > 0 ? t('summary.overdueHint') : null, balance.overdueCents > 0 ? 'payment-summary__figure--overdue' : '')}
          </Fact>
          <Fact term={t('summary.credit')}>{figure(balance.creditCents, balance.creditCents > 0 ? t('summary.creditHint') : null)}</Fact>
          <Fact term={t('summary.interest')}>{figure(balance.interestAccruingCents, t('summary.interestHint'))}</Fact>
        </dl>
      </div>
    </section>
  );
}

function OverdueBadge({ invoice }: { invoice: OpenInvoice }) {
  const { t } = useTranslation(NAMESPACE);
  return invoice.overdue ? <span className="badge badge--failed">{t('open.overdue')}</span> : <span className="badge">{t('open.notDue')}</span>;
}

/** Late interest counted to today; the part already on an invoice said beneath it. */
function Interest({ invoice }: { invoice: OpenInvoice }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  if (invoice.interestToDateCents === 0) return <>—</>;
  return (
    <>
      {formatMoney(invoice.interestToDateCents, lang)}
      {invoice.interestChargedCents > 0 ? (
        <span className="muted payment-note">{t('open.interestCharged', { amount: formatMoney(invoice.interestChargedCents, lang) })}</span>
      ) : null}
    </>
  );
}

/** The invoices with something left to pay, oldest due day first, each with its own "Pay" (BIL-15). */
function OpenInvoices({ invoices, online }: { invoices: OpenInvoice[]; online: PayOnline }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const narrow = useNarrow();
  const daysLate = (invoice: OpenInvoice) => (invoice.daysLate > 0 ? t('open.days', { count: invoice.daysLate }) : '—');
  const pay = (invoice: OpenInvoice, className: string) => (
    <PayButton
      online={online}
      payKey={invoice.invoiceId}
      invoiceIds={[invoice.invoiceId]}
      label={t('online.payInvoice', { number: invoice.number, amount: formatMoney(invoice.openCents, lang) })}
      className={className}
    >
      {t('online.pay')}
    </PayButton>
  );
  return (
    <section className="payment-open" aria-labelledby="payment-open-title">
      <h2 id="payment-open-title">{t('open.title')}</h2>
      {invoices.length === 0 ? (
        <p className="card">{t('open.none')}</p>
      ) : narrow ? (
        <ul className="card-list" aria-label={t('open.caption')}>
          {invoices.map((invoice) => (
            <li key={invoice.invoiceId} className="payment-card">
              <div className="payment-card__head">
                <h3><Link to={invoicePath(invoice.invoiceId)}>{invoice.number}</Link></h3>
                <OverdueBadge invoice={invoice} />
              </div>
              <dl className="payment-card__facts">
                <Fact term={t('open.openAmount')}>{formatMoney(invoice.openCents, lang)}</Fact>
                <Fact term={t('open.dueDate')}>{formatDate(invoice.dueDate, lang)}</Fact>
                {invoice.overdue ? <Fact term={t('open.daysLate')}>{daysLate(invoice)}</Fact> : null}
                {invoice.interestToDateCents > 0 ? <Fact term={t('open.interest')}><Interest invoice={invoice} /></Fact> : null}
              </dl>
              {invoice.openCents > 0 ? <div className="payment-card__actions">{pay(invoice, 'button')}</div> : null}
            </li>
          ))}
        </ul>
      ) : (
        <DataTable
          caption={t('open.caption')}
          captionHidden
          rows={invoices}
          rowKey={(invoice) => invoice.invoiceId}
          columns={[
            { key: 'number', header: t('open.invoice'), rowHeader: true, className: 'nowrap', cell: (invoice) => <Link to={invoicePath(invoice.invoiceId)}>{invoice.number}</Link> },
            { key: 'due', header: t('open.dueDate'), className: 'nowrap', cell: (invoice) => formatDate(invoice.dueDate, lang) },
            { key: 'open', header: t('open.openAmount'), className: 'num', cell: (invoice) => formatMoney(invoice.openCents, lang) },
            { key: 'state', header: t('open.state'), cell: (invoice) => <OverdueBadge invoice={invoice} /> },
            { key: 'late', header: t('open.daysLate'), className: 'nowrap', cell: daysLate },
            { key: 'interest', header: t('open.interest'), className: 'num', cell: (invoice) => <Interest invoice={invoice} /> },
            {
              key: 'pay',
              header: <span className="visually-hidden">{t('online.payColumn')}</span>,
              className: 'payment-open__pay',
              cell: (invoice) => (invoice.openCents > 0 ? pay(invoice, 'button button--small') : null),
            },
          ]}
        />
      )}
    </section>
  );
}
