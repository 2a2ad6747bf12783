import type { TerminationView } from '@up/common/contracts/collections';
import { addWorkingDays, rigaDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { conflict, notFound } from '../../infra/errors.js';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/index.js';
import { fillText, postNotice, queueEmail } from '../notifications/index.js';
import type { ContractRow } from './customers.tables.js';
import { TERMINATION_EMAILS } from './contract-termination.emails.js';

/** BIL-12: either side ends a contract with this many working days' notice (weekends and Latvian public holidays do not count). */
export const NOTICE_WORKING_DAYS = 5;

/** BIL-12: the contract's last day when notice is given on `noticedOn`: five working days later. */
export function terminationEndDay(noticedOn: string): string {
  return addWorkingDays(noticedOn, NOTICE_WORKING_DAYS);
}

/** What notice given today would do, or the notice given already. */
export async function previewTermination(deps: Pick<Deps, 'db' | 'clock'>, customerId: string, contractId: string): Promise<TerminationView> {
  const contract = await contractOf(deps.db, customerId, contractId);
  const given = await deps.db.selectFrom('contract_terminations').selectAll().where('contract_id', '=', contractId).executeTakeFirst();
  if (given) return { contractId, number: contract.number, givenBy: given.given_by, noticedOn: given.noticed_on, endsOn: given.ends_on, given: true };
  const today = rigaDate(deps.clock.now());
  return { contractId, number: contract.number, givenBy: null, noticedOn: today, endsOn: terminationEndDay(today), given: false };
}

export interface TerminationNotice {
  givenBy: 'customer' | 'operator';
  reason: string | null;
}

/**
 * BIL-12: notice on a running contract, given today by the customer (in the portal, or staff for it) or by the
 * operator (the caller checks the operator may: after 10 days' delay). The contract's end day becomes its ends_on:
 * it runs, and is billed, to that day; the daily job ends it after. Notice once: a second is refused with the first
 * one's end day. The customer is told by e-mail and in the portal inbox; audited in the same transaction.
 */
export async function giveTerminationNotice(deps: Deps, actor: Actor, customerId: string, contractId: string, notice: TerminationNotice): Promise<TerminationView> {
  const now = deps.clock.now();
  const today = rigaDate(now);
  const endsOn = terminationEndDay(today);
  return deps.db.transaction().execute(async (trx) => {
    const contract = await contractOf(trx, customerId, contractId, true);
    if (contract.status !== 'active' && contract.status !== 'suspended') {
      throw conflict('CONTRACT_NOT_RUNNING', `The contract is ${contract.status}: there is nothing to end`, { status: contract.status });
    }
    const earlier = await trx.selectFrom('contract_terminations').select(['ends_on']).where('contract_id', '=', contractId).executeTakeFirst();
    if (earlier) throw conflict('NOTICE_GIVEN_ALREADY', `Notice is given already: the contract ends on ${earlier.ends_on}`, { endsOn: earlier.ends_on });
    if (contract.ends_on !== null && contract.ends_on <= endsOn) {
      throw conflict('CONTRACT_ENDS_SOONER', `The contract ends on ${contract.ends_on} anyway`, { endsOn: contract.ends_on });
    }
    await trx.insertInto('contract_terminations').values({
      contract_id: contractId, customer_id: customerId, given_by: notice.givenBy, noticed_on: today, ends_on: endsOn, reason: notice.reason,
      created_by: actor.userId, created_at: now,
    }).execute();
    await trx.updateTable('contracts').set({ ends_on: endsOn }).where('id', '=', contractId).execute();
    await tellCustomer(deps, trx, customerId, notice.givenBy === 'customer' ? 'notice_confirmed' : 'operator_notice', { contract: contract.number, endsOn }, now);
    await recordAudit(trx, actor, {
      customerId, action: 'customers.contract_notice_given', objectType: 'contract', objectId: contractId,
      details: { number: contract.number, givenBy: notice.givenBy, noticedOn: today, endsOn, reason: notice.reason },
    }, now);
    return { contractId, number: contract.number, givenBy: notice.givenBy, noticedOn: today, endsOn, given: true };
  });
}

/**
 * BIL-12: the daily job: every running contract whose last day has passed is 'ended' (its service to that day is
 * billed by the month's run). Idempotent: an ended contract is not picked again. One event per contract.
 */
export async function endContractsPastTheirEnd(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const now = deps.clock.now();
  const today = rigaDate(now);
  return deps.db.transaction().execute(async (trx) => {
    const ended = await trx.updateTable('contracts').set({ status: 'ended' })
      .where('status', 'in', ['active', 'suspended']).where('ends_on', '<', today)
      .returning(['id', 'customer_id', 'number', 'ends_on'])
      .execute();
    for (const contract of ended) {
      await recordAudit(trx, SYSTEM_ACTOR, {
        customerId: contract.customer_id, action: 'customers.contract_ended', objectType: 'contract', objectId: contract.id,
        details: { number: contract.number, endsOn: contract.ends_on },
      }, now);
    }
    return ended.length;
  });
}

/** The contracts with notice given that have not ended yet, of these customers (the collections page). */
export async function endingContractsOf(db: Db, customerIds: readonly string[]): Promise<{ customerId: string; contractId: string; number: string; endsOn: string }[]> {
  if (customerIds.length === 0) return [];
  const rows = await db.selectFrom('contract_terminations as t').innerJoin('contracts as k', 'k.id', 't.contract_id')
    .select(['t.customer_id', 't.contract_id', 'k.number', 't.ends_on'])
    .where('t.customer_id', 'in', [...customerIds]).where('k.status', '<>', 'ended')
    .orderBy('t.ends_on')
    .execute();
  return rows.map((row) => ({ customerId: row.customer_id, contractId: row.contract_id, number: row.number, endsOn: row.ends_on }));
}

async function contractOf(db: Db, customerId: string, contractId: string, lock = false): Promise<ContractRow> {
  let query = db.selectFrom('contracts').selectAll().where('id', '=', contractId).where('customer_id', '=', customerId);
  if (lock) query = query.forUpdate();
  const contract = await query.executeTakeFirst();
  if (!contract) throw notFound('CONTRACT_NOT_FOUND', 'No such contract of the customer');
  return contract;
}

async function tellCustomer(deps: Deps, trx: Db, customerId: string, kind: keyof typeof TERMINATION_EMAILS, vars: Record<string, string>, now: Date) {
  const customer = await trx.selectFrom('customers').select(['email', 'language', 'name']).where('id', '=', customerId).executeTakeFirstOrThrow();
  const all = { ...vars, customer: customer.name, portal: deps.operator.portalName, url: `${deps.config.publicUrl}/contracts` };
  const template = TERMINATION_EMAILS[kind];
  if (customer.email) await queueEmail(trx, { to: customer.email, template, language: customer.language, vars: all }, now);
  const text = fillText(template, customer.language, all);
  await postNotice(trx, { customerId, userId: null, kind: `contract_${kind}`, title: text.subject, body: text.body }, now);
}
