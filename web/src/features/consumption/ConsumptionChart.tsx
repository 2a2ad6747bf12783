import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Consumption } from '@up/common/contracts/metering';
import { TimeSeriesChart, type ChartAxis, type ChartSeries } from '../../components/TimeSeriesChart.tsx';
import { useLang } from '../../lib/useLang.ts';
import { belowAxis, buildChartData } from './chartData.ts';
import { formatEurPerMwh, formatInterval, formatKwh, formatNumber, formatPeriod, formatWh, TOTAL } from './format.ts';
import { NAMESPACE } from './i18n.ts';
import { previousPeriod, type Period } from './period.ts';

const COLORS = {
  import: 'var(--brand)',
  export: 'var(--accent)',
  previous: '#5b6470',
  previousExport: '#4f7f78',
  price: 'rgba(162, 74, 0, 0.75)',
};

interface ConsumptionChartProps {
  data: Consumption;
  period: Period;
  previous: Consumption | null;
  showExport: boolean;
}

/**
 * The period's consumption (and feed-in, drawn below the axis) with the previous period beside it, fainter,
 * and for hours and quarter-hours the spot price on a second axis (GRD-3, GRD-4). Missing intervals are gaps.
 */
export function ConsumptionChart({ data, period, previous, showExport }: ConsumptionChartProps) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const { resolution, intervals } = data;
  const fine = resolution === '15min' || resolution === 'hour';
  const chart = useMemo(
    () => buildChartData(period, resolution, intervals, previous?.intervals ?? null, { repeatLast: fine }),
    // the period object is new on every render; its dates are what matters
    [period.from, period.to, period.view, resolution, intervals, previous, fine],
  );
  const hasPrice = fine && chart.spotEurPerMwh.some((price) => price !== null);
  const beforeName = formatPeriod(previousPeriod(period), lang);

  const series = useMemo<ChartSeries[]>(() => {
    const style = fine ? 'steps' : 'bars';
    const energy = (value: number) => formatKwh(Math.abs(value), lang);
    const list: ChartSeries[] = [];
    if (chart.previousImportKwh) {
      list.push({ label: t('chart.previousImport', { period: beforeName }), values: chart.previousImportKwh, scale: 'kwh', color: COLORS.previous, style, dash: fine ? [5, 4] : undefined, width: fine ? 1.5 : 1.25, format: energy });
    }
    if (showExport && chart.previousExportKwh) {
      list.push({ label: t('chart.previousExport', { period: beforeName }), values: belowAxis(chart.previousExportKwh), scale: 'kwh', color: COLORS.previousExport, style, dash: fine ? [5, 4] : undefined, width: fine ? 1.5 : 1.25, format: energy });
    }
    list.push({ label: t('chart.import'), values: chart.importKwh, scale: 'kwh', color: COLORS.import, style, fill: fine ? 0.22 : 0.85, width: fine ? 1.5 : 0, format: energy });
    if (showExport) {
      list.push({ label: t('chart.export'), values: belowAxis(chart.exportKwh), scale: 'kwh', color: COLORS.export, style, fill: fine ? 0.22 : 0.85, width: fine ? 1.5 : 0, format: energy });
    }
    if (hasPrice) {
      // drawn first, thin, so the energy stays on top; listed last
      list.unshift({ label: t('chart.price'), values: chart.spotEurPerMwh, scale: 'price', color: COLORS.price, style: 'steps', width: 1, format: (value) => formatEurPerMwh(value, lang), legendLast: true });
    }
    return list;
  }, [chart, fine, showExport, hasPrice, beforeName, lang, t]);

  const axes = useMemo<ChartAxis[]>(() => {
    const list: ChartAxis[] = [
      { scale: 'kwh', label: t(`chart.kwhPer.${resolution}`), side: 'left', includeZero: true, format: (value) => formatNumber(Math.abs(value), lang, 2) },
    ];
    if (hasPrice) list.push({ scale: 'price', label: '€/MWh', side: 'right', format: (value) => formatNumber(value, lang, 0) });
    return list;
  }, [resolution, hasPrice, lang, t]);

  const formatX = useCallback(
    (index: number) => (index < chart.ends.length ? formatInterval(chart.x[index], chart.ends[index], resolution, lang) : ''),
    [chart, resolution, lang],
  );

  const label = [
    t('chart.label', { period: formatPeriod(period, lang), resolution: t(`resolution.${resolution}`).toLowerCase() }),
    t('chart.labelImport', { value: formatWh(data.totals.importWh, lang, TOTAL) }),
    showExport ? t('chart.labelExport', { value: formatWh(data.totals.exportWh, lang, TOTAL) }) : '',
    data.totals.missingIntervals > 0 ? t('totals.missing', { count: data.totals.missingIntervals }) : '',
    t('chart.labelTable'),
  ].filter(Boolean).join(' ');

  return (
    <div className="consumption__chart">
      <TimeSeriesChart label={label} x={chart.x} range={chart.range} series={series} axes={axes} formatX={formatX} lang={lang} />
      {showExport ? <p className="muted">{t('chart.exportBelow')}</p> : previous ? <p className="muted">{t('chart.previousNote')}</p> : null}
    </div>
  );
}
