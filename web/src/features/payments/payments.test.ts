import { describe, expect, it } from 'vitest';
import type { PaymentView } from '@up/common/contracts/payments';
import {
  activeAllocations, allocationsForShowing, creditOfPayments, isIban, normalizeIban, ONLINE_POLL_LIMIT_MS, onlinePaymentPhase, onlinePollInterval, settledCents,
  statementOutcome,
} from './payments.ts';

const allocation = (amountCents: number, releasedOn: string | null = null): PaymentView['allocations'][number] => ({
  invoiceId: 'i1', invoiceNumber: 'DE-2026-000001', category: 'supply', amountCents, allocatedOn: '2026-11-16', releasedOn,
});

describe('payment helpers', () => {
  it('BIL-5: a payment still pays what no reversal or void gave back; given-back parts are listed after the others', () => {
    const payment = { allocations: [allocation(100, '2026-11-20'), allocation(200), allocation(300)] };
    expect(activeAllocations(payment).map((a) => a.amountCents)).toEqual([200, 300]);
    expect(allocationsForShowing(payment).map((a) => a.amountCents)).toEqual([200, 300, 100]);
  });

  it('BIL-3: the credit held is what applied payments have not used yet (a reversed one holds nothing)', () => {
    expect(creditOfPayments([
      { status: 'applied', unallocatedCents: 2340 }, { status: 'reversed', unallocatedCents: 500 }, { status: 'applied', unallocatedCents: 0 },
    ])).toBe(2340);
  });

  it('an invoice is settled by what is not released', () => {
    expect(settledCents([
      { kind: 'payment', reference: 'p', category: 'supply', amountCents: 1000, allocatedOn: '2026-01-01', releasedOn: null },
      { kind: 'payment', reference: 'q', category: 'supply', amountCents: 700, allocatedOn: '2026-01-01', releasedOn: '2026-01-05' },
      { kind: 'credit', reference: 'r', category: 'product', amountCents: 50, allocatedOn: '2026-01-01', releasedOn: null },
    ])).toBe(1050);
  });

  it('a statement import: rejected entries, payments waiting, all matched, or nothing new', () => {
    const base = { credits: 1, matched: 0, unmatched: 0, reversals: 0, rejected: [] as { entry: number; reason: string }[] };
    expect(statementOutcome({ ...base, matched: 1 })).toBe('done');
    expect(statementOutcome({ ...base, matched: 1, unmatched: 1 })).toBe('waiting');
    expect(statementOutcome({ ...base, rejected: [{ entry: 3, reason: 'no amount' }] })).toBe('refused');
    expect(statementOutcome({ ...base, credits: 0 })).toBe('nothing');
    expect(statementOutcome({ ...base, reversals: 1 })).toBe('done');
  });

  it('IBANs as typed are normalized and checked by their check digits', () => {
    expect(normalizeIban(' lv80 bank 0000 4351 9500 1 ')).toBe('LV80BANK0000435195001');
    expect(isIban('LV80BANK0000435195001')).toBe(true);
    expect(isIban('LV81BANK0000435195001')).toBe(false);
    expect(isIban('GB82WEST12345698765432')).toBe(true);
    expect(isIban('LV80BANK')).toBe(false);
    expect(isIban('lv80bank0000435195001')).toBe(false);
  });

  it('BIL-15: the return page asks every second while the online payment is started (or not answered yet), for 30 s at most, and stops once it is paid, cancelled or failed', () => {
    const since = 1_000_000;
    expect(onlinePollInterval(undefined, since, since)).toBe(1000);
    expect(onlinePollInterval('started', since, since + ONLINE_POLL_LIMIT_MS - 1)).toBe(1000);
    expect(onlinePollInterval('started', since, since + ONLINE_POLL_LIMIT_MS)).toBe(false);
    for (const status of ['paid', 'cancelled', 'failed'] as const) expect(onlinePollInterval(status, since, since)).toBe(false);
  });

  it('BIL-15: the return page says checking before the first answer, waiting while started, late when still started after polling stopped, else the outcome', () => {
    expect(onlinePaymentPhase(undefined, false, false)).toBe('checking');
    expect(onlinePaymentPhase(undefined, true, false)).toBe('unknown');
    expect(onlinePaymentPhase('started', false, false)).toBe('waiting');
    expect(onlinePaymentPhase('started', false, true)).toBe('late');
    expect(onlinePaymentPhase('paid', false, true)).toBe('paid');
    expect(onlinePaymentPhase('cancelled', true, false)).toBe('cancelled');
    expect(onlinePaymentPhase('failed', false, false)).toBe('failed');
  });
});
