import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { createTestApp } from '../../test/test-app.js';
import { addBilledCustomer, addTariff, billContractWith } from '../../test/billing-fixtures.js';
import { expectOpenItemsConsistent } from '../../test/ledger-invariants.js';
import { fingerprint } from '../../test/table-fingerprint.js';
import { SYSTEM_ACTOR } from '../audit/index.js';
import { runBilling } from '../billing/index.js';
import { customerBalance } from './customer-payments.service.js';

/**
 * Bank statements (issue 13 point 2; BIL-4, BIL-5) through the staff route, as a bank's camt.053 file: booked
 * credits matched by RF reference, invoice number or customer number, the rest waiting for staff; each bank entry
 * counted once however often it arrives; a returned payment taken back; a malformed file changing nothing.
 */
const t = await createTestApp();
afterAll(async () => { await t.close(); });
const db = t.deps.db;
const staff = t.client('10.0.7.1');
const customers: { a: string; b: string } = { a: '', b: '' };
const invoices: { a: { number: string; reference: string }; b: { number: string; reference: string } } = { a: { number: '', reference: '' }, b: { number: '', reference: '' } };

beforeAll(async () => {
  await addTariff(db, 'statement-fee', { lv: 'Abonements', en: 'Subscription', ru: 'Абонемент' }, [
    { validFrom: '2025-01-01', elements: [{ priceComponents: [{ type: 'MONTHLY_FEE', price: '100.000000', vatPercent: '21', stepSize: 1 }] }] },
  ]);
  for (const key of ['a', 'b'] as const) {
    const customer = await addBilledCustomer(db, `stmt-${key}`);
    await billContractWith(db, customer, 'statement-fee', { object: false });
    customers[key] = customer.customerId;
  }
  // customer numbers as an operator prints them on invoices (the fixtures' are not)
  await db.updateTable('customers').set({ customer_number: 'C-200002' }).where('id', '=', customers.b).execute();
  t.clock.set('2026-02-02T06:00:00Z');
  await runBilling(t.deps, { period: '2026-01', actor: SYSTEM_ACTOR });
  for (const key of ['a', 'b'] as const) {
    const invoice = await db.selectFrom('invoices').select(['number', 'payment_reference']).where('customer_id', '=', customers[key]).executeTakeFirstOrThrow();
    invoices[key] = { number: invoice.number, reference: invoice.payment_reference };
  }
  t.clock.set('2026-02-20T08:00:00Z');
  await staff.login('service@demo.example', DEMO_PASSWORD);
});

/** The tables money lives in: a duplicate or a refused file must leave them as they were. */
async function money(tables = ['payments', 'ledger_entries', 'allocations', 'receivables']) {
  const all = await fingerprint(db);
  return Object.fromEntries(tables.map((table) => [table, all[table]]));
}

interface Entry {
  ref: string;
  amount: string;
  cd?: 'CRDT' | 'DBIT';
  booked?: string;
  status?: string;
  reversal?: boolean;
  structured?: string;
  text?: string;
  endToEnd?: string;
  returnReason?: string;
}

function statement(id: string, entries: Entry[], namespace = 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.08'): string {
  const entry = (e: Entry) => `
      <Ntry>
        <Amt Ccy="EUR">${e.amount}</Amt>
        ${e.reversal ? '<RvslInd>true</RvslInd>' : ''}
        <CdtDbtInd>${e.cd ?? 'CRDT'}</CdtDbtInd>
        <Sts><Cd>${e.status ?? 'BOOK'}</Cd></Sts>
        <BookgDt><Dt>${e.booked ?? '2026-02-10'}</Dt></BookgDt>
        <ValDt><Dt>${e.booked ?? '2026-02-10'}</Dt></ValDt>
        <AcctSvcrRef>${e.ref}</AcctSvcrRef>
        <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
        <NtryDtls><TxDtls>
          <Refs><EndToEndId>${e.endToEnd ?? 'NOTPROVIDED'}</EndToEndId></Refs>
          <RltdPties><Dbtr><Pty><Nm>Pēteris Ābols</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>LV80BANK0000435195001</IBAN></Id></DbtrAcct></RltdPties>
          ${e.structured || e.text ? `<RmtInf>${e.text ? `<Ustrd>${e.text}</Ustrd>` : ''}${e.structured ? `<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>${e.structured}</Ref></CdtrRefInf></Strd>` : ''}</RmtInf>` : ''}
          ${e.returnReason ? `<RtrInf><Rsn><Cd>${e.returnReason}</Cd></Rsn></RtrInf>` : ''}
        </TxDtls></NtryDtls>
      </Ntry>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="${namespace}">
  <BkToCstmrStmt>
    <GrpHdr><MsgId>MSG-${id}</MsgId><CreDtTm>2026-02-20T07:00:00+02:00</CreDtTm></GrpHdr>
    <Stmt>
      <Id>${id}</Id>
      <CreDtTm>2026-02-20T07:00:00+02:00</CreDtTm>
      <FrToDt><FrDtTm>2026-02-10T00:00:00+02:00</FrDtTm><ToDtTm>2026-02-19T23:59:59+02:00</ToDtTm></FrToDt>
      <Acct><Id><IBAN>LV07HABA0000000000001</IBAN></Id><Ccy>EUR</Ccy></Acct>
      ${entries.map(entry).join('')}
    </Stmt>
  </BkToCstmrStmt>
</Document>`;
}

const importFile = (xml: string) => staff.request('POST', '/api/staff/payments/statements', xml, { 'content-type': 'application/xml' });

describe('bank statement import (camt.053)', () => {
  it('BIL-4, BIL-5: booked credits matched by RF reference and by invoice number pay on their booking day; the rest waits; debits and pending entries change nothing', async () => {
    const response = await importFile(statement('S-1', [
      // customer a pays its invoice in full with the structured RF reference (spaces as banks print it)
      { ref: 'BANK-0001', amount: '121.00', structured: invoices.a.reference.replace(/(.{4})/g, '$1 ').trim(), endToEnd: 'E2E-A', booked: '2026-02-10' },
      // customer b pays 50.00 € writing its invoice number in the text
      { ref: 'BANK-0002', amount: '50.00', text: `Rēķins ${invoices.b.number}`, booked: '2026-02-11' },
      // nobody can tell whose this is
      { ref: 'BANK-0003', amount: '30.00', text: 'par elektrību', booked: '2026-02-12' },
      { ref: 'BANK-0004', amount: '1.20', cd: 'DBIT', text: 'komisija' },
      { ref: 'BANK-0005', amount: '70.00', status: 'PDNG', text: invoices.b.number },
    ]));
    expect(response.statusCode, response.body).toBe(200);
    expect({ ...response.json(), statementIds: undefined }).toEqual({
      statementIds: undefined, entries: 5, credits: 3, matched: 2, unmatched: 1, duplicates: 0, reversals: 0, ignored: 2, rejected: [], totalCents: 20100,
    });
    expect((await customerBalance(t.deps, customers.a)).balanceCents).toBe(0);
    // 121.00 − 50.00: the rest of b's invoice is still open
    expect((await customerBalance(t.deps, customers.b)).openInvoices.map((invoice) => invoice.openCents)).toEqual([7100]);
    const paid = await db.selectFrom('payments').select(['reference', 'received_on', 'matched_by', 'status']).where('source', '=', 'bank').orderBy('reference').execute();
    expect(paid.map((row) => [row.reference, row.received_on, row.matched_by, row.status])).toEqual([
      ['BANK-0001', '2026-02-10', 'reference', 'applied'], ['BANK-0002', '2026-02-11', 'invoice_number', 'applied'], ['BANK-0003', '2026-02-12', null, 'unmatched'],
    ]);
    await expectOpenItemsConsistent(db, customers.a);
    await expectOpenItemsConsistent(db, customers.b);
  });

  it('the same statement imported twice, and a statement that overlaps it, count each bank entry once', async () => {
    const before = await money();
    const again = await importFile(statement('S-1', [
      { ref: 'BANK-0001', amount: '121.00', structured: invoices.a.reference }, { ref: 'BANK-0002', amount: '50.00', text: invoices.b.number },
      { ref: 'BANK-0003', amount: '30.00', text: 'par elektrību' },
    ]));
    expect(again.json()).toMatchObject({ entries: 3, credits: 3, matched: 0, unmatched: 0, duplicates: 3, totalCents: 0 });
    expect(await money()).toEqual(before);

    const overlapping = await importFile(statement('S-2', [
      { ref: 'BANK-0003', amount: '30.00', text: 'par elektrību' },
      { ref: 'BANK-0006', amount: '71.00', text: 'klients C-200002, janvāris', booked: '2026-02-18' },
    ]));
    expect(overlapping.json()).toMatchObject({ entries: 2, credits: 2, matched: 1, duplicates: 1, totalCents: 7100 });
    // matched by the customer number: b owes nothing now
    expect((await customerBalance(t.deps, customers.b)).balanceCents).toBe(0);
  });

  it('a payment waiting for staff is allocated to the customer they name, once', async () => {
    const [waiting] = (await staff.get('/api/staff/payments/unmatched')).json().payments;
    expect(waiting).toMatchObject({ amountCents: 3000, receivedOn: '2026-02-12', remittanceText: 'par elektrību', payerName: 'Pēteris Ābols' });
    const unknown = await staff.post(`/api/staff/payments/${waiting.id}/assign`, { customerNumber: 'X-404' });
    expect([unknown.statusCode, unknown.json().error.details.field]).toEqual([400, 'customerNumber']);
    expect((await staff.post(`/api/staff/payments/${waiting.id}/assign`, { customerNumber: 'B-stmt-a' })).statusCode).toBe(204);
    expect((await staff.post(`/api/staff/payments/${waiting.id}/assign`, { customerNumber: 'B-stmt-a' })).json().error.code).toBe('PAYMENT_NOT_WAITING');
    expect((await staff.get('/api/staff/payments/unmatched')).json().payments).toEqual([]);
    // a had paid in full: the 30.00 € is its credit (BIL-3)
    expect((await customerBalance(t.deps, customers.a)).creditCents).toBe(3000);
    const audit = await db.selectFrom('audit_events').select(['action']).where('customer_id', '=', customers.a).where('action', '=', 'payments.payment_assigned').execute();
    expect(audit).toHaveLength(1);
  });

  it('a returned payment (a booked reversal) is taken back: its invoice is open again, and a second copy changes nothing', async () => {
    const returned = statement('S-3', [{ ref: 'BANK-0101', amount: '121.00', cd: 'DBIT', reversal: true, endToEnd: 'E2E-A', returnReason: 'AC04', booked: '2026-02-19' }]);
    expect((await importFile(returned)).json()).toMatchObject({ entries: 1, reversals: 1, credits: 0 });
    const balance = await customerBalance(t.deps, customers.a);
    // the 30.00 € credit pays part of the reopened invoice: 121.00 − 30.00 = 91.00 open
    expect([balance.openCents, balance.creditCents, balance.balanceCents]).toEqual([9100, 0, 9100]);
    expect((await importFile(returned)).json()).toMatchObject({ reversals: 0, ignored: 1 });
    expect((await customerBalance(t.deps, customers.a)).balanceCents).toBe(9100);
    await expectOpenItemsConsistent(db, customers.a);
  });

  it('a malformed file, or one of another kind, is a 400 naming the body and changes nothing', async () => {
    const before = await money(['payments', 'ledger_entries', 'allocations', 'receivables', 'bank_statements', 'audit_events']);
    const broken = statement('S-4', [{ ref: 'BANK-0201', amount: '10.00', text: invoices.b.number }]).replace('</Stmt>', '');
    const answer = await importFile(broken);
    expect([answer.statusCode, answer.json().error.code, answer.json().error.details.field]).toEqual([400, 'STATEMENT_MALFORMED', 'body']);
    const pain = await importFile(statement('S-5', [], 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09'));
    expect([pain.statusCode, pain.json().error.code]).toEqual([400, 'STATEMENT_MALFORMED']);
    const json = await staff.request('POST', '/api/staff/payments/statements', '{}', { 'content-type': 'application/json' });
    expect([json.statusCode, json.json().error.details.field]).toEqual([400, 'body']);
    expect(await money(['payments', 'ledger_entries', 'allocations', 'receivables', 'bank_statements', 'audit_events'])).toEqual(before);
  });

  it('a statement larger than a batch: an error after batches went to the database changes nothing; read whole, each entry counts once', async () => {
    // more credits than one batch (statement-import.service.ts takes 500 at a time and reads the next while one is in the database)
    const entries: Entry[] = Array.from({ length: 1_200 }, (_, i) => ({
      ref: `BANK-BIG-${i}`, amount: '0.01', text: i % 2 === 0 ? `Rēķins ${invoices.b.number}` : 'par elektrību', booked: '2026-02-19',
    }));
    const tables = ['payments', 'ledger_entries', 'allocations', 'receivables', 'bank_statements', 'audit_events'];
    const before = await money(tables);
    const broken = await importFile(statement('S-BIG', entries).replace('</Stmt>', ''));
    expect([broken.statusCode, broken.json().error.code]).toEqual([400, 'STATEMENT_MALFORMED']);
    expect(await money(tables)).toEqual(before);

    const whole = await importFile(statement('S-BIG', entries));
    expect(whole.json()).toMatchObject({ entries: 1_200, credits: 1_200, matched: 600, unmatched: 600, duplicates: 0, totalCents: 1_200 });
    const afterFirst = await money();
    expect((await importFile(statement('S-BIG', entries))).json()).toMatchObject({ credits: 1_200, matched: 0, unmatched: 0, duplicates: 1_200, totalCents: 0 });
    expect(await money()).toEqual(afterFirst);
    await expectOpenItemsConsistent(db, customers.b);
  });

  it('reads the older camt.053.001.02 the same way', async () => {
    const xml = statement('S-6', [{ ref: 'BANK-0301', amount: '91.00', structured: invoices.a.reference, booked: '2026-02-19' }], 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02')
      .replace('<Sts><Cd>BOOK</Cd></Sts>', '<Sts>BOOK</Sts>')
      .replace('<Dbtr><Pty><Nm>Pēteris Ābols</Nm></Pty></Dbtr>', '<Dbtr><Nm>Pēteris Ābols</Nm></Dbtr>');
    expect((await importFile(xml)).json()).toMatchObject({ entries: 1, matched: 1, totalCents: 9100 });
    expect((await customerBalance(t.deps, customers.a)).balanceCents).toBe(0);
  });

  it('BIL-15: the back office lists the provider notices not applied, the failed ones first with their error; a customer may not', async () => {
    const notice = (id: string, error: string | null, seconds: number) => ({
      id, provider: 'demo', notice_id: `staff-view-${id}`, provider_payment_id: `demo-${id}`, intent_id: `intent-${id}`, customer_id: customers.a,
      status: 'paid' as const, amount_cents: 4200, paid_at: null, raw_body: '{}', received_at: new Date(Date.parse('2026-02-20T07:00:00Z') + seconds * 1000),
      applied_at: null, outcome: null, error,
    });
    await db.insertInto('payment_notices').values([notice('view-pending', null, 0), notice('view-failed', 'the ledger refused it', 1)]).execute();
    try {
      const answer = await staff.get('/api/staff/payments/notices');
      expect(answer.statusCode).toBe(200);
      expect(answer.json()).toEqual({
        waiting: 2, failed: 1, notices: [
          { id: 'view-failed', provider: 'demo', noticeId: 'staff-view-view-failed', providerPaymentId: 'demo-view-failed', customerId: customers.a, customerNumber: expect.any(String), status: 'paid', amountCents: 4200, receivedAt: '2026-02-20T07:00:01.000Z', error: 'the ledger refused it' },
          { id: 'view-pending', provider: 'demo', noticeId: 'staff-view-view-pending', providerPaymentId: 'demo-view-pending', customerId: customers.a, customerNumber: expect.any(String), status: 'paid', amountCents: 4200, receivedAt: '2026-02-20T07:00:00.000Z', error: null },
        ],
      });
      const customer = t.client('10.0.7.2');
      await customer.login('janis@demo.example', DEMO_PASSWORD);
      expect((await customer.get('/api/staff/payments/notices')).statusCode).toBe(403);
    } finally {
      await db.deleteFrom('payment_notices').where('id', 'in', ['view-pending', 'view-failed']).execute();
    }
  });
});
