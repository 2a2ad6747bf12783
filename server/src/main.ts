import { mkdirSync } from 'node:fs';
import { loadOperatorProfile } from '@up/operators';
import { loadConfig } from './config.js';
import { buildApp } from './app.js';
import type { Deps } from './deps.js';
import { openPglite, openPostgres, type OpenDatabase } from './infra/db.js';
import { migrateToLatest } from './db/migrate.js';
import { OffsetClock, systemClock, type Clock } from './infra/clock.js';
import { createSmtpTransport, DevMailCatcher } from './infra/mailer.js';
import { ensureProfileTermsPublished } from './modules/terms/terms.service.js';
import { DEMO_PASSWORD, DEMO_USERS, seedDemoData } from './db/demo-data.js';
import { seedDemoConsumption } from './db/demo-metering.js';
import { seedDemoBilling } from './db/demo-billing.js';
import { startDemoIdentityProvider } from './modules/accounts/demo-identity-provider.js';
import { startDemoPaymentProvider } from './modules/payments/demo-payment-provider.js';
import { createOidcLogin } from './modules/accounts/oidc-login.js';
import { startJobWorker } from './jobs.js';
import { writeAuditCheckpoint } from './modules/audit/audit-checkpoints.js';
import { SessionCache } from './modules/accounts/session-cache.js';
import { ConsumptionAnswerCache } from './modules/metering/consumption-answer-cache.js';
import { createInvoicePdfPool } from './modules/billing/invoice-pdf-pool.js';

/** Reads config, opens and migrates the database, starts the helpers dev needs, listens, closes gracefully. */
async function main() {
  const config = loadConfig();
  const operator = loadOperatorProfile(config.operatorId);
  // DEV_CLOCK (dev/test only): system time plus an offset that POST /api/dev/clock moves.
  const devClock = config.devClock ? new OffsetClock() : undefined;
  const clock: Clock = devClock ?? systemClock;

  let database: OpenDatabase;
  if (config.databaseUrl) {
    database = openPostgres(config.databaseUrl);
  } else {
    mkdirSync(config.dataDir, { recursive: true });
    database = await openPglite({ dataDir: config.dataDir });
  }
  await migrateToLatest(database.db);
  await ensureProfileTermsPublished(database.db, operator, clock.now());
  const seeded = config.demoData ? await seedDemoData(database.db, clock.now()) : false;
  if (seeded) await seedDemoConsumption(database.db, clock.now());

  let mailCatcher: DevMailCatcher | null = null;
  let smtpUrl = config.smtpUrl;
  if (!smtpUrl) {
    mailCatcher = new DevMailCatcher();
    await mailCatcher.listen(config.devSmtpPort);
    smtpUrl = mailCatcher.smtpUrl;
  }

  const redirectUri = `${config.publicUrl}/api/auth/bank/callback`;
  let issuer = config.oidcIssuer;
  let closeIdp: (() => Promise<void>) | null = null;
  if (!issuer) {
    const idp = await startDemoIdentityProvider({
      port: config.demoIdpPort,
      clients: [{ clientId: config.oidcClientId, clientSecret: config.oidcClientSecret, redirectUris: [redirectUri] }],
    });
    issuer = idp.issuer;
    closeIdp = idp.close;
  }
  const bankLogin = await createOidcLogin({
    issuer,
    clientId: config.oidcClientId,
    clientSecret: config.oidcClientSecret,
    redirectUri,
    allowInsecureHttp: issuer.startsWith('http:'),
  });

  // BIL-15: the demo payment provider, until an operator's own provider is plugged in (docs/PAYMENTS.md)
  const payments = await startDemoPaymentProvider({ port: config.demoPaymentPort, secret: config.paymentNoticeSecret, clock });

  const deps: Deps = {
    config, operator, db: database.db, sessionCache: new SessionCache(database.changes),
    consumptionAnswers: new ConsumptionAnswerCache(database.changes, { maxBytes: config.consumptionCacheMb * 1024 * 1024 }),
    clock, mailTransport: createSmtpTransport(smtpUrl), mailCatcher, bankLogin, devClock,
    paymentProvider: payments.provider, invoicePdfs: createInvoicePdfPool({ workers: config.pdfWorkers }),
  };
  // The demo's year of invoices comes from the real billing run over the demo consumption (modules on or off).
  if (seeded && operator.modules.includes('billing')) await seedDemoBilling(deps);
  const app = await buildApp(deps, { logger: { level: config.logLevel } });
  const stopJobs = config.runJobs ? startJobWorker(deps, app.log) : () => {};
  await app.listen({ port: config.port, host: config.host });

  console.log(`\n${operator.portalName} is running at ${config.publicUrl}`);
  console.log(`  database: ${database.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`);
  if (mailCatcher) console.log(`  e-mail: caught locally, see ${config.publicUrl}/dev/mailbox`);
  if (closeIdp) console.log(`  bank/eID login: demo identity provider at ${issuer}`);
  console.log(`  online payment: demo payment provider at ${payments.url}`);
  if (devClock) console.log('  clock: DEV_CLOCK is on, POST /api/dev/clock moves the server\'s time');
  if (config.demoData) {
    console.log(`  demo logins${seeded ? '' : ' (already in the database)'} — password ${DEMO_PASSWORD}:`);
    for (const user of DEMO_USERS) console.log(`    ${user.email.padEnd(24)} ${user.role}`);
    console.log('  register a new account as: Anna Kalniņa, personal code 020790-11115, customer number C-100002');
  }

  const shutdown = async () => {
    stopJobs();
    await app.close();
    await mailCatcher?.close();
    await closeIdp?.();
    await payments.close();
    // ACC-17: a process that runs the jobs signs what is still unsigned, so a clean stop leaves no events
    // protected by the hash chain alone (after app.close: requests in flight have appended their events).
    if (config.runJobs) {
      try {
        const checkpoint = await writeAuditCheckpoint(database.db, config.auditSigningKey, clock.now());
        if (checkpoint) app.log.info({ auditCheckpoint: { ...checkpoint, signed_at: checkpoint.signed_at.toISOString() } }, 'audit checkpoint signed');
      } catch (error) {
        app.log.error({ err: error }, 'audit checkpoint at shutdown failed');
      }
    }
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
