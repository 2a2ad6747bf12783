import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Consumption, MeteringObject } from '@up/common/contracts/metering';
import { formatMoney } from '@up/common/money';
import { rigaDayStartMs } from '@up/common/riga-days';
import { isIsoDate, rigaDate } from '@up/common/riga-time';
import { ErrorMessage, Loading } from '../../components/Messages.tsx';
import { useErrorMessage } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { hasExport } from './chartData.ts';
import { consumptionDownloadUrl, useConsumption, type ConsumptionRequest } from './consumption.api.ts';
import { ConsumptionChart } from './ConsumptionChart.tsx';
import { ConsumptionTable } from './ConsumptionTable.tsx';
import { formatWh, TOTAL } from './format.ts';
import { NAMESPACE } from './i18n.ts';
import { isPeriodView, lastDataDay, periodOf, previousPeriod, resolutionFor, viewOfRange, type Period, type PeriodView } from './period.ts';
import { PeriodPicker } from './PeriodPicker.tsx';

/** The period, resolution and chart/table choice, kept in the address (?view=month&date=…&resolution=day&show=table). */
function usePeriodState(object: MeteringObject) {
  const [params, setParams] = useSearchParams();
  const today = rigaDate(new Date());
  const viewParam = params.get('view');
  const view: PeriodView = isPeriodView(viewParam) ? viewParam : 'month';
  const dateParam = params.get('date');
  const date = dateParam && isIsoDate(dateParam) ? dateParam : lastDataDay(object, today);
  const resolution = resolutionFor(view, params.get('resolution'));
  const showTable = params.get('show') === 'table';
  const update = (patch: Record<string, string | null>) =>
    setParams(
      (previous) => {
        const next = new URLSearchParams(previous);
        for (const [key, value] of Object.entries(patch)) {
          if (value === null) next.delete(key);
          else next.set(key, value);
        }
        return next;
      },
      { replace: true, preventScrollReset: true },
    );
  return { today, view, date, resolution, showTable, update };
}

export function ConsumptionSection({ customerId, object }: { customerId: string; object: MeteringObject }) {
  const { t } = useTranslation(NAMESPACE);
  const message = useErrorMessage();
  const { today, view, date, resolution, showTable, update } = usePeriodState(object);
  const period = periodOf(view, date);
  const before = previousPeriod(period);
  const request: ConsumptionRequest = { from: period.from, to: period.to, resolution };
  const current = useConsumption(customerId, object.id, request);
  const previous = useConsumption(customerId, object.id, { from: before.from, to: before.to, resolution });
  const showExport = Boolean(object.microGenerator) || (current.data ? hasExport(current.data.intervals) : false);

  // While another period loads, the last answer stays (dimmed); the chart is built from what the answer covers.
  const shown = current.data;
  const shownPeriod: Period | null = shown ? { view: viewOfRange(shown.from, shown.to), from: shown.from, to: shown.to } : null;
  const previousShown = matchingPrevious(previous.data, shown, shownPeriod);

  return (
    <section className="card consumption" aria-labelledby="consumption">
      <h2 id="consumption">{t('consumption.title')}</h2>
      <PeriodPicker
        period={period}
        date={date}
        resolution={resolution}
        today={today}
        onChange={(next) => update({ view: next.view, date: next.date, resolution: next.resolution })}
      />
      {current.error ? (
        <ErrorMessage>{message(current.error)}</ErrorMessage>
      ) : !shown || !shownPeriod ? (
        <Loading />
      ) : (
        <div className="consumption__body" aria-busy={current.isPlaceholderData || undefined}>
          <VisibilityNote data={shown} />
          <Totals data={shown} showExport={showExport} />
          <div className="consumption__tools">
            <div className="toggle-group" role="group" aria-label={t('consumption.showAs')}>
              <button type="button" className="button button--secondary button--small" aria-pressed={!showTable} onClick={() => update({ show: null })}>
                {t('consumption.chart')}
              </button>
              <button type="button" className="button button--secondary button--small" aria-pressed={showTable} onClick={() => update({ show: 'table' })}>
                {t('consumption.table')}
              </button>
            </div>
            <Downloads customerId={customerId} objectId={object.id} request={request} />
          </div>
          {shown.intervals.start.length === 0 ? (
            <p className="alert alert--info">{t('consumption.noIntervals')}</p>
          ) : showTable ? (
            <ConsumptionTable key={`${shown.from}:${shown.resolution}`} data={shown} period={shownPeriod} showExport={showExport} />
          ) : (
            <ConsumptionChart data={shown} period={shownPeriod} previous={previousShown} showExport={showExport} />
          )}
          {previous.error && !showTable ? <p className="muted">{t('consumption.previousFailed')}</p> : null}
        </div>
      )}
    </section>
  );
}

/** The previous period's answer, when it is the one before the shown period at the same resolution. */
function matchingPrevious(data: Consumption | undefined, shown: Consumption | undefined, shownPeriod: Period | null): Consumption | null {
  if (!data || !shown || !shownPeriod || data.resolution !== shown.resolution) return null;
  const expected = previousPeriod(shownPeriod);
  return data.from === expected.from && data.to === expected.to ? data : null;
}

/** The part of the period that was the customer's, when it is not all of it (GRD-1). */
function VisibilityNote({ data }: { data: Consumption }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  if (!data.visibleFrom) return <p className="alert alert--info">{t('consumption.notYours')}</p>;
  const periodStart = rigaDayStartMs(data.from);
  // the answer ends at the period's end or now, whichever is first, unless the customer's time ended before
  const expectedEnd = Math.min(rigaDayStartMs(data.to), Date.now()) - 3_600_000;
  const cutStart = Date.parse(data.visibleFrom) > periodStart;
  const cutEnd = data.visibleUntil !== null && Date.parse(data.visibleUntil) < expectedEnd;
  if (!cutStart && !cutEnd) return null;
  return (
    <p className="alert alert--info">
      {t('consumption.partlyYours', { from: formatDateTime(data.visibleFrom, lang), until: formatDateTime(data.visibleUntil, lang) })}
    </p>
  );
}

function Totals({ data, showExport }: { data: Consumption; showExport: boolean }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const { totals } = data;
  return (
    <>
      <dl className="facts totals">
        <div>
          <dt>{t('totals.imported')}</dt>
          <dd>{formatWh(totals.importWh, lang, TOTAL)}</dd>
        </div>
        {showExport && (
          <div>
            <dt>{t('totals.exported')}</dt>
            <dd>{formatWh(totals.exportWh, lang, TOTAL)}</dd>
          </div>
        )}
        <div>
          <dt>{t('totals.spotValue')}</dt>
          <dd>
            {totals.spotValueCents === null ? '—' : formatMoney(Math.round(totals.spotValueCents), lang)}
            <span className="totals__note">{t('totals.spotValueNote')}</span>
          </dd>
        </div>
        <div>
          <dt>{t('totals.missingTitle')}</dt>
          <dd>
            {totals.missingIntervals === 0 ? t('totals.noneMissing') : t('totals.missing', { count: totals.missingIntervals })}
            {totals.estimatedIntervals > 0 && <span className="totals__note">{t('totals.estimated', { count: totals.estimatedIntervals })}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('totals.dataUntil')}</dt>
          <dd>{data.dataAvailableUntil ? formatDateTime(data.dataAvailableUntil, lang) : t('objects.noData')}</dd>
        </div>
      </dl>
      {totals.missingIntervals > 0 && <p className="muted">{t('totals.missingNote')}</p>}
    </>
  );
}

/** Plain links to the same answer as CSV and XLSX (the server sends them as downloads). */
function Downloads({ customerId, objectId, request }: { customerId: string; objectId: string; request: ConsumptionRequest }) {
  const { t } = useTranslation(NAMESPACE);
  return (
    <div className="downloads" role="group" aria-label={t('consumption.download')}>
      <a className="button button--secondary button--small" href={consumptionDownloadUrl(customerId, objectId, request, 'csv')} download>
        {t('consumption.downloadCsv')}
      </a>
      <a className="button button--secondary button--small" href={consumptionDownloadUrl(customerId, objectId, request, 'xlsx')} download>
        {t('consumption.downloadXlsx')}
      </a>
    </div>
  );
}
