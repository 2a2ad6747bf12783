import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Meter, MicroGenerator, RadioPermit } from '@up/common/contracts/metering';
import type { ObjectHolder, StaffObject } from '@up/common/contracts/metering-staff';
import type { Lang } from '@up/common/lang';
import { rigaDate } from '@up/common/riga-time';
import { ApiError } from '../../../api/client.ts';
import { DataTable } from '../../../components/DataTable.tsx';
import { ErrorMessage, PageHeading, QueryState } from '../../../components/Messages.tsx';
import { formatDate, formatDateTime } from '../../../lib/format.ts';
import { useLang } from '../../../lib/useLang.ts';
import { useStaffObject } from './metering.api.ts';
import { ObjectForm } from './ObjectForm.tsx';
import { StatusBadge } from './StatusBadge.tsx';
import { Fact } from '../../../components/Fact.tsx';

/** GRD-1: one object for staff — its technical parameters (editable), holders over time, meters, generator, permit. */
export default function ObjectDetailPage() {
  const { t } = useTranslation('staff');
  const { objectId = '' } = useParams();
  const object = useStaffObject(objectId);

  if (object.error instanceof ApiError && object.error.status === 404) {
    return (
      <>
        <ErrorMessage>{t('metering.detail.notFound')}</ErrorMessage>
        <p><Link to="/staff/metering">{t('metering.detail.back')}</Link></p>
      </>
    );
  }
  return (
    <QueryState isPending={object.isPending} error={object.error}>
      {object.data ? <ObjectDetails object={object.data} /> : null}
    </QueryState>
  );
}

/**
 * A holder's time begins and ends at a Riga midnight: the first day is the one `heldFrom` starts, the last
 * the one before `heldUntil` (exclusive), so the next holder's first day follows it without overlap.
 */
function firstDay(instant: string, lang: Lang): string {
  return formatDate(rigaDate(new Date(instant)), lang);
}

function lastDay(exclusiveEnd: string, lang: Lang): string {
  return formatDate(rigaDate(new Date(Date.parse(exclusiveEnd) - 1)), lang);
}

function ObjectDetails({ object }: { object: StaffObject }) {
  const { t } = useTranslation('staff');
  const lang = useLang();
  const isPermit = object.kind === 'radio_permit';
  const notStated = t('metering.notStated');
  return (
    <article aria-labelledby="staff-object-title" className="page">
      <div>
        <p><Link to="/staff/metering">{t('metering.detail.back')}</Link></p>
        <PageHeading id="staff-object-title">{object.address}</PageHeading>
        <p className="muted">
          {t(`metering.kind.${object.kind}`)}
          {object.eic ? <> · {t('metering.fields.eic')}: <code>{object.eic}</code></> : null}
          {object.radioPermit ? <> · {t('metering.permit.number')}: {object.radioPermit.permitNumber}</> : null}
          {' · '}
          <StatusBadge status={object.status} />
        </p>
      </div>

      <section className="card" aria-labelledby="staff-object-facts">
        <h2 id="staff-object-facts">{t('metering.detail.parameters')}</h2>
        {/* a radio permit's parameters are its permit's (below); it has no interval data */}
        {isPermit ? null : (
          <dl className="facts">
            <Fact term={t('metering.fields.capacityAmperes')}>
              {object.capacityAmperes === null ? notStated : t('metering.units.amperes', { value: object.capacityAmperes })}
            </Fact>
            <Fact term={t('metering.fields.phases')}>{object.phases === null ? notStated : object.phases}</Fact>
            <Fact term={t('metering.fields.voltageVolts')}>
              {object.voltageVolts === null ? notStated : t('metering.units.volts', { value: object.voltageVolts })}
            </Fact>
            <Fact term={t('metering.fields.dataAvailableUntil')}>
              {object.dataAvailableUntil ? formatDateTime(object.dataAvailableUntil, lang) : t('metering.detail.noData')}
            </Fact>
          </dl>
        )}
        <ObjectForm object={object} />
      </section>

      {object.radioPermit ? <PermitSection permit={object.radioPermit} /> : null}
      <HoldersSection holders={object.holders} />
      {isPermit && object.meters.length === 0 ? null : <MetersSection meters={object.meters} />}
      {object.microGenerator ? <GeneratorSection generator={object.microGenerator} /> : null}
    </article>
  );
}

function HoldersSection({ holders }: { holders: ObjectHolder[] }) {
  const { t } = useTranslation('staff');
  const lang = useLang();
  return (
    <section className="card" aria-labelledby="staff-object-holders">
      <h2 id="staff-object-holders">{t('metering.holders.title')}</h2>
      <p className="muted">{t('metering.holders.intro')}</p>
      <DataTable
        caption={t('metering.holders.caption')}
        captionHidden
        rows={holders}
        rowKey={(h) => `${h.customerId} ${h.heldFrom}`}
        rowClassName={(h) => (h.heldUntil === null ? 'row--current' : undefined)}
        empty={<p>{t('metering.holders.empty')}</p>}
        columns={[
          {
            key: 'customer',
            header: t('metering.holders.customer'),
            rowHeader: true,
            cell: (h) => <Link to={`/staff/customers/${encodeURIComponent(h.customerId)}`}>{h.customerName}</Link>,
          },
          { key: 'number', header: t('fields.customerNumber'), cell: (h) => h.customerNumber },
          { key: 'from', header: t('metering.holders.from'), className: 'nowrap', cell: (h) => firstDay(h.heldFrom, lang) },
          {
            key: 'until',
            header: t('metering.holders.until'),
            className: 'nowrap',
            cell: (h) => (h.heldUntil ? lastDay(h.heldUntil, lang) : <strong>{t('metering.holders.current')}</strong>),
          },
        ]}
      />
    </section>
  );
}

function MetersSection({ meters }: { meters: Meter[] }) {
  const { t } = useTranslation('staff');
  const lang = useLang();
  return (
    <section className="card" aria-labelledby="staff-object-meters">
      <h2 id="staff-object-meters">{t('metering.meters.title')}</h2>
      <DataTable
        caption={t('metering.meters.caption')}
        captionHidden
        rows={meters}
        rowKey={(m) => m.id}
        empty={<p>{t('metering.meters.empty')}</p>}
        columns={[
          { key: 'number', header: t('metering.meters.number'), rowHeader: true, className: 'nowrap', cell: (m) => m.number },
          { key: 'type', header: t('metering.meters.type'), cell: (m) => m.type },
          { key: 'smart', header: t('metering.meters.smart'), cell: (m) => (m.smart ? t('metering.yes') : t('metering.no')) },
          { key: 'registers', header: t('metering.meters.registers'), cell: (m) => m.registers.map((r) => t(`metering.register.${r}`, { defaultValue: r })).join(', ') },
          { key: 'multiplier', header: t('metering.meters.multiplier'), cell: (m) => m.multiplier },
          { key: 'installed', header: t('metering.meters.installedOn'), className: 'nowrap', cell: (m) => formatDate(m.installedOn, lang) },
          {
            key: 'removed',
            header: t('metering.meters.removedOn'),
            className: 'nowrap',
            cell: (m) => (m.removedOn ? formatDate(m.removedOn, lang) : <strong>{t('metering.meters.onObject')}</strong>),
          },
        ]}
      />
    </section>
  );
}

function GeneratorSection({ generator }: { generator: MicroGenerator }) {
  const { t } = useTranslation('staff');
  const lang = useLang();
  return (
    <section className="card" aria-labelledby="staff-object-generator">
      <h2 id="staff-object-generator">{t('metering.generator.title')}</h2>
      <dl className="facts">
        <Fact term={t('metering.generator.power')}>{t('metering.units.kilowatts', { value: generator.powerKw })}</Fact>
        <Fact term={t('metering.generator.scheme')}>{t(`metering.generator.schemes.${generator.scheme}`)}</Fact>
        <Fact term={t('metering.generator.since')}>{formatDate(generator.since, lang)}</Fact>
        <Fact term={t('metering.generator.until')}>{generator.until ? formatDate(generator.until, lang) : t('metering.generator.open')}</Fact>
      </dl>
    </section>
  );
}

function PermitSection({ permit }: { permit: RadioPermit }) {
  const { t } = useTranslation('staff');
  const lang = useLang();
  return (
    <section className="card" aria-labelledby="staff-object-permit">
      <h2 id="staff-object-permit">{t('metering.permit.title')}</h2>
      <dl className="facts">
        <Fact term={t('metering.permit.number')}>{permit.permitNumber}</Fact>
        <Fact term={t('metering.permit.service')}>{permit.service}</Fact>
        <Fact term={t('metering.permit.frequencies')}>{permit.frequencies}</Fact>
        <Fact term={t('metering.permit.power')}>{t('metering.units.watts', { value: permit.powerWatts })}</Fact>
        <Fact term={t('metering.permit.antenna')}>{permit.antenna}</Fact>
        <Fact term={t('metering.permit.location')}>{permit.location}</Fact>
        <Fact term={t('metering.permit.validFrom')}>{formatDate(permit.validFrom, lang)}</Fact>
        <Fact term={t('metering.permit.validTo')}>{formatDate(permit.validTo, lang)}</Fact>
      </dl>
    </section>
  );
}
