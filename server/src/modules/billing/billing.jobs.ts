import { rigaDate } from '@up/common/riga-time';
import type { PortalJob } from '../../portal-module.js';
import { SYSTEM_ACTOR } from '../audit/index.js';
import { previousMonth } from './billing-period.js';
import { runBilling } from './billing-run.service.js';
import { deliverIssuedInvoices } from './invoice-delivery.service.js';

/**
 * BIL-1: on the operator's run day of each month (and every later day until it is done, the 15th at the latest
 * being the promise) the previous month is billed. The run is idempotent, so a day's retry or a second process
 * changes nothing; a run that failed is resumed.
 */
export const BILLING_JOBS: readonly PortalJob[] = [
  {
    name: 'billing.monthly-run',
    every: 'riga-day',
    async run(deps, log) {
      const today = rigaDate(deps.clock.now());
      if (Number(today.slice(8, 10)) < deps.operator.billing.runDayOfMonth) return { skipped: 'before the run day' };
      const run = await runBilling(deps, { period: previousMonth(today), actor: SYSTEM_ACTOR });
      if (run.invoices_issued > 0) log.info({ period: run.period, invoices: run.invoices_issued, grossCents: run.gross_cents }, 'billing run');
      return { period: run.period, status: run.status, invoices: run.invoices_issued };
    },
  },
  {
    // BIL-1, BIL-2: issued invoices go out by e-mail (PDF attached) or into the portal inbox as soon as they exist
    name: 'billing.deliver-invoices',
    every: 'tick',
    async run(deps) {
      return { delivered: await deliverIssuedInvoices(deps) };
    },
  },
];
