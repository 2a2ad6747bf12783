import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadOperatorProfile, type OperatorProfile } from '@up/operators';
import { openPglite, openPostgres, type OpenDatabase } from '../infra/db.js';
import { migrateToLatest } from '../db/migrate.js';
import { seedDemoData } from '../db/demo-data.js';
import { seedDemoConsumption } from '../db/demo-metering.js';
import { seedDemoBilling } from '../db/demo-billing.js';
import { ensureProfileTermsPublished } from '../modules/terms/terms.service.js';
import { loadConfig } from '../config.js';
import type { Deps } from '../deps.js';
import { ManualClock } from '../infra/clock.js';
import { createSmtpTransport, type DevMailCatcher } from '../infra/mailer.js';
import { SessionCache } from '../modules/accounts/session-cache.js';
import { ConsumptionAnswerCache } from '../modules/metering/consumption-answer-cache.js';
import { demoPaymentProvider } from '../modules/payments/demo-payment-provider.js';
import type { OidcLogin } from '../modules/accounts/oidc-login.js';

/** Where every test app's clock starts, and so the moment the demo data of a test database is seeded at. */
export const TEST_CLOCK_START = '2026-11-23T10:00:00Z';
/** When the demo operator's terms count as published in a test database. */
export const TEST_TERMS_PUBLISHED_AT = '2026-01-01T00:00:00Z';

/**
 * The starting points of a test database, made once per run: migrated and empty; with the demo operator's terms
 * and the demo data; and with the demo year on top (a year of consumption and the billing runs that invoiced it,
 * as `npm start` seeds them — made by the first test that asks for it, see test-database.ts, so that a run
 * without such a test does not wait for it). Seeding costs seconds to tens of seconds; copying a template does not.
 */
export type TemplateKind = 'migrated' | 'seeded' | 'demoYear';

export async function seedTestDemo(database: OpenDatabase): Promise<void> {
  await ensureProfileTermsPublished(database.db, loadOperatorProfile('demo'), new Date(TEST_TERMS_PUBLISHED_AT));
  await seedDemoData(database.db, new Date(TEST_CLOCK_START));
}

export async function seedTestDemoYear(database: OpenDatabase): Promise<void> {
  // nothing is sent while seeding (the invoices' e-mails wait in the outbox), so the SMTP address is never dialled
  const deps = testDeps({ database, operator: loadOperatorProfile('demo'), clock: new ManualClock(TEST_CLOCK_START), smtpUrl: 'smtp://127.0.0.1:9' });
  await seedDemoConsumption(deps.db, deps.clock.now());
  await seedDemoBilling(deps);
}

/** The dependencies a test app runs on, as main.ts builds them, over a test database and a test clock. */
export function testDeps(options: {
  database: OpenDatabase; operator: OperatorProfile; clock: ManualClock; smtpUrl: string;
  env?: Record<string, string>; mailCatcher?: DevMailCatcher | null; bankLogin?: OidcLogin | null;
}): Deps {
  const config = loadConfig({ DEV_MODE: 'true', PUBLIC_URL: 'http://portal.test', ...options.env });
  return {
    config,
    operator: options.operator,
    db: options.database.db,
    sessionCache: new SessionCache(options.database.changes),
    consumptionAnswers: new ConsumptionAnswerCache(options.database.changes),
    clock: options.clock,
    mailTransport: createSmtpTransport(options.smtpUrl),
    mailCatcher: options.mailCatcher ?? null,
    bankLogin: options.bankLogin ?? null,
    paymentProvider: demoPaymentProvider({ baseUrl: 'http://pay.test', secret: config.paymentNoticeSecret }),
  };
}

/** PGlite: each template as a data-dir dump in the temp folder; returns their paths (demoYear's made later). */
export async function makePgliteTemplates(): Promise<Record<TemplateKind, string>> {
  const database = await openPglite({});
  try {
    await migrateToLatest(database.db);
    const migrated = await dumpTo(database.pglite, 'migrated');
    await seedTestDemo(database);
    const seeded = await dumpTo(database.pglite, 'seeded');
    return { migrated, seeded, demoYear: seeded.replace('-seeded-', '-demoYear-') };
  } finally {
    await database.close();
  }
}

type DumpablePglite = { exec(query: string): Promise<unknown>; dumpDataDir(compression: 'none'): Promise<Blob | File> };

async function dumpTo(pglite: DumpablePglite, kind: TemplateKind): Promise<string> {
  const path = join(tmpdir(), `up-pglite-${kind}-${process.pid}.tar`);
  await writePgliteDump(pglite, path);
  return path;
}

/** The data dir after a checkpoint: a copy then opens without replaying the WAL of the migrations and seeding (~3.0 → 1.9 s). */
export async function writePgliteDump(pglite: DumpablePglite, path: string): Promise<void> {
  await pglite.exec('CHECKPOINT');
  const dump = await pglite.dumpDataDir('none');
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
}

/** PostgreSQL: each template as a database of its own (CREATE DATABASE … TEMPLATE copies it); returns the names (demoYear's made later). */
export async function makePostgresTemplates(admin: pg.Client, databaseUrl: string): Promise<Record<TemplateKind, string>> {
  const names = { migrated: `up_template_${process.pid}`, seeded: `up_template_seeded_${process.pid}`, demoYear: `up_template_year_${process.pid}` };
  await dropPostgresTemplates(admin, names);
  await admin.query(`CREATE DATABASE ${names.migrated}`);
  const migrated = openPostgres(withDatabase(databaseUrl, names.migrated), 2);
  await migrateToLatest(migrated.db);
  await migrated.close();
  await admin.query(`CREATE DATABASE ${names.seeded} TEMPLATE ${names.migrated}`);
  const seeded = openPostgres(withDatabase(databaseUrl, names.seeded), 2);
  await seedTestDemo(seeded);
  await seeded.close();
  return names;
}

export async function dropPostgresTemplates(admin: pg.Client, names: Record<TemplateKind, string>): Promise<void> {
  for (const name of Object.values(names)) await admin.query(`DROP DATABASE IF EXISTS ${name}`);
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
