import { addDays, rigaDate } from '@up/common/riga-time';
import type { Db } from '../infra/db.js';
import { newId } from '../infra/ids.js';

/**
 * BIL-13, BIL-14 in the demo: SIA "Demo Būve" (Jānis is its main user) has an EV charging contract that started
 * three days ago, so the withdrawal is still possible; and a change of the EV charging terms is announced for 40
 * days ahead, recorded for every EV charging contract (the demo seeds it without e-mails or notices).
 */
export async function seedDemoContractLifecycle(trx: Db, customerIds: Record<string, string>, now: Date): Promise<void> {
  const today = rigaDate(now);
  await trx.insertInto('contracts').values({
    id: newId(), customer_id: customerIds['C-100003']!, type: 'ev_charging', number: 'EV-300003', status: 'active',
    starts_on: addDays(today, -3), ends_on: null, created_at: now, terms_version: '1',
  }).execute();
  await trx.updateTable('contracts').set({ terms_version: '1' }).where('terms_version', 'is', null).execute();
  const termChangeId = newId();
  await trx.insertInto('term_changes').values({
    id: termChangeId, contract_type: 'ev_charging', terms_version: 'EV-2',
    summary_lv: 'Uzlādes minūtes maksa ātrajās uzlādes stacijās samazinās no 0,05 € uz 0,04 €; ikmēneša maksa nemainās.',
    summary_en: 'The per-minute price at fast chargers falls from €0.05 to €0.04; the monthly fee stays the same.',
    summary_ru: 'Поминутная плата на быстрых зарядных станциях снижается с 0,05 € до 0,04 €; ежемесячная плата не меняется.',
    announced_on: today, effective_on: addDays(today, 40), announced_by: null, applied_at: null, created_at: now,
  }).execute();
  await trx.insertInto('contract_terms_versions').values({ contract_type: 'ev_charging', terms_version: 'EV-2', effective_on: addDays(today, 40), created_at: now }).execute();
  const live = await trx.selectFrom('contracts').select(['id', 'customer_id', 'number']).where('type', '=', 'ev_charging').where('status', 'in', ['pending', 'active', 'suspended']).execute();
  for (const contract of live) {
    await trx.insertInto('term_change_contracts').values({
      term_change_id: termChangeId, contract_id: contract.id, customer_id: contract.customer_id, outcome: 'notified', decided_on: null, contract_number: contract.number, told_at: now,
    }).execute();
  }
}
