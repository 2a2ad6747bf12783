/**
 * The module rules of DESIGN.md hold in the source (boundaries.ts): modules meet only through their index.ts,
 * and each module's SQL names only its own tables. The checker is shown to catch each kind of crossing.
 */
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { findCrossings, moduleOf, readServerSources, TABLE_OWNERS } from './boundaries.js';
import { openTestDatabase } from './test-database.js';

const SERVER_SRC = fileURLToPath(new URL('..', import.meta.url));

describe('module boundaries', () => {
  it('no module imports another module\'s internal file, and no module\'s SQL names another module\'s table', () => {
    const files = readServerSources(SERVER_SRC);
    expect(files.length).toBeGreaterThan(40);
    expect(findCrossings(files)).toEqual([]);
  });

  it('the checker catches an import of another module\'s internal file (but not of its index.ts, nor within a module)', () => {
    const crossings = findCrossings([
      { path: 'modules/orders/orders.service.ts', text: "import { findUserById } from '../accounts/users.repository.js';\nimport { recordAudit } from '../audit/index.js';\nimport { x } from './orders.repository.js';" },
      { path: 'modules/customers/customers.routes.ts', text: "export { sameName } from '../accounts/name-match.js';" },
    ]);
    expect(crossings).toEqual([
      { file: 'modules/orders/orders.service.ts', line: 1, problem: 'imports ../accounts/users.repository.js: use ../accounts/index.js' },
      { file: 'modules/customers/customers.routes.ts', line: 1, problem: 'imports ../accounts/name-match.js: use ../accounts/index.js' },
    ]);
  });

  it('the checker catches SQL naming another module\'s table, in the query builder and in plain SQL', () => {
    const crossings = findCrossings([
      { path: 'modules/orders/orders.service.ts', text: "db.selectFrom('orders as o')\n  .innerJoin('users as u', 'u.id', 'o.user_id')" },
      { path: 'modules/customers/summary.ts', text: 'sql`SELECT count(*) FROM notices n JOIN customers c ON c.id = n.customer_id`' },
      { path: 'infra/jobs.ts', text: "db.updateTable('sessions')" },
      { path: 'modules/orders/orders.test.ts', text: "db.selectFrom('users')" },
    ]);
    expect(crossings).toEqual([
      { file: 'modules/orders/orders.service.ts', line: 2, problem: 'names table users of accounts' },
      { file: 'modules/customers/summary.ts', line: 1, problem: 'names table notices of notifications' },
      { file: 'infra/jobs.ts', line: 1, problem: 'names table sessions of accounts' },
    ]);
  });

  it('files belong to the module of their folder', () => {
    expect(moduleOf('modules/accounts/login.service.ts')).toBe('accounts');
    expect(moduleOf('infra/rate-limit.ts')).toBe('infra');
    expect(moduleOf('app.ts')).toBeNull();
  });
});

describe('table ownership', () => {
  const database = openTestDatabase();
  afterAll(async () => (await database).close());

  it('every table of the migrated database has exactly one owner in TABLE_OWNERS, and every owned table exists', async () => {
    const { db } = await database;
    const { rows } = await sql<{ name: string }>`
      SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND c.relname NOT LIKE 'kysely_%'`.execute(db);
    expect(rows.map((row) => row.name).sort()).toEqual(Object.keys(TABLE_OWNERS).sort());
  });
});
