import { useTranslation } from 'react-i18next';
import { rigaDate } from '@up/common/riga-time';
import { Link, useParams } from 'react-router';
import type { InvoiceDetail, InvoiceLine, InvoiceList } from '@up/common/contracts/billing';
import type { SessionCustomer } from '@up/common/contracts/accounts';
import { useActiveCustomer, useOperator } from '../../api/session.ts';
import { ErrorMessage, PageHeading, QueryState } from '../../components/Messages.tsx';
import { NoCustomer } from '../../components/NoCustomer.tsx';
import { useErrorMessage } from '../../lib/errors.ts';
import { InvoiceDownloads, InvoiceFacts, InvoiceLines, InvoicePaymentBadge, InvoiceRelations, InvoiceStatusBadge, InvoiceTotals, useDocumentName, VatSummary } from './InvoiceParts.tsx';
import { invoicePdfUrl, invoiceXmlUrl, maySeeInvoices, useInvoice, useInvoices } from './invoices.api.ts';
import { creditNotesOf, findByNumber, replacementOf } from './invoices.ts';
import { NAMESPACE } from './i18n.ts';
import { useInvoiceErrorMessages } from './useInvoiceErrors.ts';
import { InvoicePayments } from '../payments/InvoicePayments.tsx';
import { PayInvoiceOnline } from '../payments/OnlinePayment.tsx';
import { useCustomerPayments } from '../payments/payments.api.ts';
import { ClaimSection } from './ClaimSection.tsx';
import './invoices.css';

/** BIL-15: one invoice or credit note — its facts, lines (each explained where it can be), VAT, totals and files. */
export default function InvoicePage() {
  const { t } = useTranslation(NAMESPACE);
  const { invoiceId = '' } = useParams();
  const customer = useActiveCustomer();
  const operator = useOperator();
  const allowed = maySeeInvoices(customer, operator.data);
  const invoice = useInvoice(allowed ? customer?.id : undefined, invoiceId);
  // the list (cached from the invoices page) links the numbers this one refers to
  const list = useInvoices(customer?.id, allowed);
  const documentName = useDocumentName();
  const message = useErrorMessage();
  const messages = useInvoiceErrorMessages();

  return (
    <div className="page invoices">
      <p className="back-link">
        <Link to="/invoices">{t('detail.back')}</Link>
      </p>
      <PageHeading>{invoice.data ? documentName(invoice.data) : t('detail.title')}</PageHeading>
      {!customer ? (
        <NoCustomer />
      ) : !allowed && operator.data ? (
        <ErrorMessage>{t('list.notAllowed')}</ErrorMessage>
      ) : invoice.error ? (
        <ErrorMessage>{messages(invoice.error) ?? message(invoice.error)}</ErrorMessage>
      ) : (
        <QueryState isPending={invoice.isPending} error={null}>
          {invoice.data ? <InvoiceView key={invoice.data.id} customer={customer} invoice={invoice.data} list={list.data} /> : null}
        </QueryState>
      )}
    </div>
  );
}

function InvoiceView({ customer, invoice, list }: { customer: SessionCustomer; invoice: InvoiceDetail; list: InvoiceList | undefined }) {
  const { t } = useTranslation(NAMESPACE);
  const customerId = customer.id;
  // the payments say how and when the money came (an invoice's settlements name a payment by its id)
  const payments = useCustomerPayments(customerId, invoice.kind === 'invoice' && invoice.settlements.length > 0);
  const linkTo = (number: string) => {
    const found = findByNumber(list?.invoices, number);
    return found ? `/invoices/${encodeURIComponent(found.id)}` : null;
  };
  const explainLink = (line: InvoiceLine) =>
    line.explained ? `/invoices/${encodeURIComponent(invoice.id)}/lines/${line.lineNumber}` : null;
  return (
    <>
      <div className="invoice-status">
        <InvoiceStatusBadge invoice={invoice} /> <InvoicePaymentBadge invoice={invoice} today={rigaDate(new Date())} />
      </div>
      <InvoiceRelations
        invoice={invoice}
        linkTo={linkTo}
        replacedBy={replacementOf(list?.invoices, invoice.number)}
        creditNotes={creditNotesOf(list?.invoices, invoice.number)}
      />
      <section className="card" aria-labelledby="invoice-facts-title">
        <h2 id="invoice-facts-title">{t('detail.facts')}</h2>
        <InvoiceFacts invoice={invoice} />
        <InvoiceDownloads invoice={invoice} pdfUrl={invoicePdfUrl(customerId, invoice.id)} xmlUrl={invoiceXmlUrl(customerId, invoice.id)} />
      </section>
      <section className="card invoice-lines" aria-labelledby="invoice-lines-title">
        <h2 id="invoice-lines-title">{t('lines.title')}</h2>
        {invoice.lines.some((line) => line.explained) ? <p className="muted">{t('lines.explainedHint')}</p> : null}
        <InvoiceLines invoice={invoice} explainLink={explainLink} />
      </section>
      <div className="invoice-summary">
        <section className="card" aria-labelledby="invoice-vat-title">
          <h2 id="invoice-vat-title">{t('vat.title')}</h2>
          <VatSummary invoice={invoice} />
        </section>
        <section className="card" aria-labelledby="invoice-totals-title">
          <h2 id="invoice-totals-title">{t('totals.title')}</h2>
          <InvoiceTotals invoice={invoice} />
        </section>
      </div>
      {invoice.kind === 'invoice' ? (
        <InvoicePayments
          invoice={invoice}
          payments={payments.data?.payments}
          linkTo={linkTo}
          allPaymentsPath="/payments"
          payAction={invoice.status === 'issued' && invoice.openCents > 0 ? <PayInvoiceOnline customerId={customerId} invoice={invoice} /> : null}
        />
      ) : null}
      <ClaimSection customer={customer} invoice={invoice} />
    </>
  );
}
