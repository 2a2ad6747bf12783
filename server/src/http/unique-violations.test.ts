/**
 * The error handler's answer to a unique violation (SQLSTATE 23505), with errors shaped as both drivers
 * throw them (pg's DatabaseError and PGlite's both carry `code` and `constraint`). The real races, on
 * PostgreSQL, are in test/unique-races.test.ts.
 */
import { afterAll, describe, expect, it } from 'vitest';
import Fastify from 'fastify';
import { sql } from 'kysely';
import { installErrorHandler } from './error-handler.js';
import { UNIQUE_VIOLATIONS } from './unique-violations.js';
import { openTestDatabase } from '../test/test-database.js';

const databaseError = (constraint: string | undefined, code = '23505') =>
  Object.assign(new Error(`duplicate key value violates unique constraint "${constraint}"`), { code, constraint, severity: 'ERROR' });

const app = Fastify();
installErrorHandler(app);
let thrown: unknown;
const fail = async () => { throw thrown; };
app.post('/api/staff/customers', fail);
app.post('/api/customers/:customerId/users', fail);
app.post('/api/auth/register', fail);
await app.ready();
const database = await openTestDatabase();
afterAll(async () => {
  await app.close();
  await database.close();
});

async function answerTo(error: unknown, url = '/api/staff/customers') {
  thrown = error;
  const response = await app.inject({ method: 'POST', url, payload: {} });
  return { status: response.statusCode, error: response.json().error };
}

describe('a unique violation is the route\'s 409, an unknown one a 500', () => {
  it('a known constraint answers 409 with the code of the service\'s own check', async () => {
    expect(await answerTo(databaseError('customers_customer_number_key'))).toEqual({
      status: 409,
      error: { code: 'CUSTOMER_EXISTS', message: 'A customer with this number or identity code exists', details: {} },
    });
    expect(await answerTo(databaseError('memberships_one_main_key'), '/api/auth/register')).toMatchObject({ status: 409, error: { code: 'CUSTOMER_HAS_MAIN_USER' } });
    expect(await answerTo(databaseError('contracts_number_key'))).toMatchObject({ status: 409, error: { code: 'CONTRACT_EXISTS', details: { field: 'number' } } });
  });

  it('the e-mail index answers with the code each route uses for it', async () => {
    const email = databaseError('users_email_key');
    expect(await answerTo(email, '/api/customers/c-1/users')).toMatchObject({ status: 409, error: { code: 'ALREADY_A_USER' } });
    expect(await answerTo(email, '/api/auth/register')).toMatchObject({ status: 409, error: { code: 'CUSTOMER_HAS_MAIN_USER' } });
    expect(await answerTo(email, '/api/staff/customers')).toMatchObject({ status: 409, error: { code: 'EMAIL_TAKEN', details: { field: 'email' } } });
  });

  it('an unknown constraint, a missing constraint name or another SQLSTATE stays a 500 with only the request id', async () => {
    for (const error of [databaseError('sessions_pkey'), databaseError(undefined), databaseError('toString'), databaseError('users_email_key', '23503')]) {
      const answer = await answerTo(error);
      expect(answer.status).toBe(500);
      expect(answer.error.code).toBe('INTERNAL');
      expect(answer.error.message).not.toContain('duplicate');
    }
  });

  it('every constraint of the table exists in the migrated database, as a unique index', async () => {
    const rows = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE i.indisunique AND n.nspname = 'public'`.execute(database.db);
    expect(rows.rows.map((row) => row.name)).toEqual(expect.arrayContaining(Object.keys(UNIQUE_VIOLATIONS)));
  });

  it(`the database driver (${process.env.DATABASE_URL ? 'pg' : 'PGlite'}) reports a unique violation with code and constraint`, async () => {
    const insert = (id: string) => sql`INSERT INTO terms_versions (id, version, approved_on, valid_from, text_lv, text_en, text_ru, published_at)
      VALUES (${id}, 'twice', '2026-01-01', '2026-01-01', 'lv', 'en', 'ru', now())`.execute(database.db);
    await insert('first');
    const error = await insert('second').then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: '23505', constraint: 'terms_versions_version_key' });
    expect(await answerTo(error)).toMatchObject({ status: 409, error: { code: 'TERMS_VERSION_EXISTS' } });
  });
});
