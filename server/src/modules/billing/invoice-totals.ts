import { roundHalfUp } from '@up/common/money';

/** What the totals need of a line. */
export interface TotalledLine {
  netCents: number;
  vatCategory: string;
  vatPercent: string;
}

export interface VatEntry {
  vatCategory: string;
  vatRatePercent: string;
  taxableCents: number;
  vatCents: number;
}

export interface InvoiceAmounts {
  netCents: number;
  vatCents: number;
  grossCents: number;
  prepaidCents: number;
  payableCents: number;
  vatBreakdown: VatEntry[];
}

/**
 * The money of an invoice, with the portal's one rounding step for VAT (docs/BILLING.md "Rounding"): each line's
 * net amount is already a whole cent (its quantity × price rounded half-up once, when it was rated); the lines'
 * nets are summed per VAT category and rate, and the VAT of each sum is rounded half-up to the cent once
 * (EN 16931 BR-CO-17). Net, VAT and gross are sums of those whole cents, so the lines add up to the total.
 *
 * BIL-3: `creditCents` is what the customer holds already (advance payments, credit notes, overpayments: the
 * negative part of its ledger balance before this invoice); the invoice uses as much of it as it can and asks
 * for the rest. An invoice whose gross is not positive uses none.
 */
export function invoiceAmounts(lines: readonly TotalledLine[], creditCents: number): InvoiceAmounts {
  const byRate = new Map<string, VatEntry>();
  for (const line of lines) {
    const key = `${line.vatCategory}|${line.vatPercent}`;
    const entry = byRate.get(key) ?? { vatCategory: line.vatCategory, vatRatePercent: line.vatPercent, taxableCents: 0, vatCents: 0 };
    entry.taxableCents += line.netCents;
    byRate.set(key, entry);
  }
  const vatBreakdown = [...byRate.values()].sort(byRateDescending);
  for (const entry of vatBreakdown) entry.vatCents = vatOf(entry.taxableCents, entry.vatRatePercent);
  const netCents = sum(vatBreakdown.map((entry) => entry.taxableCents));
  const vatCents = sum(vatBreakdown.map((entry) => entry.vatCents));
  const grossCents = netCents + vatCents;
  const prepaidCents = grossCents > 0 ? Math.min(Math.max(0, creditCents), grossCents) : 0;
  return { netCents, vatCents, grossCents, prepaidCents, payableCents: grossCents - prepaidCents, vatBreakdown };
}

/** VAT on a taxable amount at a decimal percent ('21', '12', '5.5'), rounded half-up to the cent once. */
export function vatOf(taxableCents: number, percent: string): number {
  return roundHalfUp(taxableCents * basisPoints(percent), 10_000);
}

/** '21' → 2100, '5.5' → 550: hundredths of a percent, exact. */
export function basisPoints(percent: string): number {
  const match = /^(\d{1,3})(?:\.(\d{1,2}))?$/.exec(percent);
  if (!match) throw new RangeError(`Not a VAT percent: ${JSON.stringify(percent)}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

function byRateDescending(a: VatEntry, b: VatEntry): number {
  return basisPoints(b.vatRatePercent) - basisPoints(a.vatRatePercent) || a.vatCategory.localeCompare(b.vatCategory);
}

function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}
