import { sql } from 'kysely';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { sqlTextArray } from '../../infra/sql-arrays.js';
import { contractTypeName, findCustomersByIds, languageOf } from '../customers/index.js';
import { fillPlaceholders, postNotice, queueEmail } from '../notifications/index.js';
import { TERM_CHANGE_EMAILS, TERM_CHANGE_NOTICE } from './term-change.emails.js';
import { addDays } from '@up/common/riga-time';

/** Customers told in one transaction: a few hundred e-mails and notices, a transaction of well under a second. */
export const BATCH_CUSTOMERS = 500;
/** Batches an announcement tells before it answers (a small operator's customers); the job tells the rest. */
export const INLINE_BATCHES = 4;
/** Batches the job tells on one tick, so one tick ends in bounded time; the next tick goes on. */
export const JOB_BATCHES = 40;

/**
 * BIL-14: tells the customers of announced changes that have not been told yet — one e-mail in the customer's
 * language naming its contracts, and a portal notice — `batchCustomers` customers a transaction, at most
 * `maxBatches` transactions. A batch first claims its customers' contracts (`told_at` set where still null, in the
 * batch's transaction): a second process running at the same time waits on those rows and then skips them, and a
 * crash rolls the batch's e-mails back with its claim, so each customer is told once. Answers how many were told.
 */
export async function tellTermChangeCustomers(
  deps: Pick<Deps, 'db' | 'clock' | 'operator'>,
  options: { termChangeId?: string; maxBatches?: number; batchCustomers?: number } = {},
): Promise<number> {
  const batchCustomers = options.batchCustomers ?? BATCH_CUSTOMERS;
  const maxBatches = options.maxBatches ?? JOB_BATCHES;
  let told = 0;
  for (let batch = 0; batch < maxBatches; batch += 1) {
    const picked = await deps.db.transaction().execute((trx) => tellOneBatch(deps, trx, options.termChangeId ?? null, batchCustomers));
    told += picked.told;
    if (picked.candidates < batchCustomers) break;
  }
  return told;
}

async function tellOneBatch(
  deps: Pick<Deps, 'clock' | 'operator'>, trx: Db, termChangeId: string | null, batchCustomers: number,
): Promise<{ candidates: number; told: number }> {
  const now = deps.clock.now();
  const candidates = (await sql<{ term_change_id: string; customer_id: string }>`
    SELECT term_change_id, customer_id FROM term_change_contracts
    WHERE told_at IS NULL AND (${termChangeId}::text IS NULL OR term_change_id = ${termChangeId})
    GROUP BY term_change_id, customer_id ORDER BY term_change_id, customer_id LIMIT ${batchCustomers}`.execute(trx)).rows;
  if (candidates.length === 0) return { candidates: 0, told: 0 };
  const claimed = (await sql<{ term_change_id: string; customer_id: string; contract_number: string | null }>`
    UPDATE term_change_contracts c SET told_at = ${now}
    FROM unnest(${sqlTextArray(candidates.map((row) => row.term_change_id))}::text[], ${sqlTextArray(candidates.map((row) => row.customer_id))}::text[])
      AS u(term_change_id, customer_id)
    WHERE c.term_change_id = u.term_change_id AND c.customer_id = u.customer_id AND c.told_at IS NULL
    RETURNING c.term_change_id, c.customer_id, c.contract_number`.execute(trx)).rows;
  if (claimed.length === 0) return { candidates: candidates.length, told: 0 };

  const numbers = new Map<string, { termChangeId: string; customerId: string; numbers: string[] }>();
  for (const row of claimed) {
    const key = `${row.term_change_id} ${row.customer_id}`;
    const entry = numbers.get(key) ?? { termChangeId: row.term_change_id, customerId: row.customer_id, numbers: [] };
    if (row.contract_number) entry.numbers.push(row.contract_number);
    numbers.set(key, entry);
  }
  const changeIds = [...new Set(claimed.map((row) => row.term_change_id))];
  const [changes, customers] = await Promise.all([
    trx.selectFrom('term_changes').selectAll().where('id', 'in', changeIds).execute(),
    findCustomersByIds(trx, [...new Set(claimed.map((row) => row.customer_id))]),
  ]);
  const changeById = new Map(changes.map((change) => [change.id, change]));
  const customerById = new Map(customers.map((customer) => [customer.id, customer]));
  let told = 0;
  for (const entry of numbers.values()) {
    const change = changeById.get(entry.termChangeId)!;
    const customer = customerById.get(entry.customerId);
    if (!customer) continue;
    const lang = languageOf(customer.language);
    const summary = { lv: change.summary_lv, en: change.summary_en, ru: change.summary_ru }[lang];
    const vars: Record<string, string> = {
      portal: deps.operator.portalName, type: contractTypeName(change.contract_type, lang), termsVersion: change.terms_version, summary,
      numbers: entry.numbers.sort().join(', '), effectiveOn: change.effective_on, lastDay: addDays(change.effective_on, -1), support: deps.operator.support.phone,
    };
    if (customer.email) await queueEmail(trx, { to: customer.email, template: TERM_CHANGE_EMAILS.term_change_announced, language: lang, vars }, now);
    await postNotice(trx, {
      customerId: customer.id, userId: null, kind: 'term_change',
      title: fillPlaceholders(TERM_CHANGE_NOTICE[lang].title, vars), body: fillPlaceholders(TERM_CHANGE_NOTICE[lang].body, vars),
    }, now);
    told += 1;
  }
  return { candidates: candidates.length, told };
}
