import { rm } from 'node:fs/promises';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { dropPostgresTemplates, makePgliteTemplates, makePostgresTemplates, type TemplateKind } from './template-databases.js';

/**
 * Migrates (and seeds the demo data) once per run; each test file then starts from a copy: a PGlite data-dir
 * dump, or on PostgreSQL (when DATABASE_URL is set) a database created from a template database.
 */
export default async function setup(project: TestProject) {
  const databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const admin = new pg.Client({ connectionString: databaseUrl });
    await admin.connect();
    const names = await makePostgresTemplates(admin, databaseUrl);
    project.provide('postgresTemplates', names);
    return async () => {
      await dropPostgresTemplates(admin, names);
      await admin.end();
    };
  }
  const paths = await makePgliteTemplates();
  project.provide('pgliteTemplates', paths);
  return async () => {
    for (const path of [...Object.values(paths), `${paths.demoYear}.lock`]) await rm(path, { force: true, recursive: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    postgresTemplates: Record<TemplateKind, string>;
    pgliteTemplates: Record<TemplateKind, string>;
  }
}
