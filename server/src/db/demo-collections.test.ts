import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/test-app.js';
import { listCollections } from '../modules/payments/collections.service.js';
import { serviceSuspension } from '../modules/payments/index.js';
import { seedDemoConsumption } from './demo-metering.js';
import { seedDemoBilling } from './demo-billing.js';

const t = await createTestApp();
afterAll(async () => { await t.close(); });

describe('the demo year\'s collections (issue 13 point 5)', () => {
  it('BIL-11: SIA "Demo Būve" left September\'s invoice unpaid: reminded 5 days after its due day, suspended 7 days later, the grid ordered to disconnect its office', async () => {
    await seedDemoConsumption(t.deps.db, t.clock.now());
    await seedDemoBilling(t.deps);
    const db = t.deps.db;
    const company = await db.selectFrom('customers').select('id').where('customer_number', '=', 'C-100003').executeTakeFirstOrThrow();
    // the test app's clock is 2026-11-23: September's invoice was issued on 5 October, due 19 October
    const reminders = await db.selectFrom('payment_reminders').select(['customer_id', 'sent_on']).execute();
    expect(reminders).toEqual([{ customer_id: company.id, sent_on: '2026-10-24' }]);
    const suspension = await serviceSuspension(db, company.id);
    expect(suspension).toMatchObject({ reason: 'late_payment', since: '2026-10-31T07:00:00.000Z' });
    const contracts = await db.selectFrom('contracts').select('status').where('customer_id', '=', company.id).execute();
    expect(contracts.map((contract) => contract.status)).toContain('suspended');
    expect(contracts.map((contract) => contract.status)).not.toContain('active');
    const row = (await listCollections(t.deps)).customers.find((candidate) => candidate.customerId === company.id);
    expect(row).toMatchObject({ remindersSent: 1, suspension: { reason: 'late_payment' }, mayTerminate: true });
    // the demo profile orders the grid: one disconnection order for the office it holds, made by the collections
    const orders = await db.selectFrom('orders').select(['type', 'status', 'created_by', 'user_id', 'payload']).where('customer_id', '=', company.id).execute();
    expect(orders).toEqual([expect.objectContaining({ type: 'grid_disconnection', status: 'submitted', created_by: 'collections', user_id: null })]);
    expect((orders[0]!.payload as { objects: { address: string }[] }).objects).toHaveLength(1);
  }, 180_000); // the demo year is a year of real billing runs
});
