import { useTranslation } from 'react-i18next';
import type { JobRun } from '@up/common/contracts/jobs';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { useJobRuns } from './staff.api.ts';

/** The table shows this much of an error's first line; the whole text (often a stack trace) opens below it. */
const SHORT_ERROR_LENGTH = 80;

function shortError(text: string): string {
  const firstLine = text.trim().split('\n', 1)[0];
  return firstLine.length > SHORT_ERROR_LENGTH ? `${firstLine.slice(0, SHORT_ERROR_LENGTH - 1)}…` : firstLine;
}

/** The scheduled jobs' runs (GET /api/staff/jobs, administrators): newest first, each with its latest attempt. */
export default function JobsPage() {
  const { t } = useTranslation('staff');
  const runs = useJobRuns();
  return (
    <section className="page" aria-labelledby="staff-jobs-title">
      <PageHeading id="staff-jobs-title">{t('jobs.title')}</PageHeading>
      <p>{t('jobs.intro')}</p>
      <QueryState isPending={runs.isPending} error={runs.error}>
        {runs.data ? <RunsTable runs={runs.data} /> : null}
      </QueryState>
    </section>
  );
}

function RunsTable({ runs }: { runs: JobRun[] }) {
  const { t } = useTranslation('staff');
  const lang = useLang();
  return (
    <DataTable
      caption={t('jobs.caption', { count: runs.length })}
      rows={runs}
      rowKey={(run) => `${run.job} ${run.period}`}
      empty={<p className="muted">{t('jobs.empty')}</p>}
      columns={[
        { key: 'job', header: t('jobs.job'), rowHeader: true, cell: (run) => <code>{run.job}</code> },
        { key: 'period', header: t('jobs.period'), className: 'nowrap', cell: (run) => run.period },
        {
          key: 'status',
          header: t('jobs.status'),
          cell: (run) => <span className={`badge badge--${run.status}`}>{t(`jobs.statuses.${run.status}`)}</span>,
        },
        { key: 'attempts', header: t('jobs.attempts'), cell: (run) => run.attempts },
        { key: 'startedAt', header: t('jobs.startedAt'), cell: (run) => formatDateTime(run.startedAt, lang) },
        { key: 'finishedAt', header: t('jobs.finishedAt'), cell: (run) => formatDateTime(run.finishedAt, lang) || '—' },
        { key: 'nextAttemptAt', header: t('jobs.nextAttemptAt'), cell: (run) => formatDateTime(run.nextAttemptAt, lang) || '—' },
        { key: 'lastError', header: t('jobs.lastError'), cell: (run) => (run.lastError ? <ErrorText text={run.lastError} /> : '—') },
      ]}
    />
  );
}

/** A short error as it is; a longer one as its shortened first line that opens to the whole text. */
function ErrorText({ text }: { text: string }) {
  const short = shortError(text);
  if (short === text) return <span className="staff-prewrap">{text}</span>;
  return (
    <details className="staff-error">
      <summary>{short}</summary>
      <pre className="staff-code">{text}</pre>
    </details>
  );
}
