import { useTranslation } from 'react-i18next';
import type { TariffVersionView } from '@up/common/contracts/billing';
import { addDays } from '@up/common/riga-time';
import { DataTable } from '../../components/DataTable.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { formatDecimal, formatPercent, formatPrice, localized } from './format.ts';
import { dayRuns } from './invoices.ts';
import { NAMESPACE } from './i18n.ts';

type Element = TariffVersionView['elements'][number];
type Component = Element['priceComponents'][number];

/** The price unit of each component type (OCPI's dimensions and the portal's three utility ones). */
const UNIT_OF_COMPONENT: Record<string, string> = {
  ENERGY: 'KWH',
  SPOT_ENERGY: 'KWH',
  TIME: 'HUR',
  PARKING_TIME: 'HUR',
  FLAT: 'SESSION',
  MONTHLY_FEE: 'MON',
  CAPACITY_FEE: 'AMP_MONTH',
};

/** A component's price with its unit: ENERGY '0.139' → '0,139 €/kWh'; SPOT_ENERGY → 'spot price + 0,015 €/kWh'. */
export function useComponentPrice(): (component: Component) => string {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  return (component) => {
    const unit = UNIT_OF_COMPONENT[component.type];
    const price = `${formatPrice(component.price, lang)}${unit ? `/${t(`tariff.per.${unit}`)}` : ''}`;
    return component.type === 'SPOT_ENERGY' ? t('tariff.spotPlus', { price }) : price;
  };
}

/** An element's restrictions (OCPI TariffRestrictions, Riga time) in words, or "always" without any. */
export function useRestrictionsText(): (restrictions: Record<string, unknown>) => string {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  return (restrictions) => {
    const r = restrictions as Record<string, string | number | string[] | undefined>;
    const parts: string[] = [];
    if (Array.isArray(r.dayOfWeek) && r.dayOfWeek.length > 0) {
      parts.push(dayRuns(r.dayOfWeek).map((run) => (run.to ? `${t(`tariff.days.${run.from}`)}–${t(`tariff.days.${run.to}`)}` : t(`tariff.days.${run.from}`))).join(', '));
    }
    if (r.startTime || r.endTime) parts.push(`${r.startTime ?? '00:00'}–${r.endTime ?? '24:00'}`);
    if (typeof r.startDate === 'string') parts.push(t('tariff.fromDate', { date: formatDate(r.startDate, lang) }));
    if (typeof r.endDate === 'string') parts.push(t('tariff.untilDate', { date: formatDate(addDays(r.endDate, -1), lang) }));
    if (r.minKwh !== undefined) parts.push(t('tariff.minKwh', { value: formatDecimal(String(r.minKwh), lang) }));
    if (r.maxKwh !== undefined) parts.push(t('tariff.maxKwh', { value: formatDecimal(String(r.maxKwh), lang) }));
    if (r.minPowerKw !== undefined) parts.push(t('tariff.minPower', { value: formatDecimal(String(r.minPowerKw), lang) }));
    if (r.maxPowerKw !== undefined) parts.push(t('tariff.maxPower', { value: formatDecimal(String(r.maxPowerKw), lang) }));
    if (typeof r.minDurationSeconds === 'number') parts.push(t('tariff.minDuration', { value: formatDecimal(String(r.minDurationSeconds / 60), lang) }));
    if (typeof r.maxDurationSeconds === 'number') parts.push(t('tariff.maxDuration', { value: formatDecimal(String(r.maxDurationSeconds / 60), lang) }));
    const known = ['dayOfWeek', 'startTime', 'endTime', 'startDate', 'endDate', 'minKwh', 'maxKwh', 'minPowerKw', 'maxPowerKw', 'minDurationSeconds', 'maxDurationSeconds'];
    for (const [key, value] of Object.entries(r)) if (!known.includes(key)) parts.push(`${key}: ${JSON.stringify(value)}`);
    return parts.length > 0 ? parts.join('; ') : t('tariff.always');
  };
}

interface Row {
  elementIndex: number;
  componentIndex: number;
  element: Element;
  component: Component;
}

/**
 * A tariff version's elements as a table, one row per price component: the element's label, what is priced, the
 * price without VAT, the VAT rate, when it applies. `applied` marks the elements that priced a line.
 */
export function TariffElementsTable({ version, caption, applied = [] }: { version: TariffVersionView; caption: string; applied?: number[] }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const price = useComponentPrice();
  const restrictions = useRestrictionsText();
  const rows: Row[] = version.elements.flatMap((element, elementIndex) =>
    element.priceComponents.map((component, componentIndex) => ({ elementIndex, componentIndex, element, component })));
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={rows}
      rowKey={(row) => `${row.elementIndex}.${row.componentIndex}`}
      rowClassName={(row) => (applied.includes(row.elementIndex) ? 'tariff-row--applied' : undefined)}
      columns={[
        {
          key: 'component',
          header: t('tariff.component'),
          rowHeader: true,
          cell: (row) => (
            <>
              {t(`tariff.components.${row.component.type}`, { defaultValue: row.component.type })}
              {row.element.label ? <span className="muted">, {localized(row.element.label, lang)}</span> : null}
              {applied.includes(row.elementIndex) ? <> <span className="badge badge--active">{t('tariff.applied')}</span></> : null}
            </>
          ),
        },
        {
          key: 'price',
          header: t('tariff.price'),
          className: 'nowrap',
          cell: (row) => (
            <>
              {price(row.component)}
              {row.component.stepSize > 1 ? <span className="muted"> · {t('tariff.step', { step: row.component.stepSize })}</span> : null}
            </>
          ),
        },
        { key: 'vat', header: t('tariff.vat'), className: 'nowrap', cell: (row) => formatPercent(row.component.vatPercent, lang) },
        { key: 'when', header: t('tariff.when'), className: 'wrap', cell: (row) => restrictions(row.element.restrictions) },
      ]}
    />
  );
}

/** "valid from 01.07.2026" or "valid 01.01.2020–30.06.2026" (validUntil is exclusive: its day belongs to the next version). */
export function useValidity(): (version: Pick<TariffVersionView, 'validFrom' | 'validUntil'>) => string {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  return (version) =>
    version.validUntil
      ? t('tariff.validBetween', { from: formatDate(version.validFrom, lang), to: formatDate(addDays(version.validUntil, -1), lang) })
      : t('tariff.validFrom', { from: formatDate(version.validFrom, lang) });
}
