import type {
  CollectionList, CollectionRow, RestoreBody, StaffServiceStatus, StaffTerminationBody, SuspendBody, TerminationView,
} from '@up/common/contracts/collections';
import { rigaDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import { conflict, notFound } from '../../infra/errors.js';
import type { Actor } from '../audit/index.js';
import { overdueInvoices, type OverdueInvoice } from '../billing/index.js';
import { endingContractsOf, findCustomerById, findCustomersByIds, giveTerminationNotice } from '../customers/index.js';
import { restoreService, serviceStatus, suspendService, suspensionHistory, viewOf } from './service-suspensions.service.js';

/** BIL-12: the operator may end a contract with notice once the customer is this many days late. */
export const OPERATOR_TERMINATION_DAYS_LATE = 10;

/** How many customers the collections page lists (the latest first): a working list, not a report. */
const LIST_LIMIT = 500;

/** Calendar days from `from` to `to` (Riga dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/**
 * The back office's collections page (BIL-11, BIL-12): customers with overdue invoices (the latest first) and
 * customers suspended, with days late, reminders sent, the suspension, whether the operator may end their contracts
 * (10 days late) and the contracts with notice given.
 */
export async function listCollections(deps: Pick<Deps, 'db' | 'clock'>): Promise<CollectionList> {
  const today = rigaDate(deps.clock.now());
  const [overdue, suspensions] = await Promise.all([
    overdueInvoices(deps.db, { today }),
    deps.db.selectFrom('service_suspensions').selectAll().where('restored_at', 'is', null).execute(),
  ]);
  const byCustomer = new Map<string, OverdueInvoice[]>();
  for (const invoice of overdue) byCustomer.set(invoice.customerId, [...(byCustomer.get(invoice.customerId) ?? []), invoice]);
  const suspensionOf = new Map(suspensions.map((row) => [row.customer_id, viewOf(row)]));
  const ids = [...new Set([...byCustomer.keys(), ...suspensionOf.keys()])]
    .sort((a, b) => (byCustomer.get(a)?.[0]?.dueDate ?? '9999') .localeCompare(byCustomer.get(b)?.[0]?.dueDate ?? '9999'))
    .slice(0, LIST_LIMIT);
  if (ids.length === 0) return { today, customers: [] };
  const [customers, reminders, ending] = await Promise.all([
    findCustomersByIds(deps.db, ids),
    deps.db.selectFrom('payment_reminders').select(['customer_id', (eb) => eb.fn.countAll<string>().as('sent'), (eb) => eb.fn.max('sent_on').as('last')])
      .where('customer_id', 'in', ids).groupBy('customer_id').execute(),
    endingContractsOf(deps.db, ids),
  ]);
  const customerOf = new Map(customers.map((customer) => [customer.id, customer]));
  const remindersOf = new Map(reminders.map((row) => [row.customer_id, row]));
  const rows = ids.flatMap((customerId): CollectionRow[] => {
    const customer = customerOf.get(customerId);
    if (!customer) return [];
    const invoices = byCustomer.get(customerId) ?? [];
    const oldestDueDate = invoices[0]?.dueDate ?? null;
    const daysLate = oldestDueDate ? daysBetween(oldestDueDate, today) : 0;
    const reminder = remindersOf.get(customerId);
    return [{
      customerId, customerNumber: customer.customer_number, name: customer.name,
      overdueCents: invoices.reduce((sum, invoice) => sum + invoice.openCents, 0), overdueInvoices: invoices.length, oldestDueDate, daysLate,
      remindersSent: Number(reminder?.sent ?? 0), lastReminderOn: reminder?.last ? String(reminder.last) : null,
      suspension: suspensionOf.get(customerId) ?? null, mayTerminate: daysLate >= OPERATOR_TERMINATION_DAYS_LATE,
      endingContracts: ending.filter((contract) => contract.customerId === customerId)
        .map((contract) => ({ contractId: contract.contractId, number: contract.number, endsOn: contract.endsOn })),
    }];
  });
  return { today, customers: rows };
}

/** The staff customer page's collections state: the suspension, its history and the reminders sent. */
export async function staffServiceStatus(deps: Pick<Deps, 'db' | 'clock' | 'operator'>, customerId: string): Promise<StaffServiceStatus> {
  if (!await findCustomerById(deps.db, customerId)) throw notFound('CUSTOMER_NOT_FOUND', 'No such customer');
  const [status, history, reminders] = await Promise.all([
    serviceStatus(deps, customerId),
    suspensionHistory(deps.db, customerId),
    deps.db.selectFrom('payment_reminders').select(['invoice_number', 'stage', 'sent_on', 'open_cents'])
      .where('customer_id', '=', customerId).orderBy('sent_on', 'desc').limit(100).execute(),
  ]);
  return {
    ...status, history,
    reminders: reminders.map((row) => ({ invoiceNumber: row.invoice_number, stage: row.stage, sentOn: row.sent_on, openCents: row.open_cents })),
  };
}

/**
 * BIL-11, BIL-12: staff suspend a customer's service at once — for late payment, or without notice on a breach, an
 * exceeded money limit (BIL-6) or a debt-registry entry — with the reason and a note. Refused when it is suspended
 * already (restore it first to change the reason).
 */
export async function suspendByStaff(deps: Deps, actor: Actor, customerId: string, body: SuspendBody): Promise<StaffServiceStatus> {
  await deps.db.transaction().execute(async (trx) => {
    if (!await findCustomerById(trx, customerId)) throw notFound('CUSTOMER_NOT_FOUND', 'No such customer');
    const done = await suspendService(deps, trx, actor, customerId, body.reason, body.note);
    if (!done) throw conflict('SUSPENDED_ALREADY', 'The customer\'s service is suspended already');
  });
  return staffServiceStatus(deps, customerId);
}

/** BIL-11: staff restore a suspended service (whatever the reason), with a note. */
export async function restoreByStaff(deps: Deps, actor: Actor, customerId: string, body: RestoreBody): Promise<StaffServiceStatus> {
  await deps.db.transaction().execute(async (trx) => {
    if (!await findCustomerById(trx, customerId)) throw notFound('CUSTOMER_NOT_FOUND', 'No such customer');
    if (!await restoreService(deps, trx, actor, customerId, 'staff', body.note)) throw conflict('NOT_SUSPENDED', 'The customer\'s service is not suspended');
  });
  return staffServiceStatus(deps, customerId);
}

/**
 * BIL-12: staff give notice on a contract — for the customer (its request at a service centre) or for the operator,
 * which may end a contract only after 10 days' delay in payment (refused before, naming the day it may).
 */
export async function terminateByStaff(deps: Deps, actor: Actor, customerId: string, contractId: string, body: StaffTerminationBody): Promise<TerminationView> {
  if (body.givenBy === 'operator') {
    const today = rigaDate(deps.clock.now());
    const oldest = (await overdueInvoices(deps.db, { today, customerIds: [customerId] }))[0];
    const daysLate = oldest ? daysBetween(oldest.dueDate, today) : 0;
    if (daysLate < OPERATOR_TERMINATION_DAYS_LATE) {
      throw conflict('NOT_LATE_ENOUGH', `The operator may end the contract after ${OPERATOR_TERMINATION_DAYS_LATE} days' delay; the customer is ${daysLate} days late`, {
        daysLate, required: OPERATOR_TERMINATION_DAYS_LATE,
      });
    }
  }
  return giveTerminationNotice(deps, actor, customerId, contractId, { givenBy: body.givenBy, reason: body.reason });
}
