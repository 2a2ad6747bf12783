import { availableParallelism } from 'node:os';

/**
 * Environment → frozen, typed configuration, validated at start. Every key is documented in
 * docs/OPERATIONS.md; an invalid value stops the process with a message naming the key.
 */
export interface Config {
  /** PORT: HTTP port (default 3000) */
  port: number;
  /** HOST: interface to listen on (default 0.0.0.0) */
  host: string;
  /** PUBLIC_URL: the address users open, used in e-mailed links (default http://localhost:PORT) */
  publicUrl: string;
  /** OPERATOR: operator profile id (default demo) */
  operatorId: string;
  /** DATABASE_URL: postgres://… to use a PostgreSQL server; empty = embedded PGlite */
  databaseUrl: string | null;
  /** DATA_DIR: folder of the embedded database (default ./data/<operator>) */
  dataDir: string;
  /** DEMO_DATA: fill an empty database with demo customers and users (default true without DATABASE_URL) */
  demoData: boolean;
  /** SMTP_URL: smtp://user:pass@host:port for outgoing mail; empty = start the local dev mail catcher */
  smtpUrl: string | null;
  /** DEV_SMTP_PORT: port of the local dev mail catcher (default 2525) */
  devSmtpPort: number;
  /** MAIL_FROM: sender address */
  mailFrom: string;
  /** OIDC_ISSUER: the bank/eID OpenID provider; empty = start the demo identity provider */
  oidcIssuer: string | null;
  /** OIDC_CLIENT_ID / OIDC_CLIENT_SECRET: this portal's client at the provider */
  oidcClientId: string;
  oidcClientSecret: string;
  /** DEMO_IDP_PORT: port of the demo identity provider (default 3001) */
  demoIdpPort: number;
  /** DEMO_PAYMENT_PORT: port of the demo payment provider that npm start runs (default 3002) */
  demoPaymentPort: number;
  /** PAYMENT_NOTICE_SECRET: the secret the payment provider signs its notices with (the demo's by default in dev) */
  paymentNoticeSecret: string;
  /** SECURE_COOKIES: Secure cookies + HSTS; default true when PUBLIC_URL is https (ACC-16) */
  secureCookies: boolean;
  /** DEV_MODE: dev-only pages (mailbox); default true unless NODE_ENV=production */
  devMode: boolean;
  /** DEV_CLOCK: dev/test only: lets /api/dev/clock move the server's time; needs DEV_MODE (default false) */
  devClock: boolean;
  /** JOBS: run the job worker in this process (default true) */
  runJobs: boolean;
  /** TRUST_PROXY: trust X-Forwarded-For from a load balancer (default false) */
  trustProxy: boolean;
  /** PDF_WORKERS: worker threads that render invoice PDFs (default one per core); 0 = in the request's thread */
  pdfWorkers: number;
  /** CONSUMPTION_CACHE_MB: megabytes of finished consumption answers each process keeps (default 64); 0 keeps none */
  consumptionCacheMb: number;
  /** LOG_LEVEL: pino level (default info) */
  logLevel: string;
  /**
   * AUDIT_SIGNING_KEY: signs the audit chain's checkpoints (ACC-17); at least 32 characters, kept outside the
   * database. Required when DEV_MODE=false; dev and tests use a fixed, public key.
   */
  auditSigningKey: string;
}

/** The key dev and tests sign audit checkpoints with: public, so it proves nothing outside development. */
export const DEV_AUDIT_SIGNING_KEY = 'dev-only-audit-signing-key-not-a-secret';

function auditSigningKey(env: NodeJS.ProcessEnv, devMode: boolean): string {
  const key = optional(env, 'AUDIT_SIGNING_KEY');
  if (key === null) {
    if (devMode) return DEV_AUDIT_SIGNING_KEY;
    throw new ConfigError('AUDIT_SIGNING_KEY must be set when DEV_MODE=false: it signs the audit checkpoints (e.g. `openssl rand -hex 32`)');
  }
  if (key.length < 32) throw new ConfigError(`AUDIT_SIGNING_KEY must be at least 32 characters, got ${key.length}`);
  return key;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, key: string, fallback: number): number {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    throw new ConfigError(`${key} must be a whole number from 0 to 65535, got "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, key: string, fallback: boolean): boolean {
  const raw = env[key];
  if (raw === undefined || raw === '') return fallback;
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false;
  throw new ConfigError(`${key} must be true or false, got "${raw}"`);
}

function optional(env: NodeJS.ProcessEnv, key: string): string | null {
  const raw = env[key]?.trim();
  return raw ? raw : null;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const port = integer(env, 'PORT', 3000);
  const publicUrl = (optional(env, 'PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`PUBLIC_URL must be an absolute URL, got "${publicUrl}"`);
  }
  const databaseUrl = optional(env, 'DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const operatorId = optional(env, 'OPERATOR') ?? 'demo';
  const production = env.NODE_ENV === 'production';
  const devMode = flag(env, 'DEV_MODE', !production);
  const devClock = flag(env, 'DEV_CLOCK', false);
  if (devClock && !devMode) {
    throw new ConfigError('DEV_CLOCK=true needs DEV_MODE=true: the movable clock is for development and tests only');
  }
  return Object.freeze({
    port,
    host: optional(env, 'HOST') ?? '0.0.0.0',
    publicUrl,
    operatorId,
    databaseUrl,
    dataDir: optional(env, 'DATA_DIR') ?? `./data/${operatorId}`,
    demoData: flag(env, 'DEMO_DATA', !databaseUrl),
    smtpUrl: optional(env, 'SMTP_URL'),
    devSmtpPort: integer(env, 'DEV_SMTP_PORT', 2525),
    mailFrom: optional(env, 'MAIL_FROM') ?? 'Utility Portal <no-reply@localhost>',
    oidcIssuer: optional(env, 'OIDC_ISSUER'),
    oidcClientId: optional(env, 'OIDC_CLIENT_ID') ?? 'utility-portal',
    oidcClientSecret: optional(env, 'OIDC_CLIENT_SECRET') ?? 'demo-secret',
    demoIdpPort: integer(env, 'DEMO_IDP_PORT', 3001),
    demoPaymentPort: integer(env, 'DEMO_PAYMENT_PORT', 3002),
    paymentNoticeSecret: optional(env, 'PAYMENT_NOTICE_SECRET') ?? 'demo-payment-notice-secret',
    secureCookies: flag(env, 'SECURE_COOKIES', publicUrl.startsWith('https:')),
    devMode,
    devClock,
    runJobs: flag(env, 'JOBS', true),
    trustProxy: flag(env, 'TRUST_PROXY', false),
    pdfWorkers: integer(env, 'PDF_WORKERS', availableParallelism()),
    consumptionCacheMb: integer(env, 'CONSUMPTION_CACHE_MB', 64),
    logLevel: optional(env, 'LOG_LEVEL') ?? 'info',
    auditSigningKey: auditSigningKey(env, devMode),
  });
}
