import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LocalizedText } from '@up/operators';
import { roundHalfUpBig } from '@up/common/money';
import { intervalsInRigaDay, rigaDayStartMs } from '@up/common/riga-days';
import { AppError } from '../../infra/errors.js';
import type { PriceComponent, PriceComponentType, TariffElement, TariffVersion } from './tariff-model.ts';
import {
  parseDecimalMicros,
  priceEnergy,
  priceFixedFees,
  priceSession,
  validateTariffElements,
  type MeteredInterval,
  type PricedCharge,
  type SessionPeriod,
} from './tariff-pricing.ts';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const WEEKDAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] as const;
const text = (en: string): LocalizedText => ({ lv: en, en, ru: en });
const DAY = text('Day');
const NIGHT = text('Night');

function component(type: PriceComponentType, price: string, stepSize = 1): PriceComponent {
  return { type, price, vatPercent: '21', stepSize };
}

function version(id: string, n: number, validFrom: string, validUntil: string | null, elements: TariffElement[]): TariffVersion {
  return { id, tariffCode: id.replace(/-\d+$/, ''), version: n, name: text(id), validFrom, validUntil, elements };
}

/** Day 07:00–23:00 on weekdays, night otherwise (the fallback element also takes weekends). */
function dayNight(dayPrice: string, nightPrice: string): TariffElement[] {
  return [
    { label: DAY, priceComponents: [component('ENERGY', dayPrice)], restrictions: { startTime: '07:00', endTime: '23:00', dayOfWeek: [...WEEKDAYS] } },
    { label: NIGHT, priceComponents: [component('ENERGY', nightPrice)] },
  ];
}

const DN = [
  version('DN-1', 1, '2026-01-01', '2026-03-15', dayNight('0.150000', '0.100000')),
  version('DN-2', 2, '2026-03-15', null, dayNight('0.154320', '0.101230')),
];

/** The Riga day's hours (23, 24 or 25) with Wh = 100 × (hour index + 1): a wrong clock shifts Wh between bands. */
function hoursOfDay(day: string): MeteredInterval[] {
  const start = rigaDayStartMs(day);
  return Array.from({ length: intervalsInRigaDay(day, 60) }, (_, i) => ({
    startMs: start + i * HOUR,
    minutes: 60,
    importWh: 100 * (i + 1),
    spotUeurPerKwh: null,
  }));
}

/** One interval at Riga wall clock 'HH:MM' of `day` (a day without a clock change). */
function at(day: string, clock: string, importWh: number | null, spotUeurPerKwh: number | null = null, minutes = 60): MeteredInterval {
  const [h, m] = clock.split(':').map(Number);
  return { startMs: rigaDayStartMs(day) + h * HOUR + m * MINUTE, minutes, importWh, spotUeurPerKwh };
}

const summary = (c: PricedCharge) => ({
  version: c.tariffVersion,
  element: c.elementIndex,
  type: c.componentType,
  quantity: c.quantity,
  unitCode: c.unitCode,
  unitPrice: c.unitPrice,
  netNanoEuros: c.netNanoEuros,
  netCents: c.netCents,
  periodStart: c.periodStart,
  periodEnd: c.periodEnd,
});

const whOf = (quantity: string) => Number(quantity.replace('.', ''));

describe('parseDecimalMicros', () => {
  it('turns exact decimals into micro-euros', () => {
    expect(parseDecimalMicros('0.15432', 'price')).toBe(154_320);
    expect(parseDecimalMicros('1', 'price')).toBe(1_000_000);
    expect(parseDecimalMicros('0.000001', 'price')).toBe(1);
    expect(parseDecimalMicros('12.345678', 'price')).toBe(12_345_678);
    expect(parseDecimalMicros('-0.02', 'margin')).toBe(-20_000);
    expect(Object.is(parseDecimalMicros('-0', 'price'), 0)).toBe(true);
  });

  it('throws a RangeError naming the field on anything else', () => {
    for (const bad of ['', '0.1234567', '.5', '5.', '1e3', ' 1', '1,5', '+1', '--1', '99999999999.999999']) {
      expect(() => parseDecimalMicros(bad, 'elements[0].priceComponents[0].price'), bad).toThrow(
        /^elements\[0\]\.priceComponents\[0\]\.price: /,
      );
      expect(() => parseDecimalMicros(bad, 'x'), bad).toThrow(RangeError);
    }
  });
});

describe('priceEnergy: day/night zones in Riga time', () => {
  it('BIL-8: prices each hour by the Riga wall clock at its start, across the 23-hour day 2026-03-29', () => {
    const days = ['2026-03-27', '2026-03-28', '2026-03-29', '2026-03-30']; // Fri, Sat, Sun (23 h), Mon
    const intervals = days.flatMap(hoursOfDay);
    expect(intervals).toHaveLength(24 + 24 + 23 + 24);
    const { charges, missingIntervals, unpricedWh } = priceEnergy(DN, intervals);
    // A 24-hour weekday: day hours 07..22 have Wh 800..2300 → 100 × (8+…+23) = 24 800; night hours
    // 00..06 and 23 → 100 × (1+…+7 + 24) = 5 200. Saturday: all 24 hours = 100 × (1+…+24) = 30 000.
    // Sunday 29 March has 23 hours (03:00 does not exist) = 100 × (1+…+23) = 27 600, all night.
    // Day (version 2, 0.154320): 24 800 × 2 = 49 600 Wh × 154 320 µ€/kWh = 7 654 272 000 n€ = 765.4272 c → 765
    // Night (0.101230): 5 200 + 30 000 + 27 600 + 5 200 = 68 000 Wh × 101 230 = 6 883 640 000 n€ = 688.364 c → 688
    expect(charges.map(summary)).toEqual([
      { version: 2, element: 0, type: 'ENERGY', quantity: '49.600', unitCode: 'KWH', unitPrice: '0.154320',
        netNanoEuros: 7_654_272_000n, netCents: 765, periodStart: '2026-03-27', periodEnd: '2026-03-30' },
      { version: 2, element: 1, type: 'ENERGY', quantity: '68.000', unitCode: 'KWH', unitPrice: '0.101230',
        netNanoEuros: 6_883_640_000n, netCents: 688, periodStart: '2026-03-27', periodEnd: '2026-03-30' },
    ]);
    expect(charges[0].label).toEqual(DAY);
    expect(charges[0].days).toEqual([
      { day: '2026-03-27', wh: 24_800, nanoEuros: 3_827_136_000n },
      { day: '2026-03-30', wh: 24_800, nanoEuros: 3_827_136_000n },
    ]);
    expect(charges[1].days).toEqual([
      { day: '2026-03-27', wh: 5_200, nanoEuros: 526_396_000n },
      { day: '2026-03-28', wh: 30_000, nanoEuros: 3_036_900_000n },
      { day: '2026-03-29', wh: 27_600, nanoEuros: 2_793_948_000n },
      { day: '2026-03-30', wh: 5_200, nanoEuros: 526_396_000n },
    ]);
    expect([missingIntervals, unpricedWh]).toEqual([0, 0]);
  });

  it('BIL-8: prices each hour by the Riga wall clock at its start, across the 25-hour day 2026-10-25', () => {
    const days = ['2026-10-23', '2026-10-24', '2026-10-25', '2026-10-26']; // Fri, Sat, Sun (25 h), Mon
    const intervals = days.flatMap(hoursOfDay);
    expect(intervals).toHaveLength(24 + 24 + 25 + 24);
    const { charges } = priceEnergy(DN, intervals);
    // Day: as in March, 49 600 Wh → 765 c. Sunday 25 October has 25 hours = 100 × (1+…+25) = 32 500 Wh.
    // Night: 5 200 + 30 000 + 32 500 + 5 200 = 72 900 Wh × 101 230 = 7 379 667 000 n€ = 737.9667 c → 738
    expect(charges.map((c) => [c.quantity, c.netNanoEuros, c.netCents])).toEqual([
      ['49.600', 7_654_272_000n, 765],
      ['72.900', 7_379_667_000n, 738],
    ]);
    expect(charges[1].days.map((d) => [d.day, d.wh])).toEqual([
      ['2026-10-23', 5_200],
      ['2026-10-24', 30_000],
      ['2026-10-25', 32_500],
      ['2026-10-26', 5_200],
    ]);
  });

  it('a band whose end is before its start spans midnight; endTime 00:00 ends at midnight', () => {
    const overMidnight = [
      version('ZN-1', 1, '2026-01-01', null, [
        { label: NIGHT, priceComponents: [component('ENERGY', '0.080000')], restrictions: { startTime: '23:00', endTime: '07:00' } },
        { label: DAY, priceComponents: [component('ENERGY', '0.160000')], restrictions: { startTime: '07:00', endTime: '23:00' } },
      ]),
    ];
    const quarterHours = [
      at('2026-01-05', '06:45', 100, null, 15),
      at('2026-01-05', '07:00', 200, null, 15),
      at('2026-01-05', '22:45', 300, null, 15),
      at('2026-01-05', '23:00', 400, null, 15),
      at('2026-01-06', '00:00', 500, null, 15),
    ];
    // Night: 100 + 400 + 500 = 1 000 Wh × 80 000 = 80 000 000 n€ = 8 c; day: 200 + 300 = 500 Wh × 160 000 = 8 c
    expect(priceEnergy(overMidnight, quarterHours).charges.map((c) => [c.elementIndex, c.quantity, c.netCents])).toEqual([
      [0, '1.000', 8],
      [1, '0.500', 8],
    ]);

    const untilMidnight = [
      version('LT-1', 1, '2026-01-01', null, [
        { priceComponents: [component('ENERGY', '0.050000')], restrictions: { startTime: '23:00', endTime: '00:00' } },
        { priceComponents: [component('ENERGY', '0.100000')] },
      ]),
    ];
    const late = [
      at('2026-01-05', '22:45', 100, null, 15),
      at('2026-01-05', '23:00', 200, null, 15),
      at('2026-01-05', '23:45', 300, null, 15),
      at('2026-01-06', '00:00', 400, null, 15),
    ];
    // 23:00–00:00: 200 + 300 = 500 Wh × 50 000 = 25 000 000 n€ = 2.5 c → 3 (half-up); else 500 Wh × 100 000 = 5 c
    expect(priceEnergy(untilMidnight, late).charges.map((c) => [c.elementIndex, c.quantity, c.netCents])).toEqual([
      [0, '0.500', 3],
      [1, '0.500', 5],
    ]);
  });
});

describe('priceEnergy: versions (BIL-8)', () => {
  it('BIL-8: energy across a tariff change mid-month is priced by the version valid on each day', () => {
    // Fri 13, Sat 14 under version 1 (until the 15th, exclusive); Sun 15, Mon 16 under version 2
    const intervals = ['2026-03-13', '2026-03-14', '2026-03-15', '2026-03-16'].flatMap(hoursOfDay);
    const { charges } = priceEnergy(DN, intervals);
    // v1 day: Fri 24 800 Wh × 150 000 = 3 720 000 000 n€ → 372 c
    // v1 night: Fri 5 200 + Sat 30 000 = 35 200 Wh × 100 000 = 3 520 000 000 n€ → 352 c
    // v2 day: Mon 24 800 Wh × 154 320 = 3 827 136 000 n€ = 382.7136 c → 383
    // v2 night: Sun 30 000 + Mon 5 200 = 35 200 Wh × 101 230 = 3 563 296 000 n€ = 356.3296 c → 356
    expect(charges.map((c) => [c.tariffVersionId, c.elementIndex, c.quantity, c.unitPrice, c.netNanoEuros, c.netCents, c.periodStart, c.periodEnd])).toEqual([
      ['DN-1', 0, '24.800', '0.150000', 3_720_000_000n, 372, '2026-03-13', '2026-03-13'],
      ['DN-1', 1, '35.200', '0.100000', 3_520_000_000n, 352, '2026-03-13', '2026-03-14'],
      ['DN-2', 0, '24.800', '0.154320', 3_827_136_000n, 383, '2026-03-16', '2026-03-16'],
      ['DN-2', 1, '35.200', '0.101230', 3_563_296_000n, 356, '2026-03-15', '2026-03-16'],
    ]);
    expect(charges.map((c) => [c.tariffCode, c.tariffVersion])).toEqual([['DN', 1], ['DN', 1], ['DN', 2], ['DN', 2]]);
  });

  it('BIL-8: the hour before midnight of the last day belongs to the old version, the first hour of the new day to the new', () => {
    const { charges } = priceEnergy(DN, [at('2026-03-14', '23:00', 1_000), at('2026-03-15', '00:00', 1_000)]);
    // 1 000 Wh × 100 000 = 10 c (v1 night); 1 000 Wh × 101 230 = 10.123 c → 10 (v2 night)
    expect(charges.map((c) => [c.tariffVersion, c.periodStart, c.netNanoEuros])).toEqual([
      [1, '2026-03-14', 100_000_000n],
      [2, '2026-03-15', 101_230_000n],
    ]);
  });

  it('BIL-8: intervals on days no version covers are counted as unpriced, not charged', () => {
    // DN-1 starts 2026-01-01: the last day of 2025 has no price
    const pricing = priceEnergy(DN, [...hoursOfDay('2025-12-31'), at('2026-01-02', '12:00', 700)]);
    expect(pricing.unpricedIntervals).toBe(24);
    expect(pricing.unpricedWh).toBe(30_000); // 100 × (1+…+24)
    // Friday 2 January 12:00 is day: 700 Wh × 150 000 = 105 000 000 n€ → 11 c
    expect(pricing.charges.map((c) => [c.tariffVersion, c.elementIndex, c.quantity, c.netCents])).toEqual([[1, 0, '0.700', 11]]);
  });

  it('BIL-8: refuses versions that overlap (which price applies would be a guess)', () => {
    const overlapping = [
      version('OV-1', 1, '2026-01-01', '2026-03-20', dayNight('0.1', '0.1')),
      version('OV-2', 2, '2026-03-15', null, dayNight('0.2', '0.2')),
    ];
    expect(() => priceEnergy(overlapping, [])).toThrow(/tariff OV v1 overlaps tariff OV v2/);
  });
});

describe('priceEnergy: tiers, steps, spot, missing values', () => {
  const TIERED = [
    version('TIER-1', 1, '2026-03-01', null, [
      { label: text('First 100 kWh'), priceComponents: [component('ENERGY', '0.123456')], restrictions: { maxKwh: '100' } },
      { label: text('Above 100 kWh'), priceComponents: [component('ENERGY', '0.098765')], restrictions: { minKwh: '100' } },
    ]),
  ];

  it('tiered kWh: the first 100 kWh at one price, above at another; the interval crossing 100 kWh is split exactly in Wh', () => {
    const intervals = [at('2026-03-02', '10:00', 60_001), at('2026-03-02', '11:00', 50_000), at('2026-03-02', '12:00', 20_000)];
    const { charges } = priceEnergy(TIERED, intervals);
    // 11:00 starts at 60 001 Wh: 39 999 Wh reach 100 000 Wh (tier 1, maxKwh exclusive), 10 001 Wh go to tier 2
    // tier 1: 100 000 Wh × 123 456 = 12 345 600 000 n€ = 1 234.56 c → 1 235
    // tier 2: 10 001 + 20 000 = 30 001 Wh × 98 765 = 2 963 048 765 n€ = 296.3048765 c → 296
    expect(charges.map((c) => [c.elementIndex, c.quantity, c.netNanoEuros, c.netCents])).toEqual([
      [0, '100.000', 12_345_600_000n, 1235],
      [1, '30.001', 2_963_048_765n, 296],
    ]);
  });

  it('ENERGY stepSize rounds the line total up to whole steps; the surplus shows on the last day', () => {
    const wholeKwh = [version('STEP-1', 1, '2026-03-01', null, [{ priceComponents: [component('ENERGY', '0.200000', 1000)] }])];
    const { charges } = priceEnergy(wholeKwh, [at('2026-03-02', '10:00', 600), at('2026-03-03', '10:00', 634)]);
    // 1 234 Wh → 2 000 Wh in steps of 1 000; the 766 Wh surplus is on 3 March: 634 + 766 = 1 400 Wh
    // 2 000 Wh × 200 000 = 400 000 000 n€ = 40 c
    expect(charges.map(summary)).toEqual([
      { version: 1, element: 0, type: 'ENERGY', quantity: '2.000', unitCode: 'KWH', unitPrice: '0.200000',
        netNanoEuros: 400_000_000n, netCents: 40, periodStart: '2026-03-02', periodEnd: '2026-03-03' },
    ]);
    expect(charges[0].days).toEqual([
      { day: '2026-03-02', wh: 600, nanoEuros: 120_000_000n },
      { day: '2026-03-03', wh: 1_400, nanoEuros: 280_000_000n },
    ]);
  });

  it('spot + margin prices each hour at its own spot price, negative hours too; an hour without a spot price is unpriced', () => {
    const spot = [version('SPOT-1', 1, '2026-03-01', null, [{ label: text('Spot'), priceComponents: [component('SPOT_ENERGY', '0.015000', 1000)] }])];
    const intervals = [
      at('2026-03-02', '00:00', 2_000, 85_430), // (85 430 + 15 000) × 2 000 = 200 860 000 n€
      at('2026-03-02', '01:00', 3_000, -20_000), // (−20 000 + 15 000) × 3 000 = −15 000 000 n€
      at('2026-03-02', '02:00', 1_500, null), // no spot price: unpriced
      at('2026-03-02', '03:00', null, 50_000), // missing
      at('2026-03-02', '04:00', 1_000, -40_000), // (−40 000 + 15 000) × 1 000 = −25 000 000 n€
    ];
    const pricing = priceEnergy(spot, intervals);
    // net 200 860 000 − 15 000 000 − 25 000 000 = 160 860 000 n€ = 16.086 c → 16; 6 000 Wh, step ignored (1 000
    // would bill 0 extra here anyway); average 160 860 000 / 6 000 = 26 810 µ€/kWh
    expect(pricing.charges.map(summary)).toEqual([
      { version: 1, element: 0, type: 'SPOT_ENERGY', quantity: '6.000', unitCode: 'KWH', unitPrice: '0.026810',
        netNanoEuros: 160_860_000n, netCents: 16, periodStart: '2026-03-02', periodEnd: '2026-03-02' },
    ]);
    expect(pricing.charges[0].days).toEqual([{ day: '2026-03-02', wh: 6_000, nanoEuros: 160_860_000n }]);
    expect([pricing.missingIntervals, pricing.unpricedIntervals, pricing.unpricedWh]).toEqual([1, 1, 1_500]);
  });

  it('a spot line that nets negative is rounded half away from zero', () => {
    const spot = [version('SPOT-1', 1, '2026-03-01', null, [{ priceComponents: [component('SPOT_ENERGY', '0')] }])];
    // 1 000 Wh × −45 000 µ€/kWh = −45 000 000 n€ = −4.5 c → −5
    const [charge] = priceEnergy(spot, [at('2026-03-02', '13:00', 1_000, -45_000)]).charges;
    expect([charge.unitPrice, charge.netNanoEuros, charge.netCents]).toEqual(['-0.045000', -45_000_000n, -5]);
  });

  it('missing intervals are counted and never charged as zero', () => {
    const flat = [version('FLAT-1', 1, '2026-03-01', null, [{ priceComponents: [component('ENERGY', '0.100000')] }])];
    const pricing = priceEnergy(flat, [at('2026-03-02', '00:00', 1_000), at('2026-03-02', '01:00', null), at('2026-03-02', '02:00', null), at('2026-03-02', '03:00', 500)]);
    // 1 500 Wh × 100 000 = 150 000 000 n€ = 15 c; the two missing hours are neither Wh nor a zero
    expect(pricing.charges.map((c) => [c.quantity, c.netCents])).toEqual([['1.500', 15]]);
    expect([pricing.missingIntervals, pricing.unpricedIntervals, pricing.unpricedWh]).toEqual([2, 0, 0]);

    const allMissing = priceEnergy(flat, [at('2026-03-02', '00:00', null), at('2026-03-02', '01:00', null)]);
    expect(allMissing).toEqual({ charges: [], missingIntervals: 2, unpricedWh: 0, unpricedIntervals: 0 });
  });

  it('missing intervals do not count towards a kWh tier', () => {
    const { charges } = priceEnergy(TIERED, [at('2026-03-02', '10:00', 90_000), at('2026-03-02', '11:00', null), at('2026-03-02', '12:00', 20_000)]);
    // 90 000 Wh + the first 10 000 Wh of 12:00 in tier 1; 10 000 Wh in tier 2
    expect(charges.map((c) => [c.elementIndex, c.quantity])).toEqual([[0, '100.000'], [1, '10.000']]);
  });

  it('refuses intervals that are not whole Wh', () => {
    expect(() => priceEnergy(DN, [at('2026-03-02', '10:00', 1.5)])).toThrow(/intervals\[0\]\.importWh/);
    expect(() => priceEnergy(DN, [at('2026-03-02', '10:00', -1)])).toThrow(RangeError);
  });
});

describe('priceFixedFees', () => {
  const FEES = [
    version('FEE-1', 1, '2026-01-01', '2026-04-15', [
      { label: text('Fixed'), priceComponents: [component('MONTHLY_FEE', '3.990000'), component('CAPACITY_FEE', '0.350000')] },
    ]),
    version('FEE-2', 2, '2026-04-15', null, [
      { label: text('Fixed'), priceComponents: [component('MONTHLY_FEE', '4.500000'), component('CAPACITY_FEE', '0.400000')] },
    ]),
  ];

  it('a whole month is one month of the fee and capacity × the price per ampere', () => {
    const charges = priceFixedFees(FEES, { month: '2026-03', activeFrom: '2025-06-01', activeUntil: null, capacityAmperes: 25 });
    // 3.99 € → 399 c; 25 A × 0.35 € = 8.75 € → 8 750 000 000 n€ → 875 c
    expect(charges.map(summary)).toEqual([
      { version: 1, element: 0, type: 'MONTHLY_FEE', quantity: '1', unitCode: 'MON', unitPrice: '3.990000',
        netNanoEuros: 3_990_000_000n, netCents: 399, periodStart: '2026-03-01', periodEnd: '2026-03-31' },
      { version: 1, element: 0, type: 'CAPACITY_FEE', quantity: '25', unitCode: 'AMP', unitPrice: '0.350000',
        netNanoEuros: 8_750_000_000n, netCents: 875, periodStart: '2026-03-01', periodEnd: '2026-03-31' },
    ]);
    expect(charges.every((c) => c.days.length === 0 && c.vatPercent === '21')).toBe(true);
  });

  it('a contract starting mid-month pays its share of the days', () => {
    const charges = priceFixedFees(FEES, { month: '2026-03', activeFrom: '2026-03-15', activeUntil: null, capacityAmperes: 25 });
    // 15..31 March = 17 of 31 days.
    // fee: 3 990 000 µ€ × 1000 × 17 / 31 = 67 830 000 000 / 31 = 2 188 064 516.13 n€ = 218.81 c → 219; per day
    //      3.99 / 31 = 0.128709677 → 0.128710
    // capacity: 350 000 × 1000 × 25 × 17 / 31 = 148 750 000 000 / 31 = 4 798 387 096.77 n€ = 479.84 c → 480; per
    //      ampere 0.35 × 17 / 31 = 0.191935484 → 0.191935
    expect(charges.map(summary)).toEqual([
      { version: 1, element: 0, type: 'MONTHLY_FEE', quantity: '17', unitCode: 'DAY', unitPrice: '0.128710',
        netNanoEuros: 2_188_064_516n, netCents: 219, periodStart: '2026-03-15', periodEnd: '2026-03-31' },
      { version: 1, element: 0, type: 'CAPACITY_FEE', quantity: '25', unitCode: 'AMP', unitPrice: '0.191935',
        netNanoEuros: 4_798_387_096n, netCents: 480, periodStart: '2026-03-15', periodEnd: '2026-03-31' },
    ]);
  });

  it('BIL-8: a fee across a tariff change mid-month is split by days between the versions', () => {
    const charges = priceFixedFees(FEES, { month: '2026-04', activeFrom: '2025-06-01', activeUntil: null, capacityAmperes: 25 });
    // April has 30 days: 1..14 under version 1 (14 days), 15..30 under version 2 (16 days)
    // v1 fee: 3.99 × 14 / 30 = 1.862 € → 1 862 000 000 n€ → 186 c; per day 3.99 / 30 = 0.133
    // v1 capacity: 0.35 × 25 × 14 / 30 = 4.083333… € → 4 083 333 333 n€ → 408 c; per ampere 0.35 × 14 / 30 = 0.163333
    // v2 fee: 4.50 × 16 / 30 = 2.40 € → 240 c; per day 0.15
    // v2 capacity: 0.40 × 25 × 16 / 30 = 5.333333… € → 5 333 333 333 n€ → 533 c; per ampere 0.40 × 16 / 30 = 0.213333
    expect(charges.map((c) => [c.tariffVersion, c.componentType, c.quantity, c.unitCode, c.unitPrice, c.netNanoEuros, c.netCents, c.periodStart, c.periodEnd])).toEqual([
      [1, 'MONTHLY_FEE', '14', 'DAY', '0.133000', 1_862_000_000n, 186, '2026-04-01', '2026-04-14'],
      [1, 'CAPACITY_FEE', '25', 'AMP', '0.163333', 4_083_333_333n, 408, '2026-04-01', '2026-04-14'],
      [2, 'MONTHLY_FEE', '16', 'DAY', '0.150000', 2_400_000_000n, 240, '2026-04-15', '2026-04-30'],
      [2, 'CAPACITY_FEE', '25', 'AMP', '0.213333', 5_333_333_333n, 533, '2026-04-15', '2026-04-30'],
    ]);
  });

  it('a contract ending mid-month pays until its last day; no capacity fee without a capacity', () => {
    const charges = priceFixedFees(FEES, { month: '2026-03', activeFrom: '2025-06-01', activeUntil: '2026-03-11', capacityAmperes: null });
    // 1..10 March = 10 of 31 days: 3.99 × 10 / 31 = 1.287096774 € → 1 287 096 774 n€ = 128.71 c → 129
    expect(charges.map(summary)).toEqual([
      { version: 1, element: 0, type: 'MONTHLY_FEE', quantity: '10', unitCode: 'DAY', unitPrice: '0.128710',
        netNanoEuros: 1_287_096_774n, netCents: 129, periodStart: '2026-03-01', periodEnd: '2026-03-10' },
    ]);
    expect(priceFixedFees(FEES, { month: '2026-03', activeFrom: '2026-04-01', activeUntil: null, capacityAmperes: 25 })).toEqual([]);
  });

  it('a prorated fee rounds the exact fraction once: its cents are roundHalfUp(µ€ × 1000 × days, daysInMonth × 10^7)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (micros, amperes, month, startDay) => {
          const monthText = `2026-${String(month).padStart(2, '0')}`;
          const daysInMonth = new Date(Date.UTC(2026, month, 0)).getUTCDate();
          const from = Math.min(startDay, daysInMonth);
          const price = `${Math.floor(micros / 1e6)}.${String(micros % 1e6).padStart(6, '0')}`;
          const tariff = [version('P-1', 1, '2026-01-01', null, [{ priceComponents: [component('MONTHLY_FEE', price), component('CAPACITY_FEE', price)] }])];
          const activeFrom = `${monthText}-${String(from).padStart(2, '0')}`;
          const [fee, capacity] = priceFixedFees(tariff, { month: monthText, activeFrom, activeUntil: null, capacityAmperes: amperes });
          const days = BigInt(daysInMonth - from + 1);
          const divisor = BigInt(daysInMonth) * 10_000_000n;
          expect(fee.netCents).toBe(Number(roundHalfUpBig(BigInt(micros) * 1000n * days, divisor)));
          expect(capacity.netCents).toBe(Number(roundHalfUpBig(BigInt(micros) * 1000n * BigInt(amperes) * days, divisor)));
        },
      ),
    );
  });
});

describe('priceSession', () => {
  const SESSION_START = Date.UTC(2026, 4, 4, 7, 0); // Monday 4 May 2026, 10:00 in Riga (UTC+3)
  const CHARGING = [
    version('EV-1', 1, '2026-01-01', null, [
      { label: text('Fast'), priceComponents: [component('ENERGY', '0.450000')], restrictions: { minPowerKw: '50' } },
      { label: text('Parking after the first hour'), priceComponents: [component('PARKING_TIME', '6.000000', 300)], restrictions: { minDurationSeconds: 3600 } },
      {
        priceComponents: [component('FLAT', '1.000000'), component('ENERGY', '0.300000'), component('TIME', '1.200000', 900), component('PARKING_TIME', '2.400000', 300)],
      },
    ]),
  ];
  const period = (fromMin: number, toMs: number, energyWh: number, powerKw: number, charging: boolean): SessionPeriod => ({
    startMs: SESSION_START + fromMin * MINUTE,
    endMs: SESSION_START + toMs,
    energyWh,
    powerKw,
    charging,
  });

  it('prices energy, charging time, parking time and a flat fee like an OCPI CDR', () => {
    const periods = [
      period(0, 30 * MINUTE, 11_000, 22, true), // 10:00–10:30 at 22 kW: normal energy, time
      period(30, 50 * MINUTE, 20_000, 60, true), // 10:30–10:50 at 60 kW: fast energy, time
      period(50, 60 * MINUTE, 0, 0, false), // 10:50–11:00 parking in the first hour
      period(60, 60 * MINUTE + 430_000, 0, 0, false), // 11:00–11:07:10 parking after the first hour
    ];
    const charges = priceSession(CHARGING, { startMs: SESSION_START, periods });
    // fast energy: 20 000 Wh × 450 000 = 9 000 000 000 n€ → 900 c
    // parking after 1 h: parking is the last time dimension, so its session total 600 + 430 = 1 030 s is rounded up
    //   to the last parking component's step (300 s): 1 200 s; the 170 s surplus goes to that last element:
    //   430 + 170 = 600 s = 0.167 h × 6.00 €/h = 1.00 € → 100 c
    // flat: 1.00 € → 100 c
    // normal energy: 11 000 Wh × 300 000 = 3 300 000 000 n€ → 330 c
    // charging time: 30 + 20 = 50 min (not rounded to its 900 s step: parking came after) = 0.833 h × 1.20 €/h =
    //   1.00 € → 100 c
    // parking in the first hour: 600 s × 2.40 €/h = 0.40 € → 40 c
    expect(charges.map((c) => [c.elementIndex, c.componentType, c.quantity, c.unitCode, c.unitPrice, c.netNanoEuros, c.netCents])).toEqual([
      [0, 'ENERGY', '20.000', 'KWH', '0.450000', 9_000_000_000n, 900],
      [1, 'PARKING_TIME', '0.167', 'HUR', '6.000000', 1_000_000_000n, 100],
      [2, 'FLAT', '1', 'C62', '1.000000', 1_000_000_000n, 100],
      [2, 'ENERGY', '11.000', 'KWH', '0.300000', 3_300_000_000n, 330],
      [2, 'TIME', '0.833', 'HUR', '1.200000', 1_000_000_000n, 100],
      [2, 'PARKING_TIME', '0.167', 'HUR', '2.400000', 400_000_000n, 40],
    ]);
    expect(charges.reduce((sum, c) => sum + c.netCents, 0)).toBe(1570);
    expect(charges[0].days).toEqual([{ day: '2026-05-04', wh: 20_000, nanoEuros: 9_000_000_000n }]);
    expect(charges.every((c) => c.periodStart === '2026-05-04' && c.periodEnd === '2026-05-04')).toBe(true);
  });

  it('rounds the session energy up to the last energy step and the last time dimension up to its step', () => {
    const stepped = [
      version('EV-1', 1, '2026-01-01', null, [{ priceComponents: [component('ENERGY', '0.300000', 500), component('TIME', '1.200000', 900)] }]),
    ];
    const periods = [
      period(0, 20 * MINUTE, 7_234, 11, true), // 10:00–10:20 charging
      period(20, 23 * MINUTE, 0, 0, false), // 10:20–10:23 parking: no PARKING_TIME price, free
    ];
    const charges = priceSession(stepped, { startMs: SESSION_START, periods });
    // energy 7 234 Wh → 7 500 Wh in steps of 500 × 300 000 = 2 250 000 000 n€ → 225 c
    // time 20 min → 30 min in steps of 15 (TIME is the last priced time dimension; free parking does not count):
    //   0.5 h × 1.20 €/h = 0.60 € → 60 c
    expect(charges.map((c) => [c.componentType, c.quantity, c.netNanoEuros, c.netCents])).toEqual([
      ['ENERGY', '7.500', 2_250_000_000n, 225],
      ['TIME', '0.500', 600_000_000n, 60],
    ]);
    expect(charges[0].days).toEqual([{ day: '2026-05-04', wh: 7_500, nanoEuros: 2_250_000_000n }]);
  });

  it('BIL-8: a session is priced by the version valid on the Riga day it starts, also after midnight', () => {
    const versions = [
      version('EV-1', 1, '2026-01-01', '2026-03-15', [{ priceComponents: [component('ENERGY', '0.300000')] }]),
      version('EV-2', 2, '2026-03-15', null, [{ priceComponents: [component('ENERGY', '0.350000')] }]),
    ];
    const start = rigaDayStartMs('2026-03-14') + 23 * HOUR + 30 * MINUTE; // Saturday 23:30 in Riga
    const periods = [{ startMs: start, endMs: start + HOUR, energyWh: 10_000, powerKw: 10, charging: true }];
    const [charge, ...rest] = priceSession(versions, { startMs: start, periods });
    // 10 000 Wh × 300 000 (version 1) = 3 000 000 000 n€ → 300 c, although the session ends on the 15th
    expect(rest).toEqual([]);
    expect([charge.tariffVersion, charge.netCents, charge.periodStart, charge.periodEnd]).toEqual([1, 300, '2026-03-14', '2026-03-15']);
    expect(priceSession(versions, { startMs: Date.UTC(2025, 11, 31, 12), periods: [] })).toEqual([]);
  });

  it('refuses periods that run backwards', () => {
    const periods = [{ startMs: SESSION_START, endMs: SESSION_START - 1, energyWh: 1, powerKw: 1, charging: true }];
    expect(() => priceSession(CHARGING, { startMs: SESSION_START, periods })).toThrow(/periods\[0\]\.endMs/);
  });
});

describe('validateTariffElements', () => {
  const valid = (): unknown[] => [
    {
      label: { lv: 'Diena', en: 'Day', ru: 'День' },
      priceComponents: [{ type: 'ENERGY', price: '0.154320', vatPercent: '21', stepSize: 1 }],
      restrictions: { startTime: '07:00', endTime: '23:00', dayOfWeek: ['MONDAY', 'TUESDAY'], minKwh: '0', maxKwh: '100.5' },
    },
    {
      priceComponents: [
        { type: 'MONTHLY_FEE', price: '3.99', vatPercent: '21', stepSize: 1 },
        { type: 'SPOT_ENERGY', price: '-0.005', vatPercent: '5.5', stepSize: 1 },
      ],
      restrictions: { startDate: '2026-01-01', endDate: '2027-01-01' },
    },
  ];
  type Mutation = (elements: any[]) => unknown;

  it('accepts a valid elements array and returns it', () => {
    expect(validateTariffElements(valid())).toEqual(valid());
  });

  const cases: [string, Mutation, string][] = [
    ['a price with 7 decimals', (e) => (e[1].priceComponents[0].price = '0.1234567'), 'elements[1].priceComponents[0].price'],
    ['a price as a number', (e) => (e[0].priceComponents[0].price = 0.15), 'elements[0].priceComponents[0].price'],
    ['a negative energy price', (e) => (e[0].priceComponents[0].price = '-0.01'), 'elements[0].priceComponents[0].price'],
    ['VAT above 100', (e) => (e[0].priceComponents[0].vatPercent = '121'), 'elements[0].priceComponents[0].vatPercent'],
    ['VAT with 3 decimals', (e) => (e[0].priceComponents[0].vatPercent = '21.125'), 'elements[0].priceComponents[0].vatPercent'],
    ['step size 0', (e) => (e[0].priceComponents[0].stepSize = 0), 'elements[0].priceComponents[0].stepSize'],
    ['step size 1.5', (e) => (e[1].priceComponents[1].stepSize = 1.5), 'elements[1].priceComponents[1].stepSize'],
    ['an unknown type', (e) => (e[0].priceComponents[0].type = 'KWH'), 'elements[0].priceComponents[0].type'],
    ['no components', (e) => (e[0].priceComponents = []), 'elements[0].priceComponents'],
    ['two energy components', (e) => e[0].priceComponents.push({ type: 'SPOT_ENERGY', price: '0', vatPercent: '21', stepSize: 1 }), 'elements[0].priceComponents[1].type'],
    ['a fee restricted by time of day', (e) => e[0].priceComponents.push({ type: 'MONTHLY_FEE', price: '1', vatPercent: '21', stepSize: 1 }), 'elements[0].priceComponents[1].type'],
    ['a time without leading zero', (e) => (e[0].restrictions.startTime = '7:00'), 'elements[0].restrictions.startTime'],
    ['24:00', (e) => (e[0].restrictions.endTime = '24:00'), 'elements[0].restrictions.endTime'],
    ['start time equal to end time', (e) => (e[0].restrictions.endTime = '07:00'), 'elements[0].restrictions.endTime'],
    ['no such date', (e) => (e[1].restrictions.startDate = '2026-02-30'), 'elements[1].restrictions.startDate'],
    ['end date before start date', (e) => (e[1].restrictions.endDate = '2025-12-31'), 'elements[1].restrictions.endDate'],
    ['an unknown weekday', (e) => (e[0].restrictions.dayOfWeek = ['MONDAY', 'FUNDAY']), 'elements[0].restrictions.dayOfWeek[1]'],
    ['a weekday twice', (e) => (e[0].restrictions.dayOfWeek = ['MONDAY', 'MONDAY']), 'elements[0].restrictions.dayOfWeek[1]'],
    ['no weekdays', (e) => (e[0].restrictions.dayOfWeek = []), 'elements[0].restrictions.dayOfWeek'],
    ['kWh below a Wh', (e) => (e[0].restrictions.minKwh = '0.0005'), 'elements[0].restrictions.minKwh'],
    ['max kWh not above min kWh', (e) => (e[0].restrictions.minKwh = '200'), 'elements[0].restrictions.maxKwh'],
    ['a negative duration', (e) => (e[0].restrictions.minDurationSeconds = -1), 'elements[0].restrictions.minDurationSeconds'],
    ['a misspelt restriction', (e) => (e[0].restrictions.start_time = '07:00'), 'elements[0].restrictions.start_time'],
    ['a label without Russian', (e) => delete e[0].label.ru, 'elements[0].label.ru'],
    ['an element that is not an object', (e) => (e[1] = null), 'elements[1]'],
  ];

  it.each(cases)('names the path of %s', (_, mutate, field) => {
    const elements = valid() as any[];
    mutate(elements);
    expect(fieldOf(() => validateTariffElements(elements))).toBe(field);
  });

  it('names the field itself when it is not a non-empty list', () => {
    expect(fieldOf(() => validateTariffElements('x'))).toBe('elements');
    expect(fieldOf(() => validateTariffElements([]))).toBe('elements');
    expect(fieldOf(() => validateTariffElements(undefined, 'tariff.elements'))).toBe('tariff.elements');
  });

  it('prefixes paths with the given field', () => {
    const elements = valid() as any[];
    elements[1].priceComponents[0].price = '1.1234567';
    expect(fieldOf(() => validateTariffElements(elements, 'versions[2].elements'))).toBe('versions[2].elements[1].priceComponents[0].price');
  });

  function fieldOf(run: () => unknown): string {
    try {
      run();
    } catch (error) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(400);
      return (error as AppError).details?.field as string;
    }
    throw new Error('did not throw');
  }
});

describe('priceEnergy: properties', () => {
  // v1 until the 15th: day/night with a 50 kWh first tier by day; v2 15th–24th: spot on weekends, two tiers
  // otherwise; no version 25th–27th; v3 from the 28th: one price
  const VERSIONS = [
    version('PR-1', 1, '2026-03-01', '2026-03-15', [
      { priceComponents: [component('ENERGY', '0.150000')], restrictions: { startTime: '07:00', endTime: '23:00', maxKwh: '50' } },
      { priceComponents: [component('ENERGY', '0.100000')] },
    ]),
    version('PR-2', 2, '2026-03-15', '2026-03-25', [
      { priceComponents: [component('SPOT_ENERGY', '0.010000')], restrictions: { dayOfWeek: ['SATURDAY', 'SUNDAY'] } },
      { priceComponents: [component('ENERGY', '0.154320')], restrictions: { maxKwh: '120.5' } },
      { priceComponents: [component('ENERGY', '0.200001')], restrictions: { minKwh: '120.5' } },
    ]),
    version('PR-3', 3, '2026-03-28', null, [{ priceComponents: [component('ENERGY', '0.099999')] }]),
  ];
  const FIRST_HOUR = rigaDayStartMs('2026-03-10');
  const hours = fc.record({
    offset: fc.integer({ min: 0, max: 24 * 20 }),
    values: fc.array(
      fc.record({
        wh: fc.option(fc.integer({ min: 0, max: 6_000 }), { nil: null }),
        spot: fc.option(fc.integer({ min: -80_000, max: 400_000 }), { nil: null }),
      }),
      { maxLength: 24 * 10 },
    ),
  });

  it('every known Wh is charged or unpriced, each line is the sum of its days and its cents are its one rounding', () => {
    fc.assert(
      fc.property(hours, ({ offset, values }) => {
        const intervals = values.map((v, i) => ({ startMs: FIRST_HOUR + (offset + i) * HOUR, minutes: 60, importWh: v.wh, spotUeurPerKwh: v.spot }));
        const pricing = priceEnergy(VERSIONS, intervals);
        const knownWh = values.reduce((sum, v) => sum + (v.wh ?? 0), 0);
        const chargedWh = pricing.charges.reduce((sum, c) => sum + whOf(c.quantity), 0);
        expect(chargedWh + pricing.unpricedWh).toBe(knownWh);
        expect(pricing.missingIntervals).toBe(values.filter((v) => v.wh === null).length);
        for (const charge of pricing.charges) {
          expect(charge.netNanoEuros).toBe(charge.days.reduce((sum, d) => sum + d.nanoEuros, 0n));
          expect(charge.days.reduce((sum, d) => sum + d.wh, 0)).toBe(whOf(charge.quantity));
          expect(charge.netCents).toBe(Number(roundHalfUpBig(charge.netNanoEuros, 10_000_000n)));
        }
      }),
    );
  });
});
