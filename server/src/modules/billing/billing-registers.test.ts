import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.js';
import { addBilledCustomer, addReading, addTariff, billContractWith, type BilledCustomer } from '../../test/billing-fixtures.js';
import { SYSTEM_ACTOR } from '../audit/index.js';
import { runBilling } from './billing-run.service.js';
import type { TariffElement } from './tariff-model.js';
import { validateTariffElements } from './tariff-pricing.js';

/**
 * Issue 12 point 1: a meter without interval data is billed from its registers' readings (GRD-2), each register
 * at its element of the tariff (the `register` restriction), the price valid on the day of the closing reading.
 */
const t = await createTestApp({ seed: false });
afterAll(async () => { await t.close(); });
const db = t.deps.db;
let customer: BilledCustomer;

const BY_REGISTER: TariffElement[] = [
  { label: { lv: 'dienas zona', en: 'day zone', ru: 'дневная зона' }, priceComponents: [{ type: 'ENERGY', price: '0.160000', vatPercent: '21', stepSize: 1 }], restrictions: { startTime: '07:00', endTime: '23:00', register: 'day' } },
  { label: { lv: 'nakts zona', en: 'night zone', ru: 'ночная зона' }, priceComponents: [{ type: 'ENERGY', price: '0.110000', vatPercent: '21', stepSize: 1 }], restrictions: { register: 'night' } },
  { priceComponents: [{ type: 'MONTHLY_FEE', price: '2.000000', vatPercent: '21', stepSize: 1 }] },
];

beforeAll(async () => {
  await addTariff(db, 'twozone', { lv: 'Divu zonu', en: 'Two zones', ru: 'Две зоны' }, [{ validFrom: '2025-01-01', elements: BY_REGISTER }]);
  customer = await addBilledCustomer(db, '7', { readRegisters: ['day', 'night'] });
  await billContractWith(db, customer, 'twozone');
  await addReading(db, customer.meterId, 'day', '2026-02-28', 1_000_000);
  await addReading(db, customer.meterId, 'night', '2026-02-28', 500_000);
  await addReading(db, customer.meterId, 'day', '2026-03-31', 1_150_000);
  await addReading(db, customer.meterId, 'night', '2026-03-31', 560_000);
});

describe('energy from meter readings', () => {
  it('a tariff names a register with a short lower-case name; a fee is never restricted by one', () => {
    expect(validateTariffElements(BY_REGISTER)).toEqual(BY_REGISTER);
    const named = (register: unknown) => [{ priceComponents: [{ type: 'ENERGY', price: '0.1', vatPercent: '21', stepSize: 1 }], restrictions: { register } }];
    expect(() => validateTariffElements(named('Day!'))).toThrow(expect.objectContaining({ details: { field: 'elements[0].restrictions.register', reason: expect.any(String) } }));
    const fee = [{ priceComponents: [{ type: 'MONTHLY_FEE', price: '1', vatPercent: '21', stepSize: 1 }], restrictions: { register: 'day' } }];
    expect(() => validateTariffElements(fee)).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('BIL-8, GRD-2: each register\'s consumption between two readings, at its own price', async () => {
    t.clock.set('2026-04-05T06:00:00Z');
    await runBilling(t.deps, { period: '2026-03', actor: SYSTEM_ACTOR });
    const invoice = await db.selectFrom('invoices').selectAll().where('customer_id', '=', customer.customerId).executeTakeFirstOrThrow();
    const lines = await db.selectFrom('invoice_lines').select(['source', 'quantity', 'unit_price', 'net_cents', 'period_start', 'period_end'])
      .where('invoice_id', '=', invoice.id).orderBy('line_number').execute();
    expect(lines.map((line) => [line.source, line.quantity, line.unit_price, line.net_cents, line.period_start, line.period_end])).toEqual([
      // day register 1 150 000 − 1 000 000 Wh = 150 kWh × 0.16 = 24.00 €, read from 28 February to 31 March
      ['energy', '150.000', '0.160000', 2400, '2026-02-28', '2026-03-31'],
      // night register 560 000 − 500 000 Wh = 60 kWh × 0.11 = 6.60 €
      ['energy', '60.000', '0.110000', 660, '2026-02-28', '2026-03-31'],
      ['fixed_fee', '1', '2.000000', 200, '2026-03-01', '2026-03-31'],
    ]);
    // net 32.60 €; VAT 21 % = 6.846 → 6.85 €; gross 39.45 €
    expect([invoice.net_cents, invoice.vat_cents, invoice.gross_cents]).toEqual([3260, 685, 3945]);
  });

  it('GRD-2: a month without a closing reading bills no energy; the next reading covers both months', async () => {
    t.clock.set('2026-05-05T06:00:00Z');
    await runBilling(t.deps, { period: '2026-04', actor: SYSTEM_ACTOR });
    await addReading(db, customer.meterId, 'day', '2026-05-31', 1_350_000);
    await addReading(db, customer.meterId, 'night', '2026-05-31', 640_000);
    t.clock.set('2026-06-05T06:00:00Z');
    await runBilling(t.deps, { period: '2026-05', actor: SYSTEM_ACTOR });
    // the energy and fee lines (nobody pays here, so the late interest lines of BIL-10 are left out)
    const quantities = async (period: string) => (await db.selectFrom('invoice_lines as l').innerJoin('invoices as i', 'i.id', 'l.invoice_id')
      .select(['l.source', 'l.quantity']).where('i.period', '=', period).where('i.customer_id', '=', customer.customerId)
      .where('l.source', '<>', 'late_interest').orderBy('l.line_number').execute())
      .map((line) => `${line.source} ${line.quantity}`);
    expect(await quantities('2026-04')).toEqual(['fixed_fee 1']);
    // 31 March → 31 May: day 200 kWh, night 80 kWh
    expect(await quantities('2026-05')).toEqual(['energy 200.000', 'energy 80.000', 'fixed_fee 1']);
  });
});
