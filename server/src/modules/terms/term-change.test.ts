/**
 * BIL-14 scenario with the clock moved: a change of contract terms announced 29 days ahead is refused and 30 days
 * ahead accepted; every affected customer is told by e-mail in its language and in the portal; one customer leaves
 * before the effective day; on the day the others stand as accepted (the job run twice changes nothing).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import type { Actor } from '../audit/index.js';
import { addContract, createCustomer } from '../customers/customers.service.js';
import { contractTermsVersionOn } from '../customers/index.js';
import { tellTermChangeCustomers } from './term-change-notices.js';
import { announceTermChange, applyDueTermChanges, customerTermChanges, leaveBeforeTermChange, listTermChanges } from './term-change.service.js';

let t: TestApp;
const admin: Actor = { userId: null, role: 'administrator', ip: '10.0.0.9' };
const customer: Actor = { userId: null, role: 'user', ip: '10.0.0.1' };
const people = [
  { key: 'lv', name: 'Ilze Ozola', code: '329141-00001', email: 'ilze@terms.example' },
  { key: 'en', name: 'John Smith', code: '329141-00002', email: 'john@terms.example' },
  { key: 'ru', name: 'Ольга Петрова', code: '329141-00003', email: 'olga@terms.example' },
] as const;
const customerIds: string[] = [];
const contractIds: string[] = [];
const summary = { lv: 'Mainās ikmēneša maksa.', en: 'The monthly fee changes.', ru: 'Меняется ежемесячная плата.' };
/** the gas supply changes of this test (the demo data announces one for EV charging) */
const gasChanges = async () => (await listTermChanges(t.deps.db)).filter((change) => change.contractType === 'gas_supply');
const termNotices = () => t.deps.db.selectFrom('notices').select(['customer_id']).where('kind', '=', 'term_change').execute();
const contractRow = (id: string) => t.deps.db.selectFrom('contracts').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

beforeAll(async () => {
  t = await createTestApp();
  await t.deliverMail();
  // 23 November 2026 in Riga
  for (const [i, person] of people.entries()) {
    const { id } = await createCustomer(t.deps, { kind: 'person', name: person.name, identityCode: person.code, customerNumber: `C-914${i}`, email: person.email, language: person.key }, admin);
    customerIds.push(id);
    contractIds.push((await addContract(t.deps, id, { type: 'gas_supply', number: `GS-914${i}`, status: 'active', startsOn: '2025-01-01' }, admin)).id);
  }
});
afterAll(async () => { await t?.close(); });

describe('BIL-14: a change of contract terms', () => {
  let changeId = '';

  it('BIL-14: announced 29 days ahead it is refused naming effectiveOn, and nothing is stored', async () => {
    await expect(announceTermChange(t.deps, { contractType: 'gas_supply', termsVersion: 'G-2', summary, effectiveOn: '2026-12-22' }, admin))
      .rejects.toMatchObject({ status: 400, details: { field: 'effectiveOn' }, message: expect.stringContaining('2026-12-23') });
    expect(await gasChanges()).toEqual([]);
  });

  it('BIL-14: announced 30 days ahead it is accepted; each customer gets an e-mail in its language and a portal notice', async () => {
    const announced = await announceTermChange(t.deps, { contractType: 'gas_supply', termsVersion: 'G-2', summary, effectiveOn: '2026-12-23' }, admin);
    changeId = announced.id;
    expect(announced).toMatchObject({ announcedOn: '2026-11-23', effectiveOn: '2026-12-23', notified: 3, left: 0, accepted: 0, applied: false });
    await t.deliverMail();
    expect(t.mail.to('ilze@terms.example').at(-1)!.subject).toContain('līguma noteikumu grozījumi no 2026-12-23');
    expect(t.mail.to('john@terms.example').at(-1)!.text).toContain('The monthly fee changes.');
    expect(t.mail.to('john@terms.example').at(-1)!.text).toContain('up to and including 2026-12-22');
    expect(t.mail.to('olga@terms.example').at(-1)!.text).toContain('Меняется ежемесячная плата.');
    const notices = await t.deps.db.selectFrom('notices').select(['customer_id', 'title']).where('kind', '=', 'term_change').execute();
    expect(notices.map((notice) => notice.customer_id).sort()).toEqual([...customerIds].sort());
    expect(await customerTermChanges(t.deps, customerIds[1]!)).toEqual([expect.objectContaining({ contractNumber: 'GS-9141', effectiveOn: '2026-12-23', outcome: 'notified', mayLeave: true })]);
  });

  it('BIL-14: customers are told in batches of their own transactions, each once: what a crash left untold the job tells, and a second run tells nobody', async () => {
    // as if the process died after the announcement's commit, before its batches
    await t.deps.db.updateTable('term_change_contracts').set({ told_at: null }).where('term_change_id', '=', changeId).execute();
    const before = await termNotices();
    expect(await tellTermChangeCustomers(t.deps, { batchCustomers: 2, maxBatches: 1 })).toBe(2); // one batch of two
    expect(await tellTermChangeCustomers(t.deps, { batchCustomers: 2 })).toBe(1); // the job: the one left
    expect(await tellTermChangeCustomers(t.deps)).toBe(0);
    const countOf = (rows: { customer_id: string | null }[], id: string) => rows.filter((row) => row.customer_id === id).length;
    const after = await termNotices();
    expect(customerIds.map((id) => countOf(after, id) - countOf(before, id))).toEqual([1, 1, 1]);
    await t.deliverMail();
    expect(t.mail.to('john@terms.example').filter((mail) => mail.subject.includes('contract terms change from 2026-12-23'))).toHaveLength(2);
    expect(t.mail.to('john@terms.example').at(-1)!.text).toContain('Your contracts: GS-9141.');
  });

  it('BIL-14: the same version announced twice is refused', async () => {
    await expect(announceTermChange(t.deps, { contractType: 'gas_supply', termsVersion: 'G-2', summary, effectiveOn: '2027-01-30' }, admin))
      .rejects.toMatchObject({ status: 409, code: 'TERM_CHANGE_EXISTS' });
  });

  it('BIL-14: a customer leaves before the effective day: the contract ends the day before, without the new terms', async () => {
    t.clock.set('2026-12-10T10:00:00Z');
    const left = await leaveBeforeTermChange(t.deps, customerIds[0]!, changeId, contractIds[0]!, customer);
    expect(left).toMatchObject({ outcome: 'left', mayLeave: false });
    expect(await contractRow(contractIds[0]!)).toMatchObject({ status: 'active', ends_on: '2026-12-22' });
    // leaving twice changes nothing
    await leaveBeforeTermChange(t.deps, customerIds[0]!, changeId, contractIds[0]!, customer);
    expect((await gasChanges())[0]).toMatchObject({ notified: 3, left: 1, accepted: 0 });
  });

  it('BIL-14: another customer\'s contract cannot be left by this customer', async () => {
    await expect(leaveBeforeTermChange(t.deps, customerIds[0]!, changeId, contractIds[1]!, customer)).rejects.toMatchObject({ status: 404 });
  });

  it('BIL-14: on the effective day the others stand as accepted; the job run twice changes nothing', async () => {
    t.clock.set('2026-12-22T10:00:00Z');
    expect(await applyDueTermChanges(t.deps)).toEqual({ applied: 0, accepted: 0 }); // not yet
    t.clock.set('2026-12-23T06:00:00Z');
    await expect(leaveBeforeTermChange(t.deps, customerIds[1]!, changeId, contractIds[1]!, customer))
      .rejects.toMatchObject({ status: 409, code: 'TERM_CHANGE_IN_EFFECT', message: expect.stringContaining('2026-12-23') });
    expect(await applyDueTermChanges(t.deps)).toEqual({ applied: 1, accepted: 2 });
    expect(await applyDueTermChanges(t.deps)).toEqual({ applied: 0, accepted: 0 });
    expect((await gasChanges())[0]).toMatchObject({ notified: 3, left: 1, accepted: 2, applied: true });
    expect((await contractRow(contractIds[1]!)).terms_version).toBe('G-2');
    expect((await contractRow(contractIds[2]!)).terms_version).toBe('G-2');
    expect((await contractRow(contractIds[0]!)).terms_version).not.toBe('G-2');
    expect(await contractTermsVersionOn(t.deps.db, 'gas_supply', '2026-12-23')).toBe('G-2');
    expect(await contractTermsVersionOn(t.deps.db, 'gas_supply', '2026-12-22')).toBeNull();
    const events = await t.deps.db.selectFrom('audit_events').select('details').where('action', '=', 'term_change.applied').execute();
    expect(events).toHaveLength(1);
  });
});
