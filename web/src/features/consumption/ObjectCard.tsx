import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Meter, MeteringObject, MicroGenerator, RadioPermit } from '@up/common/contracts/metering';
import { DataTable } from '../../components/DataTable.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { formatDecimalString, formatInstantDate } from './format.ts';
import { NAMESPACE } from './i18n.ts';

/** One object of the customer as a card (GRD-1): parameters, meters, micro-generator or permit, data availability. */
export function ObjectCard({ object }: { object: MeteringObject }) {
  const { t } = useTranslation(NAMESPACE);
  const headingId = `object-${object.id}`;
  const isPermit = object.kind === 'radio_permit';

  return (
    <li className="card object-card">
      <div className="object-card__head">
        <h2 id={headingId}>{isPermit && object.radioPermit ? t('permit.heading', { number: object.radioPermit.permitNumber }) : object.address}</h2>
        <ObjectStatusBadge object={object} />
      </div>
      <ObjectFacts object={object} />
      {object.microGenerator && <GeneratorFacts generator={object.microGenerator} />}
      {object.radioPermit && <PermitFacts permit={object.radioPermit} />}
      {object.meters.length > 0 && <MeterTable meters={object.meters} caption={t('meters.captionOf', { address: object.address })} />}
      {!isPermit && (
        <div className="actions">
          <Link className="button" to={`/objects/${encodeURIComponent(object.id)}`} aria-describedby={headingId}>
            {t('objects.open')}
          </Link>
        </div>
      )}
    </li>
  );
}

export function ObjectStatusBadge({ object }: { object: MeteringObject }) {
  const { t } = useTranslation(NAMESPACE);
  return <span className={`badge object-status object-status--${object.status}`}>{t(`status.${object.status}`)}</span>;
}

/** Address, EIC, capacity, phases, voltage, the customer's time with the object and "data available until". */
export function ObjectFacts({ object }: { object: MeteringObject }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const isPermit = object.kind === 'radio_permit';
  return (
    <dl className="facts">
      {isPermit && (
        <div>
          <dt>{t('objects.address')}</dt>
          <dd>{object.address}</dd>
        </div>
      )}
      {object.eic && (
        <div>
          <dt>{t('objects.eic')}</dt>
          <dd><code className="eic">{object.eic}</code></dd>
        </div>
      )}
      {object.capacityAmperes !== null && (
        <div>
          <dt>{t('objects.capacity')}</dt>
          <dd>{t('objects.amperes', { value: object.capacityAmperes })}</dd>
        </div>
      )}
      {object.phases !== null && (
        <div>
          <dt>{t('objects.phases')}</dt>
          <dd>{object.phases}</dd>
        </div>
      )}
      {object.voltageVolts !== null && (
        <div>
          <dt>{t('objects.voltage')}</dt>
          <dd>{t('objects.volts', { value: object.voltageVolts })}</dd>
        </div>
      )}
      <div>
        <dt>{t('objects.held')}</dt>
        <dd>
          {object.heldUntil
            ? t('objects.heldBetween', { from: formatInstantDate(object.heldFrom, lang), until: formatInstantDate(object.heldUntil, lang) })
            : t('objects.heldSince', { from: formatInstantDate(object.heldFrom, lang) })}
        </dd>
      </div>
      {!isPermit && (
        <div>
          <dt>{t('objects.dataUntil')}</dt>
          <dd>{object.dataAvailableUntil ? formatDateTime(object.dataAvailableUntil, lang) : t('objects.noData')}</dd>
        </div>
      )}
    </dl>
  );
}

function GeneratorFacts({ generator }: { generator: MicroGenerator }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  return (
    <section className="object-card__section">
      <h3>{t('generator.title')}</h3>
      <dl className="facts">
        <div>
          <dt>{t('generator.power')}</dt>
          <dd>{t('generator.kw', { value: formatDecimalString(generator.powerKw, lang, 3) })}</dd>
        </div>
        <div>
          <dt>{t('generator.scheme')}</dt>
          <dd>{t(`scheme.${generator.scheme}`)}</dd>
        </div>
        <div>
          <dt>{t('generator.since')}</dt>
          <dd>{generator.until ? t('generator.between', { from: formatDate(generator.since, lang), until: formatDate(generator.until, lang) }) : formatDate(generator.since, lang)}</dd>
        </div>
      </dl>
    </section>
  );
}

function PermitFacts({ permit }: { permit: RadioPermit }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const facts: [string, string][] = [
    [t('permit.service'), permit.service],
    [t('permit.frequencies'), permit.frequencies],
    [t('permit.power'), t('permit.watts', { value: formatDecimalString(permit.powerWatts, lang, 3) })],
    [t('permit.antenna'), permit.antenna],
    [t('permit.location'), permit.location],
    [t('permit.validFrom'), formatDate(permit.validFrom, lang)],
    [t('permit.validTo'), formatDate(permit.validTo, lang)],
  ];
  return (
    <section className="object-card__section">
      <h3>{t('permit.title')}</h3>
      <dl className="facts">
        {facts.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** The meters of the customer's time, newest first; a replaced meter keeps its row with its dates. */
export function MeterTable({ meters, caption }: { meters: readonly Meter[]; caption: string }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  return (
    <section className="object-card__section">
      <h3>{t('meters.title')}</h3>
      <DataTable
        caption={caption}
        captionHidden
        rows={meters}
        rowKey={(meter) => meter.id}
        rowClassName={(meter) => (meter.removedOn ? 'meter--removed' : undefined)}
        columns={[
          { key: 'number', header: t('meters.number'), rowHeader: true, cell: (meter) => meter.number },
          { key: 'type', header: t('meters.type'), cell: (meter) => meter.type },
          { key: 'smart', header: t('meters.smart'), cell: (meter) => (meter.smart ? t('meters.smartYes') : t('meters.smartNo')) },
          { key: 'registers', header: t('meters.registers'), cell: (meter) => meter.registers.map((r) => t(`register.${r}`, { defaultValue: r })).join(', ') },
          ...(meters.some((meter) => meter.multiplier !== 1)
            ? [{ key: 'multiplier', header: t('meters.multiplier'), cell: (meter: Meter) => `× ${meter.multiplier}` }]
            : []),
          { key: 'installed', header: t('meters.installed'), className: 'nowrap', cell: (meter) => formatDate(meter.installedOn, lang) },
          {
            key: 'removed',
            header: t('meters.removed'),
            className: 'nowrap',
            cell: (meter) => (meter.removedOn ? t('meters.replacedOn', { date: formatDate(meter.removedOn, lang) }) : t('meters.inUse')),
          },
        ]}
      />
    </section>
  );
}
