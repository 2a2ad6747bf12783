import { isCreditorReference } from '@up/common/creditor-reference';
import type { MatchedBy } from './payments.tables.js';

/** What a payer wrote on a transfer, as the bank statement gives it. */
export interface PayerText {
  creditorReference: string | null;
  remittanceText: string | null;
}

/** The keys to look up: RF references, invoice numbers and customer numbers found in what the payer wrote. */
export interface MatchKeys {
  references: string[];
  invoiceNumbers: string[];
  customerNumbers: string[];
}

/**
 * Reads what a payer wrote for the keys that can name a customer, strongest first: the structured RF reference
 * (checked digits), an RF reference in the free text, an invoice number of the operator's series
 * ('DE-2026-000123'), a customer number ('C-100001'). Spaces inside an RF reference are allowed, as banks print it.
 */
export function matchKeysOf(text: PayerText, invoiceSeries: string): MatchKeys {
  const references = new Set<string>();
  const structured = compactReference(text.creditorReference);
  if (structured) references.add(structured);
  const free = (text.remittanceText ?? '').toUpperCase();
  for (const found of free.matchAll(/RF\d{2}(?: ?[0-9A-Z]){1,21}/g)) {
    const reference = compactReference(found[0]);
    if (reference) references.add(reference);
  }
  const series = escapeRegExp(invoiceSeries.toUpperCase());
  const invoiceNumbers = [...new Set([...free.matchAll(new RegExp(`\\b${series}-\\d{4}-\\d{6}\\b`, 'g'))].map((found) => found[0]))];
  const customerNumbers = [...new Set([...free.matchAll(/\b[A-Z]{1,3}-\d{4,10}\b/g)].map((found) => found[0]).filter((token) => !invoiceNumbers.some((number) => number.startsWith(token))))];
  return { references: [...references], invoiceNumbers, customerNumbers };
}

export interface Match {
  customerId: string;
  matchedBy: MatchedBy;
}

/**
 * The customer a payment is for: the first key that names exactly one customer, by the strength of the key.
 * Keys naming two different customers of the same strength match nobody (staff decide), never a guess.
 */
export function resolveMatch(
  keys: MatchKeys,
  customerByReference: ReadonlyMap<string, string>,
  customerByInvoiceNumber: ReadonlyMap<string, string>,
  customerByNumber: ReadonlyMap<string, string>,
): Match | null {
  const tiers: [MatchedBy, string[], ReadonlyMap<string, string>][] = [
    ['reference', keys.references, customerByReference],
    ['invoice_number', keys.invoiceNumbers, customerByInvoiceNumber],
    ['customer_number', keys.customerNumbers, customerByNumber],
  ];
  for (const [matchedBy, found, lookup] of tiers) {
    const customers = new Set(found.map((key) => lookup.get(key)).filter((id): id is string => id !== undefined));
    if (customers.size === 1) return { customerId: [...customers][0]!, matchedBy };
    if (customers.size > 1) return null;
  }
  return null;
}

function compactReference(text: string | null): string | null {
  if (!text) return null;
  const compact = text.replace(/ /g, '').toUpperCase();
  return isCreditorReference(compact) ? compact : null;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
