import { roundHalfUp } from '@up/common/money';
import type { ReceivableCategory } from './billing.tables.js';
import { basisPoints } from './invoice-totals.js';

/**
 * BIL-5 orders what a payment pays by kind of obligation: late interest, then product purchases (instalments),
 * then electricity/gas supply, then additional services. One invoice combines all of them (BIL-9), so an invoice
 * is owed in parts, one per category, each with its share of the invoice's VAT; a payment is allocated to parts.
 */
export const CATEGORY_OF_SOURCE: Readonly<Record<string, ReceivableCategory>> = {
  late_interest: 'interest',
  instalment: 'product',
  energy: 'supply',
  grid_energy: 'supply',
  fixed_fee: 'supply',
  capacity_fee: 'supply',
  // a correction (BIL-7) corrects the supply it was claimed against
  correction: 'supply',
  service: 'service',
  charging_session: 'service',
};

/** The order of categories when a payment is allocated (BIL-5); also the order a negative part is netted in, reversed. */
export const CATEGORY_PRIORITY: readonly ReceivableCategory[] = ['interest', 'product', 'supply', 'service'];

export interface PartLine {
  source: string;
  netCents: number;
  vatCategory: string;
  vatPercent: string;
}

export interface VatGroup {
  vatCategory: string;
  vatRatePercent: string;
  vatCents: number;
}

export interface ReceivablePart {
  category: ReceivableCategory;
  amountCents: number;
}

/**
 * Splits an invoice's gross into its categories' parts, exactly: each category gets its lines' nets and, per VAT
 * rate, its share of that rate's VAT — the share rounded half-up from the category's net, and the cents the
 * shares miss or exceed against the invoice's VAT (rounded once on the rate's sum) given to the category with the
 * largest net at that rate. A category that comes out negative (a correction larger than what it corrects) is
 * netted against the others, the lowest priority first. The parts are positive and add up to the gross; an
 * invoice whose gross is not positive owes nothing and has no parts.
 */
export function receivableParts(lines: readonly PartLine[], vatGroups: readonly VatGroup[], grossCents: number): ReceivablePart[] {
  if (grossCents <= 0) return [];
  const amounts = new Map<ReceivableCategory, number>();
  const add = (category: ReceivableCategory, cents: number) => amounts.set(category, (amounts.get(category) ?? 0) + cents);

  for (const group of vatGroups) {
    const netByCategory = new Map<ReceivableCategory, number>();
    for (const line of lines) {
      if (line.vatCategory !== group.vatCategory || line.vatPercent !== group.vatRatePercent) continue;
      const category = categoryOf(line.source);
      netByCategory.set(category, (netByCategory.get(category) ?? 0) + line.netCents);
    }
    let sharesCents = 0;
    let largest: ReceivableCategory | null = null;
    for (const [category, netCents] of netByCategory) {
      const share = roundHalfUp(netCents * basisPoints(group.vatRatePercent), 10_000);
      sharesCents += share;
      add(category, netCents + share);
      if (largest === null || Math.abs(netCents) > Math.abs(netByCategory.get(largest)!)) largest = category;
    }
    if (largest !== null) add(largest, group.vatCents - sharesCents);
  }

  // net a negative category against the others, from the lowest priority up
  const ordered = CATEGORY_PRIORITY.filter((category) => amounts.has(category));
  let deficit = 0;
  for (const category of ordered) {
    const cents = amounts.get(category)!;
    if (cents < 0) {
      deficit += -cents;
      amounts.set(category, 0);
    }
  }
  for (const category of [...ordered].reverse()) {
    if (deficit === 0) break;
    const taken = Math.min(deficit, amounts.get(category)!);
    amounts.set(category, amounts.get(category)! - taken);
    deficit -= taken;
  }

  const parts = ordered.map((category) => ({ category, amountCents: amounts.get(category)! })).filter((part) => part.amountCents > 0);
  const total = parts.reduce((sum, part) => sum + part.amountCents, 0);
  if (total !== grossCents) throw new Error(`Invoice parts add up to ${total} cents, not the gross ${grossCents}`);
  return parts;
}

export function categoryOf(source: string): ReceivableCategory {
  const category = CATEGORY_OF_SOURCE[source];
  if (!category) throw new RangeError(`No receivable category for the charge source ${JSON.stringify(source)}`);
  return category;
}
