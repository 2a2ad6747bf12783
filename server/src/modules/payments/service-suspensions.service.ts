import type { Selectable } from 'kysely';
import type { ServiceStatus, SuspensionReason, SuspensionView } from '@up/common/contracts/collections';
import { formatMoney } from '@up/common/money';
import { rigaDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { newId } from '../../infra/ids.js';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/index.js';
import { customerOpenItems, overdueCentsOfCustomers } from '../billing/index.js';
import { findCustomerById, resumeContractsOf, suspendContractsOf } from '../customers/index.js';
import { fillText, postNotice, queueEmail } from '../notifications/index.js';
import { COLLECTIONS_EMAILS, SUSPENSION_REASON_TEXT, languageOf } from './collections.emails.js';
import type { ServiceSuspensionRow } from './payments.tables.js';
import { orderGridChange } from './grid-orders.js';

/** What suspending and restoring need: the database, the clock, the operator's texts and the portal's address. */
export type CollectionsDeps = Pick<Deps, 'db' | 'clock' | 'operator'> & Partial<Pick<Deps, 'config'>>;

/**
 * BIL-11, EVC-3: the customer's open suspension, or null. Other modules ask it through index.ts (EV charging refuses
 * a start while there is one). One indexed lookup.
 */
export async function serviceSuspension(db: Db, customerId: string): Promise<SuspensionView | null> {
  const row = await db.selectFrom('service_suspensions').selectAll().where('customer_id', '=', customerId).where('restored_at', 'is', null).executeTakeFirst();
  return row ? viewOf(row) : null;
}

/** GET …/service-status: the suspension, if any, and what to pay (overdue first) to have the service back. */
export async function serviceStatus(deps: Pick<Deps, 'db' | 'clock' | 'operator'>, customerId: string): Promise<ServiceStatus> {
  const today = rigaDate(deps.clock.now());
  const [suspension, open] = await Promise.all([
    serviceSuspension(deps.db, customerId),
    customerOpenItems(deps.db, customerId, today, deps.operator.billing.lateInterestPercentPerDay),
  ]);
  return { suspension, overdueCents: open.overdueCents, openCents: open.openCents };
}

/**
 * BIL-11, BIL-12: suspends the customer's service — for it and all its users — in the caller's transaction: the
 * suspension is stored with its reason, since when and by whom, the customer's active contracts become 'suspended',
 * the grid operator is ordered to disconnect the customer's connection points where the profile says so
 * (grid-orders.ts), the customer is e-mailed and told in the portal inbox, and it is audited. A customer suspended already stays as it
 * is (answers null): at most one open suspension per customer (a unique index decides between two processes).
 */
export async function suspendService(
  deps: CollectionsDeps, trx: Db, actor: Actor, customerId: string, reason: SuspensionReason, note: string | null,
): Promise<SuspensionView | null> {
  const now = deps.clock.now();
  const row = await trx.insertInto('service_suspensions').values({
    id: newId(), customer_id: customerId, reason, note, since: now, suspended_by: actor.userId, restored_at: null, restored_by: null, restore_cause: null,
  }).onConflict((oc) => oc.column('customer_id').where('restored_at', 'is', null).doNothing()).returningAll().executeTakeFirst();
  if (!row) return null;
  const contracts = await suspendContractsOf(trx, customerId);
  const gridOrderId = await orderGridChange(deps, trx, actor, customerId, row.id, 'disconnect');
  const today = rigaDate(now);
  const overdue = (await overdueCentsOfCustomers(trx, [customerId], today)).get(customerId) ?? 0;
  await tellCustomer(deps, trx, customerId, 'service_suspended', (lang) => ({
    reason: SUSPENSION_REASON_TEXT[reason][lang], overdue: formatMoney(overdue, lang),
  }));
  await recordAudit(trx, actor, {
    customerId, action: 'payments.service_suspended', objectType: 'service_suspension', objectId: row.id,
    details: { reason, note, overdueCents: overdue, contracts, gridOrderId },
  }, now);
  return viewOf(row);
}

/**
 * BIL-11: restores the customer's service in the caller's transaction: the open suspension is closed with its
 * cause, the suspended contracts are 'active' again, the reconnection is ordered (grid-orders.ts), the customer is e-mailed and told in the inbox, audited.
 * Answers false when nothing was suspended.
 */
export async function restoreService(deps: CollectionsDeps, trx: Db, actor: Actor, customerId: string, cause: 'paid' | 'staff', note: string | null): Promise<boolean> {
  const now = deps.clock.now();
  const row = await trx.updateTable('service_suspensions').set({ restored_at: now, restored_by: actor.userId, restore_cause: cause })
    .where('customer_id', '=', customerId).where('restored_at', 'is', null)
    .returning(['id', 'reason']).executeTakeFirst();
  if (!row) return false;
  const contracts = await resumeContractsOf(trx, customerId);
  const gridOrderId = await orderGridChange(deps, trx, actor, customerId, row.id, 'reconnect');
  await tellCustomer(deps, trx, customerId, 'service_restored', () => ({}));
  await recordAudit(trx, actor, {
    customerId, action: 'payments.service_restored', objectType: 'service_suspension', objectId: row.id,
    details: { reason: row.reason, cause, note, contracts, gridOrderId },
  }, now);
  return true;
}

/**
 * BIL-11: "restored when paid" — after money came in (a statement, an online payment, a staff payment, an assigned
 * payment), in the same transaction: every customer suspended for late payment (of `customerIds`, or all of them)
 * whose overdue debt is now 0 gets its service back. Set-based: two statements however many payments came in (the
 * open late-payment suspensions are few), then the restores. Answers the customers restored.
 */
export async function restorePaidServices(deps: CollectionsDeps, trx: Db, customerIds?: readonly string[]): Promise<string[]> {
  if (customerIds && customerIds.length === 0) return [];
  let query = trx.selectFrom('service_suspensions').select('customer_id').where('restored_at', 'is', null).where('reason', '=', 'late_payment');
  if (customerIds) query = query.where('customer_id', 'in', [...new Set(customerIds)]);
  const suspended = (await query.execute()).map((row) => row.customer_id);
  if (suspended.length === 0) return [];
  const overdue = await overdueCentsOfCustomers(trx, suspended, rigaDate(deps.clock.now()));
  const paid = suspended.filter((customerId) => (overdue.get(customerId) ?? 0) <= 0);
  for (const customerId of paid) await restoreService(deps, trx, SYSTEM_ACTOR, customerId, 'paid', null);
  return paid;
}

export async function suspensionHistory(db: Db, customerId: string): Promise<SuspensionView[]> {
  const rows = await db.selectFrom('service_suspensions').selectAll().where('customer_id', '=', customerId).orderBy('since', 'desc').limit(100).execute();
  return rows.map(viewOf);
}

export function viewOf(row: Selectable<ServiceSuspensionRow>): SuspensionView {
  return {
    id: row.id, reason: row.reason, note: row.note, since: new Date(row.since).toISOString(), suspendedBy: row.suspended_by,
    restoredAt: row.restored_at ? new Date(row.restored_at).toISOString() : null, restoreCause: row.restore_cause,
  };
}

async function tellCustomer(
  deps: CollectionsDeps, trx: Db, customerId: string, kind: 'service_suspended' | 'service_restored',
  vars: (lang: 'lv' | 'en' | 'ru') => Record<string, string>,
): Promise<void> {
  const customer = await findCustomerById(trx, customerId);
  if (!customer) return;
  const lang = languageOf(customer.language);
  const all = {
    ...vars(lang), customer: customer.name, portal: deps.operator.portalName, operator: deps.operator.legalName,
    url: `${deps.config?.publicUrl ?? ''}/payments`, iban: deps.operator.billing.payee.iban,
  };
  const template = COLLECTIONS_EMAILS[kind];
  const now = deps.clock.now();
  if (customer.email) await queueEmail(trx, { to: customer.email, template, language: lang, vars: all }, now);
  const text = fillText(template, lang, all);
  await postNotice(trx, { customerId, userId: null, kind, title: text.subject, body: text.body }, now);
}
