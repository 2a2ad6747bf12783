import type { Selectable } from 'kysely';
import type { BillingRunView } from '@up/common/contracts/billing';
import type { Deps } from '../../deps.js';
import { notFound } from '../../infra/errors.js';
import type { Actor } from '../audit/index.js';
import type { BillingRunRow } from './billing.tables.js';
import { claimBillingRun, continueBillingRun } from './billing-run.service.js';

/** The runs, newest period first, with their progress (the staff page polls it while one runs). */
export async function listBillingRuns(deps: Deps): Promise<BillingRunView[]> {
  const rows = await deps.db.selectFrom('billing_runs').selectAll().orderBy('period', 'desc').limit(60).execute();
  return rows.map(runView);
}

export async function getBillingRun(deps: Deps, runId: string): Promise<BillingRunView> {
  const row = await deps.db.selectFrom('billing_runs').selectAll().where('id', '=', runId).executeTakeFirst();
  if (!row) throw notFound('BILLING_RUN_NOT_FOUND', 'No such billing run');
  return runView(row);
}

/**
 * Starts a period's run in the background and answers its row once claimed. Bad input (a period not over) is
 * refused before anything starts; a failure later is recorded on the run (status failed, its error), and
 * starting it again resumes it.
 */
export async function startBillingRun(deps: Deps, period: string, actor: Actor, log: { error(details: object, message: string): void }): Promise<BillingRunView> {
  const run = await claimBillingRun(deps, { period, actor });
  continueBillingRun(deps, run, { period, actor }).catch((error: unknown) => log.error({ err: error, period }, 'billing run failed'));
  return runView(run);
}

function runView(row: Selectable<BillingRunRow>): BillingRunView {
  return {
    id: row.id, period: row.period, status: row.status, issueDate: row.issue_date, startedAt: row.started_at.toISOString(),
    updatedAt: row.updated_at.toISOString(), finishedAt: row.finished_at?.toISOString() ?? null, customersTotal: row.customers_total,
    customersDone: row.customers_done, chargesRated: row.charges_rated, invoicesIssued: row.invoices_issued, grossCents: row.gross_cents,
    payableCents: row.payable_cents, attempts: row.attempts, lastError: row.last_error,
  };
}
