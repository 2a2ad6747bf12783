import { useTranslation } from 'react-i18next';
import type { JobRun } from '@up/common/contracts/jobs';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
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
        {runs.data?.length === 0 ? <p className="muted">{t('jobs.empty')}</p> : null}
        {runs.data && runs.data.length > 0 ? <RunsTable runs={runs.data} /> : null}
      </QueryState>
    </section>
  );
}

function RunsTable({ runs }: { runs: JobRun[] }) {
  const { t } = useTranslation('staff');
  const lang = useLang();
  return (
    <TableWrap label={t('jobs.caption', { count: runs.length })}>
      <table>
        <caption>{t('jobs.caption', { count: runs.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('jobs.job')}</th>
            <th scope="col">{t('jobs.period')}</th>
            <th scope="col">{t('jobs.status')}</th>
            <th scope="col">{t('jobs.attempts')}</th>
            <th scope="col">{t('jobs.startedAt')}</th>
            <th scope="col">{t('jobs.finishedAt')}</th>
            <th scope="col">{t('jobs.nextAttemptAt')}</th>
            <th scope="col">{t('jobs.lastError')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={`${run.job} ${run.period}`}>
              <th scope="row"><code>{run.job}</code></th>
              <td className="nowrap">{run.period}</td>
              <td><span className={`badge badge--${run.status}`}>{t(`jobs.statuses.${run.status}`)}</span></td>
              <td>{run.attempts}</td>
              <td>{formatDateTime(run.startedAt, lang)}</td>
              <td>{formatDateTime(run.finishedAt, lang) || '—'}</td>
              <td>{formatDateTime(run.nextAttemptAt, lang) || '—'}</td>
              <td>{run.lastError ? <ErrorText text={run.lastError} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
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
