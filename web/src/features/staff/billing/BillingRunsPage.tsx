import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BillingRunView } from '@up/common/contracts/billing';
import { formatMoney } from '@up/common/money';
import { rigaDate } from '@up/common/riga-time';
import { ApiError } from '../../../api/client.ts';
import { SubmitButton } from '../../../components/Buttons.tsx';
import { DataTable } from '../../../components/DataTable.tsx';
import { TextField } from '../../../components/Fields.tsx';
import { FormError, PageHeading, QueryState, Success } from '../../../components/Messages.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useServerFieldError } from '../../../lib/errors.ts';
import { useLang } from '../../../lib/useLang.ts';
import { formatPeriod, recentPeriods } from '../../invoices/format.ts';
import { useStaffRole } from '../shared.ts';
import { useBillingRuns, useStartBillingRun } from './billing.api.ts';
import { isPeriod, lastFinishedPeriod, runProgress } from './billing.ts';
import { NAMESPACE } from './i18n.ts';
import '../../invoices/invoices.css';
import './billing.css';

/**
 * The monthly billing runs (issue 12): each run's progress while it runs (the list is asked again every 2 s),
 * then what it issued; administrators start the run of a month that is over (it runs in the background, once
 * however often it is started).
 */
export default function BillingRunsPage() {
  const { t } = useTranslation(NAMESPACE);
  const { role } = useStaffRole();
  const runs = useBillingRuns();
  const running = runs.data?.filter((run) => run.status === 'running') ?? [];
  return (
    <section className="page staff-billing" aria-labelledby="staff-billing-runs-title">
      <PageHeading id="staff-billing-runs-title">{t('runs.title')}</PageHeading>
      <p>{t('runs.intro')}</p>
      {role === 'administrator' ? <StartRunForm /> : <p className="muted">{t('runs.adminStarts')}</p>}
      {/* announced when a run starts and when it ends */}
      <div role="status" className="status">
        {running.length > 0 ? (
          <p className="alert alert--info">
            {running.map((run) => t('runs.runningNow', { period: run.period, done: run.customersDone, total: run.customersTotal })).join(' ')}
          </p>
        ) : null}
      </div>
      <section className="card" aria-labelledby="staff-billing-runs-list">
        <h2 id="staff-billing-runs-list">{t('runs.listTitle')}</h2>
        <QueryState isPending={runs.isPending} error={runs.error}>
          {runs.data ? <RunsTable runs={runs.data} /> : null}
        </QueryState>
      </section>
    </section>
  );
}

function StartRunForm() {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const today = rigaDate(new Date());
  const [period, setPeriod] = useState(() => lastFinishedPeriod(today));
  const [periodError, setPeriodError] = useState<string | undefined>();
  const start = useStartBillingRun();
  const fieldError = useServerFieldError(start.error);
  const notOver = start.error instanceof ApiError && start.error.code === 'PERIOD_NOT_OVER';

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = period.trim();
    if (!isPeriod(value)) {
      setPeriodError(t('runs.form.periodInvalid'));
      return;
    }
    setPeriodError(undefined);
    start.mutate(value);
  }

  const started = start.data;
  return (
    <section className="card" aria-labelledby="staff-billing-start-title">
      <h2 id="staff-billing-start-title">{t('runs.form.title')}</h2>
      <p>{t('runs.form.intro')}</p>
      <form className="form staff-billing-start" onSubmit={submit} noValidate>
        <TextField
          label={t('runs.form.period')}
          hint={t('runs.form.periodHint', { example: lastFinishedPeriod(today) })}
          value={period}
          onChange={(value) => {
            setPeriod(value);
            start.reset();
          }}
          name="period"
          autoComplete="off"
          maxLength={7}
          suggestions={recentPeriods(lastFinishedPeriod(today), 12).map((value) => ({ value, label: formatPeriod(value, lang) }))}
          error={periodError ?? (notOver ? t('runs.form.notOver', { period: period.trim() }) : fieldError('period'))}
        />
        <FormError error={start.error} fields={['period']} />
        <div className="actions">
          <SubmitButton busy={start.isPending}>{t('runs.form.submit')}</SubmitButton>
        </div>
      </form>
      <Success>
        {started
          ? started.status === 'running'
            ? t('runs.form.started', { period: formatPeriod(started.period, lang) })
            : started.status === 'done'
              ? t('runs.form.alreadyDone', { period: formatPeriod(started.period, lang), count: started.invoicesIssued })
              : t('runs.form.failedBefore', { period: formatPeriod(started.period, lang) })
          : null}
      </Success>
    </section>
  );
}

const STATUS_CLASS: Record<BillingRunView['status'], string> = { running: 'badge badge--running', done: 'badge badge--done', failed: 'badge badge--failed' };

function RunsTable({ runs }: { runs: BillingRunView[] }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  return (
    <DataTable
      caption={t('runs.caption')}
      captionHidden
      rows={runs}
      rowKey={(run) => run.id}
      empty={<p>{t('runs.none')}</p>}
      columns={[
        {
          key: 'period',
          header: t('runs.period'),
          rowHeader: true,
          className: 'run-period',
          cell: (run) => (
            <>
              {formatPeriod(run.period, lang)}
              <br />
              <span className="muted">
                {run.finishedAt ? t('runs.finishedAt', { at: formatDateTime(run.finishedAt, lang) }) : t('runs.startedAt', { at: formatDateTime(run.startedAt, lang) })}
              </span>
            </>
          ),
        },
        {
          key: 'status',
          header: t('runs.status'),
          cell: (run) => (
            <>
              <span className={STATUS_CLASS[run.status]}>{t(`runs.statuses.${run.status}`)}</span>
              <br />
              <span className="muted nowrap">{t('runs.attemptsCount', { count: run.attempts })}</span>
            </>
          ),
        },
        {
          key: 'progress',
          header: t('runs.progress'),
          cell: (run) => (
            <div className="run-progress">
              <progress
                value={Math.round(runProgress(run) * 100)}
                max={100}
                aria-label={t('runs.progressLabel', { period: run.period, done: run.customersDone, total: run.customersTotal })}
              />
              <span className="nowrap">{t('runs.customers', { done: run.customersDone, total: run.customersTotal })}</span>
            </div>
          ),
        },
        {
          key: 'issued',
          header: t('runs.issued'),
          className: 'nowrap',
          cell: (run) => (
            <>
              {t('runs.invoicesCount', { count: run.invoicesIssued })}
              <br />
              <span className="muted">{t('runs.chargesCount', { count: run.chargesRated })}</span>
            </>
          ),
        },
        {
          key: 'amounts',
          header: t('runs.amounts'),
          className: 'num',
          cell: (run) => (
            <>
              {formatMoney(run.grossCents, lang)}
              <br />
              <span className="muted">{t('runs.payableAmount', { amount: formatMoney(run.payableCents, lang) })}</span>
            </>
          ),
        },
        ...(runs.some((run) => run.lastError)
          ? [{
              key: 'lastError',
              header: t('runs.lastError'),
              cell: (run: BillingRunView) => (run.lastError ? <details className="staff-error"><summary>{run.lastError.split('\n', 1)[0].slice(0, 80)}</summary><pre className="staff-code">{run.lastError}</pre></details> : '—'),
            }]
          : []),
      ]}
    />
  );
}
