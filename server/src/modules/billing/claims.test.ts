import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.js';
import { addBilledCustomer, addTariff, billContractWith } from '../../test/billing-fixtures.js';
import type { Actor } from '../audit/index.js';
import { SYSTEM_ACTOR } from '../audit/index.js';
import { runBilling } from './billing-run.service.js';
import { decideClaim, fileClaim, listClaimsForStaff, listCustomerClaims } from './claims.service.js';
import { getInvoice } from './invoices.service.js';
import { recordStaffPayment } from '../payments/payments.service.js';

/**
 * BIL-7 with the clock: a claim within 10 calendar days of the invoice's issue, decided by staff; an accepted
 * claim's correction on the next invoice, amounts written out by hand. Each customer has a 100.00 € monthly fee
 * + 21 % VAT; January's invoices are issued on Monday 2 February 2026, so 12 February is the last day to claim.
 */
const t = await createTestApp({ seed: false });
afterAll(async () => { await t.close(); });
const db = t.deps.db;
const customer: Actor = { userId: 'user-claims', role: 'user', ip: '10.0.9.1' };
const staff: Actor = { userId: 'staff-claims', role: 'customer_service', ip: '10.0.9.2' };
const ids = { accepted: '', late: '', rejected: '' };

beforeAll(async () => {
  await addTariff(db, 'claims-fee', { lv: 'Abonements', en: 'Subscription', ru: 'Абонемент' }, [
    { validFrom: '2025-01-01', elements: [{ priceComponents: [{ type: 'MONTHLY_FEE', price: '100.000000', vatPercent: '21', stepSize: 1 }] }] },
  ]);
  for (const key of ['accepted', 'late', 'rejected'] as const) {
    const billed = await addBilledCustomer(db, `claims-${key}`);
    await billContractWith(db, billed, 'claims-fee', { object: false });
    ids[key] = billed.customerId;
  }
  t.clock.set('2026-02-02T06:00:00Z');
  await runBilling(t.deps, { period: '2026-01', actor: SYSTEM_ACTOR });
});

const januaryOf = (customerId: string) => db.selectFrom('invoices').selectAll().where('customer_id', '=', customerId).where('period', '=', '2026-01').executeTakeFirstOrThrow();

describe('claims against invoices (BIL-7)', () => {
  it('BIL-7: a claim on the 10th day after the issue is taken; one on the 11th is refused, saying until when it could be filed', async () => {
    t.clock.set('2026-02-12T20:00:00Z'); // 22:00 in Riga, still the 12th
    const january = await januaryOf(ids.accepted);
    const claim = await fileClaim(t.deps, customer, ids.accepted, january.id, { text: 'Abonements janvārī par divām nedēļām, līgums sākās 15. janvārī' });
    expect([claim.status, claim.invoiceNumber]).toEqual(['open', january.number]);
    await expect(fileClaim(t.deps, customer, ids.accepted, january.id, { text: 'vēlreiz' })).rejects.toMatchObject({ code: 'CLAIM_OPEN', status: 409 });

    t.clock.set('2026-02-12T22:00:00Z'); // midnight in Riga: the 13th, the 11th day
    const late = await januaryOf(ids.late);
    await expect(fileClaim(t.deps, customer, ids.late, late.id, { text: 'par vēlu' }))
      .rejects.toMatchObject({ code: 'CLAIM_PERIOD_OVER', status: 409, details: { lastDay: '2026-02-12' } });
    expect((await listCustomerClaims(db, ids.late)).claims).toEqual([]);
  });

  it('BIL-7: an accepted claim\'s correction is carried into the next period\'s invoice; it is decided once', async () => {
    const [claim] = (await listCustomerClaims(db, ids.accepted)).claims;
    t.clock.set('2026-02-16T09:00:00Z');
    // half of January's fee back: −50.00 € net
    const decided = await decideClaim(t.deps, staff, claim!.id, { accept: true, reason: 'Līgums sākās 15. janvārī: puse abonementa atmaksāta.', correctionNetCents: -5000, vatPercent: '21' });
    expect([decided.status, decided.correctionCents]).toEqual(['accepted', -5000]);
    await expect(decideClaim(t.deps, staff, claim!.id, { accept: false, reason: 'vēlreiz' })).rejects.toMatchObject({ code: 'CLAIM_DECIDED' });

    // January was paid on time (a claim does not stop the due day)
    await recordStaffPayment(t.deps, SYSTEM_ACTOR, ids.accepted, { amountCents: 12100, receivedOn: '2026-02-16', reference: 'claims-paid' });
    t.clock.set('2026-03-02T06:00:00Z');
    await runBilling(t.deps, { period: '2026-02', actor: SYSTEM_ACTOR });
    const february = await db.selectFrom('invoices').selectAll().where('customer_id', '=', ids.accepted).where('period', '=', '2026-02').executeTakeFirstOrThrow();
    const lines = await db.selectFrom('invoice_lines').select(['source', 'net_cents']).where('invoice_id', '=', february.id).orderBy('line_number').execute();
    expect(lines).toEqual([{ source: 'fixed_fee', net_cents: 10000 }, { source: 'correction', net_cents: -5000 }]);
    // 100.00 − 50.00 = 50.00 net; VAT 21 % = 10.50; 60.50 to pay
    expect([february.net_cents, february.vat_cents, february.gross_cents]).toEqual([5000, 1050, 6050]);
    const notices = await db.selectFrom('notices').select(['kind', 'title']).where('customer_id', '=', ids.accepted).where('kind', '=', 'claim_decided').execute();
    expect(notices).toEqual([{ kind: 'claim_decided', title: `Pretenzija par rēķinu ${(await januaryOf(ids.accepted)).number} apmierināta` }]);
    const audit = await db.selectFrom('audit_events').select('action').where('customer_id', '=', ids.accepted).where('action', 'like', 'billing.claim%').orderBy('seq').execute();
    expect(audit.map((event) => event.action)).toEqual(['billing.claim_filed', 'billing.claim_decided']);
  });

  it('BIL-7: a rejected claim says why and changes no invoice; accepting one needs its correction', async () => {
    t.clock.set('2026-02-05T09:00:00Z');
    const january = await januaryOf(ids.rejected);
    const claim = await fileClaim(t.deps, customer, ids.rejected, january.id, { text: 'Par dārgu' });
    await expect(decideClaim(t.deps, staff, claim.id, { accept: true, reason: 'pareizi' })).rejects.toMatchObject({ status: 400, details: { field: 'correctionNetCents' } });
    const rejected = await decideClaim(t.deps, staff, claim.id, { accept: false, reason: 'Rēķins atbilst līguma cenai.' });
    expect([rejected.status, rejected.decisionReason, rejected.correctionCents]).toEqual(['rejected', 'Rēķins atbilst līguma cenai.', null]);
    const corrections = await db.selectFrom('billing_charges').select('id').where('customer_id', '=', ids.rejected).where('source', '=', 'correction').execute();
    expect(corrections).toEqual([]);
  });

  it('BIL-7: the invoice says until when it may be claimed against, by the portal\'s clock; a claim may name the amount disputed', async () => {
    const january = await januaryOf(ids.late);
    t.clock.set('2026-02-12T21:59:00Z'); // 23:59 in Riga on the 12th
    expect((await getInvoice(t.deps, ids.late, january.id)).claimPeriod).toEqual({ lastDay: '2026-02-12', open: true });
    t.clock.set('2026-02-12T22:00:00Z');
    expect((await getInvoice(t.deps, ids.late, january.id)).claimPeriod).toEqual({ lastDay: '2026-02-12', open: false });

    t.clock.set('2026-02-10T09:00:00Z');
    const claim = await fileClaim(t.deps, customer, ids.late, january.id, { text: 'Skaitītājs nomainīts', amountCents: 2420 });
    expect([claim.amountCents, claim.invoiceIssueDate, claim.customerNumber]).toEqual([2420, '2026-02-02', january.buyer.customerNumber]);
    expect(claim.customerName).toBe(january.buyer.name);
  });

  it('BIL-7: staff\'s queue lists the open claims first, the oldest first, then the decided ones', async () => {
    const { claims } = await listClaimsForStaff(db, undefined);
    const mine = claims.filter((claim) => Object.values(ids).includes(claim.customerId));
    // open: the one of the 10th (test above); decided: the rejected of the 5th and the accepted of the 12th, newest first
    expect(mine.map((claim) => [claim.customerId, claim.status])).toEqual([
      [ids.late, 'open'], [ids.accepted, 'accepted'], [ids.rejected, 'rejected'],
    ]);
    expect((await listClaimsForStaff(db, 'open')).claims.filter((claim) => Object.values(ids).includes(claim.customerId)).map((claim) => claim.customerId)).toEqual([ids.late]);
  });
});
