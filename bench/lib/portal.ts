/**
 * The real portal over a fresh PostgreSQL database, built the way main.ts builds it (buildApp + deps),
 * listening on a random local port. Shared by the dashboard and login benchmarks.
 */
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { loadOperatorProfile } from '@up/operators';
import { buildApp } from '../../server/src/app.js';
import { loadConfig } from '../../server/src/config.js';
import type { Deps } from '../../server/src/deps.js';
import { openPostgres, type OpenDatabase } from '../../server/src/infra/db.js';
import { migrateToLatest } from '../../server/src/db/migrate.js';
import { seedDemoData, DEMO_PASSWORD } from '../../server/src/db/demo-data.js';
import { ensureProfileTermsPublished } from '../../server/src/modules/terms/terms.service.js';
import { systemClock } from '../../server/src/infra/clock.js';
import { createSmtpTransport, DevMailCatcher } from '../../server/src/infra/mailer.js';
import { SessionCache } from '../../server/src/modules/accounts/session-cache.js';
import { ConsumptionAnswerCache } from '../../server/src/modules/metering/consumption-answer-cache.js';

export const DEFAULT_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';
export const BENCH_DATABASE = 'up_bench';
export const JANIS_EMAIL = 'janis@demo.example';
export const JANIS_PASSWORD = DEMO_PASSWORD;
export const JANIS_HOUSEHOLD_NUMBER = 'C-100001';

export interface Portal {
  app: FastifyInstance;
  deps: Deps;
  database: OpenDatabase;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  databaseUrl: string;
  close(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

/** Drops and recreates up_bench on the server of DATABASE_URL; returns the new database's URL. */
export async function freshBenchDatabase(adminUrl: string, name = BENCH_DATABASE): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return withDatabase(adminUrl, name);
}

export async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ server_version: string }>('SHOW server_version');
    return rows[0]?.server_version ?? 'unknown';
  } finally {
    await client.end();
  }
}

export interface StartPortalOptions {
  /** TRUST_PROXY for this run (the login benchmark spreads requests over X-Forwarded-For addresses) */
  trustProxy?: boolean;
  /** the database to create afresh (default up_bench): a benchmark of its own is not dropped by another one running */
  database?: string;
}

/**
 * Fresh up_bench database → migrate → operator terms → demo data (in that order, so the demo users have
 * accepted the terms), then buildApp with production-like deps (pool of 10 like main.ts, system clock,
 * no logger, no job worker) listening on 127.0.0.1:0.
 */
export async function startPortal(options: StartPortalOptions = {}): Promise<Portal> {
  const adminUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  const databaseUrl = await freshBenchDatabase(adminUrl, options.database);
  const database = openPostgres(databaseUrl);
  const operator = loadOperatorProfile('demo');
  await migrateToLatest(database.db);
  await ensureProfileTermsPublished(database.db, operator, new Date('2026-01-01T00:00:00Z'));
  await seedDemoData(database.db, systemClock.now());

  const mail = new DevMailCatcher();
  await mail.listen(0);
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PUBLIC_URL: 'http://127.0.0.1',
    DEMO_DATA: 'false',
    DEV_MODE: 'false',
    AUDIT_SIGNING_KEY: randomBytes(32).toString('hex'),
    JOBS: 'false',
    TRUST_PROXY: options.trustProxy ? 'true' : 'false',
    LOG_LEVEL: 'warn',
  });
  const deps: Deps = {
    config,
    operator,
    db: database.db,
    sessionCache: new SessionCache(database.changes),
    consumptionAnswers: new ConsumptionAnswerCache(database.changes),
    clock: systemClock,
    mailTransport: createSmtpTransport(mail.smtpUrl),
    mailCatcher: null,
    bankLogin: null,
  };
  const app = await buildApp(deps, { logger: false, serveWeb: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    app,
    deps,
    database,
    baseUrl: `http://127.0.0.1:${port}`,
    databaseUrl,
    async close() {
      await app.close();
      await mail.close();
      await database.close();
    },
  };
}

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A plain node:http request (no cookie jar); the agent decides connection reuse. */
export function httpRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; agent?: http.Agent } = {},
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method: options.method ?? 'GET', headers: options.headers, agent: options.agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('error', reject);
    if (options.body !== undefined) req.end(options.body);
    else req.end();
  });
}

/** name → value of the Set-Cookie headers of a response. */
export function cookiesOf(response: HttpResponse): Record<string, string> {
  const result: Record<string, string> = {};
  for (const header of response.headers['set-cookie'] ?? []) {
    const [pair] = header.split(';');
    const eq = pair.indexOf('=');
    if (eq > 0) result[pair.slice(0, eq).trim()] = decodeURIComponent(pair.slice(eq + 1).trim());
  }
  return result;
}

/** GET /api/session: the up_csrf double-submit token a browser gets before it logs in. */
export async function fetchCsrfToken(baseUrl: string): Promise<string> {
  const response = await httpRequest(`${baseUrl}/api/session`);
  const csrf = cookiesOf(response).up_csrf;
  if (response.status !== 200 || !csrf) throw new Error(`GET /api/session gave ${response.status} without an up_csrf cookie: ${response.body}`);
  return csrf;
}

export interface LoginResult {
  response: HttpResponse;
  sessionCookie: string | undefined;
}

/** POST /api/auth/login as the web app sends it: the up_csrf cookie echoed in x-csrf-token. */
export function postLogin(
  baseUrl: string,
  csrf: string,
  credentials: { email: string; password: string },
  extraHeaders: Record<string, string> = {},
  agent?: http.Agent,
): Promise<HttpResponse> {
  const body = JSON.stringify(credentials);
  return httpRequest(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    agent,
    body,
    headers: {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      cookie: `up_csrf=${csrf}`,
      'x-csrf-token': csrf,
      'user-agent': 'up-bench',
      ...extraHeaders,
    },
  });
}

/** Logs janis in once; returns the Cookie header to send and the id of his household (customer C-100001). */
export async function loginJanis(baseUrl: string): Promise<{ cookie: string; householdId: string }> {
  const csrf = await fetchCsrfToken(baseUrl);
  const response = await postLogin(baseUrl, csrf, { email: JANIS_EMAIL, password: JANIS_PASSWORD });
  if (response.status !== 200) throw new Error(`login of ${JANIS_EMAIL} failed ${response.status}: ${response.body}`);
  const cookies = cookiesOf(response);
  if (!cookies.up_session) throw new Error('login answered 200 without an up_session cookie');
  const body = JSON.parse(response.body) as { user: { customers: { id: string; customerNumber: string }[] } };
  const household = body.user.customers.find((c) => c.customerNumber === JANIS_HOUSEHOLD_NUMBER);
  if (!household) throw new Error(`${JANIS_EMAIL} has no membership of ${JANIS_HOUSEHOLD_NUMBER}`);
  return { cookie: `up_session=${cookies.up_session}; up_csrf=${cookies.up_csrf}`, householdId: household.id };
}
