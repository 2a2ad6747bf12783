import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ClaimView } from '@up/common/contracts/billing';
import { DataTable } from '../../components/DataTable.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { Fact } from '../../components/Fact.tsx';
import { SelectField, TextArea, TextField } from '../../components/Fields.tsx';
import { FormError, PageHeading, QueryState, Success } from '../../components/Messages.tsx';
import { formatDate } from '../../lib/format.ts';
import { useServerFieldError } from '../../lib/errors.ts';
import { useLang } from '../../lib/useLang.ts';
import { ClaimDecision, ClaimedAmount, ClaimStatusBadge, dayOf } from '../invoices/ClaimParts.tsx';
import { useNarrow } from '../invoices/useNarrow.ts';
import { centsOf, vatPercentOf } from './billing/billing.ts';
import { staffInvoicePath } from './billing/InvoiceSearchPage.tsx';
import { CLAIMS_NAMESPACE, useDecideClaim, useStaffClaims, type ClaimFilter } from './ClaimsApi.ts';

type Deciding = { claim: ClaimView; accept: boolean };

/** The VAT rate a correction usually carries (Latvia's standard rate); staff change it where the claimed lines had another. */
const DEFAULT_VAT = '21';

const customerBillingPath = (customerId: string) => `/staff/billing/customers/${encodeURIComponent(customerId)}`;

/**
 * BIL-7 in the back office: the claims queue, open claims first (the oldest first), each accepted with its
 * correction (carried into the customer's next invoice) or rejected with the reason the customer reads.
 */
export default function ClaimsPage() {
  const { t } = useTranslation(CLAIMS_NAMESPACE);
  const [filter, setFilter] = useState<ClaimFilter>('open');
  const claims = useStaffClaims(filter);
  const [deciding, setDeciding] = useState<Deciding | null>(null);
  const [done, setDone] = useState('');

  return (
    <section className="page staff-claims" aria-labelledby="staff-claims-title">
      <PageHeading id="staff-claims-title">{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <div className="staff-grid">
        <SelectField
          label={t('show')}
          value={filter}
          onChange={(value) => setFilter(value === 'all' ? 'all' : 'open')}
          options={[{ value: 'open', label: t('filter.open') }, { value: 'all', label: t('filter.all') }]}
        />
      </div>
      <Success>{done || null}</Success>
      <QueryState isPending={claims.isPending} error={claims.error}>
        {claims.data ? (
          <ClaimQueue
            claims={claims.data.claims}
            empty={filter === 'open' ? t('none') : t('noneAll')}
            onDecide={(claim, accept) => {
              setDone('');
              setDeciding({ claim, accept });
            }}
          />
        ) : null}
      </QueryState>
      <DecisionDialog deciding={deciding} onClose={() => setDeciding(null)} onDone={setDone} />
    </section>
  );
}

function ClaimQueue({ claims, empty, onDecide }: { claims: ClaimView[]; empty: string; onDecide: (claim: ClaimView, accept: boolean) => void }) {
  const { t } = useTranslation(CLAIMS_NAMESPACE);
  const lang = useLang();
  const narrow = useNarrow();
  const customer = (claim: ClaimView) => (
    <>
      <Link to={customerBillingPath(claim.customerId)}>{claim.customerName}</Link>
      <span className="muted claim-reason">{claim.customerNumber}</span>
    </>
  );
  const invoice = (claim: ClaimView) => (
    <>
      <Link to={staffInvoicePath(claim.invoiceId)} className="claim-invoice-number">{claim.invoiceNumber}</Link>
      <span className="muted claim-reason">{t('issued', { date: formatDate(claim.invoiceIssueDate, lang) })}</span>
    </>
  );
  const actions = (claim: ClaimView) =>
    claim.status === 'open' ? (
      <div className="actions">
        <button type="button" className="button button--small" aria-label={t('acceptLabel', { customer: claim.customerName, invoice: claim.invoiceNumber })} onClick={() => onDecide(claim, true)}>
          {t('accept')}
        </button>
        <button type="button" className="button button--secondary button--small" aria-label={t('rejectLabel', { customer: claim.customerName, invoice: claim.invoiceNumber })} onClick={() => onDecide(claim, false)}>
          {t('reject')}
        </button>
      </div>
    ) : (
      <ClaimDecision claim={claim} />
    );
  if (claims.length === 0) return <p className="card">{empty}</p>;
  if (narrow) {
    return (
      <ul className="card-list" aria-label={t('caption')}>
        {claims.map((claim) => (
          <li key={claim.id} className="card claim-card">
            <div className="claim-item__head">
              <h2 className="claim-card__title">{invoice(claim)}</h2>
              <ClaimStatusBadge status={claim.status} />
            </div>
            <dl className="facts">
              <Fact term={t('customer')}>{customer(claim)}</Fact>
              <Fact term={t('filed')}>{formatDate(dayOf(claim.filedAt), lang)}</Fact>
              <Fact term={t('text')}><span className="claim-text">{claim.text}</span></Fact>
              <Fact term={t('amount')}><ClaimedAmount claim={claim} /></Fact>
            </dl>
            {actions(claim)}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <DataTable
      caption={t('caption')}
      captionHidden
      rows={claims}
      rowKey={(claim) => claim.id}
      columns={[
        { key: 'filed', header: t('filed'), rowHeader: true, className: 'nowrap', cell: (claim) => formatDate(dayOf(claim.filedAt), lang) },
        { key: 'customer', header: t('customer'), cell: customer },
        { key: 'invoice', header: t('invoice'), cell: invoice },
        { key: 'text', header: t('text'), cell: (claim) => <span className="claim-text">{claim.text}</span> },
        { key: 'amount', header: t('amount'), className: 'num', cell: (claim) => <ClaimedAmount claim={claim} /> },
        // the status above the decision (or the buttons) in one column: the queue fits the back office's width at 1280 px
        { key: 'decision', header: t('decision'), cell: (claim) => <div className="claim-decision-cell"><ClaimStatusBadge status={claim.status} />{actions(claim)}</div> },
      ]}
    />
  );
}

/** Accept (with the correction's net euros and VAT rate) or reject, always with the reason the customer reads. */
function DecisionDialog({ deciding, onClose, onDone }: { deciding: Deciding | null; onClose: () => void; onDone: (text: string) => void }) {
  const { t } = useTranslation(CLAIMS_NAMESPACE);
  const [correction, setCorrection] = useState('');
  const [vat, setVat] = useState(DEFAULT_VAT);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ correction?: string; vat?: string; reason?: string }>({});
  const run = useDecideClaim();
  const fieldError = useServerFieldError(run.error);
  const accept = deciding?.accept ?? false;
  const invoice = deciding?.claim.invoiceNumber ?? '';

  const close = () => {
    setCorrection('');
    setVat(DEFAULT_VAT);
    setReason('');
    setErrors({});
    run.reset();
    onClose();
  };
  const confirm = () => {
    if (!deciding) return;
    const cents = centsOf(correction);
    const rate = vatPercentOf(vat);
    const next: typeof errors = {};
    if (accept && (cents === null || cents === 0)) next.correction = t('errors.correction');
    if (accept && !rate) next.vat = t('errors.vat');
    if (!reason.trim()) next.reason = t('errors.reason');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const body = accept ? { accept: true, reason: reason.trim(), correctionNetCents: cents!, vatPercent: rate! } : { accept: false, reason: reason.trim() };
    run.mutate({ claimId: deciding.claim.id, ...body }, {
      onSuccess: () => {
        onDone(t(accept ? 'accepted' : 'rejected', { invoice }));
        close();
      },
    });
  };

  return (
    <ConfirmDialog
      open={deciding !== null}
      title={deciding ? t(accept ? 'acceptTitle' : 'rejectTitle', { invoice }) : ''}
      confirmLabel={t(accept ? 'acceptConfirm' : 'rejectConfirm')}
      danger={!accept}
      busy={run.isPending}
      onConfirm={confirm}
      onCancel={close}
    >
      <p>{t(accept ? 'acceptText' : 'rejectText')}</p>
      {deciding ? <p className="muted claim-text">{deciding.claim.text}</p> : null}
      {accept ? (
        <div className="staff-grid">
          <TextField label={t('correction')} hint={t('correctionHint')} value={correction} onChange={setCorrection} maxLength={14} autoComplete="off" error={errors.correction ?? fieldError('correctionNetCents')} markRequired />
          <TextField label={t('vat')} value={vat} onChange={setVat} maxLength={6} autoComplete="off" error={errors.vat ?? fieldError('vatPercent')} />
        </div>
      ) : null}
      <TextArea label={t('reason')} value={reason} onChange={setReason} rows={3} maxLength={1000} error={errors.reason ?? fieldError('reason')} markRequired />
      <FormError error={run.error} fields={['correctionNetCents', 'vatPercent', 'reason']} messages={{ CLAIM_DECIDED: t('errors.CLAIM_DECIDED') }} />
    </ConfirmDialog>
  );
}
