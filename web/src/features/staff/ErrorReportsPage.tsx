import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ErrorReport } from '@up/common/contracts/operator';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { useErrorReports } from './staff.api.ts';

/** OPS-4: error and inaccuracy reports users sent from any page. */
export default function ErrorReportsPage() {
  const { t } = useTranslation('staff');
  const reports = useErrorReports();
  return (
    <section className="page" aria-labelledby="staff-error-reports-title">
      <PageHeading id="staff-error-reports-title">{t('errorReports.title')}</PageHeading>
      <QueryState isPending={reports.isPending} error={reports.error}>
        {reports.data?.length === 0 ? <p className="muted">{t('errorReports.empty')}</p> : null}
        {reports.data && reports.data.length > 0 ? <ReportsTable reports={reports.data} /> : null}
      </QueryState>
    </section>
  );
}

function ReportsTable({ reports }: { reports: ErrorReport[] }) {
  const { t } = useTranslation('staff');
  const lang = useLang();
  return (
    <TableWrap label={t('errorReports.caption', { count: reports.length })}>
      <table>
        <caption>{t('errorReports.caption', { count: reports.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('errorReports.time')}</th>
            <th scope="col">{t('errorReports.page')}</th>
            <th scope="col">{t('errorReports.message')}</th>
            <th scope="col">{t('errorReports.contact')}</th>
            <th scope="col">{t('errorReports.customer')}</th>
            <th scope="col">{t('errorReports.status')}</th>
          </tr>
        </thead>
        <tbody>
          {reports.map((r) => (
            <tr key={r.id}>
              <th scope="row">{formatDateTime(r.createdAt, lang)}</th>
              <td><code>{r.page}</code></td>
              <td className="staff-prewrap">{r.message}</td>
              <td>{r.contactEmail ? <a href={`mailto:${r.contactEmail}`}>{r.contactEmail}</a> : ''}</td>
              <td>
                {r.customerId ? <Link to={`/staff/customers/${encodeURIComponent(r.customerId)}`}><code>{r.customerId}</code></Link> : ''}
              </td>
              <td>{t(`errorReports.statuses.${r.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
