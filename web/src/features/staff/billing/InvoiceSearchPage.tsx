import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StaffInvoiceSummary } from '@up/common/contracts/billing';
import { formatMoney } from '@up/common/money';
import { rigaDate } from '@up/common/riga-time';
import { DataTable } from '../../../components/DataTable.tsx';
import { CheckboxField, SelectField, TextField } from '../../../components/Fields.tsx';
import { PageHeading, QueryState } from '../../../components/Messages.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useLang } from '../../../lib/useLang.ts';
import { formatPeriod, recentPeriods } from '../../invoices/format.ts';
import { InvoiceStatusBadge } from '../../invoices/InvoiceParts.tsx';
import { useInvoiceSearch } from './billing.api.ts';
import { isPeriod } from './billing.ts';
import { NAMESPACE } from './i18n.ts';
import '../../invoices/invoices.css';
import './billing.css';

export const staffInvoicePath = (invoiceId: string) => `/staff/billing/invoices/${encodeURIComponent(invoiceId)}`;
export const staffCustomerBillingPath = (customerId: string) => `/staff/billing/customers/${encodeURIComponent(customerId)}`;

/** Invoices and credit notes by number, customer number or name, and by period; the query lives in the address. */
export default function InvoiceSearchPage() {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const period = isPeriod(params.get('period') ?? '') ? params.get('period')! : '';
  const toPrint = params.get('toPrint') === 'true';
  const [draft, setDraft] = useState(q);
  const [draftPeriod, setDraftPeriod] = useState(period);
  const [draftToPrint, setDraftToPrint] = useState(toPrint);
  const results = useInvoiceSearch(q, period, toPrint);
  const periods = recentPeriods(rigaDate(new Date()).slice(0, 7), 24);

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (draft.trim()) next.q = draft.trim();
    if (draftPeriod) next.period = draftPeriod;
    if (draftToPrint) next.toPrint = 'true';
    setParams(next);
  }

  return (
    <section className="page staff-billing" aria-labelledby="staff-invoices-title">
      <PageHeading id="staff-invoices-title">{t('search.title')}</PageHeading>
      <form role="search" className="card staff-search staff-invoice-search" onSubmit={submit}>
        <TextField
          type="search"
          name="q"
          autoComplete="off"
          maxLength={100}
          label={t('search.label')}
          hint={t('search.hint')}
          value={draft}
          onChange={setDraft}
        />
        <SelectField
          label={t('search.period')}
          name="period"
          value={draftPeriod}
          onChange={setDraftPeriod}
          options={[{ value: '', label: t('search.anyPeriod') }, ...periods.map((value) => ({ value, label: formatPeriod(value, lang) }))]}
        />
        <CheckboxField label={t('search.toPrint')} checked={draftToPrint} onChange={setDraftToPrint} />
        <button type="submit" className="button">{t('search.submit')}</button>
      </form>
      {/* isLoading, not isPending: without a query nothing is fetched */}
      <QueryState isPending={results.isLoading} error={results.error}>
        {results.data ? <ResultsTable q={q} period={period} toPrint={toPrint} invoices={results.data} /> : <p className="muted">{t('search.prompt')}</p>}
      </QueryState>
    </section>
  );
}

function ResultsTable({ q, period, toPrint, invoices }: { q: string; period: string; toPrint: boolean; invoices: StaffInvoiceSummary[] }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const delivery = useDeliveryText();
  const what = [q ? `“${q}”` : '', period ? formatPeriod(period, lang) : '', toPrint ? t('search.toPrintShort') : ''].filter(Boolean).join(', ');
  return (
    <DataTable
      caption={t('search.caption', { what, count: invoices.length })}
      rows={invoices}
      rowKey={(invoice) => invoice.id}
      rowClassName={(invoice) => (invoice.status === 'void' ? 'invoice-row--void' : undefined)}
      empty={<p role="status">{t('search.noResults', { what })}</p>}
      columns={[
        {
          key: 'number',
          header: t('fields.number'),
          rowHeader: true,
          className: 'nowrap',
          cell: (invoice) => (
            <>
              <Link to={staffInvoicePath(invoice.id)}>{invoice.number}</Link>
              <br />
              <InvoiceStatusBadge invoice={invoice} />
            </>
          ),
        },
        {
          key: 'customer',
          header: t('fields.customer'),
          cell: (invoice) => (
            <>
              <Link to={staffCustomerBillingPath(invoice.customerId)}>{invoice.customerName}</Link>
              <br />
              <span className="muted">{invoice.customerNumber}</span>
            </>
          ),
        },
        {
          key: 'period',
          header: t('fields.period'),
          className: 'nowrap',
          cell: (invoice) => (
            <>
              {formatPeriod(invoice.period, lang)}
              <br />
              <span className="muted">{t('fields.issuedOn', { date: formatDate(invoice.issueDate, lang) })}</span>
              <br />
              <span className="muted">{delivery(invoice)}</span>
            </>
          ),
        },
        {
          key: 'amount',
          header: t('fields.gross'),
          className: 'num',
          cell: (invoice) => (
            <>
              {formatMoney(invoice.grossCents, lang)}
              {invoice.kind === 'credit_note' ? null : (
                <>
                  <br />
                  <span className="muted">{t('fields.payableAmount', { amount: formatMoney(invoice.payableCents, lang) })}</span>
                </>
              )}
            </>
          ),
        },
      ]}
    />
  );
}

/** How the document reached (or will reach) the customer (BIL-2): its channel, and when it was delivered or that it waits. */
export function useDeliveryText(): (invoice: Pick<StaffInvoiceSummary, 'deliveryChannel' | 'deliveredAt' | 'status'>) => string {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  return (invoice) => {
    const channel = t(`delivery.channels.${invoice.deliveryChannel}`, { defaultValue: invoice.deliveryChannel });
    if (invoice.deliveredAt) return `${channel} · ${t('delivery.deliveredAt', { at: formatDateTime(invoice.deliveredAt, lang) })}`;
    if (invoice.status === 'void') return channel;
    return `${channel} · ${invoice.deliveryChannel === 'post' ? t('delivery.waitingPrint') : t('delivery.waiting')}`;
  };
}
