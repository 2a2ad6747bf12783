import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.js';
import { addBilledCustomer, addTariff, billContractWith } from '../../test/billing-fixtures.js';
import { SYSTEM_ACTOR, type Actor } from '../audit/index.js';
import { runBilling } from '../billing/index.js';
import { endContractsPastTheirEnd, giveTerminationNotice, previewTermination, terminationEndDay } from './contract-termination.service.js';

/** BIL-12: ending a contract with 5 working days' notice; the service received until the end is billed, nothing after. */
const t = await createTestApp({ seed: false });
afterAll(async () => { await t.close(); });
const db = t.deps.db;
const USER: Actor = { userId: null, role: 'user', ip: '127.0.0.1' };

beforeAll(async () => {
  await addTariff(db, 'fee', { lv: 'Abonements', en: 'Subscription', ru: 'Абонемент' }, [
    { validFrom: '2025-01-01', elements: [{ priceComponents: [{ type: 'MONTHLY_FEE', price: '100.000000', vatPercent: '21', stepSize: 1 }] }] },
  ]);
});

const on = (day: string) => t.clock.set(`${day}T09:00:00Z`);
const contractOf = (id: string) => db.selectFrom('contracts').select(['status', 'ends_on']).where('id', '=', id).executeTakeFirstOrThrow();

describe('notice counted in working days (BIL-12)', () => {
  it('BIL-12: 5 working days skip the weekend and a public holiday', () => {
    // Thu 12 Nov 2026: Fri 13, Mon 16, Tue 17, (Wed 18 Proclamation Day), Thu 19, Fri 20
    expect(terminationEndDay('2026-11-12')).toBe('2026-11-20');
    // Tue 31 Mar 2026: Wed 1, Thu 2, (Good Friday 3, the weekend, Easter Monday 6), Tue 7, Wed 8, Thu 9
    expect(terminationEndDay('2026-03-31')).toBe('2026-04-09');
    // a plain week: Mon 2 Feb 2026 → Mon 9 Feb
    expect(terminationEndDay('2026-02-02')).toBe('2026-02-09');
  });
});

describe('the customer ends a contract (BIL-12)', () => {
  it('BIL-12: notice on 12 November ends the contract on 20 November; the job ends it the day after, once', async () => {
    const customer = await addBilledCustomer(db, 'end-cust');
    on('2026-11-12');
    expect(await previewTermination(t.deps, customer.customerId, customer.contractId)).toMatchObject({ noticedOn: '2026-11-12', endsOn: '2026-11-20', given: false });
    const notice = await giveTerminationNotice(t.deps, USER, customer.customerId, customer.contractId, { givenBy: 'customer', reason: null });
    expect(notice).toMatchObject({ givenBy: 'customer', endsOn: '2026-11-20', given: true });
    expect(await contractOf(customer.contractId)).toEqual({ status: 'active', ends_on: '2026-11-20' });
    const mail = await db.selectFrom('outbox_emails').select('subject').where('to_address', '=', 'end-cust@billing.example').executeTakeFirstOrThrow();
    expect(mail.subject).toContain('tiks izbeigts 2026-11-20');
    await expect(giveTerminationNotice(t.deps, USER, customer.customerId, customer.contractId, { givenBy: 'customer', reason: null }))
      .rejects.toMatchObject({ code: 'NOTICE_GIVEN_ALREADY', status: 409, details: { endsOn: '2026-11-20' } });

    on('2026-11-20'); // its last day: still running
    await endContractsPastTheirEnd(t.deps);
    expect((await contractOf(customer.contractId)).status).toBe('active');
    on('2026-11-21');
    expect(await endContractsPastTheirEnd(t.deps)).toBeGreaterThanOrEqual(1);
    expect((await contractOf(customer.contractId)).status).toBe('ended');
    expect(await endContractsPastTheirEnd(t.deps)).toBe(0);
    const events = await db.selectFrom('audit_events').select('action').where('customer_id', '=', customer.customerId).execute();
    expect(events.map((event) => event.action).sort()).toEqual(['customers.contract_ended', 'customers.contract_notice_given']);
    await expect(giveTerminationNotice(t.deps, USER, customer.customerId, customer.contractId, { givenBy: 'customer', reason: null }))
      .rejects.toMatchObject({ code: 'CONTRACT_NOT_RUNNING', status: 409 });
  });

  it('BIL-12: another customer\'s contract is not found', async () => {
    const customer = await addBilledCustomer(db, 'end-other');
    await expect(giveTerminationNotice(t.deps, USER, 'cust-end-cust', customer.contractId, { givenBy: 'customer', reason: null }))
      .rejects.toMatchObject({ code: 'CONTRACT_NOT_FOUND', status: 404 });
  });

  it('BIL-12: the service is billed to the end day and not after (20 of 30 November days: 100.00 € × 20/30 = 66.67 €)', async () => {
    const customer = await addBilledCustomer(db, 'end-bill');
    await billContractWith(db, customer, 'fee', { object: false });
    on('2026-11-12');
    await giveTerminationNotice(t.deps, USER, customer.customerId, customer.contractId, { givenBy: 'customer', reason: null });
    on('2026-11-21');
    await endContractsPastTheirEnd(t.deps);

    t.clock.set('2026-12-02T06:00:00Z');
    await runBilling(t.deps, { period: '2026-11', actor: SYSTEM_ACTOR });
    const november = await db.selectFrom('invoice_lines').innerJoin('invoices', 'invoices.id', 'invoice_lines.invoice_id')
      .select(['invoice_lines.source', 'invoice_lines.net_cents', 'invoice_lines.quantity', 'invoice_lines.period_start', 'invoice_lines.period_end'])
      .where('invoices.customer_id', '=', customer.customerId).where('invoices.period', '=', '2026-11').execute();
    expect(november).toEqual([{ source: 'fixed_fee', net_cents: 6667, quantity: '20', period_start: '2026-11-01', period_end: '2026-11-20' }]);

    t.clock.set('2027-01-04T06:00:00Z');
    await runBilling(t.deps, { period: '2026-12', actor: SYSTEM_ACTOR });
    // December charges nothing for the contract (the unpaid November invoice's late interest is no service)
    const december = await db.selectFrom('billing_charges').select(['source', 'contract_id']).where('customer_id', '=', customer.customerId).where('period', '=', '2026-12').execute();
    expect(december.filter((charge) => charge.contract_id === customer.contractId)).toEqual([]);
    expect(december.map((charge) => charge.source)).toEqual(['late_interest']);
  });
});
