import type { InvoiceSummary, LineExplanation, TariffVersionView } from '@up/common/contracts/billing';

/** Pure helpers of the invoice pages (BIL-15): what the chart shows, the balance's wording, how documents relate. */

/** The ledger's balance as the page words it: > 0 owed, < 0 credit held (advance payments, credit notes), 0 settled. */
export function balanceState(cents: number): 'owed' | 'credit' | 'settled' {
  if (cents > 0) return 'owed';
  if (cents < 0) return 'credit';
  return 'settled';
}

/**
 * Whether an invoice is paid (BIL-5: its openCents is 0), still open, or open past its due day (the due day is the
 * last day to pay, moved past weekends and holidays by the server: BIL-4). Credit notes and void invoices ask for
 * nothing: null.
 */
export function invoicePaymentState(invoice: Pick<InvoiceSummary, 'kind' | 'status' | 'openCents' | 'dueDate'>, today: string): 'paid' | 'open' | 'overdue' | null {
  if (invoice.kind !== 'invoice' || invoice.status !== 'issued') return null;
  if (invoice.openCents <= 0) return 'paid';
  return invoice.dueDate !== null && invoice.dueDate < today ? 'overdue' : 'open';
}

/**
 * The last `count` issued invoices (not credit notes, not void ones: a voided invoice's month is its reissue's),
 * oldest first, for the bar chart of gross amounts.
 */
export function chartInvoices(invoices: readonly InvoiceSummary[], count: number): InvoiceSummary[] {
  return invoices
    .filter((invoice) => invoice.kind === 'invoice' && invoice.status === 'issued')
    .slice(0, count)
    .reverse();
}

/** The document with this number among the customer's (or the search's) documents. */
export function findByNumber<T extends Pick<InvoiceSummary, 'number'>>(invoices: readonly T[] | undefined, number: string | null): T | undefined {
  if (!number || !invoices) return undefined;
  return invoices.find((invoice) => invoice.number === number);
}

/** The credit notes issued for the invoice with this number. */
export function creditNotesOf(invoices: readonly InvoiceSummary[] | undefined, number: string): string[] {
  return (invoices ?? []).filter((invoice) => invoice.kind === 'credit_note' && invoice.correctsInvoiceNumber === number).map((invoice) => invoice.number);
}

/** The invoice reissued in place of the void one with this number, if any. */
export function replacementOf(invoices: readonly InvoiceSummary[] | undefined, number: string): string | null {
  return (invoices ?? []).find((invoice) => invoice.replacesInvoiceNumber === number)?.number ?? null;
}

/** The price component types of a tariff element that price a line from this source. */
const COMPONENTS_OF_SOURCE: Record<string, string[]> = {
  energy: ['ENERGY', 'SPOT_ENERGY'],
  grid_energy: ['ENERGY'],
  fixed_fee: ['MONTHLY_FEE'],
  capacity_fee: ['CAPACITY_FEE'],
  charging_session: ['ENERGY', 'TIME', 'PARKING_TIME', 'FLAT'],
  service: ['MONTHLY_FEE', 'FLAT'],
};

/**
 * Which elements of the tariff version priced the line: those with a component of the line's kind, and among
 * several (a day zone and a night zone) the one whose price is the line's unit price. Indexes into `elements`.
 */
export function appliedElements(version: TariffVersionView, line: Pick<LineExplanation['line'], 'source' | 'unitPrice'>): number[] {
  const types = COMPONENTS_OF_SOURCE[line.source] ?? [];
  const candidates = version.elements
    .map((element, index) => ({ index, components: element.priceComponents.filter((component) => types.includes(component.type)) }))
    .filter((candidate) => candidate.components.length > 0);
  if (candidates.length <= 1) return candidates.map((candidate) => candidate.index);
  const samePrice = candidates.filter((candidate) => candidate.components.some((component) => Number(component.price) === Number(line.unitPrice)));
  return (samePrice.length > 0 ? samePrice : candidates).map((candidate) => candidate.index);
}

/** The exact sum of the days' amounts (each given to a hundredth of a cent), in hundredths of a cent. */
export function daysTotalHundredths(days: readonly { amountCents: number }[]): number {
  return days.reduce((total, day) => total + Math.round(day.amountCents * 100), 0);
}

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'] as const;

/** Days of the week in order, runs of three or more as "first–last": [MON…FRI] → 'Monday–Friday'. */
export function dayRuns(days: readonly string[]): { from: string; to: string | null }[] {
  const indexes = [...new Set(days.map((day) => DAYS.indexOf(day as (typeof DAYS)[number])).filter((i) => i >= 0))].sort((a, b) => a - b);
  const runs: { from: string; to: string | null }[] = [];
  let start = 0;
  for (let i = 1; i <= indexes.length; i++) {
    if (i < indexes.length && indexes[i] === indexes[i - 1] + 1) continue;
    const run = indexes.slice(start, i);
    if (run.length >= 3) runs.push({ from: DAYS[run[0]], to: DAYS[run[run.length - 1]] });
    else for (const index of run) runs.push({ from: DAYS[index], to: null });
    start = i;
  }
  return runs;
}
