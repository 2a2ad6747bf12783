import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { InvoiceDetail, StaffInvoiceSummary } from '@up/common/contracts/billing';
import { formatMoney } from '@up/common/money';
import { ApiError } from '../../../api/client.ts';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { CheckboxField, TextArea, TextField } from '../../../components/Fields.tsx';
import { ErrorMessage, FormError, PageHeading, QueryState, Success } from '../../../components/Messages.tsx';
import { useErrorMessage, useServerFieldError } from '../../../lib/errors.ts';
import { useLang } from '../../../lib/useLang.ts';
import {
  InvoiceDownloads, InvoiceFacts, InvoiceLines, InvoiceRelations, InvoiceStatusBadge, InvoiceTotals, useDocumentName, VatSummary,
} from '../../invoices/InvoiceParts.tsx';
import { staffInvoicePdfUrl, staffInvoiceXmlUrl, useInvoiceSearch, useIssueCreditNote, useMarkPrinted, useStaffInvoice, useVoidInvoice } from './billing.api.ts';
import { centsOf, creditNoteTotals, vatPercentOf } from './billing.ts';
import { staffCustomerBillingPath, staffInvoicePath, useDeliveryText } from './InvoiceSearchPage.tsx';
import { NAMESPACE } from './i18n.ts';
import '../../invoices/invoices.css';
import './billing.css';

/**
 * One invoice in the back office: the document as the customer sees it, and what staff may do about it (issue 12
 * point 4) — void it (reissued at once or carried into the next invoice) or issue a credit note for part of it.
 */
export default function StaffInvoicePage() {
  const { t } = useTranslation(NAMESPACE);
  const { invoiceId = '' } = useParams();
  const invoice = useStaffInvoice(invoiceId);
  const documentName = useDocumentName();
  // the customer's other documents (by its number): its id, the credit notes of this invoice, a reissue
  const related = useInvoiceSearch(invoice.data?.buyer.customerNumber ?? '', '');
  const message = useErrorMessage();
  const notFound = invoice.error instanceof ApiError && invoice.error.code === 'INVOICE_NOT_FOUND';

  return (
    <section className="page staff-billing" aria-labelledby="staff-invoice-title">
      <p className="back-link"><Link to="/staff/billing/invoices">{t('invoice.back')}</Link></p>
      <PageHeading id="staff-invoice-title">{invoice.data ? documentName(invoice.data) : t('invoice.title')}</PageHeading>
      {notFound ? (
        <ErrorMessage>{t('invoice.notFound')}</ErrorMessage>
      ) : invoice.error ? (
        <ErrorMessage>{message(invoice.error)}</ErrorMessage>
      ) : (
        <QueryState isPending={invoice.isPending} error={null}>
          {invoice.data ? <InvoiceView key={invoice.data.id} invoice={invoice.data} related={related.data} /> : null}
        </QueryState>
      )}
    </section>
  );
}

function InvoiceView({ invoice, related }: { invoice: InvoiceDetail; related: StaffInvoiceSummary[] | undefined }) {
  const { t } = useTranslation(NAMESPACE);
  const others = related?.filter((other) => other.customerNumber === invoice.buyer.customerNumber);
  const self = others?.find((other) => other.id === invoice.id);
  const linkTo = (number: string) => {
    const found = others?.find((other) => other.number === number);
    return found ? staffInvoicePath(found.id) : null;
  };
  const creditNotes = (others ?? []).filter((other) => other.kind === 'credit_note' && other.correctsInvoiceNumber === invoice.number);
  const replacedBy = (others ?? []).find((other) => other.replacesInvoiceNumber === invoice.number)?.number ?? null;
  const creditedCents = creditNotes.reduce((sum, note) => sum + note.grossCents, 0);
  const actionable = invoice.kind === 'invoice' && invoice.status === 'issued';
  // what the last action did: kept here, since a void invoice no longer shows the forms
  const [result, setResult] = useState<{ kind: 'void'; number: string; reissuedId: string | null } | { kind: 'credit'; id: string } | null>(null);
  return (
    <>
      <div className="invoice-status"><InvoiceStatusBadge invoice={invoice} /></div>
      <InvoiceRelations invoice={invoice} linkTo={linkTo} replacedBy={replacedBy} creditNotes={creditNotes.map((note) => note.number)} />
      <section className="card" aria-labelledby="staff-invoice-facts">
        <h2 id="staff-invoice-facts">{t('invoice.facts')}</h2>
        <InvoiceFacts invoice={invoice} showBuyer />
        {self ? <Delivery invoice={self} /> : null}
        {self ? (
          <p>
            <Link to={staffCustomerBillingPath(self.customerId)}>{t('invoice.customerBilling', { name: invoice.buyer.name })}</Link>
            {' · '}
            <Link to={`/staff/customers/${encodeURIComponent(self.customerId)}`}>{t('invoice.customerFile')}</Link>
          </p>
        ) : null}
        <InvoiceDownloads invoice={invoice} pdfUrl={staffInvoicePdfUrl(invoice.id)} xmlUrl={staffInvoiceXmlUrl(invoice.id)} />
      </section>
      <section className="card" aria-labelledby="staff-invoice-lines">
        <h2 id="staff-invoice-lines">{t('invoice.lines')}</h2>
        <InvoiceLines invoice={invoice} />
      </section>
      <div className="invoice-summary">
        <section className="card" aria-labelledby="staff-invoice-vat"><h2 id="staff-invoice-vat">{t('invoice.vat')}</h2><VatSummary invoice={invoice} /></section>
        <section className="card" aria-labelledby="staff-invoice-totals"><h2 id="staff-invoice-totals">{t('invoice.totals')}</h2><InvoiceTotals invoice={invoice} /></section>
      </div>
      <Success>
        {result?.kind === 'void' ? (
          <>
            {t('void.done', { number: result.number })}{' '}
            {result.reissuedId ? <Link to={staffInvoicePath(result.reissuedId)}>{t('void.openReissued')}</Link> : t('void.doneCarried')}
          </>
        ) : result?.kind === 'credit' ? (
          <>
            {t('credit.done')} <Link to={staffInvoicePath(result.id)}>{t('credit.open')}</Link>
          </>
        ) : null}
      </Success>
      {actionable ? (
        <>
          {creditNotes.length === 0 ? (
            <VoidForm invoice={invoice} onVoided={(reissuedId) => setResult({ kind: 'void', number: invoice.number, reissuedId })} />
          ) : (
            <p className="card muted">{t('void.creditedAlready')}</p>
          )}
          <CreditNoteForm invoice={invoice} leftCents={invoice.grossCents - creditedCents} onIssued={(id) => setResult({ kind: 'credit', id })} />
        </>
      ) : (
        <p className="card muted">{invoice.kind === 'credit_note' ? t('invoice.creditNoteNoActions') : t('invoice.voidNoActions')}</p>
      )}
    </>
  );
}

/** BIL-2: the channel and delivery; a paper invoice waiting to be printed is marked printed here. */
function Delivery({ invoice }: { invoice: StaffInvoiceSummary }) {
  const { t } = useTranslation(NAMESPACE);
  const delivery = useDeliveryText();
  const mark = useMarkPrinted(invoice.id);
  const waiting = invoice.deliveryChannel === 'post' && !invoice.deliveredAt && invoice.status === 'issued';
  return (
    <div className="staff-delivery">
      <p>
        <strong>{t('delivery.title')}:</strong> {delivery(invoice)}
      </p>
      {waiting ? (
        <button type="button" className="button button--secondary button--small" onClick={() => mark.mutate(undefined)} disabled={mark.isPending}>
          {mark.isPending ? t('delivery.marking') : t('delivery.markPrinted')}
        </button>
      ) : null}
      <FormError error={mark.error} />
      <Success>{mark.isSuccess ? t('delivery.printed') : null}</Success>
    </div>
  );
}

/** Void: a reason (shown to the customer), whether to reissue at once, then "are you sure?". */
function VoidForm({ invoice, onVoided }: { invoice: InvoiceDetail; onVoided: (reissuedId: string | null) => void }) {
  const { t } = useTranslation(NAMESPACE);
  const [reason, setReason] = useState('');
  const [reissue, setReissue] = useState(true);
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const run = useVoidInvoice(invoice.id);
  const fieldError = useServerFieldError(run.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!reason.trim()) {
      setReasonError(t('void.reasonRequired'));
      return;
    }
    setReasonError(undefined);
    setConfirming(true);
  }

  return (
    <section className="card card--danger" aria-labelledby="staff-void-title">
      <h2 id="staff-void-title">{t('void.title')}</h2>
      <p>{t('void.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextArea label={t('void.reason')} hint={t('void.reasonHint')} value={reason} onChange={setReason} rows={3} maxLength={500} error={reasonError ?? fieldError('reason')} markRequired />
        <CheckboxField label={t('void.reissue')} checked={reissue} onChange={setReissue} />
        <FormError error={run.error} fields={['reason']} messages={{ INVOICE_CREDITED: t('void.errors.INVOICE_CREDITED'), INVOICE_VOID: t('void.errors.INVOICE_VOID'), NOT_AN_INVOICE: t('void.errors.NOT_AN_INVOICE') }} />
        <div className="actions">
          <button type="submit" className="button button--danger" disabled={run.isPending}>{t('void.submit')}</button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('void.confirmTitle', { number: invoice.number })}
        confirmLabel={t('void.confirm')}
        danger
        busy={run.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={() => run.mutate({ reason: reason.trim(), reissue }, { onSettled: () => setConfirming(false), onSuccess: (answer) => onVoided(answer.id) })}
      >
        <p>{reissue ? t('void.confirmReissue') : t('void.confirmCarry')}</p>
        <p className="muted">{t('void.confirmReason', { reason: reason.trim() })}</p>
      </ConfirmDialog>
    </section>
  );
}

interface DraftLine {
  key: number;
  description: string;
  net: string;
  vat: string;
}

type LineErrors = Partial<Record<'description' | 'net' | 'vat', string>>;

/** A credit note: its reason and lines (description, net amount, VAT rate), never more than is left to credit. */
function CreditNoteForm({ invoice, leftCents, onIssued }: { invoice: InvoiceDetail; leftCents: number; onIssued: (id: string) => void }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const defaultVat = invoice.vatBreakdown[0]?.vatRatePercent ?? '21';
  const [nextKey, setNextKey] = useState(2);
  const [reason, setReason] = useState('');
  const [lines, setLines] = useState<DraftLine[]>([{ key: 1, description: '', net: '', vat: defaultVat }]);
  const [errors, setErrors] = useState<{ reason?: string; lines: Record<number, LineErrors> }>({ lines: {} });
  const [confirming, setConfirming] = useState(false);
  const run = useIssueCreditNote(invoice.id);
  const fieldError = useServerFieldError(run.error);

  const parsed = lines.map((line) => ({ description: line.description.trim(), netCents: centsOf(line.net), vatPercent: vatPercentOf(line.vat) }));
  const valid = parsed.every((line) => line.description && line.netCents !== null && line.netCents > 0 && line.vatPercent);
  const totals = valid ? creditNoteTotals(parsed.map((line) => ({ netCents: line.netCents!, vatPercent: line.vatPercent! }))) : null;

  const update = (key: number, change: Partial<DraftLine>) => {
    setLines((all) => all.map((line) => (line.key === key ? { ...line, ...change } : line)));
    run.reset();
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const lineErrors: Record<number, LineErrors> = {};
    lines.forEach((line, i) => {
      const e: LineErrors = {};
      if (!parsed[i].description) e.description = t('credit.errors.description');
      if (parsed[i].netCents === null || parsed[i].netCents! <= 0) e.net = t('credit.errors.net');
      if (!parsed[i].vatPercent) e.vat = t('credit.errors.vat');
      if (Object.keys(e).length > 0) lineErrors[line.key] = e;
    });
    const next = { reason: reason.trim() ? undefined : t('credit.errors.reason'), lines: lineErrors };
    setErrors(next);
    if (next.reason || Object.keys(lineErrors).length > 0) return;
    setConfirming(true);
  }

  const send = () =>
    run.mutate(
      { reason: reason.trim(), lines: parsed.map((line) => ({ description: line.description, netCents: line.netCents!, vatPercent: line.vatPercent! })) },
      {
        onSettled: () => setConfirming(false),
        onSuccess: (answer) => {
          onIssued(answer.id);
          setReason('');
          setLines([{ key: nextKey, description: '', net: '', vat: defaultVat }]);
          setNextKey((key) => key + 1);
        },
      },
    );
  const tooMuch = totals !== null && totals.grossCents > leftCents;

  return (
    <section className="card" aria-labelledby="staff-credit-title">
      <h2 id="staff-credit-title">{t('credit.title')}</h2>
      <p>{t('credit.intro', { left: formatMoney(leftCents, lang) })}</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextArea label={t('credit.reason')} hint={t('credit.reasonHint')} value={reason} onChange={setReason} rows={2} maxLength={500} error={errors.reason ?? fieldError('reason')} markRequired />
        <fieldset className="credit-lines">
          <legend>{t('credit.lines')}</legend>
          {lines.map((line, i) => (
            <div key={line.key} className="credit-line" role="group" aria-label={t('credit.lineLabel', { number: i + 1 })}>
              <TextField label={t('credit.description', { number: i + 1 })} value={line.description} onChange={(value) => update(line.key, { description: value })} maxLength={200} autoComplete="off" error={errors.lines[line.key]?.description} />
              <TextField label={t('credit.net')} value={line.net} onChange={(value) => update(line.key, { net: value })} inputMode="text" autoComplete="off" maxLength={14} error={errors.lines[line.key]?.net} />
              <TextField label={t('credit.vat')} value={line.vat} onChange={(value) => update(line.key, { vat: value })} autoComplete="off" maxLength={6} error={errors.lines[line.key]?.vat} />
              {lines.length > 1 ? (
                <button type="button" className="button button--secondary button--small" onClick={() => setLines((all) => all.filter((other) => other.key !== line.key))}>
                  {t('credit.removeLine', { number: i + 1 })}
                </button>
              ) : null}
            </div>
          ))}
          <button
            type="button"
            className="button button--secondary button--small"
            onClick={() => {
              setLines((all) => [...all, { key: nextKey, description: '', net: '', vat: defaultVat }]);
              setNextKey((key) => key + 1);
            }}
            disabled={lines.length >= 50}
          >
            {t('credit.addLine')}
          </button>
        </fieldset>
        {totals ? (
          <p className={tooMuch ? 'alert alert--error' : 'muted'}>
            {t('credit.totals', { net: formatMoney(totals.netCents, lang), vat: formatMoney(totals.vatCents, lang), gross: formatMoney(totals.grossCents, lang) })}
            {tooMuch ? <> {t('credit.tooMuch', { left: formatMoney(leftCents, lang) })}</> : null}
          </p>
        ) : null}
        {fieldError('lines') ? <ErrorMessage>{fieldError('lines')}</ErrorMessage> : null}
        <FormError error={run.error} fields={['reason', 'lines']} messages={{ NOT_CREDITABLE: t('credit.notCreditable') }} />
        <div className="actions">
          <button type="submit" className="button" disabled={run.isPending}>{t('credit.submit')}</button>
        </div>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t('credit.confirmTitle', { number: invoice.number })}
        confirmLabel={t('credit.confirm')}
        busy={run.isPending}
        onCancel={() => setConfirming(false)}
        onConfirm={send}
      >
        {totals ? <p>{t('credit.confirmText', { gross: formatMoney(totals.grossCents, lang), name: invoice.buyer.name })}</p> : null}
      </ConfirmDialog>
    </section>
  );
}
