import { sql, type Selectable } from 'kysely';
import { dueDay, rigaDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { conflict } from '../../infra/errors.js';
import { newId } from '../../infra/ids.js';
import { sqlTextArray } from '../../infra/sql-arrays.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { contractsRunningBetween, findCustomersByIds } from '../customers/index.js';
import { readBillableEnergy, type BillableEnergy } from '../metering/index.js';
import type { BillingRunRow } from './billing.tables.js';
import { billingPeriod, type BillingPeriod } from './billing-period.js';
import { rateCustomerPeriod, type ChargeDraft, type RatedContract } from './charge-rating.js';
import { issueInvoices } from './invoice-issuing.js';
import { rateLateInterest } from './late-interest-rating.js';
import type { TariffVersion } from './tariff-model.js';
import { readTariffVersions } from './tariffs.repository.js';

/** What the run needs of the app: the database, the clock and the operator's rules (the CLI has no more). */
export type BillingDeps = Pick<Deps, 'db' | 'clock' | 'operator'>;

/** Where a test may make the run fail, to prove that a resumed run ends exactly as an uninterrupted one. */
export type RunFailpoint = (where: 'batch-written' | 'batch-committed', batch: number) => void | Promise<void>;

export interface BillingRunOptions {
  period: string;
  actor: Actor;
  /** customers per transaction */
  batchSize?: number;
  failpoint?: RunFailpoint;
}

const DEFAULT_BATCH_SIZE = 500;

/**
 * The monthly billing run (BIL-1, BIL-9): every customer with a contract or an open charge gets one invoice for
 * the period, combining all its contracts, issued on the run's issue day with the due day of the operator's
 * payment term moved past weekends and holidays (BIL-4).
 *
 * Idempotent and resumable by construction, not by care: customers go in batches, each batch one transaction
 * that rates its customers' charges (unique per customer and source key), issues their invoices (unique per
 * customer and period) with consecutive numbers of a gap-free series, and records the progress. A run killed
 * anywhere loses at most the batch in flight (rolled back, numbers included); started again, it picks the
 * first customers still without an invoice, in the same order, with the issue day it first started with, so it
 * ends with exactly the invoices and totals of an uninterrupted run. Several processes may run it at once:
 * a transaction-scoped advisory lock lets one batch at a time through, and each batch picks the customers
 * still to do, so each customer is billed once. A finished run is not run again.
 */
export async function runBilling(deps: BillingDeps, options: BillingRunOptions): Promise<Selectable<BillingRunRow>> {
  return continueBillingRun(deps, await claimBillingRun(deps, options), options);
}

/** The period's run, created on its first start (bad input and a month not over are refused here, before anything starts). */
export async function claimBillingRun(deps: BillingDeps, options: Pick<BillingRunOptions, 'period' | 'actor'>): Promise<Selectable<BillingRunRow>> {
  const period = billingPeriod(options.period);
  const today = rigaDate(deps.clock.now());
  if (period.endExclusive > today) throw conflict('PERIOD_NOT_OVER', `The period ${period.period} is not over yet`, { field: 'period' });
  return claimRun(deps.db, period, today, options.actor, deps.clock.now());
}

/** Bills the customers still to do and finishes the run; a failure is recorded on the run and thrown. */
export async function continueBillingRun(deps: BillingDeps, run: Selectable<BillingRunRow>, options: BillingRunOptions): Promise<Selectable<BillingRunRow>> {
  if (run.status === 'done') return run;
  try {
    await billCustomers(deps, run, billingPeriod(run.period), options);
    return await finishRun(deps, run, options.actor);
  } catch (error) {
    await deps.db.updateTable('billing_runs')
      .set({ status: 'failed', last_error: String(error instanceof Error ? error.message : error).slice(0, 1000), updated_at: deps.clock.now() })
      .where('id', '=', run.id).where('status', '=', 'running')
      .execute().catch(() => {});
    throw error;
  }
}

/** The period's run row, created on the first start; a later start takes it over (counting the attempt) unless it is done. */
async function claimRun(db: Db, period: BillingPeriod, today: string, actor: Actor, now: Date): Promise<Selectable<BillingRunRow>> {
  const claimed = await db.insertInto('billing_runs')
    .values({ id: newId(), period: period.period, status: 'running', issue_date: today, started_by: actor.userId, started_at: now, updated_at: now, finished_at: null, last_error: null })
    .onConflict((oc) => oc.column('period').doUpdateSet({ status: 'running', attempts: sql`billing_runs.attempts + 1`, updated_at: now, last_error: null })
      .where('billing_runs.status', '<>', 'done'))
    .returningAll()
    .executeTakeFirst();
  return claimed ?? await db.selectFrom('billing_runs').selectAll().where('period', '=', period.period).executeTakeFirstOrThrow();
}

async function billCustomers(deps: BillingDeps, run: Selectable<BillingRunRow>, period: BillingPeriod, options: BillingRunOptions) {
  const rules = deps.operator.billing;
  const issueDate = run.issue_date;
  const context = {
    period, issueDate, dueDate: dueDay(issueDate, rules.paymentTermDays, rules.extraPublicHolidays),
    seriesPrefix: rules.invoiceSeries, runId: run.id, now: deps.clock.now(),
  };
  // Progress for the staff page: the customers already invoiced by this run and those still to do.
  const issuedBefore = await deps.db.selectFrom('invoices').select(sql<number>`count(*)::integer`.as('n')).where('billing_run_id', '=', run.id).executeTakeFirstOrThrow();
  await deps.db.updateTable('billing_runs')
    .set({ customers_total: issuedBefore.n + await countCustomersToBill(deps.db, period), customers_done: issuedBefore.n })
    .where('id', '=', run.id).execute();
  const tariffs = new Map<string, TariffVersion[]>();
  let cursor = '';
  for (let batch = 1; ; batch++) {
    const done = await deps.db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`billing-run:${period.period}`}))`.execute(trx);
      const next = await nextCustomers(trx, period, cursor, options.batchSize ?? DEFAULT_BATCH_SIZE);
      if (next.lastSeen === null) return true;
      cursor = next.lastSeen;
      const customerIds = next.toBill;
      if (customerIds.length === 0) return false;
      const rated = await rateCustomers(trx, deps, period, customerIds, tariffs);
      const issued = await issueInvoices(trx, { ...context, now: deps.clock.now() }, customerIds);
      await trx.updateTable('billing_runs').set({
        customers_done: sql`customers_done + ${customerIds.length}`,
        charges_rated: sql`charges_rated + ${rated}`,
        invoices_issued: sql`invoices_issued + ${issued.invoices}`,
        gross_cents: sql`gross_cents + ${issued.grossCents}`,
        payable_cents: sql`payable_cents + ${issued.payableCents}`,
        updated_at: deps.clock.now(),
      }).where('id', '=', run.id).execute();
      await options.failpoint?.('batch-written', batch);
      return false;
    });
    if (done) return;
    await options.failpoint?.('batch-committed', batch);
  }
}

/**
 * The next customers after `after` (in id order) with a contract to bill or an open charge of the period or
 * earlier, and of those the ones without the period's invoice yet. Keyset paging on both sources, so each batch
 * reads only its own stretch of customers. `lastSeen` moves the cursor even when every one of them is billed
 * already (a resumed run passes over the customers done); null when no customer is left.
 */
async function nextCustomers(trx: Db, period: BillingPeriod, after: string, limit: number): Promise<{ toBill: string[]; lastSeen: string | null }> {
  const seen = await sql<{ customer_id: string; billed: boolean }>`
    SELECT c.customer_id, EXISTS (
        SELECT 1 FROM invoices i
        WHERE i.customer_id = c.customer_id AND i.period = ${period.period} AND i.kind = 'invoice' AND i.replaces_invoice_id IS NULL
      ) AS billed
    FROM (
      (SELECT customer_id FROM contract_terms WHERE customer_id > ${after} ORDER BY customer_id LIMIT ${limit})
      UNION
      (SELECT DISTINCT customer_id FROM billing_charges
        WHERE customer_id > ${after} AND invoice_id IS NULL AND period <= ${period.period} ORDER BY customer_id LIMIT ${limit})
    ) c
    ORDER BY c.customer_id LIMIT ${limit}`.execute(trx);
  return {
    toBill: seen.rows.filter((row) => !row.billed).map((row) => row.customer_id),
    lastSeen: seen.rows.at(-1)?.customer_id ?? null,
  };
}

async function countCustomersToBill(db: Db, period: BillingPeriod): Promise<number> {
  const row = await sql<{ n: number }>`
    SELECT count(*)::integer AS n FROM (
      SELECT customer_id FROM contract_terms
      UNION
      SELECT customer_id FROM billing_charges WHERE invoice_id IS NULL AND period <= ${period.period}
    ) c
    WHERE NOT EXISTS (
      SELECT 1 FROM invoices i
      WHERE i.customer_id = c.customer_id AND i.period = ${period.period} AND i.kind = 'invoice' AND i.replaces_invoice_id IS NULL
    )`.execute(db);
  return row.rows[0]?.n ?? 0;
}

/** Rates the batch's contracts into charges (a charge already rated is kept as it is). Returns how many are new. */
async function rateCustomers(trx: Db, deps: BillingDeps, period: BillingPeriod, customerIds: readonly string[], tariffs: Map<string, TariffVersion[]>): Promise<number> {
  const drafts = [
    ...await rateCharges(trx, deps, period, customerIds, tariffs),
    // BIL-10: interest on late invoices, on this invoice as its own line
    ...await rateLateInterest(trx, period, customerIds, deps.operator.billing.lateInterestPercentPerDay),
  ];
  return insertCharges(trx, drafts, deps.clock.now());
}

/**
 * What these customers' contracts owe for the period, from their terms, the tariffs and metering (nothing is
 * stored: the run stores it, the estimate only shows it). `tariffs` caches the versions read so far.
 */
export async function rateCharges(
  trx: Db, deps: BillingDeps, period: BillingPeriod, customerIds: readonly string[], tariffs: Map<string, TariffVersion[]> = new Map(),
): Promise<ChargeDraft[]> {
  const [contracts, terms, customers] = await Promise.all([
    contractsRunningBetween(trx, customerIds, period.start, period.endExclusive),
    trx.selectFrom('contract_terms').selectAll().where('customer_id', 'in', customerIds).execute(),
    findCustomersByIds(trx, customerIds),
  ]);
  const termsByContract = new Map(terms.map((row) => [row.contract_id, row]));
  const rated: RatedContract[] = contracts.flatMap((contract) => {
    const contractTerms = termsByContract.get(contract.id);
    return contractTerms ? [{ id: contract.id, customerId: contract.customer_id, type: contract.type, startsOn: contract.starts_on, endsOn: contract.ends_on, terms: contractTerms }] : [];
  });
  const missing = [...new Set(rated.flatMap((contract) => [contract.terms.tariff_id, contract.terms.grid_tariff_id]).filter((id): id is string => id !== null && !tariffs.has(id)))];
  for (const [id, versions] of await readTariffVersions(trx, missing)) tariffs.set(id, versions);

  const drafts: ChargeDraft[] = [];
  const byCustomer = new Map<string, RatedContract[]>();
  for (const contract of rated) byCustomer.set(contract.customerId, [...(byCustomer.get(contract.customerId) ?? []), contract]);
  for (const customer of customers) {
    const own = byCustomer.get(customer.id) ?? [];
    if (own.length === 0) continue;
    const energy = new Map<string, BillableEnergy>();
    for (const contract of own) {
      const objectId = contract.terms.object_id;
      if (!objectId || energy.has(objectId)) continue;
      energy.set(objectId, await readBillableEnergy(trx, {
        customerId: customer.id, objectId, from: period.start, to: period.endExclusive, spotPriceZone: deps.operator.metering.spotPriceZone,
      }));
    }
    drafts.push(...rateCustomerPeriod({
      period, contracts: own, tariffs, energy, invoiceChannel: customer.invoice_channel, postDeliveryFee: deps.operator.billing.postDeliveryFee,
    }));
  }
  return drafts;
}

/** Stores charges set-based; one whose customer and source key are stored already is left as it is. */
export async function insertCharges(trx: Db, drafts: readonly ChargeDraft[], now: Date): Promise<number> {
  if (drafts.length === 0) return 0;
  const column = (key: keyof ChargeDraft) => sqlTextArray(drafts.map((draft): string | number | null => {
    const value: unknown = draft[key];
    return value === null || typeof value === 'string' || typeof value === 'number' ? value : JSON.stringify(value);
  }));
  const result = await sql`INSERT INTO billing_charges (id, customer_id, contract_id, period, source, source_key, description, quantity, unit_code,
      unit_price, net_cents, vat_category, vat_percent, period_start, period_end, explanation, created_at)
    SELECT gen_random_uuid()::text, u.customer_id, u.contract_id, u.period, u.source, u.source_key, u.description::jsonb, u.quantity, u.unit_code,
      u.unit_price, u.net::bigint, u.vat_category, u.vat_percent, u.period_start::date, u.period_end::date, u.explanation::jsonb, ${now}
    FROM unnest(${column('customer_id')}::text[], ${column('contract_id')}::text[], ${column('period')}::text[], ${column('source')}::text[],
      ${column('source_key')}::text[], ${column('description')}::text[], ${column('quantity')}::text[], ${column('unit_code')}::text[],
      ${column('unit_price')}::text[], ${column('net_cents')}::text[], ${column('vat_category')}::text[], ${column('vat_percent')}::text[],
      ${column('period_start')}::text[], ${column('period_end')}::text[], ${column('explanation')}::text[])
      AS u(customer_id, contract_id, period, source, source_key, description, quantity, unit_code, unit_price, net, vat_category, vat_percent,
        period_start, period_end, explanation)
    ON CONFLICT (customer_id, source_key) DO NOTHING`.execute(trx);
  return Number(result.numAffectedRows ?? 0);
}

/** Marks the run done with its totals counted from the invoices themselves, and records it (one audit event per run). */
async function finishRun(deps: BillingDeps, run: Selectable<BillingRunRow>, actor: Actor): Promise<Selectable<BillingRunRow>> {
  return deps.db.transaction().execute(async (trx) => {
    const totals = await trx.selectFrom('invoices')
      .select([sql<number>`count(*)::integer`.as('invoices'), sql<number>`coalesce(sum(gross_cents), 0)::bigint`.as('gross'), sql<number>`coalesce(sum(payable_cents), 0)::bigint`.as('payable')])
      .where('billing_run_id', '=', run.id)
      .executeTakeFirstOrThrow();
    const now = deps.clock.now();
    const finished = await trx.updateTable('billing_runs')
      .set({ status: 'done', finished_at: now, updated_at: now, invoices_issued: totals.invoices, gross_cents: Number(totals.gross), payable_cents: Number(totals.payable) })
      .where('id', '=', run.id).where('status', '=', 'running')
      .returningAll()
      .executeTakeFirst();
    if (!finished) return trx.selectFrom('billing_runs').selectAll().where('id', '=', run.id).executeTakeFirstOrThrow();
    await recordAudit(trx, actor, {
      action: 'billing.run_completed', objectType: 'billing_run', objectId: run.id,
      details: { period: run.period, invoices: totals.invoices, grossCents: Number(totals.gross), payableCents: Number(totals.payable), attempts: finished.attempts },
    }, now);
    return finished;
  });
}
