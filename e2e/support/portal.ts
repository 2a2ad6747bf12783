import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The demo password of every seeded login (server/src/db/demo-data.ts). */
export const DEMO_PASSWORD = 'Zilais-Kalns-73';

export interface Portal {
  /** http://localhost:PORT, the portal's PUBLIC_URL */
  url: string;
  port: number;
  dataDir: string;
  /** what the portal printed so far (stdout and stderr), for failure messages */
  output(): string;
  /** moves the server's clock (DEV_CLOCK) by the given minutes */
  advanceClock(minutes: number): Promise<{ now: string }>;
  stop(): Promise<void>;
}

/** Configuration the portal would otherwise take from the caller's environment (e.g. CI's DATABASE_URL). */
const PORTAL_KEYS = [
  'PORT', 'HOST', 'PUBLIC_URL', 'OPERATOR', 'DATABASE_URL', 'DATA_DIR', 'DEMO_DATA', 'SMTP_URL', 'DEV_SMTP_PORT', 'MAIL_FROM',
  'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'DEMO_IDP_PORT', 'DEMO_PAYMENT_PORT', 'PAYMENT_NOTICE_SECRET', 'SECURE_COOKIES', 'DEV_MODE', 'DEV_CLOCK', 'JOBS',
  'TRUST_PROXY', 'LOG_LEVEL', 'NODE_ENV', 'AUDIT_SIGNING_KEY',
];

/** Free TCP ports, all held open until every one is known so that none is handed out twice. */
export async function freePorts(count: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      const address = server.address();
      if (!address || typeof address === 'string') throw new Error('no port');
      ports.push(address.port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
  }
}

/**
 * Starts the real portal as a child process (`node --import tsx server/src/main.ts`, what `npx tsx` runs) in its
 * own process group, on free ports, with a fresh embedded database in a temp folder (a copy of the demo template
 * when there is one for today, below), demo data, the dev mail catcher, the demo bank and a movable clock, and
 * waits until /api/health answers.
 */
export async function startPortal(options: StartOptions = {}): Promise<Portal> {
  if (!existsSync(join(REPO_ROOT, 'web/dist/index.html'))) {
    throw new Error('web/dist is missing: build the web app first (npm run build:web, or run npm run test:e2e)');
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'up-e2e-'));
  if (!options.env && !options.keepDataDir) await copyDemoTemplate(dataDir);
  return startPortalIn(dataDir, options);
}

interface StartOptions {
  env?: Record<string, string>;
  startTimeoutMs?: number;
  /** stop() leaves the data folder in place (for the demo template) */
  keepDataDir?: boolean;
}

async function startPortalIn(dataDir: string, options: StartOptions): Promise<Portal> {
  const [port, idpPort, smtpPort, paymentPort] = await freePorts(4);
  const url = `http://localhost:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of PORTAL_KEYS) delete env[key];
  Object.assign(env, {
    PORT: String(port),
    HOST: '127.0.0.1',
    DEMO_IDP_PORT: String(idpPort),
    DEMO_PAYMENT_PORT: String(paymentPort),
    DEV_SMTP_PORT: String(smtpPort),
    PUBLIC_URL: url,
    DATA_DIR: dataDir,
    DEV_MODE: 'true',
    DEV_CLOCK: 'true',
    OPERATOR: 'demo',
    JOBS: 'true',
    LOG_LEVEL: 'warn',
    ...options.env,
  });

  let output = '';
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env,
    detached: true, // its own process group: stopped together with anything it starts
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  let running = true;
  // If the test process ends without stop() (a crash, Ctrl-C), the portal must not outlive it.
  const killOnExit = () => { if (running && child.pid) signalGroup(child.pid, 'SIGKILL'); };
  process.once('exit', killOnExit);
  void exited.then(() => {
    running = false;
    process.removeListener('exit', killOnExit);
  });

  const stop = async () => {
    if (running && child.pid) {
      signalGroup(child.pid, 'SIGTERM');
      const stopped = await Promise.race([exited.then(() => true), delay(10_000).then(() => false)]);
      if (!stopped) {
        signalGroup(child.pid, 'SIGKILL');
        await exited;
      }
    }
    // a portal child that outlived the group leader (it should not) would keep the folder busy; ignore that
    if (!options.keepDataDir) await rm(dataDir, { recursive: true, force: true }).catch(() => undefined);
  };

  const deadline = Date.now() + (options.startTimeoutMs ?? 150_000);
  try {
    for (;;) {
      if (!running) throw new Error(`the portal exited while starting:\n${output}`);
      if (Date.now() > deadline) throw new Error(`the portal did not answer /api/health in time:\n${output}`);
      try {
        const response = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(2_000) });
        if (response.ok) break;
      } catch {
        // not listening yet
      }
      await delay(250);
    }
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    url,
    port,
    dataDir,
    output: () => output,
    advanceClock: (minutes) => advanceClock(url, minutes),
    stop,
  };
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** POST /api/dev/clock with the pre-login CSRF double submit (the up_csrf cookie from GET /api/session). */
async function advanceClock(baseUrl: string, minutes: number): Promise<{ now: string }> {
  const session = await fetch(`${baseUrl}/api/session`);
  const csrf = session.headers.getSetCookie().map((cookie) => /^up_csrf=([^;]*)/.exec(cookie)?.[1]).find(Boolean);
  if (!csrf) throw new Error('GET /api/session set no up_csrf cookie');
  const response = await fetch(`${baseUrl}/api/dev/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie: `up_csrf=${csrf}`, 'x-csrf-token': csrf },
    body: JSON.stringify({ advanceMinutes: minutes }),
  });
  if (!response.ok) throw new Error(`POST /api/dev/clock answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { now: string };
}

/**
 * The demo template (e2e/support/demo-template.ts, the browser tests' global setup): a data folder in which a
 * portal seeded the demo year and stopped. Seeding takes most of a portal's start, so each browser test starts
 * from a copy — but only on the Riga day it was seeded, because the demo is laid out around "today" (a year of
 * consumption ending yesterday, invoices by their run days); on another day the portal seeds afresh.
 */
export const DEMO_TEMPLATE_ENV = 'UP_E2E_DEMO_TEMPLATE';

export function rigaDay(at: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Riga' }).format(at);
}

export async function makeDemoTemplate(folder: string): Promise<void> {
  const startedOn = rigaDay();
  const portal = await startPortalIn(folder, { keepDataDir: true, startTimeoutMs: 600_000, env: { JOBS: 'false' } });
  const seededOn = rigaDay();
  await portal.stop();
  // seeded across midnight: which day the demo is laid out around is not known, so no portal starts from it
  if (seededOn !== startedOn) return;
  await writeFile(join(folder, 'demo-template.json'), JSON.stringify({ seededOn }));
}

async function copyDemoTemplate(dataDir: string): Promise<void> {
  const template = process.env[DEMO_TEMPLATE_ENV];
  if (!template) return;
  const marker = await readFile(join(template, 'demo-template.json'), 'utf8').catch(() => null);
  if (!marker || (JSON.parse(marker) as { seededOn: string }).seededOn !== rigaDay()) return;
  await cp(template, dataDir, { recursive: true, filter: (source) => !source.endsWith('demo-template.json') });
}
