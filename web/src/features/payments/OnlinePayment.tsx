import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { formatMoney } from '@up/common/money';
import { ApiError } from '../../api/client.ts';
import { ErrorMessage } from '../../components/Messages.tsx';
import { useErrorMessage } from '../../lib/errors.ts';
import { useLang } from '../../lib/useLang.ts';
import { useOnlinePayment, useStartOnlinePayment } from './payments.api.ts';
import { ONLINE_POLL_LIMIT_MS, onlinePaymentPhase, type OnlinePhase } from './payments.ts';
import { NAMESPACE } from './i18n.ts';
import './payments.css';

/**
 * BIL-15, "Pay" in the portal: the buttons that start an online payment (of everything open, or of one invoice)
 * and send the window to the payment provider's page, and the message on /payments?online=<id> when the provider
 * has sent the customer back. Only users with the see_invoices right see either (the routes ask for it).
 */

/** The search parameter the provider's return address carries: /payments?online=<intentId>. */
export const ONLINE_PARAM = 'online';

/**
 * One online payment being started for a page: `pay(invoiceIds)` (none: everything open); while it runs and
 * while the window leaves for the provider every pay button is disabled and the one pressed says so. `key` tells
 * the buttons apart ('all' or an invoice id).
 */
export function usePayOnline(customerId: string | undefined) {
  const start = useStartOnlinePayment(customerId);
  const [pressed, setPressed] = useState<string | null>(null);
  const leaving = start.isPending || start.isSuccess;
  return {
    pay(key: string, invoiceIds?: string[]) {
      setPressed(key);
      start.mutate(invoiceIds);
    },
    busy: (key: string) => leaving && pressed === key,
    disabled: leaving,
    error: start.error,
  };
}

export type PayOnline = ReturnType<typeof usePayOnline>;

/** A pay button: its text, and while the window leaves for the provider "Taking you to the payment page…". */
export function PayButton({ online, payKey, invoiceIds, label, className = 'button', children }: {
  online: PayOnline;
  payKey: string;
  invoiceIds?: string[];
  /** the accessible name where the visible text alone does not say what is paid (a row's "Pay") */
  label?: string;
  className?: string;
  children: string;
}) {
  const { t } = useTranslation(NAMESPACE);
  const busy = online.busy(payKey);
  return (
    <button
      type="button"
      className={className}
      disabled={online.disabled}
      aria-busy={busy || undefined}
      aria-label={busy ? undefined : label}
      onClick={() => online.pay(payKey, invoiceIds)}
    >
      {busy ? t('online.working') : children}
    </button>
  );
}

/** Why a payment could not be started, in the customer's words (announced at once). */
export function PayOnlineError({ error }: { error: unknown }) {
  const { t } = useTranslation(NAMESPACE);
  const message = useErrorMessage();
  if (!error) return null;
  const text = !(error instanceof ApiError)
    ? message(error)
    : error.code === 'NOTHING_TO_PAY' || error.code === 'NO_PAYMENT_PROVIDER'
      ? t(`online.errors.${error.code}`)
      : error.status === 400
        ? t('online.errors.invoiceGone')
        : message(error);
  return <ErrorMessage>{text}</ErrorMessage>;
}

const PHASE_CLASS: Record<OnlinePhase, string> = {
  checking: 'alert alert--info',
  waiting: 'alert alert--info',
  late: 'alert alert--info',
  paid: 'alert alert--success',
  cancelled: 'alert alert--info',
  failed: 'alert alert--error',
  unknown: 'alert alert--error',
};

/**
 * The message after the provider sent the customer back to /payments?online=<id>: "waiting for the bank's
 * confirmation…" while it is started (asked every second, for up to 30 s; then "not confirmed yet" with a button
 * to ask again), then paid (the balance and history are asked again), cancelled or failed. A live region that
 * stays in the page, so that each change is read out; "Close" takes the parameter off the address.
 */
export function OnlinePaymentReturn({ customerId }: { customerId: string }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const [params, setParams] = useSearchParams();
  const intentId = params.get(ONLINE_PARAM);
  const [since, setSince] = useState(() => Date.now());
  const [timedOut, setTimedOut] = useState(false);
  const intent = useOnlinePayment(customerId, intentId, since);

  useEffect(() => {
    if (!intentId) return;
    const timer = window.setTimeout(() => setTimedOut(true), Math.max(0, since + ONLINE_POLL_LIMIT_MS - Date.now()));
    return () => window.clearTimeout(timer);
  }, [intentId, since]);

  const phase = intentId ? onlinePaymentPhase(intent.data?.status, Boolean(intent.error), timedOut) : null;
  const amount = intent.data ? formatMoney(intent.data.amountCents, lang) : '';
  const close = () => setParams((current) => {
    const next = new URLSearchParams(current);
    next.delete(ONLINE_PARAM);
    return next;
  }, { replace: true });
  const checkAgain = () => {
    setTimedOut(false);
    setSince(Date.now());
    void intent.refetch();
  };

  return (
    <div role="status" aria-live="polite" className="status online-payment-status">
      {phase ? (
        <div className={`${PHASE_CLASS[phase]} online-payment online-payment--${phase}`}>
          <p className="online-payment__text">
            {phase === 'waiting' || phase === 'checking' ? <span className="online-payment__spinner" aria-hidden="true" /> : null}
            {t(`online.${phase}`, { amount })}
          </p>
          {phase === 'waiting' || phase === 'checking' ? null : (
            <p className="online-payment__actions">
              {phase === 'late' ? (
                <button type="button" className="button button--small" onClick={checkAgain}>{t('online.checkAgain')}</button>
              ) : null}
              <button type="button" className="button button--small button--secondary" onClick={close}>{t('online.dismiss')}</button>
            </p>
          )}
        </div>
      ) : null}
    </div>
  );
}

/** An open invoice's "Pay €X" on its page (BIL-15), with why it could not start beneath it. */
export function PayInvoiceOnline({ customerId, invoice }: { customerId: string; invoice: { id: string; number: string; openCents: number } }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const online = usePayOnline(customerId);
  const amount = formatMoney(invoice.openCents, lang);
  return (
    <div className="invoice-payments__pay">
      {/* on the invoice's own page the visible text says it all (and the accessible name must contain it) */}
      <PayButton online={online} payKey={invoice.id} invoiceIds={[invoice.id]}>
        {t('online.payNow', { amount })}
      </PayButton>
      <span className="muted invoice-payments__pay-hint">{t('online.payNowHint')}</span>
      <PayOnlineError error={online.error} />
    </div>
  );
}
