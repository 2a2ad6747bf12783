import { addDays, rigaDate } from '@up/common/riga-time';
import type { LocalizedText } from '@up/operators';
import type { Deps } from '../deps.js';
import { newId } from '../infra/ids.js';
import type { TariffElement } from '../modules/billing/tariff-model.js';
import { SYSTEM_ACTOR } from '../modules/audit/index.js';
import { decideClaim, fileClaim, runBilling } from '../modules/billing/index.js';
import { takeInPayments, type IncomingPayment } from '../modules/payments/index.js';
import { DEMO_OBJECTS } from './demo-metering.js';
import { seedDemoCollections } from './demo-collections.js';

/**
 * The demo's year of invoices (issue 12 point 9): tariffs, what each demo contract bills, then the real billing
 * run for each of the last twelve months on its run day, from the demo consumption (seedDemoConsumption first).
 * Every invoice but the newest is paid by bank transfer a few days before its due day, so balances look lived in,
 * except Jānis' (issue 13 point 10): one invoice paid late (interest on the next one), one paid in two parts, an
 * advance payment before a run, a claim staff accepted (its correction a line of the next invoice); and one transfer
 * nobody can be matched to waits for staff.
 */
export async function seedDemoBilling(deps: Deps): Promise<void> {
  const { db } = deps;
  if (await db.selectFrom('tariffs').select('id').limit(1).executeTakeFirst()) return;
  const now = deps.clock.now();
  const today = rigaDate(now);
  const yearAgo = addDays(today, -365);

  const tariff = async (code: string, kind: 'supply' | 'grid' | 'service', name: LocalizedText, versions: { validFrom: string; elements: TariffElement[] }[]) => {
    const id = newId();
    await db.insertInto('tariffs').values({ id, code, kind, name: JSON.stringify(name), created_at: now }).execute();
    for (const [index, version] of versions.entries()) {
      await db.insertInto('tariff_versions').values({
        id: newId(), tariff_id: id, version: index + 1, valid_from: version.validFrom, elements: JSON.stringify(version.elements), created_by: null, created_at: now,
      }).execute();
    }
    return id;
  };
  const priceChange = `${today.slice(0, 4)}-07-01` < today ? `${today.slice(0, 4)}-07-01` : `${Number(today.slice(0, 4)) - 1}-07-01`;
  const home = await tariff('HOME', 'supply', { lv: 'Mājai', en: 'Home', ru: 'Для дома' }, [
    { validFrom: '2020-01-01', elements: [energy('0.145000'), fee('1.500000')] },
    { validFrom: priceChange, elements: [energy('0.139000'), fee('1.500000')] },
  ]);
  const spot = await tariff('SPOT', 'supply', { lv: 'Biržas cena', en: 'Spot price', ru: 'Биржевая цена' }, [
    { validFrom: '2020-01-01', elements: [{ priceComponents: [{ type: 'SPOT_ENERGY', price: '0.015000', vatPercent: '21', stepSize: 1 }] }, fee('2.990000')] },
  ]);
  const grid = (code: string, name: LocalizedText, perAmpere: string) => tariff(code, 'grid', name, [{
    validFrom: '2020-01-01',
    elements: [
      { label: { lv: 'dienas zona', en: 'day zone', ru: 'дневная зона' }, priceComponents: [{ type: 'ENERGY', price: '0.048900', vatPercent: '21', stepSize: 1 }], restrictions: { startTime: '07:00', endTime: '23:00', dayOfWeek: ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY'] } },
      { label: { lv: 'nakts un brīvdienu zona', en: 'night and weekend zone', ru: 'ночная зона и выходные' }, priceComponents: [{ type: 'ENERGY', price: '0.032400', vatPercent: '21', stepSize: 1 }] },
      { priceComponents: [{ type: 'CAPACITY_FEE', price: perAmpere, vatPercent: '21', stepSize: 1 }] },
    ],
  }]);
  const grid1 = await grid('GRID-1F', { lv: 'Sadale, 1 fāze', en: 'Grid, single phase', ru: 'Сеть, 1 фаза' }, '0.124000');
  const grid3 = await grid('GRID-3F', { lv: 'Sadale, 3 fāzes', en: 'Grid, three phase', ru: 'Сеть, 3 фазы' }, '0.186000');
  const radio = await tariff('RADIO', 'service', { lv: 'Radioatļauja', en: 'Radio permit', ru: 'Радиоразрешение' }, [
    { validFrom: '2020-01-01', elements: [fee('4.200000')] },
  ]);

  const customerId = async (number: string) => (await db.selectFrom('customers').select('id').where('customer_number', '=', number).executeTakeFirstOrThrow()).id;
  const objectId = async (eic: string) => (await db.selectFrom('metering_objects').select('id').where('eic', '=', eic).executeTakeFirstOrThrow()).id;
  const contractId = async (number: string) => (await db.selectFrom('contracts').select('id').where('number', '=', number).executeTakeFirstOrThrow()).id;
  const janis = await customerId('C-100001');
  const company = await customerId('C-100003');
  let companyUnpaidDue: string | null = null;
  const terms = async (contract: string, customer: string, values: { tariff?: string; grid?: string; object?: string }) => {
    await db.insertInto('contract_terms').values({
      contract_id: await contractId(contract), customer_id: customer, tariff_id: values.tariff ?? null, grid_tariff_id: values.grid ?? null,
      object_id: values.object ?? null, instalment_total_cents: null, instalment_count: null, first_instalment_month: null, product_name: null, updated_at: now,
    }).execute();
  };
  await terms('E-200001', janis, { tariff: home, grid: grid1, object: await objectId(DEMO_OBJECTS.flat.eic) });
  await terms('G-400001', janis, { grid: grid3, object: await objectId(DEMO_OBJECTS.house.eic) });
  await terms('E-200002', await customerId('C-100002'), { tariff: home });
  await terms('E-200003', await customerId('C-100003'), { tariff: spot, grid: grid3, object: await objectId(DEMO_OBJECTS.office.eic) });
  await terms('R-500004', await customerId('C-100004'), { tariff: radio });
  // A heat pump bought on 24 instalments, from the first month billed.
  const pump = newId();
  await db.insertInto('contracts').values({
    id: pump, customer_id: janis, type: 'product_purchase', number: 'P-600001', status: 'active', starts_on: yearAgo, ends_on: null, created_at: now,
  }).execute();
  await db.insertInto('contract_terms').values({
    contract_id: pump, customer_id: janis, tariff_id: null, grid_tariff_id: null, object_id: null, instalment_total_cents: 1_799_00,
    instalment_count: 24, first_instalment_month: addDays(yearAgo, 31).slice(0, 7), product_name: 'Siltumsūknis / Heat pump', updated_at: now,
  }).execute();

  // The real run for each of the last twelve months, on the operator's run day of the month after, and the
  // customers' bank payments in between: taken in as the bank statement import takes them (matched by reference).
  const runDay = String(deps.operator.billing.runDayOfMonth).padStart(2, '0');
  for (let monthsBack = 12; monthsBack >= 1; monthsBack--) {
    const period = monthBefore(today, monthsBack);
    const runOn = `${monthBefore(today, monthsBack - 1)}-${runDay}`;
    if (runOn > today) continue;
    const atRunDay = new Date(`${runOn}T07:00:00Z`);
    const run = await runBilling({ ...deps, clock: { now: () => atRunDay } }, { period, actor: SYSTEM_ACTOR });
    // each customer's newest invoice is left to pay
    if (monthsBack === 1) continue;
    const issued = await db.selectFrom('invoices').select(['id', 'customer_id', 'number', 'due_date', 'payable_cents', 'payment_reference'])
      .where('billing_run_id', '=', run.id).orderBy('number').execute();
    if (monthsBack === 4) await seedAcceptedClaim(deps, janis, issued.find((invoice) => invoice.customer_id === janis)!.id, runOn);
    const payments: IncomingPayment[] = [];
    for (const invoice of issued) {
      if (invoice.payable_cents <= 0 || !invoice.due_date) continue;
      const payment = (amountCents: number, receivedOn: string, suffix = '') => payments.push({
        source: 'bank', reference: `DEMO-${invoice.number}${suffix}`, amountCents, receivedOn, payerName: null, payerAccount: 'LV80BANK0000435195001',
        creditorReference: invoice.payment_reference, remittanceText: `Rēķins ${invoice.number}`, endToEndId: null, statementId: null,
      });
      if (invoice.customer_id === company && monthsBack === 2) {
        // BIL-11: left unpaid: reminded, then suspended (seedDemoCollections below)
        companyUnpaidDue = invoice.due_date;
      } else if (invoice.customer_id === janis && monthsBack === 7) {
        // BIL-10: paid 9 days late; the interest is a line of the next invoice
        payment(invoice.payable_cents, addDays(invoice.due_date, 9));
      } else if (invoice.customer_id === janis && monthsBack === 5) {
        // a partial payment on time, the rest 6 days late
        const first = Math.round(invoice.payable_cents * 0.6);
        payment(first, addDays(invoice.due_date, -2), '-1');
        payment(invoice.payable_cents - first, addDays(invoice.due_date, 6), '-2');
      } else {
        payment(invoice.payable_cents, addDays(invoice.due_date, -3));
      }
    }
    if (monthsBack === 3) {
      // BIL-3: an advance payment before the next run, which that invoice uses
      payments.push({
        source: 'bank', reference: `DEMO-ADVANCE-${period}`, amountCents: 50_00, receivedOn: addDays(`${monthBefore(today, monthsBack - 2)}-${runDay}`, -6),
        payerName: 'Jānis Bērziņš', payerAccount: 'LV80BANK0000435195001', creditorReference: null, remittanceText: 'Avanss, klients C-100001',
        endToEndId: null, statementId: null,
      });
    }
    await db.transaction().execute((trx) => takeInPayments(trx, payments, deps.operator.billing.invoiceSeries, null, atRunDay));
  }
  if (companyUnpaidDue) await seedDemoCollections(deps, today, companyUnpaidDue);
  // one transfer no customer can be told from, waiting for staff
  await db.transaction().execute((trx) => takeInPayments(trx, [{
    source: 'bank', reference: 'DEMO-UNKNOWN-1', amountCents: 23_40, receivedOn: addDays(today, -4), payerName: 'A. Ozols', payerAccount: 'LV32UNLA0055000000001',
    creditorReference: null, remittanceText: 'par elektrību', endToEndId: null, statementId: null,
  }], deps.operator.billing.invoiceSeries, null, now));
}

/**
 * BIL-7: Jānis claims against an invoice three days after its issue (the meter was changed mid-month); customer
 * service accept it the next day with a correction of −3.00 € + VAT, which the next month's invoice carries as a line.
 */
async function seedAcceptedClaim(deps: Deps, customerId: string, invoiceId: string, issuedOn: string): Promise<void> {
  const userId = async (email: string) => (await deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const at = (day: string, time: string) => ({ ...deps, clock: { now: () => new Date(`${day}T${time}Z`) } });
  const claim = await fileClaim(at(addDays(issuedOn, 3), '08:00:00'), { userId: await userId('janis@demo.example'), role: 'user', ip: null }, customerId, invoiceId, {
    text: 'Skaitītājs tika nomainīts mēneša vidū, bet rēķinā enerģija aprēķināta pēc vecā skaitītāja rādījuma.', amountCents: 3_63,
  });
  await decideClaim(at(addDays(issuedOn, 4), '09:00:00'), { userId: await userId('service@demo.example'), role: 'customer_service', ip: null }, claim.id, {
    accept: true, reason: 'Pārbaudījām skaitītāja maiņas aktu: enerģijas daudzums pārrēķināts.', correctionNetCents: -3_00, vatPercent: '21',
  });
}

function energy(price: string): TariffElement {
  return { priceComponents: [{ type: 'ENERGY', price, vatPercent: '21', stepSize: 1 }] };
}

function fee(price: string): TariffElement {
  return { priceComponents: [{ type: 'MONTHLY_FEE', price, vatPercent: '21', stepSize: 1 }] };
}

/** 'YYYY-MM' of the month `n` months before the month of `day`. */
function monthBefore(day: string, n: number): string {
  const index = Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1 - n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
