import type { BillEstimate } from '@up/common/contracts/billing';
import { addDays, rigaDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import { billingPeriod } from './billing-period.js';
import { rateCharges } from './billing-run.service.js';
import { invoiceAmounts } from './invoice-totals.js';

/**
 * The overview's "this month so far" (issue 12 point 7): the current month rated from metering and the tariffs
 * exactly as the billing run will rate it, for the days measured so far; nothing is stored. Open corrections and
 * advance payments are not in it (the invoice shows them).
 */
export async function estimateCurrentBill(deps: Deps, customerId: string): Promise<BillEstimate> {
  const today = rigaDate(deps.clock.now());
  const period = billingPeriod(today.slice(0, 7));
  const drafts = await rateCharges(deps.db, deps, period, [customerId]);
  const amounts = invoiceAmounts(drafts.map((draft) => ({ netCents: draft.net_cents, vatCategory: draft.vat_category, vatPercent: draft.vat_percent })), 0);
  return {
    period: period.period,
    through: addDays(today, -1) < period.start ? period.start : addDays(today, -1),
    lines: drafts.map((draft) => ({ source: draft.source, description: draft.description, quantity: draft.quantity, unitCode: draft.unit_code, netCents: draft.net_cents })),
    netCents: amounts.netCents,
    vatCents: amounts.vatCents,
    grossCents: amounts.grossCents,
  };
}
