import { withEicCheckCharacter } from '@up/common/eic';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../../test/test-app.js';
import { addBilledCustomer, addTariff, billContractWith } from '../../test/billing-fixtures.js';
import { SYSTEM_ACTOR, type Actor } from '../audit/index.js';
import { runBilling } from '../billing/index.js';
import { listOrders } from '../orders/index.js';
import { changeOrderStatus, listOpenOrders } from '../orders/staff-orders.service.js';
import { recordStaffPayment } from './payments.service.js';
import { sendPaymentReminders, suspendLatePayers } from './payment-reminders.service.js';
import { restoreByStaff, suspendByStaff } from './collections.service.js';
import { serviceSuspension } from './index.js';

/**
 * BIL-11, BIL-12 (issue 13 point 5): where the operator profile says so, suspending a customer's service orders the
 * grid operator to disconnect its connection points, and restoring it orders the reconnection. February's invoice
 * (121.00 €) is issued 2 March 2026 and due 16 March; the demo profile reminds on the 21st and suspends on the 28th.
 */
const t = await createTestApp({ seed: false });
afterAll(async () => { await t.close(); });
const db = t.deps.db;
const STAFF: Actor = { userId: null, role: 'customer_service', ip: '127.0.0.1' };
const withoutGridOrders = {
  ...t.deps,
  operator: { ...t.deps.operator, billing: { ...t.deps.operator.billing, collections: { ...t.deps.operator.billing.collections, gridOrderOnSuspension: false } } },
};

beforeAll(async () => {
  await addTariff(db, 'fee', { lv: 'Abonements', en: 'Subscription', ru: 'Абонемент' }, [
    { validFrom: '2025-01-01', elements: [{ priceComponents: [{ type: 'MONTHLY_FEE', price: '100.000000', vatPercent: '21', stepSize: 1 }] }] },
  ]);
});

/** A customer on the fee, holding one connection point (and a second one, for the order to list both). */
async function lateCustomer(key: string) {
  const customer = await addBilledCustomer(db, key);
  await billContractWith(db, customer, 'fee');
  await db.insertInto('metering_objects').values({
    id: `${customer.objectId}-2`, kind: 'connection_point', eic: withEicCheckCharacter(`11XSECOND${key.toUpperCase().padStart(6, '0').slice(-6)}`), address: `Liepu iela ${key}`, capacity_amperes: 16, phases: 1, voltage_volts: 230,
    status: 'active', created_at: new Date('2025-01-01T00:00:00Z'), updated_at: new Date('2025-01-01T00:00:00Z'),
  }).execute();
  await db.insertInto('object_holdings').values({
    id: `holding-${key}-2`, object_id: `${customer.objectId}-2`, customer_id: customer.customerId, held_from: new Date('2025-01-01T00:00:00Z'), held_until: null,
  }).execute();
  await db.updateTable('billing_runs').set({ status: 'failed' }).where('period', '=', '2026-02').execute();
  t.clock.set('2026-03-02T06:00:00Z');
  await runBilling(t.deps, { period: '2026-02', actor: SYSTEM_ACTOR });
  return customer;
}

const on = (day: string) => t.clock.set(`${day}T09:00:00Z`);
const ordersOf = (customerId: string) => db.selectFrom('orders').selectAll().where('customer_id', '=', customerId).orderBy('created_at').execute();
const auditCount = async (customerId: string, action: string) => (await db.selectFrom('audit_events').select('action')
  .where('customer_id', '=', customerId).where('action', '=', action).execute()).length;

describe('the grid order on suspension and restoration (BIL-11, BIL-12)', () => {
  it('BIL-11: suspension for late payment orders one disconnection listing the customer\'s connection points; a retried job orders none twice', async () => {
    const customer = await lateCustomer('grid1');
    on('2026-03-21');
    await sendPaymentReminders(t.deps);
    on('2026-03-28');
    await suspendLatePayers(t.deps);
    await suspendLatePayers(t.deps); // a retry, the same day
    on('2026-03-29');
    await suspendLatePayers(t.deps); // and the next day

    const suspension = await serviceSuspension(db, customer.customerId);
    expect(suspension).toMatchObject({ reason: 'late_payment' });
    const orders = await ordersOf(customer.customerId);
    expect(orders).toHaveLength(1);
    expect(orders[0]).toMatchObject({ type: 'grid_disconnection', status: 'submitted', user_id: null, created_by: 'collections', signed_with: null });
    const objects = (orders[0]!.payload as { objects: { objectId: string; eic: string; address: string }[] }).objects;
    expect(objects.map((object) => object.objectId).sort()).toEqual([customer.objectId, `${customer.objectId}-2`].sort());
    expect(objects.map((object) => object.address).sort()).toEqual(['Liepu iela grid1', 'Ozolu iela grid1']);
    expect(objects.every((object) => /^11X/.test(object.eic))).toBe(true);
    expect(orders[0]!.payload).toMatchObject({ suspensionId: suspension!.id });
    expect(await auditCount(customer.customerId, 'order.created_by_collections')).toBe(1);

    // the customer's own list shows it, made by the portal, and staff see it in the queue
    const listed = await listOrders(t.deps, customer.customerId);
    expect(listed).toEqual([expect.objectContaining({ type: 'grid_disconnection', createdBy: 'collections', signedBy: '', signedWith: null })]);
    const queue = await listOpenOrders(t.deps);
    expect(queue.find((order) => order.id === orders[0]!.id)).toMatchObject({ customerId: customer.customerId, customerNumber: expect.any(String), createdBy: 'collections' });
  });

  it('BIL-11: the payment that clears the overdue debt restores the service and orders one reconnection; staff mark both orders done', async () => {
    const customer = await lateCustomer('grid2');
    on('2026-03-21');
    await sendPaymentReminders(t.deps);
    on('2026-03-28');
    await suspendLatePayers(t.deps);
    expect(await ordersOf(customer.customerId)).toHaveLength(1);

    on('2026-03-30');
    await recordStaffPayment(t.deps, STAFF, customer.customerId, { amountCents: 12100, receivedOn: '2026-03-30', reference: 'grid2-paid' });
    expect(await serviceSuspension(db, customer.customerId)).toBeNull();
    const orders = await ordersOf(customer.customerId);
    expect(orders.map((order) => order.type)).toEqual(['grid_disconnection', 'grid_reconnection']);
    expect(orders[1]).toMatchObject({ status: 'submitted', user_id: null, created_by: 'collections' });
    expect((orders[1]!.payload as { objects: unknown[] }).objects).toHaveLength(2);

    // a later hourly restore finds nothing to restore and orders nothing
    await recordStaffPayment(t.deps, STAFF, customer.customerId, { amountCents: 100, receivedOn: '2026-03-30', reference: 'grid2-more' });
    expect(await ordersOf(customer.customerId)).toHaveLength(2);

    for (const order of orders) await changeOrderStatus(t.deps, STAFF, order.id, { status: 'done', note: null });
    expect((await ordersOf(customer.customerId)).map((order) => order.status)).toEqual(['done', 'done']);
    expect((await listOpenOrders(t.deps)).filter((order) => order.customerId === customer.customerId)).toEqual([]);
    await expect(changeOrderStatus(t.deps, STAFF, orders[0]!.id, { status: 'refused' })).rejects.toMatchObject({ code: 'ORDER_CLOSED', status: 409 });
    expect(await auditCount(customer.customerId, 'order.status_changed')).toBe(2);
  });

  it('BIL-12: staff suspension without notice (breach) and staff restoration order the disconnection and the reconnection too', async () => {
    const customer = await addBilledCustomer(db, 'grid3');
    await billContractWith(db, customer, 'fee');
    on('2026-04-02');
    await suspendByStaff(t.deps, STAFF, customer.customerId, { reason: 'breach', note: 'meter seal broken' });
    await restoreByStaff(t.deps, STAFF, customer.customerId, { note: 'repaired' });
    const orders = await ordersOf(customer.customerId);
    expect(orders.map((order) => [order.type, (order.payload as { objects: unknown[] }).objects.length])).toEqual([['grid_disconnection', 1], ['grid_reconnection', 1]]);
  });

  it('BIL-11: an operator whose profile does not order the grid makes no order on suspension or restoration', async () => {
    const customer = await lateCustomer('grid4');
    on('2026-03-21');
    await sendPaymentReminders(withoutGridOrders);
    on('2026-03-28');
    await suspendLatePayers(withoutGridOrders);
    expect(await serviceSuspension(db, customer.customerId)).toMatchObject({ reason: 'late_payment' });
    await restoreByStaff(withoutGridOrders, STAFF, customer.customerId, { note: 'agreed to pay' });
    expect(await serviceSuspension(db, customer.customerId)).toBeNull();
    expect(await ordersOf(customer.customerId)).toEqual([]);
    expect(await auditCount(customer.customerId, 'order.created_by_collections')).toBe(0);
  });
});
