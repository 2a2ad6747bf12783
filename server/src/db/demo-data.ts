import type { Db } from '../infra/db.js';
import { newId } from '../infra/ids.js';
import { hashPassword } from '../infra/passwords.js';
import { seedDemoObjects } from './demo-metering.js';
import { seedDemoContractLifecycle } from './demo-contract-lifecycle.js';

/** The demo logins printed at start. The identities match the demo bank (demo-identity-provider.ts). */
export const DEMO_PASSWORD = 'Zilais-Kalns-73';
export const DEMO_USERS = [
  { email: 'janis@demo.example', fullName: 'Jānis Bērziņš', personalCode: '15038512346', role: 'main user of his household and of SIA "Demo Būve"' },
  { email: 'marta@demo.example', fullName: 'Marta Bērziņa', personalCode: null, role: 'additional user of the Bērziņš household' },
  { email: 'service@demo.example', fullName: 'Ilze Apkalpotāja', personalCode: null, role: 'customer service', staffRole: 'customer_service' as const },
  { email: 'admin@demo.example', fullName: 'Andris Administrators', personalCode: null, role: 'administrator', staffRole: 'administrator' as const },
];

/** Records a customer who has no portal account yet can register with (ACC-2). */
export const DEMO_UNREGISTERED_CUSTOMER = {
  customerKind: 'person' as const,
  name: 'Anna Kalniņa',
  identityCode: '020790-11115',
  customerNumber: 'C-100002',
};

type CustomerSeed = {
  kind: 'person' | 'company'; name: string; identityCode: string; number: string; email: string; phone: string; address: string;
  contracts: { type: string; number: string; status: 'active' | 'ended'; startsOn: string }[];
};

const CUSTOMERS: CustomerSeed[] = [
  { kind: 'person', name: 'Jānis Bērziņš', identityCode: '15038512346', number: 'C-100001', email: 'janis@demo.example', phone: '+371 20000001', address: 'Brīvības iela 1-1, Rīga, LV-1010',
    contracts: [
      { type: 'electricity_supply', number: 'E-200001', status: 'active', startsOn: '2021-03-01' },
      { type: 'grid_connection', number: 'G-400001', status: 'active', startsOn: '2015-06-01' },
      { type: 'ev_charging', number: 'EV-300001', status: 'active', startsOn: '2024-05-01' },
    ] },
  { kind: 'person', name: 'Anna Kalniņa', identityCode: '02079011115', number: 'C-100002', email: 'anna@demo.example', phone: '+371 20000002', address: 'Lāčplēša iela 10-5, Rīga, LV-1011',
    contracts: [{ type: 'electricity_supply', number: 'E-200002', status: 'active', startsOn: '2022-01-01' }] },
  { kind: 'company', name: 'SIA "Demo Būve"', identityCode: '40003123456', number: 'C-100003', email: 'birojs@demobuve.example', phone: '+371 67000003', address: 'Rūpniecības iela 3, Rīga, LV-1045',
    contracts: [
      { type: 'electricity_supply', number: 'E-200003', status: 'active', startsOn: '2020-01-01' },
      { type: 'grid_connection', number: 'G-400003', status: 'active', startsOn: '2010-01-01' },
    ] },
  { kind: 'person', name: 'Līga Jauna', identityCode: '32000000001', number: 'C-100004', email: 'liga@demo.example', phone: '+371 20000004', address: 'Skolas iela 4, Jelgava, LV-3001',
    contracts: [{ type: 'radio_permit', number: 'R-500004', status: 'active', startsOn: '2023-09-01' }] },
  { kind: 'person', name: 'Ojārs Vecais', identityCode: '09099910005', number: 'C-100005', email: 'ojars@demo.example', phone: '+371 20000005', address: 'Meža iela 5, Cēsis, LV-4101',
    contracts: [{ type: 'electricity_supply', number: 'E-200005', status: 'ended', startsOn: '2012-01-01' }] },
];

/** Fills an empty database with demo customers and users; does nothing when customers exist. */
export async function seedDemoData(db: Db, now: Date): Promise<boolean> {
  const any = await db.selectFrom('customers').select('id').limit(1).executeTakeFirst();
  if (any) return false;
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await db.transaction().execute(async (trx) => {
    const customerIds: Record<string, string> = {};
    for (const c of CUSTOMERS) {
      const id = newId();
      customerIds[c.number] = id;
      await trx.insertInto('customers').values({
        id, kind: c.kind, name: c.name, identity_code: c.identityCode, customer_number: c.number, email: c.email, phone: c.phone,
        postal_address: c.address, invoice_channel: 'email', notice_channel: 'email', language: 'lv', service_password_hash: null,
        created_at: now, updated_at: now,
      }).execute();
      for (const k of c.contracts) {
        await trx.insertInto('contracts').values({
          id: newId(), customer_id: id, type: k.type, number: k.number, status: k.status, starts_on: k.startsOn, ends_on: null, created_at: now,
        }).execute();
      }
    }
    await seedDemoObjects(trx, customerIds, now);
    await seedDemoContractLifecycle(trx, customerIds, now);
    const userIds: Record<string, string> = {};
    for (const u of DEMO_USERS) {
      const id = newId();
      userIds[u.email] = id;
      await trx.insertInto('users').values({
        id, email: u.email, full_name: u.fullName, personal_code: u.personalCode, phone: null, language: 'lv',
        password_hash: passwordHash, password_changed_at: now, must_change_password: false, status: 'active', blocked_reason: null,
        activation_deadline: null, failed_logins: 0, locked_until: null, last_login_at: null, totp_secret: null, totp_enabled: false,
        staff_role: 'staffRole' in u ? u.staffRole : null, created_at: now, updated_at: now,
      }).execute();
      // Like any password set in the portal, it joins the history (ACC-6), so it cannot be chosen again.
      await trx.insertInto('password_history').values({ id: newId(), user_id: id, password_hash: passwordHash, created_at: now }).execute();
    }
    const member = (email: string, customerNumber: string, role: 'main' | 'additional', rights: string[] = []) =>
      trx.insertInto('memberships').values({
        id: newId(), user_id: userIds[email], customer_id: customerIds[customerNumber], role, rights, status: 'active',
        invited_by: null, created_at: now, ended_at: null,
      }).execute();
    await member('janis@demo.example', 'C-100001', 'main');
    await member('janis@demo.example', 'C-100003', 'main');
    await member('marta@demo.example', 'C-100001', 'additional', ['see_invoices']);
    // Demo users have accepted the shipped terms, so they land on the overview.
    const terms = await trx.selectFrom('terms_versions').select('id').execute();
    for (const t of terms) {
      for (const id of Object.values(userIds)) {
        await trx.insertInto('terms_acceptances').values({ user_id: id, terms_version_id: t.id, accepted_at: now, ip: '127.0.0.1' }).execute();
      }
    }
    await trx.insertInto('notices').values({
      id: newId(), customer_id: customerIds['C-100001'], user_id: null, kind: 'welcome', title: 'Laipni lūdzam portālā',
      body: 'Šeit redzēsiet paziņojumus par saviem līgumiem un pasūtījumiem.', created_at: now,
    }).execute();
  });
  return true;
}
