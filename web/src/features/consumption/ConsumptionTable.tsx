import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consumption } from '@up/common/contracts/metering';
import { formatMoney } from '@up/common/money';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { useLang } from '../../lib/useLang.ts';
import { isGap, qualityAt } from './chartData.ts';
import { formatEurPerMwh, formatInterval, formatNumber, formatPeriod, formatWh, MISSING } from './format.ts';
import { NAMESPACE } from './i18n.ts';
import type { Period } from './period.ts';
import { pageBounds, pageCount } from './tablePages.ts';

interface ConsumptionTableProps {
  data: Consumption;
  period: Period;
  showExport: boolean;
}

/**
 * The chart's data as a table, the screen-reader view (GRD-3): one row per interval in Riga time, energy in
 * kWh, missing shown as '—' (never 0) with its quality, the spot price and the estimated cost where known.
 */
export function ConsumptionTable({ data, period, showExport }: ConsumptionTableProps) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const [page, setPage] = useState(0);
  const { intervals, resolution } = data;
  const count = intervals.start.length;
  const pages = pageCount(count);
  const [first, last] = pageBounds(count, page);
  const rows = useMemo(() => Array.from({ length: last - first }, (_, i) => first + i), [first, last]);
  const fine = resolution === '15min' || resolution === 'hour';
  const hasPrice = fine && intervals.spotEurPerMwh.some((price) => price !== null);
  const hasCost = intervals.spotValueCents.some((cents) => cents !== null);

  const columns: Column<number>[] = [
    { key: 'time', header: t('table.time'), rowHeader: true, className: 'nowrap', cell: (i) => formatInterval(intervals.start[i], intervals.end[i], resolution, lang, { timeOnly: period.view === 'day' }) },
    { key: 'import', header: t('table.import'), className: 'num', cell: (i) => (isGap(intervals, i) ? MISSING : formatWh(intervals.importWh[i], lang, { unit: false, fixed: true })) },
  ];
  if (showExport) {
    columns.push({ key: 'export', header: t('table.export'), className: 'num', cell: (i) => (isGap(intervals, i) ? MISSING : formatWh(intervals.exportWh[i], lang, { unit: false, fixed: true })) });
  }
  columns.push({
    key: 'quality',
    header: t('table.quality'),
    cell: (i) => {
      const quality = qualityAt(intervals, i);
      const missing = intervals.missing[i] ?? 0;
      return quality === 'partlyMissing' && missing > 0 ? t('quality.partlyMissingCount', { count: missing }) : t(`quality.${quality}`);
    },
  });
  if (hasPrice) {
    columns.push({ key: 'price', header: t('table.price'), className: 'num', cell: (i) => formatEurPerMwh(intervals.spotEurPerMwh[i], lang, false) });
  }
  if (hasCost) {
    columns.push({
      key: 'cost',
      header: t('table.cost'),
      className: 'num',
      cell: (i) => {
        const cents = intervals.spotValueCents[i];
        return cents === null || cents === undefined ? MISSING : formatMoney(Math.round(cents), lang);
      },
    });
  }

  const caption = t('table.caption', { period: formatPeriod(period, lang), resolution: t(`resolution.${resolution}`).toLowerCase() });
  return (
    <div className="consumption__table">
      <DataTable caption={caption} rows={rows} rowKey={(i) => intervals.start[i]} rowClassName={(i) => (isGap(intervals, i) ? 'row--gap' : undefined)} columns={columns} />
      {pages > 1 && (
        <nav className="pager" aria-label={t('table.pages')}>
          <button type="button" className="button button--secondary button--small" onClick={() => setPage(Math.max(0, page - 1))} disabled={first === 0}>
            {t('table.previousPage')}
          </button>
          <span role="status">
            {t('table.rows', { first: formatNumber(first + 1, lang), last: formatNumber(last, lang), total: formatNumber(count, lang) })}
          </span>
          <button type="button" className="button button--secondary button--small" onClick={() => setPage(Math.min(pages - 1, page + 1))} disabled={last >= count}>
            {t('table.nextPage')}
          </button>
        </nav>
      )}
      {hasCost && <p className="muted">{t('totals.spotValueNote')}</p>}
    </div>
  );
}
