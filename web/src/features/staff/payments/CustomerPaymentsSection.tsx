import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { PaymentView } from '@up/common/contracts/payments';
import { formatMoney } from '@up/common/money';
import { rigaDate } from '@up/common/riga-time';
import { ApiError } from '../../../api/client.ts';
import { SubmitButton } from '../../../components/Buttons.tsx';
import { ConfirmDialog } from '../../../components/ConfirmDialog.tsx';
import { TextArea, TextField } from '../../../components/Fields.tsx';
import { FormError, QueryState, Success } from '../../../components/Messages.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useServerFieldError } from '../../../lib/errors.ts';
import { useLang } from '../../../lib/useLang.ts';
import { PaymentHistory } from '../../payments/PaymentParts.tsx';
import { isIban, normalizeIban } from '../../payments/payments.ts';
import { centsOf } from '../billing/billing.ts';
import { staffInvoicePath } from '../billing/InvoiceSearchPage.tsx';
import { useRecordPayment, useRefundCredit, useReversePayment, useStaffCustomerPayments } from './staffPayments.api.ts';
import { NAMESPACE } from './i18n.ts';
import '../../payments/payments.css';

/**
 * A customer's payments in the back office (issue 13; BIL-3 … BIL-5): every payment with what it paid, reversing one
 * with a reason, recording money received another way and (administrators) refunding credit held.
 */
export function CustomerPayments({ customerId, customerName }: { customerId: string; customerName: string }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const payments = useStaffCustomerPayments(customerId);
  const [reversing, setReversing] = useState<PaymentView | null>(null);
  const [reason, setReason] = useState('');
  const [done, setDone] = useState('');
  const run = useReversePayment();
  const describe = (payment: PaymentView) => ({ amount: formatMoney(payment.amountCents, lang), date: formatDate(payment.receivedOn, lang) });

  const close = () => {
    setReversing(null);
    setReason('');
    run.reset();
  };
  const confirm = () => {
    if (!reversing || !reason.trim()) return;
    const payment = reversing;
    run.mutate({ paymentId: payment.id, reason: reason.trim() }, {
      onSuccess: () => {
        setDone(t('customer.reversed', describe(payment)));
        close();
      },
    });
  };

  return (
    <section className="card" aria-labelledby="staff-customer-payments-title">
      <h2 id="staff-customer-payments-title">{t('customer.title')}</h2>
      <Success>{done || null}</Success>
      <QueryState isPending={payments.isPending} error={payments.error}>
        {payments.data ? (
          <PaymentHistory
            payments={payments.data.payments}
            caption={t('customer.caption', { name: customerName })}
            invoiceLink={staffInvoicePath}
            showPayer
            actions={(payment) =>
              payment.status === 'applied' ? (
                <button
                  type="button"
                  className="button button--secondary button--small"
                  aria-label={t('customer.reverseLabel', describe(payment))}
                  onClick={() => {
                    setDone('');
                    setReversing(payment);
                  }}
                >
                  {t('customer.reverse')}
                </button>
              ) : null}
          />
        ) : null}
      </QueryState>
      <ConfirmDialog
        open={reversing !== null}
        title={reversing ? t('customer.reverseTitle', describe(reversing)) : ''}
        confirmLabel={t('customer.reverseConfirm')}
        danger
        busy={run.isPending}
        confirmDisabled={!reason.trim()}
        onConfirm={confirm}
        onCancel={close}
      >
        <p>{t('customer.reverseText')}</p>
        <TextArea label={t('customer.reason')} hint={t('customer.reasonHint')} value={reason} onChange={setReason} rows={2} maxLength={500} markRequired />
        <FormError
          error={run.error}
          messages={{ PAYMENT_REVERSED: t('customer.errors.PAYMENT_REVERSED'), PAYMENT_NOT_IN_LEDGER: t('customer.errors.PAYMENT_NOT_IN_LEDGER') }}
        />
      </ConfirmDialog>
    </section>
  );
}

/** Money the customer paid another way (a service centre, a transfer seen in the bank's web): BIL-3 credit before an invoice. */
export function RecordPaymentForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation(NAMESPACE);
  const [amount, setAmount] = useState('');
  const [receivedOn, setReceivedOn] = useState(() => rigaDate(new Date()));
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; receivedOn?: string; reference?: string }>({});
  const run = useRecordPayment(customerId);
  const fieldError = useServerFieldError(run.error);
  const change = (set: (value: string) => void) => (value: string) => {
    set(value);
    run.reset();
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = centsOf(amount);
    const next: typeof errors = {};
    if (cents === null || cents <= 0) next.amount = t('record.errors.amount');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(receivedOn)) next.receivedOn = t('record.errors.receivedOn');
    if (!reference.trim()) next.reference = t('record.errors.reference');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    run.mutate({ amountCents: cents!, receivedOn, reference: reference.trim() }, {
      onSuccess: (answer) => {
        if (answer.recorded) {
          setAmount('');
          setReference('');
        }
      },
    });
  }

  return (
    <section className="card" aria-labelledby="staff-record-payment-title">
      <h2 id="staff-record-payment-title">{t('record.title')}</h2>
      <p>{t('record.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <div className="staff-grid">
          <TextField label={t('record.amount')} value={amount} onChange={change(setAmount)} maxLength={14} autoComplete="off" error={errors.amount ?? fieldError('amountCents')} markRequired />
          <TextField label={t('record.receivedOn')} type="date" value={receivedOn} onChange={change(setReceivedOn)} error={errors.receivedOn ?? fieldError('receivedOn')} markRequired />
          <TextField label={t('record.reference')} hint={t('record.referenceHint')} value={reference} onChange={change(setReference)} maxLength={100} autoComplete="off" error={errors.reference ?? fieldError('reference')} markRequired />
        </div>
        <FormError error={run.error} fields={['amountCents', 'receivedOn', 'reference']} />
        <div className="actions"><SubmitButton busy={run.isPending}>{t('record.submit')}</SubmitButton></div>
      </form>
      <Success>{run.isSuccess ? (run.data.recorded ? t('record.done') : t('record.already')) : null}</Success>
    </section>
  );
}

/** Administrators: credit held paid back to an account; more than the credit is refused (409 NOT_ENOUGH_CREDIT). */
export function RefundForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation(NAMESPACE);
  const [amount, setAmount] = useState('');
  const [toAccount, setToAccount] = useState('');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; toAccount?: string; reference?: string }>({});
  const run = useRefundCredit(customerId);
  const fieldError = useServerFieldError(run.error);
  const notEnough = run.error instanceof ApiError && run.error.code === 'NOT_ENOUGH_CREDIT';
  const change = (set: (value: string) => void) => (value: string) => {
    set(value);
    run.reset();
  };

  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = centsOf(amount);
    const iban = normalizeIban(toAccount);
    const next: typeof errors = {};
    if (cents === null || cents <= 0) next.amount = t('refund.errors.amount');
    if (!isIban(iban)) next.toAccount = t('refund.errors.toAccount');
    if (!reference.trim()) next.reference = t('refund.errors.reference');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    run.mutate({ amountCents: cents!, toAccount: iban, reference: reference.trim() }, {
      onSuccess: (answer) => {
        if (answer.refunded) {
          setAmount('');
          setReference('');
        }
      },
    });
  }

  return (
    <section className="card" aria-labelledby="staff-refund-title">
      <h2 id="staff-refund-title">{t('refund.title')}</h2>
      <p>{t('refund.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <div className="staff-grid">
          <TextField
            label={t('refund.amount')}
            value={amount}
            onChange={change(setAmount)}
            maxLength={14}
            autoComplete="off"
            error={errors.amount ?? (notEnough ? t('refund.errors.NOT_ENOUGH_CREDIT') : fieldError('amountCents'))}
            markRequired
          />
          <TextField label={t('refund.toAccount')} value={toAccount} onChange={change(setToAccount)} maxLength={42} autoComplete="off" error={errors.toAccount ?? fieldError('toAccount')} markRequired />
          <TextField label={t('refund.reference')} hint={t('refund.referenceHint')} value={reference} onChange={change(setReference)} maxLength={100} autoComplete="off" error={errors.reference ?? fieldError('reference')} markRequired />
        </div>
        <FormError error={notEnough ? null : run.error} fields={['amountCents', 'toAccount', 'reference']} />
        <div className="actions"><SubmitButton busy={run.isPending}>{t('refund.submit')}</SubmitButton></div>
      </form>
      <Success>{run.isSuccess ? (run.data.refunded ? t('refund.done') : t('refund.already')) : null}</Success>
    </section>
  );
}
