import { readFile } from 'node:fs/promises';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openPglite, openPostgres, type OpenDatabase } from '../infra/db.js';
import { withDatabase } from './global-setup.js';

/** A fresh, migrated database for one test file: a PGlite copy, or a PostgreSQL database from the template. */
export async function openTestDatabase(): Promise<OpenDatabase & { url: string | null }> {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const name = `up_test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
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
  const dump = await readFile(inject('pgliteTemplatePath'));
  const database = await openPglite({ loadDataDir: new Blob([dump]) });
  return { ...database, url: null };
}
