import type { ReceivableCategory } from './billing.tables.js';
import { CATEGORY_PRIORITY } from './receivable-parts.js';

/** An open part of what the customer owes: an invoice's category part (receivable-parts.ts), or a refund. */
export interface OpenReceivable {
  id: string;
  category: ReceivableCategory;
  dueDate: string;
  /** the day the debt arose (the invoice's issue day); orders debts of one due day */
  issuedOn: string;
  /** breaks the last ties: the invoice number, so an invoice's parts keep together */
  orderKey: string;
  openCents: number;
}

/** Money the customer has that pays nothing yet: a payment, a credit note, a void, a negative invoice. */
export interface OpenCredit {
  id: string;
  entryDate: string;
  orderKey: string;
  openCents: number;
}

export interface PlannedAllocation {
  creditId: string;
  receivableId: string;
  amountCents: number;
  /** the first day both the money and the debt existed: the day this money paid this debt (BIL-4) */
  allocatedOn: string;
}

/** Categories a settlement allocates to; a refund or a reversal is paid by the credit it was made from, never by chance. */
const SETTLED_CATEGORIES: ReadonlySet<ReceivableCategory> = new Set(CATEGORY_PRIORITY);

/**
 * BIL-5, in the order a payment pays on `onDate`: first late interest, then overdue debt (oldest due first; an
 * invoice's parts in category order), then what is not yet due — product purchases, then electricity/gas supply,
 * then additional services — oldest first within each.
 */
export function allocationOrder(receivables: readonly OpenReceivable[], onDate: string): OpenReceivable[] {
  const rank = (receivable: OpenReceivable) => {
    if (receivable.category === 'interest') return 0;
    if (receivable.dueDate < onDate) return 1;
    return 1 + CATEGORY_PRIORITY.indexOf(receivable.category);
  };
  return receivables
    .filter((receivable) => SETTLED_CATEGORIES.has(receivable.category) && receivable.openCents > 0)
    .sort((a, b) => rank(a) - rank(b)
      || compare(a.dueDate, b.dueDate)
      || compare(a.issuedOn, b.issuedOn)
      || compare(a.orderKey, b.orderKey)
      || CATEGORY_PRIORITY.indexOf(a.category) - CATEGORY_PRIORITY.indexOf(b.category));
}

/**
 * Allocates the customer's open credits, oldest first, to its open receivables in BIL-5 order until one side is
 * used up. Pure: the caller stores the result (clearing.ts). Nothing is allocated twice and nothing beyond what is
 * open on either side: the planned amounts of a credit or a receivable never exceed its open cents.
 */
export function planAllocations(credits: readonly OpenCredit[], receivables: readonly OpenReceivable[], onDate: string): PlannedAllocation[] {
  const debts = allocationOrder(receivables, onDate).map((receivable) => ({ receivable, open: receivable.openCents }));
  const money = [...credits]
    .filter((credit) => credit.openCents > 0)
    .sort((a, b) => compare(a.entryDate, b.entryDate) || compare(a.orderKey, b.orderKey));
  const planned: PlannedAllocation[] = [];
  let debtIndex = 0;
  for (const credit of money) {
    let left = credit.openCents;
    while (left > 0 && debtIndex < debts.length) {
      const debt = debts[debtIndex]!;
      const amountCents = Math.min(left, debt.open);
      planned.push({
        creditId: credit.id, receivableId: debt.receivable.id, amountCents,
        allocatedOn: credit.entryDate > debt.receivable.issuedOn ? credit.entryDate : debt.receivable.issuedOn,
      });
      left -= amountCents;
      debt.open -= amountCents;
      if (debt.open === 0) debtIndex++;
    }
    if (debtIndex === debts.length) break;
  }
  return planned;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
