import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadOperatorProfile, type OperatorProfile } from '@up/operators';
import { buildApp } from '../app.js';
import type { PortalModule } from '../portal-module.js';
import type { Deps } from '../deps.js';
import { ManualClock } from '../infra/clock.js';
import { deliverPendingEmails } from '../modules/notifications/notifications.service.js';
import { DevMailCatcher } from '../infra/mailer.js';
import { handlePasswordResetRequests } from '../modules/accounts/activation.service.js';
import { ensureProfileTermsPublished } from '../modules/terms/terms.service.js';
import { seedDemoData } from '../db/demo-data.js';
import type { OidcLogin } from '../modules/accounts/oidc-login.js';
import { openTestDatabase } from './test-database.js';
import { TEST_CLOCK_START, TEST_TERMS_PUBLISHED_AT, testDeps } from './template-databases.js';
import { openPostgres } from '../infra/db.js';

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  clock: ManualClock;
  mail: DevMailCatcher;
  /** hands queued password-reset requests to the outbox, then sends the outbox through real SMTP to the catcher */
  deliverMail(): Promise<void>;
  /** the newest link of the given path e-mailed to the address (after delivering the outbox) */
  linkFromMail(to: string, path: string): Promise<string>;
  client(ip?: string): TestClient;
  /** the PostgreSQL database the app uses (null on PGlite): another app can be built on it with options.databaseUrl */
  databaseUrl: string | null;
  close(): Promise<void>;
}

export interface TestAppOptions {
  operator?: Partial<Omit<OperatorProfile, 'rules'>> & { rules?: Partial<OperatorProfile['rules']> };
  bankLogin?: OidcLogin | null;
  seed?: boolean;
  env?: Record<string, string>;
  /** use this existing PostgreSQL database (another TestApp's databaseUrl) instead of a fresh one; close() leaves it */
  databaseUrl?: string;
  /** the portal's modules, when not all of them (PORTAL_MODULES) */
  modules?: readonly PortalModule[];
  /** start with the demo year as `npm start` seeds it: a year of consumption and of billing runs (needs seed) */
  demoYear?: boolean;
}

/** The whole application over a fresh database, a real SMTP catcher and a clock the test moves. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const base = loadOperatorProfile('demo');
  const operator: OperatorProfile = {
    ...base,
    ...options.operator,
    rules: { ...base.rules, ...options.operator?.rules },
  } as OperatorProfile;
  const clock = new ManualClock(TEST_CLOCK_START);
  // The demo data seeded once per run (template-databases.ts) is the same as seeding it here, unless the test
  // brings terms of its own, which must be the ones published.
  const seeded = options.seed !== false && !options.operator?.terms;
  if (options.demoYear && (!seeded || options.databaseUrl)) throw new Error('demoYear needs the seeded demo data of a fresh database');
  const database = options.databaseUrl
    ? { ...openPostgres(options.databaseUrl, 5), url: options.databaseUrl }
    : await openTestDatabase(options.demoYear ? 'demoYear' : seeded ? 'seeded' : 'migrated');
  await ensureProfileTermsPublished(database.db, operator, new Date(TEST_TERMS_PUBLISHED_AT));
  if (options.seed !== false) await seedDemoData(database.db, clock.now());
  const mail = new DevMailCatcher();
  await mail.listen(0);
  const deps = testDeps({ database, operator, clock, smtpUrl: mail.smtpUrl, env: options.env, mailCatcher: mail, bankLogin: options.bankLogin });
  const { config } = deps;
  const app = await buildApp(deps, { serveWeb: false, modules: options.modules, checkAnswers: true });
  await app.ready();
  const deliverMail = async () => {
    await handlePasswordResetRequests(deps);
    await deliverPendingEmails(deps.db, deps.mailTransport, config.mailFrom, clock);
  };
  return {
    app,
    deps,
    clock,
    mail,
    databaseUrl: database.url,
    deliverMail,
    async linkFromMail(to, path) {
      await deliverMail();
      const messages = mail.to(to);
      for (const message of [...messages].reverse()) {
        const match = message.text.match(new RegExp(`https?://\\S+${path.replace(/[.?]/g, '\\$&')}\\S*`));
        if (match) return match[0];
      }
      throw new Error(`no ${path} link mailed to ${to}; got: ${messages.map((m) => m.subject).join(' | ')}`);
    },
    client: (ip?: string) => new TestClient(app, ip),
    async close() {
      await app.close();
      await mail.close();
      await database.close();
    },
  };
}

/** A browser stand-in: keeps cookies, sends the CSRF header like the web app does. */
export class TestClient {
  cookies: Record<string, string> = {};
  constructor(private readonly app: FastifyInstance, private readonly ip = '10.0.0.1') {}

  async request(method: string, url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    if (method !== 'GET' && !this.cookies.up_csrf) await this.request('GET', '/api/session');
    const response = await this.app.inject({
      method: method as 'GET',
      url,
      payload: body === undefined ? undefined : (body as object),
      remoteAddress: this.ip,
      headers: {
        cookie: Object.entries(this.cookies).map(([k, v]) => `${k}=${v}`).join('; '),
        ...(method !== 'GET' && this.cookies.up_csrf ? { 'x-csrf-token': this.cookies.up_csrf } : {}),
        ...headers,
      },
    });
    for (const cookie of response.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      const expired = cookie.value === '' || (cookie.expires && cookie.expires.getTime() <= Date.now());
      if (expired) delete this.cookies[cookie.name];
      else this.cookies[cookie.name] = cookie.value;
    }
    return response;
  }
  get(url: string) { return this.request('GET', url); }
  post(url: string, body: unknown = {}) { return this.request('POST', url, body); }
  put(url: string, body: unknown) { return this.request('PUT', url, body); }
  patch(url: string, body: unknown) { return this.request('PATCH', url, body); }
  delete(url: string) { return this.request('DELETE', url); }

  async login(email: string, password: string): Promise<LightMyRequestResponse> {
    const response = await this.post('/api/auth/login', { email, password });
    if (response.statusCode !== 200) throw new Error(`login failed ${response.statusCode}: ${response.body}`);
    return response;
  }
}
