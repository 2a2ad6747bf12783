/**
 * Login throughput: raw argon2id (ARGON2_OPTIONS) hashes/s at concurrency 2, against valid logins/s
 * through POST /api/auth/login of the real app on PostgreSQL at concurrency 2–4. Every login verifies
 * one argon2 hash, bumps a rate-limit bucket, writes the user row, a session and an audit event
 * (advisory-locked hash chain), then reads the session back and describes it.
 * Target: the best logins/s ≥ 80 % of hashes/s.
 *
 * The per-IP login limit (30/min) is a production rule, so it stays: the portal runs with TRUST_PROXY=true
 * and each request comes "from" its own X-Forwarded-For address, as if many users logged in at once.
 *
 *   npm run bench -- login [--duration 10] [--hash-concurrency 2] [--concurrency 2,3,4] [--warmup 2]
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { hash, verify } from '@node-rs/argon2';
import { ARGON2_OPTIONS } from '../server/src/infra/passwords.js';
import { fetchCsrfToken, JANIS_EMAIL, JANIS_PASSWORD, postLogin, startPortal, type Portal } from './lib/portal.js';
import { QueryCounter } from './lib/query-counter.js';
import { cpuSince, cpuSnapshot, postgresBackends } from './lib/cpu.js';
import { fixed, machineLoad, numberOption, percent, printTable, section, verdict, type BenchArgs } from './lib/report.js';

const TARGET_RATIO = 0.8;

interface Rate {
  label: string;
  concurrency: number;
  count: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
  failures: number;
  firstFailure?: string;
  /** CPU per completed operation: this process (argon2 threads included) and the up_bench backends */
  nodeMicros: number;
  /** of which the main thread (server JS, HTTP, database client; not the argon2 threads) */
  mainThreadMicros: number | null;
  postgresMicros: number | null;
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/** Runs `op` in `concurrency` loops until `seconds` have passed; counts completions until the last one ends. */
async function closedLoop(
  label: string,
  concurrency: number,
  seconds: number,
  op: () => Promise<string | null>,
  backends: number[] = [],
): Promise<Rate> {
  const latencies: number[] = [];
  const cpuBefore = await cpuSnapshot(backends);
  let failures = 0;
  let firstFailure: string | undefined;
  const start = performance.now();
  const end = start + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (performance.now() < end) {
      const t0 = performance.now();
      const failure = await op();
      latencies.push(performance.now() - t0);
      if (failure) {
        failures++;
        firstFailure ??= failure;
      }
    }
  }));
  const elapsed = (performance.now() - start) / 1000;
  const cpu = await cpuSince(cpuBefore);
  latencies.sort((a, b) => a - b);
  const ok = latencies.length - failures;
  const per = Math.max(1, ok);
  return {
    label, concurrency, count: ok, seconds: elapsed, perSecond: ok / elapsed,
    p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), failures, firstFailure,
    nodeMicros: cpu.nodeMicros / per, mainThreadMicros: cpu.mainThreadMicros === null ? null : cpu.mainThreadMicros / per, postgresMicros: cpu.postgresMicros === null ? null : cpu.postgresMicros / per,
  };
}

/** 10.a.b.c, a new one for every login, so the per-IP limit of 30/min is never the bottleneck. */
let nextAddress = 1;
function freshAddress(): string {
  const n = nextAddress++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

async function measureLogins(portal: Portal, csrf: string, concurrency: number, seconds: number, backends: number[] = []): Promise<Rate> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    return await closedLoop('POST /api/auth/login', concurrency, seconds, async () => {
      const response = await postLogin(portal.baseUrl, csrf, { email: JANIS_EMAIL, password: JANIS_PASSWORD }, { 'x-forwarded-for': freshAddress() }, agent);
      return response.status === 200 ? null : `${response.status} ${response.body.slice(0, 200)}`;
    }, backends);
  } finally {
    agent.destroy();
  }
}

export async function main(args: BenchArgs): Promise<number> {
  const duration = numberOption(args, 'duration', 10);
  const hashConcurrency = numberOption(args, 'hash-concurrency', 2);
  const warmup = numberOption(args, 'warmup', 2);
  const levels = (args.options.concurrency ?? '2,3,4').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (levels.length === 0) throw new Error('--concurrency must list whole numbers, e.g. 2,3,4');

  section('setup');
  console.log(`machine    ${machineLoad()}`);
  console.log(`argon2     ${JSON.stringify(ARGON2_OPTIONS)} (@node-rs/argon2, libuv pool of ${process.env.UV_THREADPOOL_SIZE ?? 4} threads)`);
  const portal = await startPortal({ trustProxy: true });
  try {
    const csrf = await fetchCsrfToken(portal.baseUrl);
    console.log(`portal     ${portal.baseUrl} on ${portal.databaseUrl.replace(/\/\/[^@]*@/, '//')} (fresh), TRUST_PROXY=true, one X-Forwarded-For address per login`);

    // What one login sends to the database (swap in a counting Kysely; routes read deps.db per call).
    const counter = new QueryCounter();
    const plainDb = portal.deps.db;
    portal.deps.db = plainDb.withPlugin(counter);
    const probe = await postLogin(portal.baseUrl, csrf, { email: JANIS_EMAIL, password: JANIS_PASSWORD }, { 'x-forwarded-for': freshAddress() });
    portal.deps.db = plainDb;
    if (probe.status !== 200) throw new Error(`login failed ${probe.status}: ${probe.body}`);
    console.log(`queries    ${counter.queries.length} per login: ${counter.queries.join(', ')}`);

    section('measuring');
    const stored = await hash(JANIS_PASSWORD, ARGON2_OPTIONS);
    if (warmup > 0) await closedLoop('warm-up', hashConcurrency, warmup, async () => { await hash(JANIS_PASSWORD, ARGON2_OPTIONS); return null; });
    const hashes = await closedLoop('argon2id hash (raw)', hashConcurrency, duration, async () => {
      await hash(JANIS_PASSWORD, ARGON2_OPTIONS);
      return null;
    });
    console.log(`measured   raw hash: ${hashes.count} in ${fixed(hashes.seconds, 1)} s; ${machineLoad()}`);
    const verifies = await closedLoop('argon2id verify (raw)', hashConcurrency, duration, async () => ((await verify(stored, JANIS_PASSWORD)) ? null : 'verify returned false'));
    console.log(`measured   raw verify: ${verifies.count} in ${fixed(verifies.seconds, 1)} s`);

    // Warm up at the highest concurrency so the pool has opened the connections the runs use; their
    // backends' CPU is read from /proc.
    if (warmup > 0) await measureLogins(portal, csrf, Math.max(...levels), warmup);
    const backends = await postgresBackends(portal.databaseUrl);
    const logins: Rate[] = [];
    for (const concurrency of levels) {
      const rate = await measureLogins(portal, csrf, concurrency, duration, backends);
      console.log(`measured   logins at concurrency ${concurrency}: ${rate.count} ok, ${rate.failures} failed in ${fixed(rate.seconds, 1)} s; ${machineLoad()}`);
      if (rate.firstFailure) console.log(`           first failure: ${rate.firstFailure}`);
      logins.push(rate);
    }

    const counts = await portal.deps.db.selectNoFrom((eb) => [
      eb.selectFrom('sessions').select(eb.fn.countAll<number>().as('n')).as('sessions'),
      eb.selectFrom('audit_events').select(eb.fn.countAll<number>().as('n')).as('audit_events'),
    ]).executeTakeFirstOrThrow();

    section('results');
    const row = (r: Rate, ratio: string) => [
      r.label, r.concurrency, fixed(r.perSecond, 1), fixed(r.p50, 1), fixed(r.p99, 1), r.failures, ratio,
      fixed(r.nodeMicros / 1000, 1), r.mainThreadMicros === null ? '-' : fixed(r.mainThreadMicros / 1000, 1),
      r.postgresMicros === null ? '-' : fixed(r.postgresMicros / 1000, 1),
    ];
    printTable(
      ['operation', 'concurrency', 'per s', 'p50 ms', 'p99 ms', 'failed', 'vs raw hash', 'node CPU ms/op', 'main thread', 'pg CPU ms/op'],
      [
        row(hashes, '100.0 %'),
        row(verifies, percent(verifies.perSecond / hashes.perSecond)),
        ...logins.map((r) => row(r, percent(r.perSecond / hashes.perSecond))),
      ],
    );
    console.log('');
    console.log(`database after the run: ${counts.sessions} sessions, ${counts.audit_events} audit events (each login writes one of each)`);
    console.log('node CPU = this process (argon2 threads, server and the small HTTP client); main thread = its event loop alone');
    console.log('(server JS, HTTP, the database client — everything but hashing); pg CPU = the up_bench backends');
    const loginCpu = (r: Rate) => r.nodeMicros + (r.postgresMicros ?? 0);
    const leanest = logins.reduce((a, b) => (loginCpu(b) < loginCpu(a) ? b : a));
    console.log(`CPU per login ${fixed(loginCpu(leanest) / 1000, 1)} ms vs ${fixed(hashes.nodeMicros / 1000, 1)} ms per raw hash → ` +
      `a CPU-bound machine could do ${percent(hashes.nodeMicros / loginCpu(leanest))} as many logins as hashes (a load-independent view)`);

    const best = logins.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
    const ratio = best.perSecond / hashes.perSecond;
    const clean = logins.every((r) => r.failures === 0);
    return verdict('login', clean && ratio >= TARGET_RATIO, [
      `best ${fixed(best.perSecond, 1)} logins/s (concurrency ${best.concurrency}) = ${percent(ratio)} of ${fixed(hashes.perSecond, 1)} raw hashes/s ` +
        `(${ratio >= TARGET_RATIO ? 'ok' : 'MISS'}, target ≥ ${percent(TARGET_RATIO)})`,
      ...(clean ? [] : ['some logins failed']),
    ]);
  } finally {
    await portal.close();
  }
}
