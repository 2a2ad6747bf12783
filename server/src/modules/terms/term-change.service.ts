import { sql } from 'kysely';
import type { AnnounceTermChangeBody, CustomerTermChange, StaffTermChange } from '@up/common/contracts/contract-lifecycle';
import type { ContractType } from '@up/common/contracts/customers';
import { addDays, rigaDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { conflict, invalidField, notFound } from '../../infra/errors.js';
import { newId } from '../../infra/ids.js';
import { sqlTextArray } from '../../infra/sql-arrays.js';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/index.js';
import {
  endContractBy, listContracts, liveContractsOfType, moveContractsToTermsVersion, recordContractTermsVersion,
} from '../customers/index.js';
import type { TermChangeRow } from './term-change.tables.js';
import { INLINE_BATCHES, tellTermChangeCustomers } from './term-change-notices.js';

/** Contracts inserted per statement when an announcement records them (one array parameter each). */
const INSERT_CHUNK = 10_000;

/** BIL-14: the operator changes contract terms with at least 30 days' notice. */
export const TERM_CHANGE_NOTICE_DAYS = 30;

const summaryOf = (row: TermChangeRow) => ({ lv: row.summary_lv, en: row.summary_en, ru: row.summary_ru });

/**
 * BIL-14: staff announce a change of the terms of one contract type, taking effect at least 30 days after today
 * (29 is refused naming `effectiveOn`). Every contract of that type not over by then is recorded as notified, in
 * the transaction of the announcement and its audit event. Then each of its customers gets one e-mail (in its
 * language, naming its contracts) and a portal notice, batch by batch in short transactions of their own
 * (term-change-notices.ts): the first batches before the answer, the rest by the job `terms.term-change-notices`.
 */
export async function announceTermChange(deps: Deps, input: AnnounceTermChangeBody, actor: Actor): Promise<StaffTermChange> {
  const now = deps.clock.now();
  const today = rigaDate(now);
  const earliest = addDays(today, TERM_CHANGE_NOTICE_DAYS);
  if (input.effectiveOn < earliest) throw invalidField('effectiveOn', `must be at least ${TERM_CHANGE_NOTICE_DAYS} days after the announcement: ${earliest} or later`);
  const termsVersion = input.termsVersion.trim();
  const summary = { lv: input.summary.lv.trim(), en: input.summary.en.trim(), ru: input.summary.ru.trim() };
  for (const lang of ['lv', 'en', 'ru'] as const) if (!summary[lang]) throw invalidField(`summary.${lang}`, 'must not be blank');
  if (!termsVersion) throw invalidField('termsVersion', 'must not be blank');
  const announced = await deps.db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('term_changes').select('id').where('contract_type', '=', input.contractType).where('terms_version', '=', termsVersion).executeTakeFirst();
    if (clash) throw conflict('TERM_CHANGE_EXISTS', `termsVersion: version "${termsVersion}" of these contract terms is announced already`, { field: 'termsVersion' });
    const id = newId();
    const row: TermChangeRow = {
      id, contract_type: input.contractType, terms_version: termsVersion, summary_lv: summary.lv, summary_en: summary.en, summary_ru: summary.ru,
      announced_on: today, effective_on: input.effectiveOn, announced_by: actor.userId, applied_at: null, created_at: now,
    };
    await trx.insertInto('term_changes').values(row).execute();
    await recordContractTermsVersion(trx, { contractType: input.contractType, termsVersion, effectiveOn: input.effectiveOn }, now);
    const contracts = await liveContractsOfType(trx, input.contractType, input.effectiveOn);
    for (let from = 0; from < contracts.length; from += INSERT_CHUNK) {
      const chunk = contracts.slice(from, from + INSERT_CHUNK);
      await sql`INSERT INTO term_change_contracts (term_change_id, contract_id, customer_id, contract_number)
        SELECT ${id}, u.contract_id, u.customer_id, u.number
        FROM unnest(${sqlTextArray(chunk.map((contract) => contract.id))}::text[], ${sqlTextArray(chunk.map((contract) => contract.customer_id))}::text[],
          ${sqlTextArray(chunk.map((contract) => contract.number))}::text[]) AS u(contract_id, customer_id, number)`.execute(trx);
    }
    const customers = new Set(contracts.map((contract) => contract.customer_id)).size;
    await recordAudit(trx, actor, {
      action: 'term_change.announced', objectType: 'term_change', objectId: id,
      details: { contractType: input.contractType, termsVersion, effectiveOn: input.effectiveOn, contracts: contracts.length, customers },
    }, now);
    return { ...toStaffView(row), notified: contracts.length, left: 0, accepted: 0 };
  });
  // told after the commit, batch by batch; what is left (a crash, more than the first batches) the job tells
  await tellTermChangeCustomers(deps, { termChangeId: announced.id, maxBatches: INLINE_BATCHES });
  return announced;
}

function toStaffView(row: TermChangeRow): Omit<StaffTermChange, 'notified' | 'left' | 'accepted'> {
  return {
    id: row.id, contractType: row.contract_type as ContractType, termsVersion: row.terms_version, summary: summaryOf(row),
    announcedOn: row.announced_on, effectiveOn: row.effective_on, applied: row.applied_at !== null,
  };
}

/** BIL-14: every announcement, newest first, with how many contracts were notified, left and accepted. */
export async function listTermChanges(db: Db): Promise<StaffTermChange[]> {
  const rows = await db.selectFrom('term_changes as t')
    .selectAll('t')
    .select([
      sql<number>`(SELECT count(*) FROM term_change_contracts c WHERE c.term_change_id = t.id)::integer`.as('notified'),
      sql<number>`(SELECT count(*) FROM term_change_contracts c WHERE c.term_change_id = t.id AND c.outcome = 'left')::integer`.as('left'),
      sql<number>`(SELECT count(*) FROM term_change_contracts c WHERE c.term_change_id = t.id AND c.outcome = 'accepted')::integer`.as('accepted'),
    ])
    .orderBy('t.announced_on', 'desc').orderBy('t.created_at', 'desc')
    .limit(200)
    .execute();
  return rows.map((row) => ({ ...toStaffView(row), notified: Number(row.notified), left: Number(row.left), accepted: Number(row.accepted) }));
}

/** BIL-14: the announced changes of the customer's contracts, the coming ones first. */
export async function customerTermChanges(deps: Deps, customerId: string): Promise<CustomerTermChange[]> {
  const today = rigaDate(deps.clock.now());
  const [rows, contracts] = await Promise.all([
    deps.db.selectFrom('term_change_contracts as c').innerJoin('term_changes as t', 't.id', 'c.term_change_id')
      .selectAll('t').select(['c.contract_id', 'c.outcome'])
      .where('c.customer_id', '=', customerId)
      .orderBy('t.effective_on', 'desc').limit(100).execute(),
    listContracts(deps.db, customerId),
  ]);
  const contractOf = new Map(contracts.map((contract) => [contract.id, contract]));
  return rows.flatMap((row) => {
    const contract = contractOf.get(row.contract_id);
    // a contract that ended before the change (withdrawn, terminated) has nothing to decide
    if (!contract || (contract.status === 'ended' && row.outcome === 'notified')) return [];
    return [{
      id: row.id, contractId: row.contract_id, contractNumber: contract.number, contractType: contract.type, termsVersion: row.terms_version,
      summary: summaryOf(row), announcedOn: row.announced_on, effectiveOn: row.effective_on, outcome: row.outcome,
      mayLeave: row.outcome === 'notified' && today < row.effective_on && contract.status !== 'ended',
    }];
  });
}

/**
 * BIL-14: before the change takes effect the customer may leave the contract without a penalty: it ends on the
 * day before the effective day (or earlier, if it was ending anyway), so the changed terms never apply to it.
 * From the effective day on this is refused, naming it. Leaving twice changes nothing.
 */
export async function leaveBeforeTermChange(deps: Deps, customerId: string, termChangeId: string, contractId: string, actor: Actor): Promise<CustomerTermChange> {
  const now = deps.clock.now();
  const today = rigaDate(now);
  await deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('term_change_contracts as c').innerJoin('term_changes as t', 't.id', 'c.term_change_id')
      .select(['c.outcome', 't.effective_on', 't.terms_version'])
      .where('c.term_change_id', '=', termChangeId).where('c.contract_id', '=', contractId).where('c.customer_id', '=', customerId)
      .forUpdate().executeTakeFirst();
    if (!row) throw notFound('TERM_CHANGE_NOT_FOUND', 'No such term change for this contract');
    if (row.outcome === 'left') return;
    if (today >= row.effective_on) {
      throw conflict('TERM_CHANGE_IN_EFFECT', `contractId: the change took effect on ${row.effective_on}; leaving was possible until the day before`, { field: 'contractId', effectiveOn: row.effective_on });
    }
    const lastDay = addDays(row.effective_on, -1);
    await trx.updateTable('term_change_contracts').set({ outcome: 'left', decided_on: today })
      .where('term_change_id', '=', termChangeId).where('contract_id', '=', contractId).execute();
    await endContractBy(trx, contractId, lastDay);
    await recordAudit(trx, actor, {
      customerId, action: 'term_change.left', objectType: 'contract', objectId: contractId,
      details: { termChangeId, termsVersion: row.terms_version, endsOn: lastDay },
    }, now);
  });
  const views = await customerTermChanges(deps, customerId);
  return views.find((view) => view.id === termChangeId && view.contractId === contractId)!;
}

/**
 * BIL-14: on the effective day the change stands as accepted for every contract whose customer did not leave: the
 * daily job records it per contract and moves those contracts to the new terms version. A change is applied once
 * (applied_at, taken under a row lock), so a second run or a second process changes nothing. One audit event per
 * change with its counts.
 */
export async function applyDueTermChanges(deps: Pick<Deps, 'db' | 'clock'>): Promise<{ applied: number; accepted: number }> {
  const now = deps.clock.now();
  const today = rigaDate(now);
  const due = await deps.db.selectFrom('term_changes').select('id').where('effective_on', '<=', today).where('applied_at', 'is', null).orderBy('effective_on').execute();
  let accepted = 0;
  let applied = 0;
  for (const { id } of due) {
    await deps.db.transaction().execute(async (trx) => {
      const change = await trx.selectFrom('term_changes').selectAll().where('id', '=', id).where('applied_at', 'is', null).forUpdate().executeTakeFirst();
      if (!change) return;
      const accepting = await trx.updateTable('term_change_contracts').set({ outcome: 'accepted', decided_on: change.effective_on })
        .where('term_change_id', '=', id).where('outcome', '=', 'notified')
        .returning('contract_id').execute();
      await moveContractsToTermsVersion(trx, accepting.map((row) => row.contract_id), change.terms_version);
      await trx.updateTable('term_changes').set({ applied_at: now }).where('id', '=', id).execute();
      await recordAudit(trx, SYSTEM_ACTOR, {
        action: 'term_change.applied', objectType: 'term_change', objectId: id,
        details: { termsVersion: change.terms_version, effectiveOn: change.effective_on, accepted: accepting.length },
      }, now);
      accepted += accepting.length;
      applied += 1;
    });
  }
  return { applied, accepted };
}
