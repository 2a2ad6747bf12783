/**
 * Many households for the read benchmarks, so that concurrent requests come from different customers and
 * users (as they would in production) rather than from one session: each has a main user who accepted the
 * terms, two contracts and a notice, and a live session made the way a login makes it (createSession).
 */
import type { Db } from '../../server/src/infra/db.js';
import { newId } from '../../server/src/infra/ids.js';
import { createSession } from '../../server/src/modules/accounts/sessions.service.js';

export interface BenchHousehold {
  customerId: string;
  /** the Cookie header of the main user's session */
  cookie: string;
}

export async function seedHouseholds(db: Db, count: number, now: Date): Promise<BenchHousehold[]> {
  const terms = await db.selectFrom('terms_versions').select('id').execute();
  const households: BenchHousehold[] = [];
  for (let i = 1; i <= count; i++) {
    const number = String(i).padStart(6, '0');
    const customerId = newId();
    const userId = newId();
    const session = await db.transaction().execute(async (trx) => {
      await trx.insertInto('customers').values({
        id: customerId, kind: 'person', name: `Bench Household ${number}`, identity_code: `9${number}0000`.padEnd(11, '0'),
        customer_number: `B-${number}`, email: `bench-${number}@bench.example`, phone: null, postal_address: 'Bench iela 1, Rīga',
        invoice_channel: 'email', notice_channel: 'email', language: 'lv', service_password_hash: null, created_at: now, updated_at: now,
      }).execute();
      for (const [type, status] of [['electricity_supply', 'active'], ['grid_connection', 'ended']] as const) {
        await trx.insertInto('contracts').values({
          id: newId(), customer_id: customerId, type, number: `${type[0].toUpperCase()}-B${number}`, status, starts_on: '2024-01-01', ends_on: null, created_at: now,
        }).execute();
      }
      await trx.insertInto('users').values({
        id: userId, email: `bench-${number}@bench.example`, full_name: `Bench User ${number}`, personal_code: null, phone: null, language: 'lv',
        password_hash: null, password_changed_at: null, must_change_password: false, status: 'active', blocked_reason: null,
        activation_deadline: null, failed_logins: 0, locked_until: null, last_login_at: null, totp_secret: null, totp_enabled: false,
        staff_role: null, created_at: now, updated_at: now,
      }).execute();
      await trx.insertInto('memberships').values({
        id: newId(), user_id: userId, customer_id: customerId, role: 'main', rights: [], status: 'active', invited_by: null, created_at: now, ended_at: null,
      }).execute();
      for (const version of terms) {
        await trx.insertInto('terms_acceptances').values({ user_id: userId, terms_version_id: version.id, accepted_at: now, ip: '127.0.0.1' }).execute();
      }
      await trx.insertInto('notices').values({
        id: newId(), customer_id: customerId, user_id: null, kind: 'welcome', title: 'Laipni lūdzam', body: 'Bench', created_at: now,
      }).execute();
      return createSession(trx, { userId, authMethod: 'password', secondFactorPending: false, customerId, ip: '127.0.0.1', userAgent: 'bench' }, now);
    });
    households.push({ customerId, cookie: `up_session=${session.token}` });
  }
  return households;
}
