import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { MeteringImportEntry } from '@up/common/contracts/metering-imports';
import { useSession } from '../../../api/session.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { PageHeading, QueryState } from '../../../components/Messages.tsx';
import { formatDateTime } from '../../../lib/format.ts';
import { useLang } from '../../../lib/useLang.ts';
import { useMeteringImports } from './metering.api.ts';
import { importSummary, IMPORT_COUNT_KEYS } from './metering.ts';
import { useFormatCount } from './ImportParts.tsx';
import { IntervalImportForm } from './IntervalImportForm.tsx';
import { ObjectImportForm } from './ObjectImportForm.tsx';
import { SpotPriceImportForm } from './SpotPriceImportForm.tsx';

/** GRD-1, GRD-3, GRD-4: the back office's metering imports — objects, interval data, spot prices — and the latest ones. */
export default function MeteringImportsPage() {
  const { t } = useTranslation('staff');
  return (
    <section className="page" aria-labelledby="staff-metering-imports-title">
      <PageHeading id="staff-metering-imports-title">{t('metering.imports.title')}</PageHeading>
      <p>{t('metering.imports.intro')}</p>
      <nav aria-label={t('metering.imports.onThisPage')}>
        <ul className="staff-jump">
          <li><a href="#staff-objects-import-title">{t('metering.imports.objects.title')}</a></li>
          <li><a href="#staff-intervals-import-title">{t('metering.imports.intervals.title')}</a></li>
          <li><a href="#staff-spot-import-title">{t('metering.imports.spotPrices.title')}</a></li>
          <li><a href="#staff-latest-imports-title">{t('metering.imports.latest.title')}</a></li>
        </ul>
      </nav>
      <ObjectImportForm />
      <IntervalImportForm />
      <SpotPriceImportForm />
      <LatestImports />
    </section>
  );
}

/** The audit action each kind of import records (one event per import, with its counts). */
const AUDIT_ACTION: Record<MeteringImportEntry['kind'], string> = {
  intervals: 'metering.intervals_imported',
  spot_prices: 'metering.spot_prices_imported',
  objects: 'metering.objects_imported',
};

/** The audit trail of the staff member's imports of this kind: it names who they are. */
function auditLink(userId: string, kind: MeteringImportEntry['kind']): string {
  return `/staff/audit?${new URLSearchParams({ actorUserId: userId, action: AUDIT_ACTION[kind] }).toString()}`;
}

function LatestImports() {
  const { t } = useTranslation('staff');
  const imports = useMeteringImports();
  return (
    <section className="card" aria-labelledby="staff-latest-imports-title">
      <h2 id="staff-latest-imports-title">{t('metering.imports.latest.title')}</h2>
      <QueryState isPending={imports.isPending} error={imports.error}>
        {imports.data ? <ImportsTable imports={imports.data} /> : null}
      </QueryState>
    </section>
  );
}

function ImportsTable({ imports }: { imports: MeteringImportEntry[] }) {
  const { t } = useTranslation('staff');
  const lang = useLang();
  const format = useFormatCount();
  const myId = useSession().data?.user?.id;
  const countLabel = (key: string) => ((IMPORT_COUNT_KEYS as readonly string[]).includes(key) ? t(`metering.imports.count.${key}`) : key);
  return (
    <DataTable
      caption={t('metering.imports.latest.caption', { count: imports.length })}
      captionHidden
      rows={imports}
      rowKey={(entry) => entry.id}
      empty={<p>{t('metering.imports.latest.empty')}</p>}
      columns={[
        { key: 'startedAt', header: t('metering.imports.latest.startedAt'), rowHeader: true, className: 'nowrap', cell: (e) => formatDateTime(e.startedAt, lang) },
        {
          key: 'kind',
          header: t('metering.imports.latest.kind'),
          cell: (e) => (
            <>
              {t(`metering.imports.kinds.${e.kind}`, { defaultValue: e.kind })}
              <br />
              <span className="muted">{t(`metering.imports.formats.${e.format}`, { defaultValue: e.format })}</span>
            </>
          ),
        },
        {
          key: 'source',
          header: t('metering.imports.latest.source'),
          cell: (e) => (
            <>
              {t(`metering.imports.sources.${e.source}`, { defaultValue: e.source })}
              {e.startedBy ? (
                <>
                  <br />
                  <span className="muted">
                    {e.startedBy === myId ? (
                      t('metering.imports.latest.byYou')
                    ) : (
                      <Link to={auditLink(e.startedBy, e.kind)}>{e.startedByName ?? t('metering.imports.latest.byStaff')}</Link>
                    )}
                  </span>
                </>
              ) : null}
            </>
          ),
        },
        {
          key: 'finishedAt',
          header: t('metering.imports.latest.finishedAt'),
          className: 'nowrap',
          cell: (e) => (e.finishedAt ? formatDateTime(e.finishedAt, lang) : <span className="badge badge--running">{t('metering.imports.latest.unfinished')}</span>),
        },
        {
          key: 'counts',
          header: t('metering.imports.latest.counts'),
          cell: (e) => {
            const summary = importSummary(e.counts);
            if (summary.counts.length === 0) return '—';
            return (
              <ul className="plain-list staff-counts">
                {summary.counts.map(({ key, value }) => (
                  <li key={key}>{countLabel(key)}: <strong>{format(value)}</strong></li>
                ))}
              </ul>
            );
          },
        },
        {
          key: 'period',
          header: t('metering.imports.latest.period'),
          className: 'nowrap',
          cell: (e) => {
            const { from, until } = importSummary(e.counts);
            return from && until ? <>{formatDateTime(from, lang)} –<br />{formatDateTime(until, lang)}</> : '—';
          },
        },
      ]}
    />
  );
}
