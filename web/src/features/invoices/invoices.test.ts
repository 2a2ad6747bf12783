import { describe, expect, it } from 'vitest';
import type { InvoiceSummary, TariffVersionView } from '@up/common/contracts/billing';
import { maySeeInvoices } from './invoices.api.ts';
import { appliedElements, balanceState, chartInvoices, creditNotesOf, dayRuns, daysTotalHundredths, findByNumber, invoicePaymentState, replacementOf } from './invoices.ts';

const summary = (number: string, change: Partial<InvoiceSummary> = {}): InvoiceSummary => ({
  id: `id-${number}`, kind: 'invoice', number, period: '2026-10', issueDate: '2026-11-05', dueDate: '2026-11-19', status: 'issued',
  netCents: 100, vatCents: 21, grossCents: 121, prepaidCents: 0, payableCents: 121, openCents: 121, deliveryChannel: 'email',
  correctsInvoiceNumber: null, replacesInvoiceNumber: null, ...change,
});

describe('the invoice pages\' helpers', () => {
  it('BIL-15: words the ledger balance as owed, credit held or settled', () => {
    expect(balanceState(22735)).toBe('owed');
    expect(balanceState(-500)).toBe('credit');
    expect(balanceState(0)).toBe('settled');
  });

  it('BIL-5: an invoice is paid when nothing of it is open, overdue when open after its due day (the due day itself is in time); credit notes and void ones ask for nothing', () => {
    expect(invoicePaymentState(summary('N1', { openCents: 0 }), '2026-12-01')).toBe('paid');
    expect(invoicePaymentState(summary('N1'), '2026-11-19')).toBe('open');
    expect(invoicePaymentState(summary('N1', { openCents: 21 }), '2026-11-20')).toBe('overdue');
    expect(invoicePaymentState(summary('N1', { openCents: 0, payableCents: 0 }), '2026-12-01')).toBe('paid');
    expect(invoicePaymentState(summary('K1', { kind: 'credit_note', openCents: 0 }), '2026-12-01')).toBeNull();
    expect(invoicePaymentState(summary('N1', { status: 'void', openCents: 0 }), '2026-12-01')).toBeNull();
  });

  it('charts the last issued invoices oldest first, without credit notes and void ones', () => {
    const list = [
      summary('N5'), summary('KR1', { kind: 'credit_note', correctsInvoiceNumber: 'N3' }), summary('N4'),
      summary('N3', { status: 'void' }), summary('N2'), summary('N1'),
    ];
    expect(chartInvoices(list, 3).map((invoice) => invoice.number)).toEqual(['N2', 'N4', 'N5']);
  });

  it('relates documents by number: a credit note\'s invoice, a reissue of a void one', () => {
    const list = [summary('N2', { replacesInvoiceNumber: 'N1' }), summary('KR1', { kind: 'credit_note', correctsInvoiceNumber: 'N1' }), summary('N1', { status: 'void' })];
    expect(findByNumber(list, 'N1')?.id).toBe('id-N1');
    expect(findByNumber(list, null)).toBeUndefined();
    expect(creditNotesOf(list, 'N1')).toEqual(['KR1']);
    expect(replacementOf(list, 'N1')).toBe('N2');
    expect(replacementOf(list, 'N2')).toBeNull();
  });

  it('ACC-10: invoices need the billing module and the see_invoices right (the main user holds every right)', () => {
    const operator = { modules: ['accounts', 'billing'] as const };
    const customer = { id: 'c', name: 'C', kind: 'person' as const, customerNumber: 'C-1', role: 'additional' as const, rights: [] as string[] };
    expect(maySeeInvoices(customer, { modules: [...operator.modules] })).toBe(false);
    expect(maySeeInvoices({ ...customer, rights: ['see_invoices'] }, { modules: [...operator.modules] })).toBe(true);
    expect(maySeeInvoices({ ...customer, role: 'main' }, { modules: [...operator.modules] })).toBe(true);
    expect(maySeeInvoices({ ...customer, role: 'main' }, { modules: ['accounts'] })).toBe(false);
    expect(maySeeInvoices(null, { modules: [...operator.modules] })).toBe(false);
  });

  it('BIL-8: marks the tariff elements that priced a line (the zone whose price is the line\'s)', () => {
    const version: TariffVersionView = {
      id: 'v', version: 1, validFrom: '2020-01-01', validUntil: null,
      elements: [
        { label: { lv: 'diena', en: 'day', ru: 'день' }, priceComponents: [{ type: 'ENERGY', price: '0.048900', vatPercent: '21', stepSize: 1 }], restrictions: { startTime: '07:00' } },
        { label: null, priceComponents: [{ type: 'ENERGY', price: '0.032400', vatPercent: '21', stepSize: 1 }], restrictions: {} },
        { label: null, priceComponents: [{ type: 'CAPACITY_FEE', price: '0.124000', vatPercent: '21', stepSize: 1 }], restrictions: {} },
      ],
    };
    expect(appliedElements(version, { source: 'grid_energy', unitPrice: '0.032400' })).toEqual([1]);
    expect(appliedElements(version, { source: 'grid_energy', unitPrice: '0.048900' })).toEqual([0]);
    expect(appliedElements(version, { source: 'capacity_fee', unitPrice: '0.124000' })).toEqual([2]);
    expect(appliedElements(version, { source: 'instalment', unitPrice: '74.95' })).toEqual([]);
  });

  it('adds the days\' amounts exactly (hundredths of a cent, no float drift)', () => {
    expect(daysTotalHundredths([{ amountCents: 157.88 }, { amountCents: 160.07 }, { amountCents: 0.1 }, { amountCents: 0.2 }])).toBe(31_825);
  });

  it('writes days of the week as runs: Monday–Friday, or each on its own', () => {
    expect(dayRuns(['FRIDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY'])).toEqual([{ from: 'MONDAY', to: 'FRIDAY' }]);
    expect(dayRuns(['SATURDAY', 'SUNDAY'])).toEqual([{ from: 'SATURDAY', to: null }, { from: 'SUNDAY', to: null }]);
    expect(dayRuns(['MONDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'BOGUS'])).toEqual([{ from: 'MONDAY', to: null }, { from: 'WEDNESDAY', to: 'FRIDAY' }]);
  });
});
