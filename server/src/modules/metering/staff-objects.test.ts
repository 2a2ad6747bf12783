import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withEicCheckCharacter } from '@up/common/eic';
import { createTestApp, type TestClient } from '../../test/test-app.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { fingerprint } from '../../test/table-fingerprint.js';

const t = await createTestApp();
afterAll(async () => { await t.close(); });

let staff: TestClient;
let janis: TestClient;
const eic = withEicCheckCharacter('38ZEELV00900009');
const header = 'object_eic,address,capacity_amperes,phases,voltage_volts,customer_number,held_from,meter_number,registers,installed_on,removed_on,generator_kw,generator_scheme,generator_since';

beforeAll(async () => {
  staff = t.client('10.0.0.2');
  await staff.login('service@demo.example', DEMO_PASSWORD);
  janis = t.client();
  await janis.login('janis@demo.example', DEMO_PASSWORD);
});

const customerIdOf = async (number: string) => (await t.deps.db.selectFrom('customers').select('id').where('customer_number', '=', number).executeTakeFirstOrThrow()).id;

describe('objects import (GRD-1)', () => {
  it('GRD-1: staff import an object with two meters (a replacement) and a generator; the holder sees it', async () => {
    const csv = [
      header,
      `${eic},"Dārza iela 9, Sigulda, LV-2150",40,3,400,C-100001,2026-01-01,LV90000001,day|night,2018-04-01,2026-06-30,,,`,
      `${eic},"Dārza iela 9, Sigulda, LV-2150",40,3,400,C-100001,2026-01-01,LV90000002,total,2026-06-30,,6.00,net_metering,2026-07-01`,
    ].join('\n');
    const response = await staff.post('/api/staff/metering/objects/import', { csv });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ rows: 2, objectsCreated: 1, objectsUpdated: 1, metersCreated: 2, holdersChanged: 1, rejected: [] });
    const objects = (await janis.get(`/api/customers/${await customerIdOf('C-100001')}/objects`)).json() as { eic: string; meters: { number: string; removedOn: string | null }[]; microGenerator: { scheme: string } | null }[];
    const imported = objects.find((o) => o.eic === eic)!;
    expect(imported.meters.map((m) => [m.number, m.removedOn])).toEqual([['LV90000002', null], ['LV90000001', '2026-06-30']]);
    expect(imported.microGenerator?.scheme).toBe('net_metering');
  });

  it('GRD-1: a new holder ends the earlier one\'s time; the earlier holder keeps only its own', async () => {
    const csv = `${header}\n${eic},"Dārza iela 9, Sigulda, LV-2150",40,3,400,C-100003,2026-09-01,,,,,,,`;
    expect((await staff.post('/api/staff/metering/objects/import', { csv })).json()).toMatchObject({ holdersChanged: 1, rejected: [] });
    const janisObject = ((await janis.get(`/api/customers/${await customerIdOf('C-100001')}/objects`)).json() as { eic: string; heldUntil: string | null }[]).find((o) => o.eic === eic)!;
    expect(janisObject.heldUntil).toBe('2026-08-31T21:00:00.000Z');
    const officeObjects = (await janis.get(`/api/customers/${await customerIdOf('C-100003')}/objects`)).json() as { eic: string; heldFrom: string }[];
    expect(officeObjects.find((o) => o.eic === eic)!.heldFrom).toBe('2026-08-31T21:00:00.000Z');
  });

  it('GRD-1: a wrong EIC check character and other bad rows are refused with line and field, and nothing lands', async () => {
    const before = await fingerprint(t.deps.db);
    const wrongEic = `${eic.slice(0, 15)}${eic[15] === 'A' ? 'B' : 'A'}`;
    const csv = [
      header,
      `${withEicCheckCharacter('38ZEELV00900010')},Jauna iela 1,25,1,230,,,,,,,,,`,
      `${wrongEic},Jauna iela 2,25,2,230,,,,,,,,,`,
      `${withEicCheckCharacter('38ZEELV00900011')},Jauna iela 3,25,1,230,C-999999,2026-01-01,,,,,,,`,
    ].join('\n');
    const answer = (await staff.post('/api/staff/metering/objects/import', { csv })).json();
    expect(answer.rejected).toEqual([
      { line: 3, field: 'object_eic', reason: expect.stringContaining('wrong check character') },
      { line: 3, field: 'phases', reason: 'must be 1 or 3' },
      { line: 4, field: 'customer_number', reason: 'no customer C-999999' },
    ]);
    expect(answer.objectsCreated).toBe(0);
    expect(await fingerprint(t.deps.db)).toEqual(before);
  });
});

describe('objects in the back office (GRD-1)', () => {
  it('GRD-1: staff find an object by EIC and correct its capacity; the change is audited', async () => {
    const found = (await staff.get(`/api/staff/metering/objects?q=${eic.slice(0, 12)}`)).json() as { id: string; holder: { customerNumber: string } }[];
    expect(found).toHaveLength(1);
    expect(found[0].holder.customerNumber).toBe('C-100003');
    const changed = await staff.patch(`/api/staff/metering/objects/${found[0].id}`, { capacityAmperes: 63 });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ capacityAmperes: 63, holders: [{ customerNumber: 'C-100001' }, { customerNumber: 'C-100003' }] });
    const audit = await t.deps.db.selectFrom('audit_events').select(['action', 'object_id']).where('action', '=', 'metering.object_changed').execute();
    expect(audit).toEqual([{ action: 'metering.object_changed', object_id: found[0].id }]);
  });

  it('GRD-1: a customer user cannot use the back-office routes', async () => {
    expect((await janis.get('/api/staff/metering/objects?q=Rīga')).statusCode).toBe(403);
  });
});
