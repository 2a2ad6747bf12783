import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestClient } from '../../test/test-app.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { DEMO_OBJECTS } from '../../db/demo-metering.js';
import { microEurosPerKwh, netYearStartOf, settleNetMetering } from './settlement.service.js';

const t = await createTestApp();
afterAll(async () => { await t.close(); });

let janis: TestClient;
let customerId = '';
let houseId = '';
let houseMeterId = '';

beforeAll(async () => {
  janis = t.client();
  await janis.login('janis@demo.example', DEMO_PASSWORD);
  customerId = (await t.deps.db.selectFrom('customers').select('id').where('customer_number', '=', 'C-100001').executeTakeFirstOrThrow()).id;
  houseId = (await t.deps.db.selectFrom('metering_objects').select('id').where('eic', '=', DEMO_OBJECTS.house.eic).executeTakeFirstOrThrow()).id;
  houseMeterId = (await t.deps.db.selectFrom('meters').select('id').where('number', '=', 'LV24052093').executeTakeFirstOrThrow()).id;
});

async function putHourlyDay(day: string, importWh: number[], exportWh: number[], prices?: (number | null)[]) {
  await t.deps.db.insertInto('interval_days').values({
    meter_id: houseMeterId, day, interval_minutes: 60, import_wh: importWh, export_wh: exportWh, quality: 'm'.repeat(importWh.length), import_id: 'test', updated_at: t.clock.now(),
  }).execute();
  if (prices) {
    await t.deps.db.insertInto('spot_prices').values({ zone: 'LV', day, interval_minutes: 60, price_ueur_per_kwh: prices, import_id: 'test', updated_at: t.clock.now() }).execute();
  }
}

const settlementOf = async (month: string) => (await janis.get(`/api/customers/${customerId}/objects/${houseId}/settlement?month=${month}`)).json();

describe('net billing (GRD-4)', () => {
  it('GRD-4: fed-in energy is valued per interval at the spot price less the margin, never below zero, rounded once', async () => {
    const exportWh = Array(24).fill(0);
    const prices: (number | null)[] = Array(24).fill(120_000); // 120.00 €/MWh
    exportWh[12] = 2000; // 2 kWh × (0.12 − 0.02) €/kWh = 0.20 €      = 200 000 000 n€
    exportWh[13] = 1000; prices[13] = -10_000; // a negative price: valued at zero
    exportWh[14] = 3000; prices[14] = 15_000; // 15 €/MWh is below the 20 €/MWh margin: zero, not negative
    exportWh[15] = 500; prices[15] = null; // no price loaded yet: not valued
    exportWh[16] = 1; // 1 Wh × 0.10 €/kWh = 0.0001 €                 =     100 000 n€
    exportWh[17] = 50; // 50 Wh × 0.10 €/kWh = 0.005 €                  =   5 000 000 n€
    await putHourlyDay('2025-06-10', Array(24).fill(300), exportWh, prices);
    const settlement = await settlementOf('2025-06');
    expect(settlement.scheme).toBe('net_billing');
    expect(settlement.exportWh).toBe(6551);
    expect(settlement.importWh).toBe(7200);
    // 205 100 000 n€ = 20.51 cents → 21 cents, rounded half-up once for the month
    expect(settlement.netBilling).toEqual({ marginEurPerKwh: '0.0200', fedInValueCents: 21, intervalsWithoutPrice: 1, intervalsValuedAtZero: 2 });
    expect(settlement.netMetering).toBeNull();
    // 1–9 June have no data although later data exists: missing; 11–30 June have not arrived yet: not counted
    expect(settlement.missingIntervals).toBe(9 * 24);
  });

  it('GRD-4: the margin is read exactly from the operator setting', () => {
    expect(microEurosPerKwh('0.0200')).toBe(20_000);
    expect(microEurosPerKwh('0.015')).toBe(15_000);
    expect(microEurosPerKwh('1')).toBe(1_000_000);
  });
});

describe('net metering (GRD-4)', () => {
  it('GRD-4: the net year runs from March to February', () => {
    expect(netYearStartOf('2026-03')).toBe('2026-03');
    expect(netYearStartOf('2026-12')).toBe('2026-03');
    expect(netYearStartOf('2027-02')).toBe('2026-03');
  });

  it('GRD-4: a month nets import against export and what was carried in; a surplus carries on', () => {
    const months = [
      { importWh: 5000, exportWh: 8000 }, // March: 3 000 Wh surplus carried
      { importWh: 4000, exportWh: 500 }, //  April: 3 000 + 500 available, 500 Wh billed
    ];
    expect(settleNetMetering(months.slice(0, 1), '2026-03')).toEqual({ carriedInWh: 0, billedWh: 0, carriedOutWh: 3000, lapsedWh: 0 });
    expect(settleNetMetering(months, '2026-04')).toEqual({ carriedInWh: 3000, billedWh: 500, carriedOutWh: 0, lapsedWh: 0 });
  });

  it('GRD-4: a surplus left at the end of February lapses', () => {
    // March to February, a summer surplus of 10 000 Wh used up only in part by the winter
    const months = [
      { importWh: 1000, exportWh: 6000 }, { importWh: 1000, exportWh: 6000 }, // +10 000
      ...Array.from({ length: 8 }, () => ({ importWh: 1000, exportWh: 1000 })),
      { importWh: 3000, exportWh: 0 }, // January: −3 000 → 7 000 left
      { importWh: 2000, exportWh: 0 }, // February: −2 000 → 5 000 left, which lapses
    ];
    expect(settleNetMetering(months, '2027-02')).toEqual({ carriedInWh: 7000, billedWh: 0, carriedOutWh: 0, lapsedWh: 5000 });
  });

  it('GRD-4: the object under net metering answers the month with what was carried in from the net year', async () => {
    await t.deps.db.updateTable('micro_generators').set({ scheme: 'net_metering' }).where('object_id', '=', houseId).execute();
    try {
      await putHourlyDay('2025-03-10', [5000, ...Array(23).fill(0)], [8000, ...Array(23).fill(0)]);
      await putHourlyDay('2025-04-10', [4000, ...Array(23).fill(0)], [500, ...Array(23).fill(0)]);
      const settlement = await settlementOf('2025-04');
      expect(settlement.scheme).toBe('net_metering');
      expect(settlement.netMetering).toEqual({ netYearStart: '2025-03', carriedInWh: 3000, billedWh: 500, carriedOutWh: 0, lapsedWh: 0 });
      expect(settlement.netBilling).toBeNull();
    } finally {
      await t.deps.db.updateTable('micro_generators').set({ scheme: 'net_billing' }).where('object_id', '=', houseId).execute();
    }
  });

  it('GRD-4: a month that is not YYYY-MM is refused naming the field', async () => {
    const response = await janis.get(`/api/customers/${customerId}/objects/${houseId}/settlement?month=2025-13`);
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json())).toContain('month');
  });
});
