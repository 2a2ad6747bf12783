import type { BillingRunView, TariffVersionView } from '@up/common/contracts/billing';
import { parseMoneyToCents, roundHalfUp } from '@up/common/money';

/**
 * Pure helpers of the back office's billing pages: a run's progress, the month to suggest, amounts typed in
 * euros, a credit note's totals as the server will compute them, and tariff elements as editable JSON.
 */

/** Share of the run's customers done, 0…1 (a run with no customers yet is at 0, a finished one at 1). */
export function runProgress(run: Pick<BillingRunView, 'status' | 'customersDone' | 'customersTotal'>): number {
  if (run.customersTotal <= 0) return run.status === 'done' ? 1 : 0;
  return Math.min(1, Math.max(0, run.customersDone / run.customersTotal));
}

/** The month before the Riga month of `today` ('2026-12-02' → '2026-11'): the newest month a run may bill. */
export function lastFinishedPeriod(today: string): string {
  const [year, month] = today.split('-').map(Number);
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`;
}

/** A billing period as the API takes it: YYYY-MM, 2000–2099 (the contract's pattern). */
export function isPeriod(value: string): boolean {
  return /^20[0-9]{2}-(0[1-9]|1[0-2])$/.test(value);
}

/** Euros as typed ('12,34', '12.5', '-3') → cents; null when it is not an amount. */
export function centsOf(text: string): number | null {
  try {
    return parseMoneyToCents(text.replace(/\s/g, ''));
  } catch {
    return null;
  }
}

/** A VAT rate as the API takes it: 0–100 with at most two decimals ('21', '12', '5.5'); a comma is read as the point. */
export function vatPercentOf(text: string): string | null {
  const value = text.trim().replace(',', '.');
  return /^(100|[0-9]{1,2})(\.[0-9]{1,2})?$/.test(value) && Number(value) <= 100 ? value : null;
}

function basisPoints(percent: string): number {
  const [whole, fraction = ''] = percent.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/**
 * A credit note's totals as the server computes them (invoice-totals.ts): the lines' nets summed per VAT rate,
 * the VAT of each sum rounded half-up to the cent once, gross = net + VAT.
 */
export function creditNoteTotals(lines: readonly { netCents: number; vatPercent: string }[]): { netCents: number; vatCents: number; grossCents: number } {
  const byRate = new Map<string, number>();
  for (const line of lines) byRate.set(line.vatPercent, (byRate.get(line.vatPercent) ?? 0) + line.netCents);
  let netCents = 0;
  let vatCents = 0;
  for (const [percent, taxable] of byRate) {
    netCents += taxable;
    vatCents += roundHalfUp(taxable * basisPoints(percent), 10_000);
  }
  return { netCents, vatCents, grossCents: netCents + vatCents };
}

/**
 * A version's elements in the shape POST …/versions takes (OCPI-like TariffElement): without the view's empty
 * label and restrictions, for an administrator to start the next version from.
 */
export function elementsForEditing(version: Pick<TariffVersionView, 'elements'> | undefined): string {
  const elements = (version?.elements ?? [{ label: null, priceComponents: [{ type: 'ENERGY', price: '0.100000', vatPercent: '21', stepSize: 1 }], restrictions: {} }])
    .map((element) => ({
      ...(element.label ? { label: element.label } : {}),
      priceComponents: element.priceComponents,
      ...(Object.keys(element.restrictions).length > 0 ? { restrictions: element.restrictions } : {}),
    }));
  return JSON.stringify(elements, null, 2);
}

/** The elements typed as JSON: a non-empty array, or the parser's complaint (the server checks every field). */
export function parseElements(text: string): { elements: unknown[] } | { error: 'json' | 'array'; detail?: string } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { error: 'json', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!Array.isArray(value) || value.length === 0) return { error: 'array' };
  return { elements: value };
}

/** The newest first: versions by number, descending. */
export function newestVersionsFirst<T extends { version: number }>(versions: readonly T[]): T[] {
  return [...versions].sort((a, b) => b.version - a.version);
}
