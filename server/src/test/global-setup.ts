import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openPglite, openPostgres } from '../infra/db.js';
import { migrateToLatest } from '../db/migrate.js';

/**
 * Migrates once per run; each test file then starts from a copy: a PGlite data-dir dump, or on PostgreSQL
 * (when DATABASE_URL is set) a database created from a migrated template.
 */
export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const templateName = `up_template_${process.pid}`;
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${templateName}`);
    await admin.query(`CREATE DATABASE ${templateName}`);
    const templateUrl = withDatabase(databaseUrl, templateName);
    const template = openPostgres(templateUrl, 2);
    await migrateToLatest(template.db);
    await template.close();
    project.provide('postgresTemplate', templateName);
    return async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${templateName}`);
      await admin.end();
    };
  }
  const database = await openPglite({});
  await migrateToLatest(database.db);
  const dump = await database.pglite.dumpDataDir('none');
  const path = join(tmpdir(), `up-pglite-template-${process.pid}.tar`);
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  await database.close();
  project.provide('pgliteTemplatePath', path);
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresTemplate: string;
    pgliteTemplatePath: string;
  }
}
