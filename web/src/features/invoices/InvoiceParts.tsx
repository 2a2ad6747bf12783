import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { InvoiceDetail, InvoiceLine, InvoiceSummary } from '@up/common/contracts/billing';
import { formatMoney } from '@up/common/money';
import { DataTable } from '../../components/DataTable.tsx';
import { Fact } from '../../components/Fact.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { formatDecimal, formatPercent, formatPeriod, formatPrice, localized } from './format.ts';
import { invoicePaymentState } from './invoices.ts';
import { NAMESPACE } from './i18n.ts';
import { useNarrow } from './useNarrow.ts';

/**
 * The pieces of an invoice both the customer's pages and the back office show (BIL-15): its status, header facts,
 * lines, VAT summary and totals. Texts are the 'invoices' namespace's.
 */

/** Credit note, void, or issued, as a badge whose word says it (the colour only repeats it). */
export function InvoiceStatusBadge({ invoice }: { invoice: Pick<InvoiceSummary, 'kind' | 'status'> }) {
  const { t } = useTranslation(NAMESPACE);
  if (invoice.status === 'void') return <span className="badge badge--annulled">{t('status.void')}</span>;
  if (invoice.kind === 'credit_note') return <span className="badge invoice-badge--credit">{t('status.creditNote')}</span>;
  return <span className="badge invoice-badge--issued">{t('status.issued')}</span>;
}

/**
 * Paid, still to pay (its amount) or overdue (its amount), from the invoice's openCents and due day (BIL-5);
 * nothing for credit notes and void invoices.
 */
export function InvoicePaymentBadge({ invoice, today }: { invoice: Pick<InvoiceSummary, 'kind' | 'status' | 'openCents' | 'dueDate'>; today: string }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const state = invoicePaymentState(invoice, today);
  if (state === null) return null;
  const amount = formatMoney(invoice.openCents, lang);
  if (state === 'paid') return <span className="badge badge--done">{t('payment.paid')}</span>;
  if (state === 'overdue') return <span className="badge badge--failed">{t('payment.overdue', { amount })}</span>;
  return <span className="badge badge--pending">{t('payment.open', { amount })}</span>;
}

/** "Invoice" or "Credit note" and its number, e.g. for headings. */
export function useDocumentName(): (invoice: Pick<InvoiceSummary, 'kind' | 'number'>) => string {
  const { t } = useTranslation(NAMESPACE);
  return (invoice) => t(invoice.kind === 'credit_note' ? 'detail.titleCreditNote' : 'detail.titleInvoice', { number: invoice.number });
}

/** A quantity with its unit in words: '372.606' KWH → lv '372,606 kWh'; '1' MON → '1 mēn.'. */
export function useFormatQuantity(): (quantity: string, unitCode: string) => string {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  return (quantity, unitCode) => `${formatDecimal(quantity, lang)} ${t(`units.${unitCode}`, { defaultValue: unitCode })}`;
}

/** A unit price per unit: '0.139000' KWH → lv '0,139 €/kWh'. */
export function useFormatUnitPrice(): (price: string, unitCode: string) => string {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  return (price, unitCode) => `${formatPrice(price, lang)}/${t(`perUnit.${unitCode}`, { defaultValue: unitCode })}`;
}

/** Number, period, dates, payment reference and the account to pay to; the buyer where asked (the back office). */
export function InvoiceFacts({ invoice, showBuyer = false }: { invoice: InvoiceDetail; showBuyer?: boolean }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const credit = invoice.kind === 'credit_note';
  return (
    <dl className="facts invoice-facts">
      <Fact term={t('fields.number')}>{invoice.number}</Fact>
      <Fact term={t('fields.period')}>{formatPeriod(invoice.period, lang)}</Fact>
      <Fact term={t('fields.issueDate')}>{formatDate(invoice.issueDate, lang)}</Fact>
      {invoice.dueDate && !credit ? <Fact term={t('fields.dueDate')}>{formatDate(invoice.dueDate, lang)}</Fact> : null}
      {!credit ? <Fact term={t('fields.paymentReference')}><span className="invoice-code">{invoice.paymentReference}</span></Fact> : null}
      {!credit ? (
        <Fact term={t('fields.payTo')}>
          {invoice.payee.name}
          <br />
          <span className="invoice-code">{invoice.payee.iban}</span>
          <br />
          <span className="muted">{t('fields.bic', { bic: invoice.payee.bic })}</span>
        </Fact>
      ) : null}
      {showBuyer ? (
        <Fact term={t('fields.buyer')}>
          {invoice.buyer.name}
          <br />
          <span className="muted">{t('fields.customerNumber', { number: invoice.buyer.customerNumber })}</span>
        </Fact>
      ) : null}
    </dl>
  );
}

/**
 * What the invoice is to others: a credit note's invoice, the voided invoice a reissued one replaces, a void
 * invoice's reason. `linkTo` gives the page of an invoice by its number, where the caller knows it.
 */
export function InvoiceRelations({ invoice, linkTo, replacedBy, creditNotes = [] }: {
  invoice: InvoiceDetail;
  linkTo: (number: string) => string | null;
  /** the invoice reissued in place of this void one */
  replacedBy?: string | null;
  /** the credit notes issued for this invoice */
  creditNotes?: string[];
}) {
  const { t } = useTranslation(NAMESPACE);
  const numbered = (number: string) => {
    const to = linkTo(number);
    return to ? <Link to={to}>{number}</Link> : <strong>{number}</strong>;
  };
  const notes: ReactNode[] = [];
  if (invoice.status === 'void') {
    notes.push(
      <div key="void" className="alert alert--error invoice-note">
        <p>
          <strong>{t('relations.void')}</strong>
          {invoice.reason ? <> {t('relations.voidReason', { reason: invoice.reason })}</> : null}
        </p>
        {replacedBy ? <p>{t('relations.replacedBy')} {numbered(replacedBy)}</p> : <p>{t('relations.voidNoReissue')}</p>}
      </div>,
    );
  }
  if (invoice.kind === 'credit_note' && invoice.correctsInvoiceNumber) {
    notes.push(
      <p key="corrects" className="alert alert--info invoice-note">
        {t('relations.creditNoteFor')} {numbered(invoice.correctsInvoiceNumber)}
        {/* a credit note's reason: the document's one reason field */}
        {invoice.reason ? <>. {t('relations.reason', { reason: invoice.reason })}</> : null}
      </p>,
    );
  }
  if (invoice.replacesInvoiceNumber) {
    notes.push(
      <p key="replaces" className="alert alert--info invoice-note">
        {t('relations.replaces')} {numbered(invoice.replacesInvoiceNumber)}
      </p>,
    );
  }
  if (creditNotes.length > 0) {
    notes.push(
      <p key="credited" className="alert alert--info invoice-note">
        {t('relations.creditedBy', { count: creditNotes.length })}{' '}
        {creditNotes.map((number, i) => (
          <span key={number}>
            {i > 0 ? ', ' : null}
            {numbered(number)}
          </span>
        ))}
      </p>,
    );
  }
  return notes.length > 0 ? <>{notes}</> : null;
}

/**
 * The invoice's lines: description in the UI language, quantity with its unit, unit price, net amount, VAT rate.
 * `explainLink` gives the page explaining a line, for the lines the API can explain (energy by day, corrections).
 */
export function InvoiceLines({ invoice, explainLink }: { invoice: InvoiceDetail; explainLink?: (line: InvoiceLine) => string | null }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const quantity = useFormatQuantity();
  const unitPrice = useFormatUnitPrice();
  const narrow = useNarrow();
  const periodOf = (line: InvoiceLine) =>
    line.periodStart === invoice.periodStart && line.periodEnd === invoice.periodEnd
      ? null
      : t('lines.linePeriod', { from: formatDate(line.periodStart, lang), to: formatDate(line.periodEnd, lang) });
  const whyLink = (line: InvoiceLine) => {
    const to = explainLink?.(line);
    if (!to) return null;
    const description = localized(line.description, lang);
    const amount = formatMoney(line.netCents, lang);
    return (
      <Link className="invoice-line__why" to={to} aria-label={t('lines.whyLabel', { amount, number: line.lineNumber, description })}>
        {t('lines.why', { amount })}
      </Link>
    );
  };
  if (narrow) {
    // on a phone one card per line: every figure readable without scrolling sideways
    return invoice.lines.length === 0 ? <p>{t('lines.none')}</p> : (
      <ol className="invoice-line-cards" aria-label={t('lines.caption', { number: invoice.number })}>
        {invoice.lines.map((line) => (
          <li key={line.lineNumber} className="invoice-line-card">
            <p className="invoice-line-card__head">
              <span className="muted">{line.lineNumber}.</span> <strong>{localized(line.description, lang)}</strong>
              {periodOf(line) ? <span className="muted invoice-line__period">{periodOf(line)}</span> : null}
            </p>
            <dl className="invoice-line-card__facts">
              <Fact term={t('lines.quantity')}>{quantity(line.quantity, line.unitCode)}</Fact>
              <Fact term={t('lines.unitPrice')}>{unitPrice(line.unitPrice, line.unitCode)}</Fact>
              <Fact term={t('lines.vatPercent')}>{formatPercent(line.vatPercent, lang)}</Fact>
              <Fact term={t('lines.net')}>{formatMoney(line.netCents, lang)}</Fact>
            </dl>
            {whyLink(line)}
          </li>
        ))}
      </ol>
    );
  }
  return (
    <DataTable
      caption={t('lines.caption', { number: invoice.number })}
      captionHidden
      rows={invoice.lines}
      rowKey={(line) => line.lineNumber}
      empty={<p>{t('lines.none')}</p>}
      columns={[
        { key: 'no', header: t('lines.number'), className: 'nowrap', cell: (line) => line.lineNumber },
        {
          key: 'description',
          header: t('lines.description'),
          rowHeader: true,
          className: 'invoice-line__description',
          cell: (line) => (
            <>
              <span className="invoice-line__text">{localized(line.description, lang)}</span>
              {periodOf(line) ? <span className="muted invoice-line__period">{periodOf(line)}</span> : null}
              {whyLink(line)}
            </>
          ),
        },
        { key: 'quantity', header: t('lines.quantity'), className: 'num', cell: (line) => quantity(line.quantity, line.unitCode) },
        { key: 'unitPrice', header: t('lines.unitPrice'), className: 'num', cell: (line) => unitPrice(line.unitPrice, line.unitCode) },
        { key: 'net', header: t('lines.net'), className: 'num', cell: (line) => formatMoney(line.netCents, lang) },
        { key: 'vat', header: t('lines.vatPercent'), className: 'num', cell: (line) => formatPercent(line.vatPercent, lang) },
      ]}
    />
  );
}

/** VAT by category and rate (EN 16931's breakdown): the taxable amount and the VAT on it, rounded once per rate. */
export function VatSummary({ invoice }: { invoice: InvoiceDetail }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const narrow = useNarrow();
  const rateOf = (entry: InvoiceDetail['vatBreakdown'][number]) =>
    `${formatPercent(entry.vatRatePercent, lang)}${entry.vatCategory !== 'S' ? ` · ${t(`vat.category.${entry.vatCategory}`, { defaultValue: entry.vatCategory })}` : ''}`;
  if (narrow) {
    return (
      <dl className="invoice-totals" aria-label={t('vat.caption')}>
        {invoice.vatBreakdown.map((entry) => (
          <div key={`${entry.vatCategory} ${entry.vatRatePercent}`} className="invoice-totals__row">
            <dt>{t('vat.entry', { rate: rateOf(entry), taxable: formatMoney(entry.taxableCents, lang) })}</dt>
            <dd>{formatMoney(entry.vatCents, lang)}</dd>
          </div>
        ))}
      </dl>
    );
  }
  return (
    <DataTable
      caption={t('vat.caption')}
      captionHidden
      rows={invoice.vatBreakdown}
      rowKey={(entry) => `${entry.vatCategory} ${entry.vatRatePercent}`}
      columns={[
        {
          key: 'rate',
          header: t('vat.rate'),
          rowHeader: true,
          cell: (entry) => (
            <>
              {formatPercent(entry.vatRatePercent, lang)}
              {entry.vatCategory !== 'S' ? <span className="muted"> · {t(`vat.category.${entry.vatCategory}`, { defaultValue: entry.vatCategory })}</span> : null}
            </>
          ),
        },
        { key: 'taxable', header: t('vat.taxable'), className: 'num', cell: (entry) => formatMoney(entry.taxableCents, lang) },
        { key: 'vat', header: t('vat.vat'), className: 'num', cell: (entry) => formatMoney(entry.vatCents, lang) },
      ]}
    />
  );
}

/** Net, VAT, total, what advance payments and credit covered, and what is left to pay. */
export function InvoiceTotals({ invoice }: { invoice: InvoiceSummary }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const credit = invoice.kind === 'credit_note';
  const rows: [string, number, boolean?][] = [
    [t('totals.net'), invoice.netCents],
    [t('totals.vat'), invoice.vatCents],
    [credit ? t('totals.credited') : t('totals.total'), invoice.grossCents, credit],
  ];
  if (!credit) {
    rows.push([t('totals.prepaid'), -invoice.prepaidCents]);
    rows.push([invoice.status === 'void' ? t('totals.payableVoid') : t('totals.payable'), invoice.payableCents, true]);
  }
  return (
    <dl className="invoice-totals">
      {rows.map(([term, cents, strong]) => (
        <div key={term} className={strong ? 'invoice-totals__row invoice-totals__row--strong' : 'invoice-totals__row'}>
          <dt>{term}</dt>
          <dd>{formatMoney(cents, lang)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The document downloads: the PDF always, the e-invoice XML where one is issued (legal entities). */
export function InvoiceDownloads({ invoice, pdfUrl, xmlUrl }: { invoice: InvoiceDetail; pdfUrl: string; xmlUrl: string }) {
  const { t } = useTranslation(NAMESPACE);
  return (
    <div className="actions" role="group" aria-label={t('downloads.label')}>
      <a className="button" href={pdfUrl} download>
        {t('downloads.pdf')}
      </a>
      {invoice.hasEInvoice ? (
        <a className="button button--secondary" href={xmlUrl} download>
          {t('downloads.xml')}
        </a>
      ) : null}
    </div>
  );
}
