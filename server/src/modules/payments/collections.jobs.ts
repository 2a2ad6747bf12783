import type { PortalJob } from '../../portal-module.js';
import { sendPaymentReminders, suspendLatePayers } from './payment-reminders.service.js';
import { restorePaidServices } from './service-suspensions.service.js';

/**
 * BIL-11, once a Riga day however many processes run: reminders of invoices late by the operator's days, then the
 * suspension of customers still late that many days after their reminder. Both keyed, so a rerun changes nothing.
 * Hourly, customers suspended for late payment whose overdue debt is 0 by a way no payment path sees (a credit note,
 * an invoice voided) get the service back.
 */
export const COLLECTIONS_JOBS: readonly PortalJob[] = [
  {
    name: 'payments.collections',
    every: 'riga-day',
    async run(deps, log) {
      const reminded = await sendPaymentReminders(deps);
      const suspended = await suspendLatePayers(deps);
      if (reminded.customers > 0 || suspended > 0) log.info({ reminded, suspended }, 'collections');
      return { reminded, suspended };
    },
  },
  {
    name: 'payments.restore-paid',
    every: 'hour',
    async run(deps) {
      const restored = await deps.db.transaction().execute((trx) => restorePaidServices(deps, trx));
      return { restored: restored.length };
    },
  },
];
