/**
 * BIL-13 scenario with the clock moved and the amounts written out by hand: a contract is pending until its
 * confirmation e-mail is sent and starts on the Riga day it was sent; the customer withdraws on day 14 and is
 * refunded what was paid less the service received; day 15 is refused naming the last day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { addTariff } from '../../test/billing-fixtures.js';
import { SYSTEM_ACTOR, type Actor } from '../audit/index.js';
import { customerOpenItems } from '../billing/index.js';
import { takeInPayments, withdrawFromContract } from '../payments/index.js';
import { addContract, createCustomer } from './customers.service.js';
import { startConfirmedContracts } from './contract-start.service.js';
import { listLifecycleContracts, listRefundsDue, markRefundPaidOut } from './contract-lifecycle.service.js';

let t: TestApp;
const staff: Actor = { userId: null, role: 'customer_service', ip: '10.0.0.9' };
let customerId = '';

const contractRow = (id: string) => t.deps.db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestApp();
  await t.deliverMail(); // whatever the demo data queued
  t.clock.set('2026-12-02T08:00:00Z'); // 10:00 in Riga
  ({ id: customerId } = await createCustomer(t.deps, {
    kind: 'person', name: 'Laura Bērziņa', identityCode: '329131-00001', customerNumber: 'C-913001', email: 'laura@lifecycle.example', language: 'en',
  }, staff));
  // a fee of 31.00 € a month + 21 % VAT: 1.00 € net a day in December
  await addTariff(t.deps.db, 'ev-fee-31', { lv: 'Uzlāde', en: 'Charging', ru: 'Зарядка' }, [{
    validFrom: '2026-01-01', elements: [{ priceComponents: [{ type: 'MONTHLY_FEE', price: '31.000000', vatPercent: '21', stepSize: 1 }] }],
  }]);
});
afterAll(async () => { await t?.close(); });

describe('BIL-13: a contract starts when its confirmation e-mail is sent', () => {
  let contractId = '';

  it('BIL-13: a new contract is pending, and stays pending while its confirmation e-mail waits in the outbox', async () => {
    ({ id: contractId } = await addContract(t.deps, customerId, { type: 'ev_charging', number: 'EV-913001', status: 'pending', object: 'Ozolu iela 1, Rīga' }, staff));
    expect(await startConfirmedContracts(t.deps)).toBe(0);
    expect(await contractRow(contractId)).toMatchObject({ status: 'pending', starts_on: null, terms_version: '1' });
  });

  it('BIL-13: sent on 2 December, the contract is active from 2 December; the e-mail names number, type, object, terms and the last withdrawal day', async () => {
    await t.deliverMail();
    expect(await startConfirmedContracts(t.deps)).toBe(1);
    expect(await startConfirmedContracts(t.deps)).toBe(0); // a second run changes nothing
    expect(await contractRow(contractId)).toMatchObject({ status: 'active', starts_on: '2026-12-02' });
    const [mail] = t.mail.to('laura@lifecycle.example');
    expect(mail!.subject).toContain('EV-913001');
    expect(mail!.text).toContain('Contract type: EV charging');
    expect(mail!.text).toContain('Object: Ozolu iela 1, Rīga');
    expect(mail!.text).toContain('Contract terms version: 1');
    expect(mail!.text).toContain('up to and including 2026-12-16');
    const [contract] = (await listLifecycleContracts(t.deps, customerId)).filter((row) => row.id === contractId);
    expect(contract).toMatchObject({ status: 'active', startsOn: '2026-12-02', withdrawalLastDay: '2026-12-16', withdrawal: null });
  });

  it('BIL-13: the start is the day the e-mail was handed to the mail server, not the day it was queued', async () => {
    t.clock.set('2026-12-02T21:50:00Z'); // 23:50 in Riga
    const { id } = await addContract(t.deps, customerId, { type: 'ev_charging', number: 'EV-913002', status: 'pending' }, staff);
    t.clock.set('2026-12-02T22:10:00Z'); // 00:10 on 3 December in Riga
    await t.deliverMail();
    await startConfirmedContracts(t.deps);
    expect(await contractRow(id)).toMatchObject({ status: 'active', starts_on: '2026-12-03' });
  });

  it('a pending contract needs the customer\'s e-mail address (refused naming the field, nothing stored)', async () => {
    const { id } = await createCustomer(t.deps, { kind: 'person', name: 'Bez Pasta', identityCode: '329131-00002', customerNumber: 'C-913002' }, staff);
    await expect(addContract(t.deps, id, { type: 'ev_charging', number: 'EV-913009', status: 'pending' }, staff))
      .rejects.toMatchObject({ status: 400, code: 'CUSTOMER_HAS_NO_EMAIL', details: { field: 'status' } });
    expect(await t.deps.db.selectFrom('contracts').select('id').where('number', '=', 'EV-913009').executeTakeFirst()).toBeUndefined();
  });

  describe('BIL-13: withdrawal within 14 days', () => {
    it('BIL-13: on day 14 (16 December) the customer withdraws: 50.00 € paid, 15 days of 31.00 € + VAT received (18.15 €), 31.85 € refunded by 30 December', async () => {
      t.clock.set('2026-12-03T09:00:00Z');
      await t.deps.db.insertInto('contract_terms').values({
        contract_id: contractId, customer_id: customerId, tariff_id: 'ev-fee-31', grid_tariff_id: null, object_id: null,
        instalment_total_cents: null, instalment_count: null, first_instalment_month: null, product_name: null, updated_at: t.clock.now(),
      }).execute();
      await t.deps.db.transaction().execute((trx) => takeInPayments(trx, [{
        source: 'staff', reference: 'advance-913001', amountCents: 5000, receivedOn: '2026-12-03', payerName: 'Laura Bērziņa', payerAccount: 'LV80BANK0000435195001',
        creditorReference: null, remittanceText: null, endToEndId: null, statementId: null, customerId, matchedBy: 'staff',
      }], 'DE', null, t.clock.now()));
      t.clock.set('2026-12-16T20:00:00Z'); // 22:00 in Riga: still day 14
      const withdrawal = await withdrawFromContract(t.deps, customerId, contractId, { userId: null, role: 'user', ip: '10.0.0.1' });
      // 2–16 December is 15 days: 31.00 × 15/31 = 15.00 € net, 21 % VAT 3.15 €, 18.15 € gross; 50.00 − 18.15 = 31.85 €
      expect(withdrawal).toEqual({ withdrawnOn: '2026-12-16', paidCents: 5000, receivedCents: 1815, refundCents: 3185, refundDueOn: '2026-12-30', refundPaidOn: null });
      expect(await contractRow(contractId)).toMatchObject({ status: 'ended', ends_on: '2026-12-16' });
      // the refund is in the ledger; the credit left (18.15 €) pays the invoice for those days
      const balance = await customerOpenItems(t.deps.db, customerId, '2026-12-16', '0.15');
      expect(balance.creditCents).toBe(1815);
      const refund = await t.deps.db.selectFrom('ledger_entries').select(['amount_cents', 'entry_date']).where('customer_id', '=', customerId).where('kind', '=', 'refund').executeTakeFirstOrThrow();
      expect(refund).toMatchObject({ amount_cents: 3185, entry_date: '2026-12-16' });
      await t.deliverMail();
      const mail = t.mail.to('laura@lifecycle.example').at(-1)!;
      expect(mail.text).toContain('Value of the service received: €18.15');
      expect(mail.text).toContain('Refund: €31.85, by 2026-12-30');
      const audit = await t.deps.db.selectFrom('audit_events').select(['details']).where('action', '=', 'contract.withdrawn').where('object_id', '=', contractId).executeTakeFirstOrThrow();
      expect(audit.details).toMatchObject({ refundCents: 3185 });
    });

    it('BIL-13: a second withdrawal is refused and changes nothing', async () => {
      await expect(withdrawFromContract(t.deps, customerId, contractId, SYSTEM_ACTOR)).rejects.toMatchObject({ status: 409, code: 'ALREADY_WITHDRAWN' });
    });

    it('BIL-13: on day 15 the withdrawal is refused, naming the last day', async () => {
      const later = (await listLifecycleContracts(t.deps, customerId)).find((row) => row.number === 'EV-913002')!;
      t.clock.set('2026-12-18T08:00:00Z'); // started 3 December: the last day is 17 December
      await expect(withdrawFromContract(t.deps, customerId, later.id, SYSTEM_ACTOR))
        .rejects.toMatchObject({ status: 409, code: 'WITHDRAWAL_PERIOD_OVER', message: expect.stringContaining('2026-12-17'), details: { lastDay: '2026-12-17' } });
      expect(await contractRow(later.id)).toMatchObject({ status: 'active', ends_on: null });
      expect((await listLifecycleContracts(t.deps, customerId)).find((row) => row.id === later.id)!.withdrawalLastDay).toBeNull();
    });

    it('BIL-13: staff see the refund due and record it paid out once', async () => {
      const due = (await listRefundsDue(t.deps)).find((row) => row.contractId === contractId);
      expect(due).toMatchObject({ contractNumber: 'EV-913001', customerNumber: 'C-913001', refundCents: 3185, refundDueOn: '2026-12-30', refundPaidOn: null });
      await markRefundPaidOut(t.deps, contractId, staff);
      await expect(markRefundPaidOut(t.deps, contractId, staff)).rejects.toMatchObject({ status: 409, code: 'REFUND_ALREADY_PAID' });
      expect((await listRefundsDue(t.deps)).find((row) => row.contractId === contractId)).toMatchObject({ refundPaidOn: '2026-12-18' });
    });
  });
});
