import { useTranslation } from 'react-i18next';
import type { MeteringObject } from '@up/common/contracts/metering';
import type { MeterReading } from '@up/common/contracts/meter-readings';
import { hasRight, useActiveCustomer, useOperator } from '../../api/session.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { QueryState } from '../../components/Messages.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { useReadings } from './consumption.api.ts';
import { formatDecimalString } from './format.ts';
import { NAMESPACE } from './i18n.ts';
import { SubmitReadingForm } from './SubmitReadingForm.tsx';

/** GRD-2: the readings of the object's meters (the operator's and the customer's), and submitting one as an order. */
export function ReadingsSection({ customerId, object }: { customerId: string; object: MeteringObject }) {
  const { t } = useTranslation(NAMESPACE);
  const customer = useActiveCustomer();
  const operator = useOperator().data;
  const readings = useReadings(customerId, object.id);
  const mayOrder = hasRight(customer, 'sign_orders');
  const takesReadings = !operator || operator.orderTypes.includes('meter_reading');
  const meters = object.meters.filter((meter) => meter.removedOn === null);

  return (
    <section className="card readings" aria-labelledby="readings">
      <h2 id="readings">{t('readings.title')}</h2>
      <section aria-labelledby="submit-reading" className="readings__submit">
        <h3 id="submit-reading">{t('readings.submitTitle')}</h3>
        {!takesReadings ? (
          <p>{t('readings.notTaken')}</p>
        ) : !mayOrder ? (
          <p className="alert alert--info">{t('readings.noRight')}</p>
        ) : meters.length === 0 ? (
          <p>{t('readings.noMeter')}</p>
        ) : (
          <>
            <p className="muted">{t('readings.submitNote')}</p>
            <SubmitReadingForm customerId={customerId} objectId={object.id} meters={meters} />
          </>
        )}
      </section>
      <section aria-labelledby="reading-history">
        <h3 id="reading-history">{t('readings.historyTitle')}</h3>
        <QueryState isPending={readings.isPending} error={readings.error}>
          {readings.data && <ReadingTable readings={readings.data} />}
        </QueryState>
      </section>
    </section>
  );
}

function ReadingTable({ readings }: { readings: readonly MeterReading[] }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  return (
    <DataTable
      caption={t('readings.historyTitle')}
      noCaption
      rows={readings}
      rowKey={(reading) => reading.id}
      empty={<p>{t('readings.none')}</p>}
      columns={[
        { key: 'date', header: t('readings.date'), rowHeader: true, className: 'nowrap', cell: (r) => formatDate(r.readOn, lang) },
        { key: 'meter', header: t('readings.meter'), cell: (r) => r.meterNumber },
        { key: 'register', header: t('readings.register'), cell: (r) => t(`register.${r.register}`, { defaultValue: r.register }) },
        { key: 'kwh', header: t('readings.kwh'), className: 'num', cell: (r) => formatDecimalString(r.readingKwh, lang, 3) },
        { key: 'source', header: t('readings.source'), cell: (r) => t(`readings.sources.${r.source}`) },
      ]}
    />
  );
}
