/**
 * The billing module's public surface (BIL-1 … BIL-3, BIL-8, BIL-9, BIL-15): what other modules and the app's
 * commands may use — the billing run, the ledger (payments, issue 13, write to it) and the invoices.
 */
export { runBilling, type BillingRunOptions, type RunFailpoint } from './billing-run.service.js';
export { customerBalance, customerBalances, recordLedgerEntry, type LedgerEntryInput } from './ledger.js';
export { listInvoices } from './invoices.service.js';
export {
  recordReceivedMoney, reverseReceivedMoney, refundCredit, findInvoicesForPayments, type ReceivedMoney, type PayableInvoice,
} from './payment-ledger.js';
export { customerOpenItems, allocationsOfPayments, type CreditAllocation } from './open-items.service.js';
export { spendingAllowance } from './money-limits.service.js';
export { decideClaim, fileClaim } from './claims.service.js';
export { overdueInvoices, overdueCentsOfCustomers, type OverdueInvoice } from './overdue-debts.js';
export { settleWithdrawal, type WithdrawalSettlement } from './withdrawal-settlement.js';
