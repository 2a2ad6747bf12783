import { mkdir, readFile, rename, stat } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type OpenDatabase } from '../infra/db.js';
import { seedTestDemoYear, withDatabase, writePgliteDump, type TemplateKind } from './template-databases.js';

/**
 * A fresh database for one test: a PGlite copy of a template dump, or a PostgreSQL database created from a
 * template database. 'migrated' is empty; 'seeded' holds the demo operator's terms and the demo data as
 * seeded at TEST_CLOCK_START.
 */
export async function openTestDatabase(kind: TemplateKind = 'migrated'): Promise<OpenDatabase & { url: string | null }> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const name = `up_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    if (kind === 'demoYear') await ensurePostgresDemoYear(admin, databaseUrl);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplates')[kind]}`);
    await admin.end();
    const url = withDatabase(databaseUrl, name);
    const database = openPostgres(url, 5);
    return {
      ...database,
      url,
      close: async () => {
        await database.close();
        const cleanup = new pg.Client({ connectionString: databaseUrl });
        await cleanup.connect();
        await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await cleanup.end();
      },
    };
  }
  if (kind === 'demoYear') await ensurePgliteDemoYear();
  const dump = await readFile(inject('pgliteTemplates')[kind]);
  const database = await openPglite({ loadDataDir: new Blob([dump]) });
  return { ...database, url: null };
}

/**
 * The demo-year template is made by the first test that asks for it, once per run: test files run in several
 * worker processes, so the maker holds a lock (PostgreSQL: an advisory lock; PGlite: a lock folder) and the
 * others wait for its result.
 */
async function ensurePostgresDemoYear(admin: pg.Client, databaseUrl: string): Promise<void> {
  const { seeded, demoYear } = inject('postgresTemplates');
  await admin.query(`SELECT pg_advisory_lock(hashtext($1))`, [demoYear]);
  try {
    const exists = await admin.query(`SELECT 1 FROM pg_database WHERE datname = $1`, [demoYear]);
    if (exists.rowCount) return;
    const building = `${demoYear}_building`;
    await admin.query(`DROP DATABASE IF EXISTS ${building}`);
    await admin.query(`CREATE DATABASE ${building} TEMPLATE ${seeded}`);
    const database = openPostgres(withDatabase(databaseUrl, building), 2);
    await seedTestDemoYear(database);
    await database.close();
    await admin.query(`ALTER DATABASE ${building} RENAME TO ${demoYear}`);
  } finally {
    await admin.query(`SELECT pg_advisory_unlock(hashtext($1))`, [demoYear]);
  }
}

async function ensurePgliteDemoYear(): Promise<void> {
  const { seeded, demoYear } = inject('pgliteTemplates');
  if (await exists(demoYear)) return;
  const lock = `${demoYear}.lock`;
  const mine = await mkdir(lock).then(() => true, () => false);
  if (!mine) {
    const deadline = Date.now() + 15 * 60_000;
    while (!(await exists(demoYear))) {
      if (Date.now() > deadline) throw new Error(`no demo-year template after 15 minutes (is ${lock} left from a crash?)`);
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
    return;
  }
  const database = await openPglite({ loadDataDir: new Blob([await readFile(seeded)]) });
  try {
    await seedTestDemoYear(database);
    await writePgliteDump(database.pglite, `${demoYear}.part`);
    await rename(`${demoYear}.part`, demoYear);
  } finally {
    await database.close();
  }
}

function exists(path: string): Promise<boolean> {
  return stat(path).then(() => true, () => false);
}
