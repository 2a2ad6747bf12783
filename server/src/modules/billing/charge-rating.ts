import type { LocalizedText } from '@up/operators';
import { parseMoneyToCents } from '@up/common/money';
import { addDays } from '@up/common/riga-time';
import type { BillableEnergy } from '../metering/index.js';
import type { BillingChargeRow, ChargeExplanation, ChargeSource, ContractTermsRow } from './billing.tables.js';
import type { BillingPeriod } from './billing-period.js';
import { monthsBetween } from './billing-period.js';
import { instalmentText, POST_DELIVERY_TEXT, tariffLineText } from './charge-descriptions.js';
import type { TariffVersion } from './tariff-model.js';
import { priceEnergy, priceFixedFees, priceRegisterEnergy, type MeteredInterval, type PricedCharge } from './tariff-pricing.js';

/** A charge before it is stored: what a period owes for one thing, with the key that makes rating idempotent. */
export interface ChargeDraft extends Omit<BillingChargeRow, 'id' | 'invoice_id' | 'created_at' | 'created_by' | 'description' | 'explanation'> {
  description: LocalizedText;
  explanation: ChargeExplanation | null;
}

export interface RatedContract {
  id: string;
  customerId: string;
  type: string;
  startsOn: string | null;
  /** the last day, inclusive */
  endsOn: string | null;
  terms: ContractTermsRow;
}

export interface RatingInput {
  period: BillingPeriod;
  contracts: readonly RatedContract[];
  tariffs: ReadonlyMap<string, TariffVersion[]>;
  /** the billable energy of each contract's object in the period, by object id */
  energy: ReadonlyMap<string, BillableEnergy>;
  invoiceChannel: 'email' | 'post' | 'portal';
  postDeliveryFee: { price: string; vatPercent: string };
}

/**
 * The charges one customer's contracts produce for a period (issue 12 point 1; BIL-8, BIL-9): energy from
 * metering priced interval by interval with the tariff version valid then (a spot-indexed price too), fixed and
 * capacity fees for the days the contract ran, the instalment of a product bought on instalments, and paper
 * post as a paid service (BIL-2). Pure: the same input gives the same charges with the same keys.
 */
export function rateCustomerPeriod(input: RatingInput): ChargeDraft[] {
  const drafts: ChargeDraft[] = [];
  for (const contract of input.contracts) {
    const active = activeDays(contract, input.period);
    if (!active) continue;
    const energy = contract.terms.object_id ? input.energy.get(contract.terms.object_id) : undefined;
    for (const [tariffId, source] of [[contract.terms.tariff_id, 'energy'], [contract.terms.grid_tariff_id, 'grid_energy']] as const) {
      const versions = tariffId ? input.tariffs.get(tariffId) : undefined;
      if (!versions) continue;
      if (energy) {
        const priced = priceEnergy(versions, intervalsOf(energy));
        // an interval line covers its version's days of the contract's month (not only the days its band matched)
        for (const charge of priced.charges) {
          drafts.push(tariffDraft(input.period, contract, source, { ...charge, ...versionDays(versions, charge.tariffVersionId, active) }, versions));
        }
        // a register line covers the days between its two readings
        const read = priceRegisterEnergy(versions, energy.registers);
        for (const charge of read.charges) drafts.push(tariffDraft(input.period, contract, source, charge, versions, 'register'));
      }
      const fees = priceFixedFees(versions, {
        month: input.period.period, activeFrom: active.from, activeUntil: active.until, capacityAmperes: energy?.capacityAmperes ?? null,
      });
      for (const charge of fees) {
        drafts.push(tariffDraft(input.period, contract, charge.componentType === 'CAPACITY_FEE' ? 'capacity_fee' : 'fixed_fee', charge, versions));
      }
    }
    const instalment = instalmentDraft(input.period, contract);
    if (instalment) drafts.push(instalment);
  }
  if (input.invoiceChannel === 'post' && drafts.length > 0) drafts.push(postDeliveryDraft(input));
  return drafts;
}

/** The contract's days inside the period: [from, until) Riga days, or null when it did not run. */
function activeDays(contract: RatedContract, period: BillingPeriod): { from: string; until: string } | null {
  const from = contract.startsOn && contract.startsOn > period.start ? contract.startsOn : period.start;
  const endExclusive = contract.endsOn ? addDays(contract.endsOn, 1) : null;
  const until = endExclusive && endExclusive < period.endExclusive ? endExclusive : period.endExclusive;
  return from < until ? { from, until } : null;
}

/** The days of [active.from, active.until) on which the version is valid, inclusive. */
function versionDays(versions: readonly TariffVersion[], versionId: string, active: { from: string; until: string }) {
  const sorted = [...versions].sort((a, b) => (a.validFrom < b.validFrom ? -1 : 1));
  const at = sorted.findIndex((version) => version.id === versionId);
  const validUntil = sorted[at].validUntil ?? sorted[at + 1]?.validFrom ?? null;
  const from = sorted[at].validFrom > active.from ? sorted[at].validFrom : active.from;
  const until = validUntil !== null && validUntil < active.until ? validUntil : active.until;
  return { periodStart: from, periodEnd: addDays(until, -1) };
}

function intervalsOf(energy: BillableEnergy): MeteredInterval[] {
  const { timeline } = energy;
  const intervals: MeteredInterval[] = new Array(timeline.startMs.length);
  for (let i = 0; i < timeline.startMs.length; i++) {
    const usable = timeline.quality[i] !== 'x' && timeline.quality[i] !== 'u';
    intervals[i] = {
      startMs: timeline.startMs[i], minutes: timeline.minutes[i],
      importWh: usable ? timeline.importWh[i] : null, spotUeurPerKwh: timeline.priceUeurPerKwh[i],
    };
  }
  return intervals;
}

function tariffDraft(
  period: BillingPeriod, contract: RatedContract, source: ChargeSource, charge: PricedCharge, versions: readonly TariffVersion[], basis: 'interval' | 'register' = 'interval',
): ChargeDraft {
  const version = versions.find((candidate) => candidate.id === charge.tariffVersionId)!;
  const extra = charge.componentType === 'CAPACITY_FEE' ? sameInAll(`${charge.quantity} A`) : undefined;
  return {
    customer_id: contract.customerId,
    contract_id: contract.id,
    period: period.period,
    source,
    source_key: `${source}:${contract.id}:${period.period}:${charge.tariffVersionId}:${charge.elementIndex}:${charge.componentType}${basis === 'register' ? ':register' : ''}`,
    description: tariffLineText(source, charge.componentType, charge.label, version.name, version.version, extra),
    quantity: charge.quantity,
    unit_code: charge.unitCode,
    unit_price: charge.unitPrice,
    net_cents: charge.netCents,
    vat_category: 'S',
    vat_percent: charge.vatPercent,
    period_start: charge.periodStart,
    period_end: charge.periodEnd,
    explanation: {
      tariffVersionId: charge.tariffVersionId, tariffCode: charge.tariffCode, tariffVersion: charge.tariffVersion,
      objectId: contract.terms.object_id ?? undefined,
      days: charge.days.map((day) => ({ day: day.day, wh: day.wh, nanoEuros: day.nanoEuros.toString() })),
    },
  };
}

/**
 * A product bought on instalments pays `total / count` a month from its first month; the cents that do not
 * divide evenly are paid with the last instalment, so the instalments add up to the price exactly.
 */
function instalmentDraft(period: BillingPeriod, contract: RatedContract): ChargeDraft | null {
  const { instalment_total_cents: total, instalment_count: count, first_instalment_month: first, product_name: name } = contract.terms;
  if (!total || !count || !first) return null;
  const number = monthsBetween(first, period.period) + 1;
  if (number < 1 || number > count) return null;
  const regular = Math.floor(total / count);
  const cents = number === count ? total - regular * (count - 1) : regular;
  return {
    customer_id: contract.customerId,
    contract_id: contract.id,
    period: period.period,
    source: 'instalment',
    source_key: `instalment:${contract.id}:${number}`,
    description: instalmentText(name ?? contract.type, number, count),
    quantity: '1',
    unit_code: 'C62',
    unit_price: centsAsPrice(cents),
    net_cents: cents,
    vat_category: 'S',
    vat_percent: '21',
    period_start: period.start,
    period_end: period.end,
    explanation: null,
  };
}

/** BIL-2: paper post is an extra paid service, a line on the invoice it delivers. */
function postDeliveryDraft(input: RatingInput): ChargeDraft {
  const customerId = input.contracts[0].customerId;
  const cents = parseMoneyToCents(input.postDeliveryFee.price);
  return {
    customer_id: customerId,
    contract_id: null,
    period: input.period.period,
    source: 'service',
    source_key: `post:${input.period.period}`,
    description: POST_DELIVERY_TEXT,
    quantity: '1',
    unit_code: 'C62',
    unit_price: centsAsPrice(cents),
    net_cents: cents,
    vat_category: 'S',
    vat_percent: input.postDeliveryFee.vatPercent,
    period_start: input.period.start,
    period_end: input.period.end,
    explanation: null,
  };
}

/** 1234 → '12.340000': a whole-cent price with the six decimals every unit price has. */
export function centsAsPrice(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}0000`;
}

function sameInAll(text: string): LocalizedText {
  return { lv: text, en: text, ru: text };
}
