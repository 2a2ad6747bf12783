/**
 * The payments module's public surface (issue 13): money coming in. Nothing is imported from here yet; the
 * ledger the payments are allocated in is the billing module's.
 */
export { importStatement } from './statement-import.service.js';
