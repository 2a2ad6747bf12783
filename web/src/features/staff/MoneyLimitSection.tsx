import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SpendingAllowance } from '@up/common/contracts/billing';
import { formatMoney } from '@up/common/money';
import { rigaDate } from '@up/common/riga-time';
import { Fact } from '../../components/Fact.tsx';
import { TextField } from '../../components/Fields.tsx';
import { FormError, QueryState, Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { useLang } from '../../lib/useLang.ts';
import { formatPeriod } from '../invoices/format.ts';
import { centsOf, isPeriod } from './billing/billing.ts';
import { CLAIMS_NAMESPACE, useMoneyLimit, useSetMoneyLimit } from './ClaimsApi.ts';

/**
 * BIL-6 on the customer's billing page: this period's money limit with what counts against it and what the
 * customer may still spend, and a form to set or remove the limit of a billing period (audited on the server).
 */
export function MoneyLimitSection({ customerId }: { customerId: string }) {
  const { t } = useTranslation(CLAIMS_NAMESPACE);
  const lang = useLang();
  const allowance = useMoneyLimit(customerId);
  const [period, setPeriod] = useState(() => rigaDate(new Date()).slice(0, 7));
  const [amount, setAmount] = useState('');
  const [errors, setErrors] = useState<{ period?: string; amount?: string }>({});
  const [done, setDone] = useState('');
  const run = useSetMoneyLimit(customerId);
  const fieldError = useServerFieldError(run.error);
  const change = (set: (value: string) => void) => (value: string) => {
    set(value);
    setDone('');
    run.reset();
  };

  function save(limitCents: number | null) {
    const next: typeof errors = {};
    if (!isPeriod(period)) next.period = t('limit.errors.period');
    if (limitCents !== null && limitCents < 0) next.amount = t('limit.errors.amount');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    run.mutate({ period, limitCents }, {
      onSuccess: () => {
        setDone(limitCents === null ? t('limit.cleared', { period: formatPeriod(period, lang) }) : t('limit.done', { period: formatPeriod(period, lang), amount: formatMoney(limitCents, lang) }));
        setAmount('');
      },
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const cents = centsOf(amount);
    if (cents === null || cents < 0) {
      setErrors({ amount: t('limit.errors.amount') });
      return;
    }
    save(cents);
  }

  return (
    <section className="card" aria-labelledby="staff-money-limit-title">
      <h2 id="staff-money-limit-title">{t('limit.title')}</h2>
      <p>{t('limit.intro')}</p>
      <QueryState isPending={allowance.isPending} error={allowance.error}>
        {allowance.data ? <CurrentLimit allowance={allowance.data} /> : null}
      </QueryState>
      <form className="form" onSubmit={submit} noValidate>
        <div className="staff-grid">
          <TextField label={t('limit.period')} value={period} onChange={change(setPeriod)} maxLength={7} autoComplete="off" error={errors.period ?? fieldError('period')} markRequired />
          <TextField label={t('limit.amount')} value={amount} onChange={change(setAmount)} maxLength={14} autoComplete="off" error={errors.amount ?? fieldError('limitCents')} />
        </div>
        <FormError error={run.error} fields={['period', 'limitCents']} />
        <div className="actions">
          <button type="submit" className="button" disabled={run.isPending}>{t('limit.set')}</button>
          <button type="button" className="button button--secondary" disabled={run.isPending} onClick={() => save(null)}>{t('limit.clear')}</button>
        </div>
      </form>
      <Success>{done || null}</Success>
    </section>
  );
}

function CurrentLimit({ allowance }: { allowance: SpendingAllowance }) {
  const { t } = useTranslation(CLAIMS_NAMESPACE);
  const lang = useLang();
  return (
    <>
      <h3>{t('limit.current', { period: formatPeriod(allowance.period, lang) })}</h3>
      {allowance.limitCents === null ? (
        <p className="muted">{t('limit.none')}</p>
      ) : (
        <dl className="facts">
          <Fact term={t('limit.limit')}>{formatMoney(allowance.limitCents, lang)}</Fact>
          <Fact term={t('limit.used')}>{formatMoney(allowance.usedCents, lang)}</Fact>
          <Fact term={t('limit.available')}>{formatMoney(allowance.availableCents ?? 0, lang)}</Fact>
          <Fact term={t('limit.allowed')}>{allowance.allowed ? t('limit.yes') : t('limit.no')}</Fact>
        </dl>
      )}
    </>
  );
}
