import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InvoiceSummary } from '@up/common/contracts/billing';
import type { SessionCustomer } from '@up/common/contracts/accounts';
import { formatMoney } from '@up/common/money';
import { rigaDate } from '@up/common/riga-time';
import { useActiveCustomer, useOperator } from '../../api/session.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Fact } from '../../components/Fact.tsx';
import { ErrorMessage, PageHeading, QueryState } from '../../components/Messages.tsx';
import { NoCustomer } from '../../components/NoCustomer.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { AmountBars, type AmountBar } from './AmountBars.tsx';
import { ClaimsLink } from './ClaimParts.tsx';
import { formatPeriod, formatPeriodShort } from './format.ts';
import { InvoicePaymentBadge, InvoiceStatusBadge } from './InvoiceParts.tsx';
import { invoicePdfUrl, invoiceXmlUrl, maySeeInvoices, useInvoices } from './invoices.api.ts';
import { chartInvoices, balanceState } from './invoices.ts';
import { NAMESPACE } from './i18n.ts';
import { useNarrow } from './useNarrow.ts';
import './invoices.css';

/** BIL-15: the customer's balance, the last twelve invoices as bars, and every invoice and credit note. */
export default function InvoicesPage() {
  const { t } = useTranslation(NAMESPACE);
  const customer = useActiveCustomer();
  const operator = useOperator();
  const allowed = maySeeInvoices(customer, operator.data);
  const invoices = useInvoices(customer?.id, allowed);

  return (
    <div className="page invoices">
      <PageHeading>{t('list.title')}</PageHeading>
      {!customer ? (
        <NoCustomer />
      ) : !allowed && operator.data ? (
        <ErrorMessage>{t('list.notAllowed')}</ErrorMessage>
      ) : (
        <QueryState isPending={invoices.isPending} error={invoices.error}>
          {invoices.data ? (
            <>
              <Balance cents={invoices.data.balanceCents} />
              <ClaimsLink />
              {invoices.data.invoices.length === 0 ? (
                <p className="card">{t('list.none')}</p>
              ) : (
                <>
                  <AmountsChart invoices={invoices.data.invoices} />
                  <InvoiceList customer={customer} invoices={invoices.data.invoices} />
                </>
              )}
            </>
          ) : null}
        </QueryState>
      )}
    </div>
  );
}

/** The ledger's balance: owed, credit held (advance payments, credit notes) or settled. */
function Balance({ cents }: { cents: number }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const state = balanceState(cents);
  return (
    <section className={`card invoice-balance invoice-balance--${state}`} aria-labelledby="invoice-balance-title">
      <h2 id="invoice-balance-title">{t('balance.title')}</h2>
      <p className="invoice-balance__amount">
        <span className="invoice-balance__label">{t(`balance.${state}`)}</span>{' '}
        {state === 'settled' ? null : <strong>{formatMoney(Math.abs(cents), lang)}</strong>}
      </p>
      <p className="muted">{t(`balance.${state}Hint`)}</p>
    </section>
  );
}

/** The gross amounts of the last twelve issued invoices, oldest first (people would rather look than read). */
function AmountsChart({ invoices }: { invoices: InvoiceSummary[] }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const shown = chartInvoices(invoices, 12);
  if (shown.length < 2) return null;
  const bars: AmountBar[] = shown.map((invoice, i) => ({
    key: invoice.id,
    label: formatPeriodShort(invoice.period, lang),
    detail: invoice.period.slice(0, 4),
    detailShown: i === 0 || invoice.period.endsWith('-01'),
    value: invoice.grossCents,
    text: formatMoney(invoice.grossCents, lang),
    current: i === shown.length - 1,
  }));
  return (
    <section className="card" aria-labelledby="invoice-chart-title">
      <h2 id="invoice-chart-title">{t('chart.title', { count: shown.length })}</h2>
      <AmountBars label={t('chart.label', { count: shown.length })} bars={bars} />
      <p className="muted">{t('chart.note')}</p>
    </section>
  );
}

/** Invoices and credit notes, newest first: a table, or cards on a phone. */
function InvoiceList({ customer, invoices }: { customer: SessionCustomer; invoices: InvoiceSummary[] }) {
  const { t } = useTranslation(NAMESPACE);
  const narrow = useNarrow();
  return (
    <section className="invoice-list" aria-labelledby="invoice-list-title">
      <h2 id="invoice-list-title">{t('list.documents')}</h2>
      {narrow ? <InvoiceCards customer={customer} invoices={invoices} /> : <InvoiceTable customer={customer} invoices={invoices} />}
    </section>
  );
}

/** What the document asks the customer to pay; a credit note gives back its gross (shown negative). */
function amountOf(invoice: InvoiceSummary): number {
  return invoice.kind === 'credit_note' ? -invoice.grossCents : invoice.payableCents;
}

/** The amount, struck through on a void invoice (nothing is asked; the badge says why). */
function Amount({ invoice }: { invoice: InvoiceSummary }) {
  const lang = useLang();
  const text = formatMoney(amountOf(invoice), lang);
  return invoice.status === 'void' ? <s>{text}</s> : <>{text}</>;
}

function Downloads({ customer, invoice }: { customer: SessionCustomer; invoice: InvoiceSummary }) {
  const { t } = useTranslation(NAMESPACE);
  return (
    <span className="invoice-downloads">
      <a href={invoicePdfUrl(customer.id, invoice.id)} download aria-label={t('list.pdfLabel', { number: invoice.number })}>
        PDF
      </a>
      {/* the e-invoice is issued to legal entities (the API's hasEInvoice of each invoice) */}
      {customer.kind === 'company' ? (
        <a href={invoiceXmlUrl(customer.id, invoice.id)} download aria-label={t('list.xmlLabel', { number: invoice.number })}>
          XML
        </a>
      ) : null}
    </span>
  );
}

const detailPath = (invoice: InvoiceSummary) => `/invoices/${encodeURIComponent(invoice.id)}`;

function InvoiceTable({ customer, invoices }: { customer: SessionCustomer; invoices: InvoiceSummary[] }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const today = rigaDate(new Date());
  return (
    <DataTable
      caption={t('list.caption', { customer: customer.name })}
      captionHidden
      rows={invoices}
      rowKey={(invoice) => invoice.id}
      rowClassName={(invoice) => (invoice.status === 'void' ? 'invoice-row--void' : undefined)}
      columns={[
        { key: 'number', header: t('fields.number'), rowHeader: true, className: 'nowrap', cell: (invoice) => <Link to={detailPath(invoice)}>{invoice.number}</Link> },
        { key: 'period', header: t('fields.period'), className: 'nowrap', cell: (invoice) => formatPeriod(invoice.period, lang) },
        { key: 'issueDate', header: t('fields.issueDate'), className: 'nowrap', cell: (invoice) => formatDate(invoice.issueDate, lang) },
        { key: 'dueDate', header: t('fields.dueDate'), className: 'nowrap', cell: (invoice) => formatDate(invoice.dueDate, lang) || '—' },
        { key: 'amount', header: t('fields.toPay'), className: 'num', cell: (invoice) => <Amount invoice={invoice} /> },
        { key: 'status', header: t('fields.status'), cell: (invoice) => <InvoiceStatusBadge invoice={invoice} /> },
        { key: 'payment', header: t('fields.payment'), cell: (invoice) => <InvoicePaymentBadge invoice={invoice} today={today} /> },
        { key: 'files', header: t('list.files'), className: 'nowrap', cell: (invoice) => <Downloads customer={customer} invoice={invoice} /> },
      ]}
    />
  );
}

function InvoiceCards({ customer, invoices }: { customer: SessionCustomer; invoices: InvoiceSummary[] }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const today = rigaDate(new Date());
  return (
    <ul className="card-list invoice-cards" aria-label={t('list.caption', { customer: customer.name })}>
      {invoices.map((invoice) => (
        <li key={invoice.id} className={invoice.status === 'void' ? 'card invoice-card invoice-row--void' : 'card invoice-card'}>
          <div className="invoice-card__head">
            <h3>
              <Link to={detailPath(invoice)}>{invoice.number}</Link>
            </h3>
            <span className="invoice-card__badges">
              <InvoiceStatusBadge invoice={invoice} />
              <InvoicePaymentBadge invoice={invoice} today={today} />
            </span>
          </div>
          <dl className="facts invoice-card__facts">
            <Fact term={t('fields.period')}>{formatPeriod(invoice.period, lang)}</Fact>
            <Fact term={t('fields.toPay')}><Amount invoice={invoice} /></Fact>
            <Fact term={t('fields.issueDate')}>{formatDate(invoice.issueDate, lang)}</Fact>
            {invoice.dueDate ? <Fact term={t('fields.dueDate')}>{formatDate(invoice.dueDate, lang)}</Fact> : null}
          </dl>
          <Downloads customer={customer} invoice={invoice} />
        </li>
      ))}
    </ul>
  );
}
