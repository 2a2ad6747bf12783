import type { InvoiceDetail } from '@up/common/contracts/billing';
import type { PaymentView, StatementImportResult } from '@up/common/contracts/payments';

/**
 * Pure helpers of the payment pages (issue 13; BIL-3 … BIL-5, BIL-10, BIL-15): what a payment paid, what a
 * statement import came to, and the account a refund goes to. Money is integer cents.
 */

/** What a payment still pays: its allocations not given back by a reversal or a void. */
export function activeAllocations(payment: Pick<PaymentView, 'allocations'>): PaymentView['allocations'] {
  return payment.allocations.filter((allocation) => allocation.releasedOn === null);
}

/** A payment's allocations with the ones still in force first (each group in the API's order). */
export function allocationsForShowing(payment: Pick<PaymentView, 'allocations'>): PaymentView['allocations'] {
  return [...activeAllocations(payment), ...payment.allocations.filter((allocation) => allocation.releasedOn !== null)];
}

/** The credit the customer holds from its payments: what of them pays nothing yet (BIL-3). */
export function creditOfPayments(payments: readonly Pick<PaymentView, 'status' | 'unallocatedCents'>[]): number {
  return payments.filter((payment) => payment.status === 'applied').reduce((sum, payment) => sum + payment.unallocatedCents, 0);
}

type Settlement = InvoiceDetail['settlements'][number];

/** What paid the invoice and is not given back: the sum of its settlements in force. */
export function settledCents(settlements: readonly Settlement[]): number {
  return settlements.filter((settlement) => settlement.releasedOn === null).reduce((sum, settlement) => sum + settlement.amountCents, 0);
}

/**
 * How the import went, for the headline's colour: 'refused' when entries were rejected, 'waiting' when some
 * payments wait for staff, 'done' when every new credit found its customer, 'nothing' when nothing new came in.
 */
export function statementOutcome(result: Pick<StatementImportResult, 'credits' | 'matched' | 'unmatched' | 'rejected' | 'reversals'>): 'refused' | 'waiting' | 'done' | 'nothing' {
  if (result.rejected.length > 0) return 'refused';
  if (result.unmatched > 0) return 'waiting';
  if (result.matched > 0 || result.reversals > 0) return 'done';
  return 'nothing';
}

/** The counts an import answers, in the order staff read them. */
export const STATEMENT_COUNTS = ['matched', 'unmatched', 'duplicates', 'reversals', 'ignored'] as const;

/** An IBAN as typed ('lv80 bank 0000 4351 9500 1') in its electronic form: no spaces, capital letters. */
export function normalizeIban(text: string): string {
  return text.replace(/\s+/g, '').toUpperCase();
}

/** Whether the (normalized) text is an IBAN: the country, two check digits that pass ISO 7064 mod 97-10, 11–30 letters or digits. */
export function isIban(iban: string): boolean {
  if (!/^[A-Z]{2}[0-9]{2}[0-9A-Z]{11,30}$/.test(iban)) return false;
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const digits = /[A-Z]/.test(char) ? String(char.charCodeAt(0) - 55) : char;
    for (const digit of digits) remainder = (remainder * 10 + Number(digit)) % 97;
  }
  return remainder === 1;
}

/** BIL-15: how long the return page asks about an online payment the provider has not confirmed yet, and how often. */
export const ONLINE_POLL_LIMIT_MS = 30_000;
export const ONLINE_POLL_EVERY_MS = 1_000;

type OnlineStatus = 'started' | 'paid' | 'cancelled' | 'failed';

/**
 * How soon to ask again about an online payment: every second while it is 'started' (or not answered yet) and the
 * page has waited less than ONLINE_POLL_LIMIT_MS since `since`; never once paid, cancelled or failed, or after that.
 */
export function onlinePollInterval(status: OnlineStatus | undefined, since: number, now: number): number | false {
  if (status !== undefined && status !== 'started') return false;
  return now - since < ONLINE_POLL_LIMIT_MS ? ONLINE_POLL_EVERY_MS : false;
}

/**
 * What the return page says: 'checking' before the first answer, 'waiting' for the bank's confirmation while it is
 * started, 'late' when it is still started after the polling stopped, else the outcome ('paid', 'cancelled',
 * 'failed'), or 'unknown' when the payment could not be read (not the customer's, gone).
 */
export type OnlinePhase = 'checking' | 'waiting' | 'late' | 'paid' | 'cancelled' | 'failed' | 'unknown';

export function onlinePaymentPhase(status: OnlineStatus | undefined, failed: boolean, timedOut: boolean): OnlinePhase {
  if (status === undefined) return failed ? 'unknown' : 'checking';
  if (status !== 'started') return status;
  return timedOut ? 'late' : 'waiting';
}
