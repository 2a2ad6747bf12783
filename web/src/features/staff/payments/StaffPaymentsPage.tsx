import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StatementImportResult, UnmatchedPaymentList } from '@up/common/contracts/payments';
import { formatMoney } from '@up/common/money';
import { ApiError } from '../../../api/client.ts';
import { SubmitButton } from '../../../components/Buttons.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { Fact } from '../../../components/Fact.tsx';
import { FileField, TextField } from '../../../components/Fields.tsx';
import { FormError, PageHeading, QueryState, Success } from '../../../components/Messages.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useLang } from '../../../lib/useLang.ts';
import { useNarrow } from '../../invoices/useNarrow.ts';
import { STATEMENT_COUNTS, statementOutcome } from '../../payments/payments.ts';
import { useAssignPayment, useImportStatement, useUnmatchedPayments } from './staffPayments.api.ts';
import { NAMESPACE } from './i18n.ts';
import { WithdrawalRefundsSection } from '../WithdrawalRefundsSection.tsx';
import { WaitingNoticesSection } from './WaitingNoticesSection.tsx';
import '../../payments/payments.css';

type UnmatchedPayment = UnmatchedPaymentList['payments'][number];

/**
 * The back office's payments (issue 13; BIL-4, BIL-5): a bank's camt.053 statement imported (matched by RF
 * reference, invoice or customer number; each bank entry once), the payments nobody could be matched to, each
 * allocated to a customer by its number, and the online payment notices not applied (BIL-15).
 */
export default function StaffPaymentsPage() {
  const { t } = useTranslation(NAMESPACE);
  return (
    <section className="page staff-payments" aria-labelledby="staff-payments-title">
      <PageHeading id="staff-payments-title">{t('title')}</PageHeading>
      <StatementImport />
      <UnmatchedQueue />
      <WaitingNoticesSection />
      <WithdrawalRefundsSection />
    </section>
  );
}

function StatementImport() {
  const { t } = useTranslation(NAMESPACE);
  const [file, setFile] = useState<File | undefined>();
  const [fileError, setFileError] = useState('');
  const run = useImportStatement();
  const reason = run.error instanceof ApiError && typeof run.error.details.reason === 'string' ? run.error.details.reason : '';

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setFileError(t('statement.chooseFile'));
      return;
    }
    setFileError('');
    run.mutate(file);
  }

  return (
    <section className="card" aria-labelledby="staff-statement-title">
      <h2 id="staff-statement-title">{t('statement.title')}</h2>
      <p>{t('statement.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <FileField
          label={t('statement.file')}
          accept=".xml,application/xml,text/xml"
          onChange={(chosen) => {
            setFile(chosen);
            setFileError('');
            run.reset();
          }}
          error={fileError || undefined}
        />
        <FormError error={run.error} messages={{ STATEMENT_MALFORMED: t('statement.errors.STATEMENT_MALFORMED', { reason }) }} />
        <div className="actions">
          <SubmitButton busy={run.isPending}>{t('statement.submit')}</SubmitButton>
        </div>
      </form>
      {run.data ? <StatementReport result={run.data} /> : null}
    </section>
  );
}

const OUTCOME_CLASS = { done: 'alert alert--success', waiting: 'alert alert--info', refused: 'alert alert--error', nothing: 'alert alert--info' } as const;

/** The headline (announced), what was read, the counts ("1 matched", "1 duplicate") and any refused entries. */
function StatementReport({ result }: { result: StatementImportResult }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const outcome = statementOutcome(result);
  return (
    <section className="staff-subform statement-report" aria-labelledby="staff-statement-result-title">
      <h3 id="staff-statement-result-title">{t('statement.resultTitle')}</h3>
      <p role="status" className={OUTCOME_CLASS[outcome]}>{t(`statement.outcome.${outcome}`)}</p>
      <p>{t('statement.read', { entries: result.entries, credits: result.credits, total: formatMoney(result.totalCents, lang) })}</p>
      <ul className="statement-counts" aria-label={t('statement.countsLabel')}>
        {STATEMENT_COUNTS.map((key) => (
          <li key={key} className={result[key] > 0 ? 'statement-count statement-count--some' : 'statement-count'}>
            {t(`statement.count.${key}`, { count: result[key] })}
          </li>
        ))}
      </ul>
      {result.rejected.length > 0 ? (
        <DataTable
          caption={t('statement.rejected')}
          rows={result.rejected}
          rowKey={(rejection, index) => `${rejection.entry} ${index}`}
          columns={[
            { key: 'entry', header: t('statement.entry'), rowHeader: true, className: 'nowrap', cell: (rejection) => rejection.entry },
            { key: 'reason', header: t('statement.reason'), className: 'wrap', cell: (rejection) => rejection.reason },
          ]}
        />
      ) : null}
    </section>
  );
}

/** The payments waiting for a customer; each row's form allocates it, after which the row leaves the list. */
function UnmatchedQueue() {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const narrow = useNarrow();
  const unmatched = useUnmatchedPayments();
  const [done, setDone] = useState('');
  const payerOf = (payment: UnmatchedPayment) => payment.payerName ?? t('unmatched.unknownPayer');
  const assigned = (payment: UnmatchedPayment, customer: string) =>
    setDone(t('unmatched.done', { amount: formatMoney(payment.amountCents, lang), payer: payerOf(payment), customer }));
  const payer = (payment: UnmatchedPayment) => (
    <>
      {payment.payerName ?? '—'}
      {payment.payerAccount ? <span className="muted payment-note invoice-code">{payment.payerAccount}</span> : null}
    </>
  );
  const reference = (payment: UnmatchedPayment) => [payment.paymentReference, payment.remittanceText].filter(Boolean).join(' · ') || '—';
  const form = (payment: UnmatchedPayment) => <AssignForm payment={payment} payer={payerOf(payment)} onAssigned={assigned} onChange={() => setDone('')} />;

  return (
    <section className="card" aria-labelledby="staff-unmatched-title">
      <h2 id="staff-unmatched-title">{t('unmatched.title')}</h2>
      <p>{t('unmatched.intro')}</p>
      <Success>{done || null}</Success>
      <QueryState isPending={unmatched.isPending} error={unmatched.error}>
        {unmatched.data && unmatched.data.payments.length === 0 ? (
          <p>{t('unmatched.none')}</p>
        ) : narrow ? (
          <ul className="card-list" aria-label={t('unmatched.caption')}>
            {unmatched.data?.payments.map((payment) => (
              <li key={payment.id} className="payment-card">
                <div className="payment-card__head">
                  <h3>
                    <span className="nowrap">{formatDate(payment.receivedOn, lang)}</span>{' '}
                    <span className="nowrap payment-card__amount">{formatMoney(payment.amountCents, lang)}</span>
                  </h3>
                </div>
                <dl className="payment-card__facts">
                  <Fact term={t('unmatched.payer')}>{payer(payment)}</Fact>
                  <Fact term={t('unmatched.reference')}>{reference(payment)}</Fact>
                </dl>
                {form(payment)}
              </li>
            ))}
          </ul>
        ) : (
          <DataTable
            caption={t('unmatched.caption')}
            captionHidden
            rows={unmatched.data?.payments ?? []}
            rowKey={(payment) => payment.id}
            columns={[
              { key: 'date', header: t('unmatched.date'), rowHeader: true, className: 'nowrap', cell: (payment) => formatDate(payment.receivedOn, lang) },
              { key: 'amount', header: t('unmatched.amount'), className: 'num', cell: (payment) => formatMoney(payment.amountCents, lang) },
              { key: 'payer', header: t('unmatched.payer'), cell: payer },
              { key: 'reference', header: t('unmatched.reference'), className: 'wrap', cell: reference },
              { key: 'allocate', header: t('unmatched.allocate'), className: 'payment-assign__cell', cell: form },
            ]}
          />
        )}
      </QueryState>
    </section>
  );
}

/** One waiting payment's customer number and "Allocate"; a number no customer has is said beside the field. */
function AssignForm({ payment, payer, onAssigned, onChange }: {
  payment: UnmatchedPayment;
  payer: string;
  onAssigned: (payment: UnmatchedPayment, customerNumber: string) => void;
  onChange: () => void;
}) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const [customerNumber, setCustomerNumber] = useState('');
  const [error, setError] = useState('');
  const run = useAssignPayment(payment.id);
  const unknown = run.error instanceof ApiError && run.error.details.field === 'customerNumber';

  function submit(event: FormEvent) {
    event.preventDefault();
    const number = customerNumber.trim();
    if (!number) {
      setError(t('unmatched.errors.customerNumber'));
      return;
    }
    setError('');
    // mutateAsync, not mutate's onSuccess: the refreshed queue drops this row (and this form) before mutate's own
    // callbacks would run, and React Query skips those of an unmounted form; the failure shows through run.error
    run.mutateAsync({ customerNumber: number }).then(() => onAssigned(payment, number), () => undefined);
  }

  return (
    <form className="assign-form" onSubmit={submit} noValidate>
      <TextField
        label={
          <>
            {t('unmatched.customerNumber')}
            <span className="visually-hidden"> {t('unmatched.forPayment', { amount: formatMoney(payment.amountCents, lang), payer })}</span>
          </>
        }
        value={customerNumber}
        onChange={(value) => {
          setCustomerNumber(value);
          run.reset();
          onChange();
        }}
        maxLength={40}
        autoComplete="off"
        error={error || (unknown ? t('unmatched.errors.noCustomer') : undefined)}
      />
      <SubmitButton busy={run.isPending} className="button button--small">{t('unmatched.submit')}</SubmitButton>
      <FormError error={run.error} fields={['customerNumber']} messages={{ PAYMENT_NOT_WAITING: t('unmatched.errors.PAYMENT_NOT_WAITING') }} />
    </form>
  );
}
