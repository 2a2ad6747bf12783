import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClaimView, InvoiceDetail } from '@up/common/contracts/billing';
import type { SessionCustomer } from '@up/common/contracts/accounts';
import { ApiError } from '../../api/client.ts';
import { useOperator } from '../../api/session.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { TextArea, TextField } from '../../components/Fields.tsx';
import { FormError, Success } from '../../components/Messages.tsx';
import { SupportInfo } from '../../components/SupportInfo.tsx';
import { formatDate } from '../../lib/format.ts';
import { useServerFieldError } from '../../lib/errors.ts';
import { useLang } from '../../lib/useLang.ts';
import { centsOf } from '../staff/billing/billing.ts';
import { ClaimDecision, ClaimedAmount, ClaimsLink, ClaimStatusBadge, dayOf } from './ClaimParts.tsx';
import { CLAIMS_NAMESPACE } from './ClaimTexts.ts';
import { mayFileClaims, useClaims, useFileClaim } from './claims.api.ts';

/**
 * BIL-7 on an invoice's page: the claims filed against it with their decisions, and a claim form while the 10
 * calendar days after its issue last (the server's clock decides: claimPeriod); after them, the last day and
 * customer service's contacts instead of the form.
 */
export function ClaimSection({ customer, invoice }: { customer: SessionCustomer; invoice: InvoiceDetail }) {
  const { t } = useTranslation(CLAIMS_NAMESPACE);
  const lang = useLang();
  const claims = useClaims(customer.id);
  const [filed, setFiled] = useState(false);
  const period = invoice.claimPeriod;
  const mine = claims.data?.claims.filter((claim) => claim.invoiceId === invoice.id) ?? [];
  if (!period && mine.length === 0) return null;
  const open = mine.some((claim) => claim.status === 'open');
  const lastDay = period ? formatDate(period.lastDay, lang) : '';

  return (
    <section className="card claim-section" aria-labelledby="invoice-claim-title">
      <h2 id="invoice-claim-title">{t('section.title')}</h2>
      {mine.length > 0 ? <ClaimsOfInvoice claims={mine} /> : null}
      <Success>{filed ? t('form.done') : null}</Success>
      {!period ? null : open ? (
        filed ? null : <p>{t('section.open')}</p>
      ) : !period.open ? (
        <ClaimPeriodOver lastDay={lastDay} />
      ) : (
        <>
          <p>{t('section.until', { date: lastDay })}</p>
          {mayFileClaims(customer) ? (
            <ClaimForm customerId={customer.id} invoiceId={invoice.id} onFiled={() => setFiled(true)} />
          ) : (
            <p className="muted">{t('section.noRight')}</p>
          )}
        </>
      )}
      <ClaimsLink />
    </section>
  );
}

function ClaimPeriodOver({ lastDay }: { lastDay: string }) {
  const { t } = useTranslation(CLAIMS_NAMESPACE);
  const operator = useOperator();
  return (
    <>
      <p className="claim-over">{t('section.over', { date: lastDay })}</p>
      {operator.data ? <SupportInfo support={operator.data.support} /> : null}
    </>
  );
}

function ClaimsOfInvoice({ claims }: { claims: ClaimView[] }) {
  const { t } = useTranslation(CLAIMS_NAMESPACE);
  const lang = useLang();
  return (
    <ul className="plain-list claim-list">
      {claims.map((claim) => (
        <li key={claim.id} className="claim-item">
          <p className="claim-item__head">
            <ClaimStatusBadge status={claim.status} /> <span className="muted">{t('claim.filed')} {formatDate(dayOf(claim.filedAt), lang)}</span>
          </p>
          <p className="claim-text">{claim.text}</p>
          {claim.amountCents !== null ? <p>{t('claim.amount')}: <ClaimedAmount claim={claim} /></p> : null}
          {claim.status !== 'open' ? <p className="claim-outcome"><ClaimDecision claim={claim} /></p> : null}
        </li>
      ))}
    </ul>
  );
}

function ClaimForm({ customerId, invoiceId, onFiled }: { customerId: string; invoiceId: string; onFiled: () => void }) {
  const { t } = useTranslation(CLAIMS_NAMESPACE);
  const lang = useLang();
  const [text, setText] = useState('');
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<{ text?: string; amount?: string }>({});
  const run = useFileClaim(customerId, invoiceId);
  const fieldError = useServerFieldError(run.error);
  const lastDay = run.error instanceof ApiError ? String(run.error.details.lastDay ?? '') : '';

  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = amount.trim() ? centsOf(amount) : null;
    const next: typeof errors = {};
    if (!text.trim()) next.text = t('form.errors.text');
    if (amount.trim() && (cents === null || cents <= 0)) next.amount = t('form.errors.amount');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    run.mutate({ text: text.trim(), ...(cents ? { amountCents: cents } : {}) }, { onSuccess: onFiled });
  }

  return (
    <form className="form" onSubmit={submit} noValidate>
      <TextArea label={t('form.text')} hint={t('form.textHint')} value={text} onChange={(value) => { setText(value); run.reset(); }} rows={4} maxLength={2000} error={errors.text ?? fieldError('text')} required />
      <TextField label={t('form.amount')} hint={t('form.amountHint')} value={amount} onChange={(value) => { setAmount(value); run.reset(); }} maxLength={14} inputMode="text" error={errors.amount ?? fieldError('amountCents')} />
      <FormError
        error={run.error}
        fields={['text', 'amountCents']}
        messages={{ CLAIM_PERIOD_OVER: t('form.errors.CLAIM_PERIOD_OVER', { date: formatDate(lastDay, lang) }), CLAIM_OPEN: t('form.errors.CLAIM_OPEN') }}
      />
      <div className="actions"><SubmitButton busy={run.isPending}>{t('form.submit')}</SubmitButton></div>
    </form>
  );
}
