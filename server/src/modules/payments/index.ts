/**
 * The payments module's public surface (issue 13): money coming in (the demo data takes its bank payments in
 * here). The ledger the payments are allocated in is the billing module's.
 */
export { importStatement } from './statement-import.service.js';
export { takeInPayments, type IncomingPayment } from './incoming-payments.js';
export { serviceSuspension, restorePaidServices } from './service-suspensions.service.js';
export { sendPaymentReminders, suspendLatePayers } from './payment-reminders.service.js';
export { withdrawFromContract } from './contract-withdrawal.service.js';
