import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LedgerView, StaffInvoiceSummary } from '@up/common/contracts/billing';
import { formatMoney } from '@up/common/money';
import { SubmitButton } from '../../../components/Buttons.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { SelectField, TextArea, TextField } from '../../../components/Fields.tsx';
import { FormError, PageHeading, QueryState, Success } from '../../../components/Messages.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useServerFieldError } from '../../../lib/errors.ts';
import { useLang } from '../../../lib/useLang.ts';
import { formatPeriod } from '../../invoices/format.ts';
import { InvoiceStatusBadge } from '../../invoices/InvoiceParts.tsx';
import { useCustomerFile } from '../staff.api.ts';
import { useAddCorrection, useInvoiceSearch, useLedger } from './billing.api.ts';
import { CustomerPayments, RecordPaymentForm, RefundForm } from '../payments/CustomerPaymentsSection.tsx';
import { useStaffRole } from '../shared.ts';
import { MoneyLimitSection } from '../MoneyLimitSection.tsx';
import { centsOf, vatPercentOf } from './billing.ts';
import { staffInvoicePath } from './InvoiceSearchPage.tsx';
import { NAMESPACE } from './i18n.ts';
import '../../invoices/invoices.css';
import './billing.css';

/**
 * A customer's billing in the back office: the ledger (balance and entries), its invoices, its payments with what
 * each paid (a reversal with a reason), a correction for the next invoice (BIL-7), a payment received another way
 * (BIL-3: before an invoice it is credit) and, for administrators, a refund of credit held.
 */
export default function CustomerBillingPage() {
  const { t } = useTranslation(NAMESPACE);
  const { customerId = '' } = useParams();
  const file = useCustomerFile(customerId);
  const ledger = useLedger(customerId);
  const customer = file.data?.customer;
  const invoices = useInvoiceSearch(customer?.customerNumber ?? '', '');
  const own = invoices.data?.filter((invoice) => invoice.customerId === customerId) ?? [];
  const { role } = useStaffRole();

  return (
    <section className="page staff-billing" aria-labelledby="staff-customer-billing-title">
      <p className="back-link">
        <Link to={`/staff/customers/${encodeURIComponent(customerId)}`}>{t('customer.back')}</Link>
      </p>
      <PageHeading id="staff-customer-billing-title">{customer ? t('customer.title', { name: customer.name }) : t('customer.titlePlain')}</PageHeading>
      <QueryState isPending={file.isPending} error={file.error}>
        {customer ? <p className="muted">{t('customer.number', { number: customer.customerNumber })}</p> : null}
      </QueryState>
      <section className="card" aria-labelledby="staff-ledger-title">
        <h2 id="staff-ledger-title">{t('ledger.title')}</h2>
        <QueryState isPending={ledger.isPending} error={ledger.error}>
          {ledger.data ? <Ledger ledger={ledger.data} /> : null}
        </QueryState>
      </section>
      <section className="card" aria-labelledby="staff-customer-invoices-title">
        <h2 id="staff-customer-invoices-title">{t('customer.invoices')}</h2>
        <QueryState isPending={invoices.isLoading} error={invoices.error}>
          <CustomerInvoices invoices={own} />
        </QueryState>
      </section>
      <CustomerPayments customerId={customerId} customerName={customer?.name ?? ''} />
      <MoneyLimitSection customerId={customerId} />
      <CorrectionForm customerId={customerId} invoices={own} />
      <RecordPaymentForm customerId={customerId} />
      {role === 'administrator' ? <RefundForm customerId={customerId} /> : null}
    </section>
  );
}

function Ledger({ ledger }: { ledger: LedgerView }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  return (
    <>
      <p className="staff-balance">
        {t('ledger.balance')} <strong>{formatMoney(ledger.balanceCents, lang)}</strong>{' '}
        <span className="muted">({t(ledger.balanceCents > 0 ? 'ledger.owed' : ledger.balanceCents < 0 ? 'ledger.credit' : 'ledger.settled')})</span>
      </p>
      <DataTable
        caption={t('ledger.caption')}
        captionHidden
        rows={ledger.entries}
        rowKey={(entry, index) => `${entry.entryDate} ${entry.reference} ${index}`}
        empty={<p>{t('ledger.none')}</p>}
        columns={[
          { key: 'date', header: t('ledger.date'), rowHeader: true, className: 'nowrap', cell: (entry) => formatDate(entry.entryDate, lang) },
          { key: 'kind', header: t('ledger.kind'), cell: (entry) => t(`ledger.kinds.${entry.kind}`, { defaultValue: entry.kind }) },
          {
            key: 'reference',
            header: t('ledger.reference'),
            cell: (entry) => (entry.invoiceId ? <Link to={staffInvoicePath(entry.invoiceId)}>{entry.reference}</Link> : entry.reference),
          },
          { key: 'amount', header: t('ledger.amount'), className: 'num', cell: (entry) => formatMoney(entry.amountCents, lang) },
        ]}
      />
    </>
  );
}

function CustomerInvoices({ invoices }: { invoices: StaffInvoiceSummary[] }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  return (
    <DataTable
      caption={t('customer.invoices')}
      captionHidden
      rows={invoices}
      rowKey={(invoice) => invoice.id}
      empty={<p>{t('customer.noInvoices')}</p>}
      columns={[
        { key: 'number', header: t('fields.number'), rowHeader: true, className: 'nowrap', cell: (invoice) => <Link to={staffInvoicePath(invoice.id)}>{invoice.number}</Link> },
        { key: 'status', header: t('fields.status'), cell: (invoice) => <InvoiceStatusBadge invoice={invoice} /> },
        { key: 'period', header: t('fields.period'), className: 'nowrap', cell: (invoice) => formatPeriod(invoice.period, lang) },
        { key: 'gross', header: t('fields.gross'), className: 'num', cell: (invoice) => formatMoney(invoice.grossCents, lang) },
      ]}
    />
  );
}

/** BIL-7: a justified claim's correction, a charge of this month the next billing run puts on the next invoice. */
function CorrectionForm({ customerId, invoices }: { customerId: string; invoices: StaffInvoiceSummary[] }) {
  const { t } = useTranslation(NAMESPACE);
  const [values, setValues] = useState({ description: '', amount: '', vat: '21', reason: '', corrects: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof values, string>>>({});
  const run = useAddCorrection(customerId);
  const fieldError = useServerFieldError(run.error);
  const bind = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (value: string) => {
      setValues((all) => ({ ...all, [name]: value }));
      run.reset();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = centsOf(values.amount);
    const vat = vatPercentOf(values.vat);
    const next: typeof errors = {};
    if (!values.description.trim()) next.description = t('correction.errors.description');
    if (cents === null || cents === 0) next.amount = t('correction.errors.amount');
    if (!vat) next.vat = t('credit.errors.vat');
    if (!values.reason.trim()) next.reason = t('correction.errors.reason');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    run.mutate(
      { description: values.description.trim(), netCents: cents!, vatPercent: vat!, reason: values.reason.trim(), ...(values.corrects ? { correctsInvoiceId: values.corrects } : {}) },
      { onSuccess: () => setValues({ description: '', amount: '', vat: '21', reason: '', corrects: '' }) },
    );
  }

  return (
    <section className="card" aria-labelledby="staff-correction-title">
      <h2 id="staff-correction-title">{t('correction.title')}</h2>
      <p>{t('correction.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <div className="staff-grid">
          <TextField label={t('correction.description')} {...bind('description')} maxLength={200} autoComplete="off" error={errors.description ?? fieldError('description')} markRequired />
          <TextField label={t('correction.amount')} hint={t('correction.amountHint')} {...bind('amount')} maxLength={14} autoComplete="off" error={errors.amount ?? fieldError('netCents')} markRequired />
          <TextField label={t('credit.vat')} {...bind('vat')} maxLength={6} autoComplete="off" error={errors.vat ?? fieldError('vatPercent')} />
          <SelectField
            label={t('correction.corrects')}
            {...bind('corrects')}
            options={[{ value: '', label: t('correction.noInvoice') }, ...invoices.filter((invoice) => invoice.kind === 'invoice').map((invoice) => ({ value: invoice.id, label: invoice.number }))]}
            error={fieldError('correctsInvoiceId')}
          />
        </div>
        <TextArea label={t('correction.reason')} hint={t('correction.reasonHint')} {...bind('reason')} rows={2} maxLength={500} error={errors.reason ?? fieldError('reason')} markRequired />
        <FormError error={run.error} fields={['description', 'netCents', 'vatPercent', 'reason', 'correctsInvoiceId']} />
        <div className="actions"><SubmitButton busy={run.isPending}>{t('correction.submit')}</SubmitButton></div>
      </form>
      <Success>{run.isSuccess ? t('correction.done') : null}</Success>
    </section>
  );
}
