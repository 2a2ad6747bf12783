import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MeteringObject, NetBillingSettlement, NetMeteringSettlement, Settlement } from '@up/common/contracts/metering';
import { formatMoney } from '@up/common/money';
import { rigaDate } from '@up/common/riga-time';
import { SelectField } from '../../components/Fields.tsx';
import { QueryState } from '../../components/Messages.tsx';
import { useLang } from '../../lib/useLang.ts';
import { useSettlement } from './consumption.api.ts';
import { formatDecimalString, formatMonth, formatWh, TOTAL } from './format.ts';
import { NAMESPACE } from './i18n.ts';
import { addMonths, defaultSettlementMonth, settlementMonths } from './period.ts';
import { Fact } from '../../components/Fact.tsx';

/** GRD-4: the micro-generator's settlement for a chosen month under the object's scheme. */
export function SettlementSection({ customerId, object }: { customerId: string; object: MeteringObject }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const months = settlementMonths(object, rigaDate(new Date()));
  const [month, setMonth] = useState(() => defaultSettlementMonth(object, months));
  const settlement = useSettlement(customerId, object.id, month);

  return (
    <section className="card settlement" aria-labelledby="settlement">
      <h2 id="settlement">{t('settlement.title')}</h2>
      {object.microGenerator && <p className="muted">{t(`settlement.about.${object.microGenerator.scheme}`)}</p>}
      <SelectField label={t('settlement.month')} value={month} onChange={setMonth} options={months.map((m) => ({ value: m, label: formatMonth(m, lang) }))} />
      <QueryState isPending={settlement.isPending} error={settlement.error}>
        {settlement.data && <SettlementFacts settlement={settlement.data} />}
      </QueryState>
    </section>
  );
}

function SettlementFacts({ settlement }: { settlement: Settlement }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  return (
    <div className="settlement__facts" aria-live="polite">
      <h3>{t('settlement.of', { month: formatMonth(settlement.month, lang) })}</h3>
      {settlement.scheme === null ? (
        <p>{t('settlement.noScheme')}</p>
      ) : (
        <p>{t('settlement.scheme', { scheme: t(`scheme.${settlement.scheme}`) })}</p>
      )}
      {settlement.netMetering ? (
        <NetMetering settlement={settlement} netMetering={settlement.netMetering} />
      ) : settlement.netBilling ? (
        <NetBilling settlement={settlement} netBilling={settlement.netBilling} />
      ) : (
        <dl className="facts">
          <Fact term={t('settlement.imported')}>{formatWh(settlement.importWh, lang, TOTAL)}</Fact>
          <Fact term={t('settlement.exported')}>{formatWh(settlement.exportWh, lang, TOTAL)}</Fact>
        </dl>
      )}
      {settlement.missingIntervals > 0 && <p className="alert alert--info">{t('settlement.missing', { count: settlement.missingIntervals })}</p>}
    </div>
  );
}

function NetMetering({ settlement, netMetering }: { settlement: Settlement; netMetering: NetMeteringSettlement }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const yearEnd = addMonths(`${netMetering.netYearStart}-01`, 11).slice(0, 7);
  const isFebruary = settlement.month.endsWith('-02');
  return (
    <>
      <dl className="facts">
        <Fact term={t('settlement.netYear')}>{`${formatMonth(netMetering.netYearStart, lang)} – ${formatMonth(yearEnd, lang)}`}</Fact>
        <Fact term={t('settlement.carriedIn')}>{formatWh(netMetering.carriedInWh, lang, TOTAL)}</Fact>
        <Fact term={t('settlement.imported')}>{formatWh(settlement.importWh, lang, TOTAL)}</Fact>
        <Fact term={t('settlement.exported')}>{formatWh(settlement.exportWh, lang, TOTAL)}</Fact>
        <Fact term={t('settlement.billed')}>{formatWh(netMetering.billedWh, lang, TOTAL)}</Fact>
        <Fact term={t('settlement.carriedOut')}>{formatWh(netMetering.carriedOutWh, lang, TOTAL)}</Fact>
        {(isFebruary || netMetering.lapsedWh > 0) && <Fact term={t('settlement.lapsed')}>{formatWh(netMetering.lapsedWh, lang, TOTAL)}</Fact>}
      </dl>
      <p className="muted">{t('settlement.netMeteringNote')}</p>
    </>
  );
}

function NetBilling({ settlement, netBilling }: { settlement: Settlement; netBilling: NetBillingSettlement }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  return (
    <>
      <dl className="facts">
        <Fact term={t('settlement.exported')}>{formatWh(settlement.exportWh, lang, TOTAL)}</Fact>
        <Fact term={t('settlement.imported')}>{formatWh(settlement.importWh, lang, TOTAL)}</Fact>
        <Fact term={t('settlement.margin')}>{t('settlement.eurPerKwh', { value: formatDecimalString(netBilling.marginEurPerKwh, lang, 4) })}</Fact>
        <Fact term={t('settlement.value')}>{formatMoney(netBilling.fedInValueCents, lang)}</Fact>
        <Fact term={t('settlement.withoutPrice')}>{t('settlement.intervals', { count: netBilling.intervalsWithoutPrice })}</Fact>
        <Fact term={t('settlement.atZero')}>{t('settlement.intervals', { count: netBilling.intervalsValuedAtZero })}</Fact>
      </dl>
      <p className="muted">{t('settlement.netBillingNote')}</p>
    </>
  );
}
