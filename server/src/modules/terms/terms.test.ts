import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOperatorProfile } from '@up/operators';
import { createTestApp, type TestApp, type TestClient } from '../../test/test-app.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';

let t: TestApp;
let admin: TestClient;
let customerId: string;

beforeAll(async () => {
  t = await createTestApp();
  admin = t.client('10.0.3.1');
  await admin.login('admin@demo.example', DEMO_PASSWORD);
  customerId = (await t.deps.db.selectFrom('customers').select('id').where('customer_number', '=', 'C-100001').executeTakeFirstOrThrow()).id;
});
afterAll(async () => { await t?.close(); });

const texts = (version: string) => ({
  lv: `Portāla lietošanas noteikumi, versija ${version}`,
  en: `This is a translation. The Latvian text is authoritative.\nTerms of use, version ${version}`,
  ru: `Это перевод. Текст на латышском языке имеет преимущественную силу.\nПравила, версия ${version}`,
});

async function loggedIn(email: string, ip: string): Promise<{ client: TestClient; session: { mustAcceptTermsVersion: string | null } }> {
  const client = t.client(ip);
  const response = await client.login(email, DEMO_PASSWORD);
  return { client, session: response.json().user };
}

describe('OPS-1: terms of use', () => {
  it('OPS-1: the version in force is published at /api/terms/current and, for good, at /api/terms/:version', async () => {
    const anonymous = t.client();
    const current = await anonymous.get('/api/terms/current');
    expect(current.statusCode).toBe(200);
    expect(current.json()).toMatchObject({ version: '1.0', approvedOn: '2024-12-16', validFrom: '2025-01-01', validTo: null });
    const stable = await anonymous.get('/api/terms/1.0');
    expect(stable.statusCode).toBe(200);
    expect(stable.json()).toEqual(current.json());
    expect((await anonymous.get('/api/terms')).json().map((v: { version: string }) => v.version)).toEqual(['1.0']);
    const missing = await anonymous.get('/api/terms/9.9');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('TERMS_NOT_FOUND');
  });

  it('OPS-1: Latvian is authoritative; the English and Russian texts of the shipped demo profile start with a translation marker', async () => {
    const { texts: served } = (await t.client().get('/api/terms/current')).json();
    expect(served).toEqual(loadOperatorProfile('demo').terms.text);
    const firstLine = (text: string) => text.split('\n')[0];
    expect(firstLine(served.en)).toBe('This is a translation. The Latvian text is authoritative.');
    expect(firstLine(served.ru)).toBe('Это перевод. Текст на латышском языке имеет преимущественную силу.');
    expect(firstLine(served.lv)).not.toMatch(/translation|перевод|tulkojums/i);
    expect(served.lv).toContain('Noteicošais ir teksts latviešu valodā');
  });

  it('OPS-1: publishing checks its input: validFrom not before the approval, no version twice', async () => {
    const early = await admin.post('/api/staff/terms', { version: '1.9', approvedOn: '2026-11-23', validFrom: '2026-11-22', texts: texts('1.9') });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.details.field).toBe('validFrom');
    const again = await admin.post('/api/staff/terms', { version: '1.0', approvedOn: '2026-11-23', validFrom: '2026-11-23', texts: texts('1.0') });
    expect(again.statusCode).toBe(409);
    expect((await t.client().get('/api/terms/current')).json().version).toBe('1.0');
  });

  it('OPS-1: a new version valid from today must be accepted: customer pages answer 403 until then and the next login asks for it', async () => {
    const janis = await loggedIn('janis@demo.example', '10.0.3.2');
    expect(janis.session.mustAcceptTermsVersion).toBeNull();
    expect((await janis.client.get(`/api/customers/${customerId}/summary`)).statusCode).toBe(200);

    const published = await admin.post('/api/staff/terms', { version: '2.0', approvedOn: '2026-11-20', validFrom: '2026-11-23', texts: texts('2.0') });
    expect(published.statusCode, published.body).toBe(201);
    expect((await t.client().get('/api/terms/current')).json()).toMatchObject({ version: '2.0', validFrom: '2026-11-23', validTo: null });

    // The logged-in user is stopped at once on customer pages; the own profile and inbox still work.
    const stopped = await janis.client.get(`/api/customers/${customerId}/summary`);
    expect(stopped.statusCode).toBe(403);
    expect(stopped.json().error.code).toBe('TERMS_NOT_ACCEPTED');
    expect((await janis.client.get('/api/me/notices')).statusCode).toBe(200);
    expect((await janis.client.get('/api/session')).json().user.mustAcceptTermsVersion).toBe('2.0');

    // The next login shows the new version.
    const next = await loggedIn('janis@demo.example', '10.0.3.3');
    expect(next.session.mustAcceptTermsVersion).toBe('2.0');

    // The previous version got its end date.
    const previous = (await t.client().get('/api/terms/1.0')).json();
    expect(previous.validTo).not.toBeNull();
    expect(previous.validTo >= previous.validFrom && previous.validTo <= '2026-11-23').toBe(true);

    // Accepting the outdated version is refused and changes nothing.
    const outdated = await next.client.post('/api/me/terms/accept', { version: '1.0' });
    expect(outdated.statusCode).toBe(400);
    expect(outdated.json().error).toMatchObject({ code: 'TERMS_OUTDATED', details: { field: 'version' } });
    expect((await next.client.get(`/api/customers/${customerId}/summary`)).statusCode).toBe(403);

    expect((await next.client.post('/api/me/terms/accept', { version: '2.0' })).statusCode).toBe(204);
    expect((await next.client.get(`/api/customers/${customerId}/summary`)).statusCode).toBe(200);
    expect((await next.client.get('/api/session')).json().user.mustAcceptTermsVersion).toBeNull();
    const recorded = await t.deps.db.selectFrom('terms_acceptances as a')
      .innerJoin('terms_versions as v', 'v.id', 'a.terms_version_id')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['v.version', 'a.ip'])
      .where('u.email', '=', 'janis@demo.example')
      .where('v.version', '=', '2.0')
      .execute();
    expect(recorded).toEqual([{ version: '2.0', ip: '10.0.3.3' }]);

    // Another user who has not accepted yet is still stopped.
    const marta = await loggedIn('marta@demo.example', '10.0.3.4');
    expect(marta.session.mustAcceptTermsVersion).toBe('2.0');
    expect((await marta.client.get(`/api/customers/${customerId}/summary`)).json().error.code).toBe('TERMS_NOT_ACCEPTED');
  });

  it('OPS-1: a version valid from a future date is not current until that day begins in Riga', async () => {
    const published = await admin.post('/api/staff/terms', { version: '3.0', approvedOn: '2026-11-23', validFrom: '2026-12-01', texts: texts('3.0') });
    expect(published.statusCode, published.body).toBe(201);
    expect((await t.client().get('/api/terms/current')).json().version).toBe('2.0');
    expect((await t.client().get('/api/terms/3.0')).json()).toMatchObject({ version: '3.0', validFrom: '2026-12-01' });
    const janis = await loggedIn('janis@demo.example', '10.0.3.5');
    expect(janis.session.mustAcceptTermsVersion).toBeNull();
    expect((await janis.client.get(`/api/customers/${customerId}/summary`)).statusCode).toBe(200);
    // Accepting a version before it is in force is refused.
    expect((await janis.client.post('/api/me/terms/accept', { version: '3.0' })).json().error.code).toBe('TERMS_OUTDATED');

    t.clock.set('2026-11-30T21:59:00Z'); // 23:59 on 30 November in Riga
    expect((await t.client().get('/api/terms/current')).json().version).toBe('2.0');
    const late = await loggedIn('janis@demo.example', '10.0.3.6');
    expect(late.session.mustAcceptTermsVersion).toBeNull();
    expect((await late.client.get(`/api/customers/${customerId}/summary`)).statusCode).toBe(200);

    t.clock.set('2026-11-30T22:00:00Z'); // midnight, 1 December in Riga
    expect((await t.client().get('/api/terms/current')).json().version).toBe('3.0');
    const stopped = await late.client.get(`/api/customers/${customerId}/summary`);
    expect(stopped.statusCode).toBe(403);
    expect(stopped.json().error.code).toBe('TERMS_NOT_ACCEPTED');
    const next = await loggedIn('janis@demo.example', '10.0.3.7');
    expect(next.session.mustAcceptTermsVersion).toBe('3.0');
    expect((await next.client.post('/api/me/terms/accept', { version: '3.0' })).statusCode).toBe(204);
    expect((await next.client.get(`/api/customers/${customerId}/summary`)).statusCode).toBe(200);
  });
});
