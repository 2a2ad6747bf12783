import { sql } from 'kysely';
import type { MoneyLimitBody, SpendingAllowance } from '@up/common/contracts/billing';
import { rigaDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { notFound } from '../../infra/errors.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { findCustomerById } from '../customers/index.js';
import { billingPeriod } from './billing-period.js';

/**
 * BIL-6: what may this customer still spend now? The operator sets a money limit per customer and billing period;
 * what counts against it is what the customer owes and has not paid — the period's charges not invoiced yet
 * (e.g. EV charging sessions) and what is open on issued invoices — less the credit it holds (a prepayment or a
 * deposit). Above the limit the customer must prepay, leave a deposit or pay its invoices, or a new service is
 * refused (charging asks this before a start). One statement over indexed rows.
 */
export async function spendingAllowance(db: Db, customerId: string, now: Date): Promise<SpendingAllowance> {
  const period = rigaDate(now).slice(0, 7);
  const { rows } = await sql<{ limit_cents: string | null; unbilled: string; open: string; credit: string }>`
    SELECT
      (SELECT limit_cents FROM money_limits WHERE customer_id = ${customerId} AND period = ${period})::text AS limit_cents,
      (SELECT coalesce(sum(net_cents), 0) FROM billing_charges WHERE customer_id = ${customerId} AND invoice_id IS NULL AND period <= ${period})::text AS unbilled,
      (SELECT coalesce(sum(open_cents), 0) FROM receivables WHERE customer_id = ${customerId} AND open_cents > 0)::text AS open,
      (SELECT coalesce(sum(open_cents), 0) FROM ledger_entries WHERE customer_id = ${customerId} AND open_cents > 0)::text AS credit`.execute(db);
  const row = rows[0]!;
  const usedCents = Number(row.unbilled) + Number(row.open) - Number(row.credit);
  if (row.limit_cents === null) return { period, limitCents: null, usedCents, availableCents: null, allowed: true };
  const limitCents = Number(row.limit_cents);
  const availableCents = Math.max(0, limitCents - usedCents);
  return { period, limitCents, usedCents, availableCents, allowed: availableCents > 0 };
}

/** Staff set (or, with null, remove) a customer's limit for a billing period; audited. */
export async function setMoneyLimit(deps: Deps, actor: Actor, customerId: string, body: MoneyLimitBody): Promise<SpendingAllowance> {
  billingPeriod(body.period);
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!await findCustomerById(trx, customerId)) throw notFound('CUSTOMER_NOT_FOUND', 'No such customer');
    if (body.limitCents === null) {
      await trx.deleteFrom('money_limits').where('customer_id', '=', customerId).where('period', '=', body.period).execute();
    } else {
      await trx.insertInto('money_limits').values({ customer_id: customerId, period: body.period, limit_cents: body.limitCents, set_by: actor.userId, set_at: now })
        .onConflict((oc) => oc.columns(['customer_id', 'period']).doUpdateSet({ limit_cents: body.limitCents!, set_by: actor.userId, set_at: now }))
        .execute();
    }
    await recordAudit(trx, actor, {
      customerId, action: 'billing.money_limit_set', objectType: 'money_limit', objectId: `${customerId}:${body.period}`,
      details: { period: body.period, limitCents: body.limitCents },
    }, now);
  });
  return spendingAllowance(deps.db, customerId, now);
}
