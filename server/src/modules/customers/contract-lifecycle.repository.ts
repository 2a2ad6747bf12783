import { sql } from 'kysely';
import type { Db } from '../../infra/db.js';
import type { ContractRow } from './customers.tables.js';
import type { ContractWithdrawalRow } from './contract-lifecycle.tables.js';

/** SQL of the contract lifecycle (BIL-13, BIL-14) on the customers module's tables: contracts and their withdrawals. */

export async function findContractOfCustomer(db: Db, customerId: string, contractId: string, options: { lock?: boolean } = {}): Promise<ContractRow | undefined> {
  let query = db.selectFrom('contracts').selectAll().where('id', '=', contractId).where('customer_id', '=', customerId);
  if (options.lock) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** BIL-13: pending contracts whose confirmation e-mail is queued (few at any time: the partial index holds only them). */
export async function contractsAwaitingConfirmation(db: Db): Promise<Pick<ContractRow, 'id' | 'customer_id' | 'confirmation_email_id'>[]> {
  return db.selectFrom('contracts').select(['id', 'customer_id', 'confirmation_email_id'])
    .where('status', '=', 'pending').where('confirmation_email_id', 'is not', null)
    .orderBy('created_at').execute();
}

/** BIL-13: the pending contract starts on `startsOn`; false when it is not pending any more (started already). */
export async function startContract(trx: Db, contractId: string, startsOn: string): Promise<boolean> {
  const started = await trx.updateTable('contracts').set({ status: 'active', starts_on: startsOn })
    .where('id', '=', contractId).where('status', '=', 'pending').executeTakeFirst();
  return Number(started.numUpdatedRows) === 1;
}

export async function withdrawalsOfCustomer(db: Db, customerId: string): Promise<ContractWithdrawalRow[]> {
  return db.selectFrom('contract_withdrawals').selectAll().where('customer_id', '=', customerId).execute();
}

/** BIL-14: contracts of a type that are not over by `onDay` (pending ones too: they start on the old terms). */
export async function liveContractsOfType(db: Db, type: string, onDay: string): Promise<Pick<ContractRow, 'id' | 'customer_id' | 'number'>[]> {
  return db.selectFrom('contracts').select(['id', 'customer_id', 'number'])
    .where('type', '=', type).where('status', 'in', ['pending', 'active', 'suspended'])
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', onDay)]))
    .orderBy('customer_id').orderBy('number').execute();
}

/** BIL-14: the customer leaves before a change of terms: the contract ends on `lastDay` at the latest. */
export async function endContractBy(trx: Db, contractId: string, lastDay: string): Promise<void> {
  await trx.updateTable('contracts')
    .set({ ends_on: sql<string>`least(coalesce(ends_on, ${lastDay}::date), ${lastDay}::date)` })
    .where('id', '=', contractId).execute();
}

/** BIL-14: the contracts that accepted a change now run on its terms version. */
export async function moveContractsToTermsVersion(trx: Db, contractIds: readonly string[], termsVersion: string): Promise<void> {
  if (contractIds.length === 0) return;
  await trx.updateTable('contracts').set({ terms_version: termsVersion }).where('id', 'in', [...contractIds]).execute();
}

/**
 * BIL-14: the contract terms version a contract type runs on on `day`: that of the latest version in effect, else
 * null (the first version). The terms module records each version when it announces a change.
 */
export async function contractTermsVersionOn(db: Db, contractType: string, day: string): Promise<string | null> {
  const row = await db.selectFrom('contract_terms_versions').select('terms_version')
    .where('contract_type', '=', contractType).where('effective_on', '<=', day)
    .orderBy('effective_on', 'desc').orderBy('created_at', 'desc').limit(1).executeTakeFirst();
  return row?.terms_version ?? null;
}

/** BIL-14: records a contract terms version announced by the terms module, in the announcement's transaction. */
export async function recordContractTermsVersion(
  trx: Db, version: { contractType: string; termsVersion: string; effectiveOn: string }, now: Date,
): Promise<void> {
  await trx.insertInto('contract_terms_versions').values({
    contract_type: version.contractType, terms_version: version.termsVersion, effective_on: version.effectiveOn, created_at: now,
  }).execute();
}
