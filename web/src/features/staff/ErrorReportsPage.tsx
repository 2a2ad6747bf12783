import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ErrorReport } from '@up/common/contracts/operator';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
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
        {reports.data ? <ReportsTable reports={reports.data} /> : null}
      </QueryState>
    </section>
  );
}

function ReportsTable({ reports }: { reports: ErrorReport[] }) {
  const { t } = useTranslation('staff');
  const lang = useLang();
  return (
    <DataTable
      caption={t('errorReports.caption', { count: reports.length })}
      rows={reports}
      rowKey={(r) => r.id}
      empty={<p className="muted">{t('errorReports.empty')}</p>}
      columns={[
        { key: 'time', header: t('errorReports.time'), rowHeader: true, cell: (r) => formatDateTime(r.createdAt, lang) },
        { key: 'page', header: t('errorReports.page'), cell: (r) => <code>{r.page}</code> },
        { key: 'message', header: t('errorReports.message'), className: 'staff-prewrap', cell: (r) => r.message },
        {
          key: 'contact',
          header: t('errorReports.contact'),
          cell: (r) => (r.contactEmail ? <a href={`mailto:${r.contactEmail}`}>{r.contactEmail}</a> : ''),
        },
        {
          key: 'customer',
          header: t('errorReports.customer'),
          cell: (r) =>
            r.customerId ? <Link to={`/staff/customers/${encodeURIComponent(r.customerId)}`}><code>{r.customerId}</code></Link> : '',
        },
        { key: 'status', header: t('errorReports.status'), cell: (r) => t(`errorReports.statuses.${r.status}`) },
      ]}
    />
  );
}
