import { useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { LineExplanation } from '@up/common/contracts/billing';
import { formatMoney } from '@up/common/money';
import { rigaDayStartMs, rigaDaysBetween } from '@up/common/riga-days';
import { addDays } from '@up/common/riga-time';
import { useActiveCustomer, useOperator } from '../../api/session.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Fact } from '../../components/Fact.tsx';
import { ErrorMessage, PageHeading, QueryState } from '../../components/Messages.tsx';
import { NoCustomer } from '../../components/NoCustomer.tsx';
import { TimeSeriesChart, type ChartAxis, type ChartSeries } from '../../components/TimeSeriesChart.tsx';
import { formatDate } from '../../lib/format.ts';
import { useErrorMessage } from '../../lib/errors.ts';
import { useLang } from '../../lib/useLang.ts';
import { formatCentsFraction, formatDecimal, formatPercent, formatPrice, formatWhAsKwh, lineProduct, localized } from './format.ts';
import { useFormatQuantity, useFormatUnitPrice } from './InvoiceParts.tsx';
import { maySeeInvoices, useInvoices, useLineExplanation } from './invoices.api.ts';
import { appliedElements, daysTotalHundredths, findByNumber } from './invoices.ts';
import { TariffElementsTable, useValidity } from './TariffElements.tsx';
import { NAMESPACE } from './i18n.ts';
import { useInvoiceErrorMessages } from './useInvoiceErrors.ts';
import './invoices.css';

/**
 * "Why is this line X €?" (issue 12 point 7): an energy line's kWh and money by day with a chart, the tariff
 * version that priced it and the computation in one sentence (quantity × unit price, rounded once); a
 * correction's reason and the invoice it corrects.
 */
export default function InvoiceLinePage() {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const { invoiceId = '', lineNumber = '' } = useParams();
  const number = /^\d{1,5}$/.test(lineNumber) ? Number(lineNumber) : 0;
  const customer = useActiveCustomer();
  const operator = useOperator();
  const allowed = maySeeInvoices(customer, operator.data);
  const explanation = useLineExplanation(allowed ? customer?.id : undefined, invoiceId, number);
  const message = useErrorMessage();
  const messages = useInvoiceErrorMessages();
  const data = explanation.data;

  return (
    <div className="page invoices">
      <p className="back-link">
        <Link to={`/invoices/${encodeURIComponent(invoiceId)}`}>
          {data ? t('explain.back', { number: data.invoiceNumber }) : t('explain.backPlain')}
        </Link>
      </p>
      <PageHeading>{data ? t('explain.title', { amount: formatMoney(data.line.netCents, lang) }) : t('explain.titlePlain')}</PageHeading>
      {!customer ? (
        <NoCustomer />
      ) : !allowed && operator.data ? (
        <ErrorMessage>{t('list.notAllowed')}</ErrorMessage>
      ) : number === 0 ? (
        <ErrorMessage>{t('errors.INVOICE_LINE_NOT_FOUND')}</ErrorMessage>
      ) : explanation.error ? (
        <ErrorMessage>{messages(explanation.error) ?? message(explanation.error)}</ErrorMessage>
      ) : (
        <QueryState isPending={explanation.isPending} error={null}>
          {data ? <Explanation customerId={customer.id} data={data} /> : null}
        </QueryState>
      )}
    </div>
  );
}

function Explanation({ customerId, data }: { customerId: string; data: LineExplanation }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const quantity = useFormatQuantity();
  const unitPrice = useFormatUnitPrice();
  const { line } = data;
  const description = localized(line.description, lang);
  return (
    <>
      <section className="card" aria-labelledby="line-title">
        <h2 id="line-title">{description}</h2>
        <dl className="facts">
          <Fact term={t('explain.invoice')}>{data.invoiceNumber}</Fact>
          <Fact term={t('explain.period')}>{t('lines.linePeriod', { from: formatDate(line.periodStart, lang), to: formatDate(line.periodEnd, lang) })}</Fact>
          {/* a correction is an amount with its reason: its "−1 × 3.50" would only confuse */}
          {line.source === 'correction' ? null : (
            <>
              <Fact term={t('lines.quantity')}>{quantity(line.quantity, line.unitCode)}</Fact>
              <Fact term={t('lines.unitPrice')}>{unitPrice(line.unitPrice, line.unitCode)}</Fact>
            </>
          )}
          <Fact term={t('lines.net')}>{formatMoney(line.netCents, lang)}</Fact>
          <Fact term={t('lines.vatPercent')}>{formatPercent(line.vatPercent, lang)}</Fact>
        </dl>
        <Computation data={data} />
      </section>
      {line.source === 'correction' || data.reason ? <Correction customerId={customerId} data={data} /> : null}
      {data.days.length > 0 ? <Days data={data} /> : null}
      {data.tariff ? <TariffApplied data={data} /> : null}
    </>
  );
}

/** The computation in one sentence: quantity × unit price, or the sum of the days (a spot-price line), rounded once. */
function Computation({ data }: { data: LineExplanation }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const quantity = useFormatQuantity();
  const unitPrice = useFormatUnitPrice();
  const { line } = data;
  const amount = formatMoney(line.netCents, lang);
  const product = lineProduct(line.quantity, line.unitPrice, line.netCents);
  if (line.source === 'correction') return null;
  const values = { quantity: quantity(line.quantity, line.unitCode), price: unitPrice(line.unitPrice, line.unitCode), amount };
  if (product?.matches) {
    return (
      <p className="explain-sentence">
        {t('explain.product', { ...values, exact: formatPrice(product.exact, lang) })}
        {data.days.length > 0 ? <> {t('explain.daysNotRounded')}</> : null}
      </p>
    );
  }
  if (data.days.length > 0) {
    const hundredths = daysTotalHundredths(data.days);
    return <p className="explain-sentence">{t('explain.sumOfDays', { ...values, count: data.days.length, exact: formatCentsFraction(hundredths / 100, lang) })}</p>;
  }
  return <p className="explain-sentence">{t('explain.asBilled', values)}</p>;
}

/** A correction (BIL-7): why, and the invoice it corrects. */
function Correction({ customerId, data }: { customerId: string; data: LineExplanation }) {
  const { t } = useTranslation(NAMESPACE);
  const list = useInvoices(customerId, Boolean(data.correctsInvoiceNumber));
  const corrected = findByNumber(list.data?.invoices, data.correctsInvoiceNumber);
  return (
    <section className="card" aria-labelledby="line-correction-title">
      <h2 id="line-correction-title">{t('explain.correction')}</h2>
      {data.reason ? <p className="invoice-prewrap">{t('explain.reason', { reason: data.reason })}</p> : null}
      {data.correctsInvoiceNumber ? (
        <p>
          {t('explain.corrects')}{' '}
          {corrected ? <Link to={`/invoices/${encodeURIComponent(corrected.id)}`}>{data.correctsInvoiceNumber}</Link> : <strong>{data.correctsInvoiceNumber}</strong>}
        </p>
      ) : (
        <p className="muted">{t('explain.correctsNone')}</p>
      )}
    </section>
  );
}

/** The days the energy came from: a bar chart of kWh (Riga days on the axis) and the same days as a table. */
function Days({ data }: { data: LineExplanation }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const { line, days } = data;
  const chart = useMemo(() => {
    // every day of the line's period on the axis; days without energy of this line (a weekend in the day zone) are gaps
    const all = rigaDaysBetween(line.periodStart, addDays(line.periodEnd, 1));
    const byDay = new Map(days.map((day) => [day.day, day]));
    const x = [...all.map((day) => rigaDayStartMs(day) / 1000), rigaDayStartMs(addDays(line.periodEnd, 1)) / 1000];
    const kwh = [...all.map((day) => (byDay.has(day) ? byDay.get(day)!.wh / 1000 : null)), null];
    return { all, x, kwh, range: [x[0], x[x.length - 1]] as [number, number] };
  }, [line.periodStart, line.periodEnd, days]);
  const number = useMemo(() => new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }), [lang]);
  const series = useMemo<ChartSeries[]>(() => [{
    label: t('days.kwh'), values: chart.kwh, scale: 'kwh', color: 'var(--brand)', style: 'bars', fill: 0.85, width: 0,
    format: (value) => `${formatDecimal(value.toFixed(3), lang, 3)} kWh`,
  }], [chart, lang, t]);
  const axes = useMemo<ChartAxis[]>(() => [{ scale: 'kwh', label: t('days.axis'), side: 'left', includeZero: true, format: (value) => number.format(value) }], [number, t]);
  const formatX = useCallback((index: number) => (chart.all[index] ? formatDate(chart.all[index], lang) : ''), [chart, lang]);
  const totalWh = days.reduce((sum, day) => sum + day.wh, 0);
  const hundredths = daysTotalHundredths(days);
  const label = t('days.chartLabel', {
    from: formatDate(line.periodStart, lang), to: formatDate(line.periodEnd, lang), total: formatWhAsKwh(totalWh, lang), count: days.length,
  });

  type Row = { day: string; wh: number; amountCents: number; total?: boolean };
  const rows: Row[] = [...days, { day: '', wh: totalWh, amountCents: hundredths / 100, total: true }];
  return (
    <section className="card" aria-labelledby="line-days-title">
      <h2 id="line-days-title">{t('days.title')}</h2>
      <p className="muted">{t('days.intro', { count: days.length })}</p>
      <TimeSeriesChart label={label} x={chart.x} range={chart.range} series={series} axes={axes} formatX={formatX} lang={lang} height={240} />
      {data.objectId ? (
        <p>
          <Link to={`/objects/${encodeURIComponent(data.objectId)}?view=month&date=${line.periodStart.slice(0, 7)}-01&resolution=day`}>{t('days.consumptionLink')}</Link>
        </p>
      ) : null}
      <DataTable
        caption={t('days.caption')}
        captionHidden
        rows={rows}
        rowKey={(row) => row.day || 'total'}
        rowClassName={(row) => (row.total ? 'days-row--total' : undefined)}
        columns={[
          { key: 'day', header: t('days.day'), rowHeader: true, className: 'nowrap', cell: (row) => (row.total ? t('days.total') : <DayName day={row.day} />) },
          { key: 'kwh', header: t('days.kwh'), className: 'num', cell: (row) => formatWhAsKwh(row.wh, lang) },
          {
            key: 'amount',
            header: t('days.amount'),
            className: 'num',
            cell: (row) => (row.total ? <>{formatCentsFraction(row.amountCents, lang)} → <strong>{formatMoney(line.netCents, lang)}</strong></> : formatCentsFraction(row.amountCents, lang)),
          },
        ]}
      />
    </section>
  );
}

const weekdayFormats = new Map<string, Intl.DateTimeFormat>();

/** A Riga day with its weekday: lv '01.10.2026. (ceturtd.)'. */
function DayName({ day }: { day: string }) {
  const lang = useLang();
  let format = weekdayFormats.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' });
    weekdayFormats.set(lang, format);
  }
  return (
    <>
      {formatDate(day, lang)} <span className="muted day-name__weekday">{format.format(new Date(`${day}T12:00:00Z`))}</span>
    </>
  );
}

/** The tariff version that priced the line: its validity and every element, the ones used for this line marked. */
function TariffApplied({ data }: { data: LineExplanation }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const validity = useValidity();
  const tariff = data.tariff!;
  const name = localized(tariff.name, lang);
  return (
    <section className="card" aria-labelledby="line-tariff-title">
      <h2 id="line-tariff-title">{t('explain.tariff')}</h2>
      <p>
        {t('explain.tariffName', { name, code: tariff.code, version: tariff.version.version })}{' '}
        <span className="muted">({validity(tariff.version)})</span>
      </p>
      <TariffElementsTable
        version={tariff.version}
        caption={t('explain.tariffCaption', { name, version: tariff.version.version })}
        applied={appliedElements(tariff.version, data.line)}
      />
      <p className="muted">{t('explain.pricesWithoutVat')}</p>
    </section>
  );
}
