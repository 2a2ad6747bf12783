import { rigaDayStartMs, intervalsInRigaDay } from '@up/common/riga-days';
import type { LocalizedText } from '@up/operators';
import { withEicCheckCharacter } from '@up/common/eic';
import type { Db } from '../infra/db.js';
import type { TariffElement } from '../modules/billing/tariff-model.js';

/**
 * Small builders for billing tests: customers with a contract on an object with a meter, hourly data, tariffs.
 * Ids are given by the test, so two databases built the same way hold the same rows (the resumability test
 * compares them table by table).
 */
const AT = new Date('2026-01-01T00:00:00Z');

export interface BilledCustomer {
  customerId: string;
  contractId: string;
  objectId: string;
  meterId: string;
}

export async function addBilledCustomer(db: Db, key: string, options: {
  kind?: 'person' | 'company'; channel?: 'email' | 'post' | 'portal'; contractStarts?: string; language?: string; vatNumber?: string | null;
  /** a meter read by hand (no interval data) with these registers, instead of a smart meter */
  readRegisters?: string[];
} = {}): Promise<BilledCustomer> {
  const ids = { customerId: `cust-${key}`, contractId: `contract-${key}`, objectId: `object-${key}`, meterId: `meter-${key}` };
  const company = options.kind === 'company';
  await db.insertInto('customers').values({
    id: ids.customerId, kind: options.kind ?? 'person', name: company ? `Billing ${key} SIA` : `Pēteris Ābols ${key}`,
    identity_code: company ? `4000${key.padStart(7, '0')}` : `0101${key.padStart(7, '0')}`, customer_number: `B-${key}`,
    email: `${key}@billing.example`, phone: null, postal_address: `Ozolu iela ${key}, Rīga, LV-1010`, vat_number: options.vatNumber ?? null,
    invoice_channel: options.channel ?? 'email', notice_channel: 'email', language: options.language ?? 'lv', service_password_hash: null,
    created_at: AT, updated_at: AT,
  }).execute();
  await db.insertInto('contracts').values({
    id: ids.contractId, customer_id: ids.customerId, type: 'electricity_supply', number: `EB-${key}`, status: 'active',
    starts_on: options.contractStarts ?? '2025-01-01', ends_on: null, created_at: AT,
  }).execute();
  await db.insertInto('metering_objects').values({
    id: ids.objectId, kind: 'connection_point', eic: withEicCheckCharacter(`11XBILLING${key.toUpperCase().replace(/[^0-9A-Z]/g, '').padStart(5, '0').slice(-5)}`), address: `Ozolu iela ${key}`, capacity_amperes: 25, phases: 1, voltage_volts: 230,
    status: 'active', created_at: AT, updated_at: AT,
  }).execute();
  await db.insertInto('object_holdings').values({
    id: `holding-${key}`, object_id: ids.objectId, customer_id: ids.customerId, held_from: new Date(rigaDayStartMs('2025-01-01')), held_until: null,
  }).execute();
  await db.insertInto('meters').values({
    id: ids.meterId, object_id: ids.objectId, number: `M-${key}`, type: 'electronic', smart: !options.readRegisters,
    registers: options.readRegisters ?? ['total'], multiplier: 1,
    installed_on: '2024-01-01', removed_on: null,
  }).execute();
  return ids;
}

/** A Riga day of hourly values, every hour `wh` (or wh(hourIndex)). */
export async function putHourlyDay(db: Db, meterId: string, day: string, wh: number | ((hour: number) => number)) {
  const count = intervalsInRigaDay(day, 60);
  const values = Array.from({ length: count }, (_, hour) => (typeof wh === 'number' ? wh : wh(hour)));
  await db.insertInto('interval_days').values({
    meter_id: meterId, day, interval_minutes: 60, import_wh: values, export_wh: values.map(() => 0), quality: 'm'.repeat(count),
    import_id: 'test', updated_at: AT,
  }).execute();
}

export async function addReading(db: Db, meterId: string, register: string, readOn: string, readingWh: number) {
  await db.insertInto('meter_readings').values({
    id: `reading-${meterId}-${register}-${readOn}`, meter_id: meterId, register, read_on: readOn, reading_wh: readingWh, source: 'operator',
    customer_id: null, order_id: null, created_at: AT,
  }).execute();
}

export async function addTariff(db: Db, id: string, name: LocalizedText, versions: { validFrom: string; elements: TariffElement[] }[]) {
  await db.insertInto('tariffs').values({ id, code: id.toUpperCase(), kind: 'supply', name: JSON.stringify(name), created_at: AT }).execute();
  for (const [index, version] of versions.entries()) {
    await db.insertInto('tariff_versions').values({
      id: `${id}-v${index + 1}`, tariff_id: id, version: index + 1, valid_from: version.validFrom, elements: JSON.stringify(version.elements),
      created_by: null, created_at: AT,
    }).execute();
  }
}

export async function billContractWith(db: Db, customer: BilledCustomer, tariffId: string, options: { object?: boolean } = {}) {
  await db.insertInto('contract_terms').values({
    contract_id: customer.contractId, customer_id: customer.customerId, tariff_id: tariffId, grid_tariff_id: null,
    object_id: options.object === false ? null : customer.objectId, instalment_total_cents: null, instalment_count: null,
    first_instalment_month: null, product_name: null, updated_at: AT,
  }).execute();
}

export const DAY_NIGHT = (dayPrice: string, nightPrice: string, monthlyFee: string): TariffElement[] => [
  { label: { lv: 'dienas zona', en: 'day zone', ru: 'дневная зона' }, priceComponents: [{ type: 'ENERGY', price: dayPrice, vatPercent: '21', stepSize: 1 }], restrictions: { startTime: '07:00', endTime: '23:00' } },
  { label: { lv: 'nakts zona', en: 'night zone', ru: 'ночная зона' }, priceComponents: [{ type: 'ENERGY', price: nightPrice, vatPercent: '21', stepSize: 1 }] },
  { priceComponents: [{ type: 'MONTHLY_FEE', price: monthlyFee, vatPercent: '21', stepSize: 1 }] },
];

export { rigaDayStartMs };
