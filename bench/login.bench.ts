/**
 * Login throughput: raw argon2id (ARGON2_OPTIONS) hashes/s at concurrency 2, against valid logins/s
 * through POST /api/auth/login of the real app on PostgreSQL at concurrency 2–4. Every login counts itself
 * in its rate-limit bucket and reads the account (one statement), verifies one argon2 hash, writes the user
 * row, a session and an audit event (hash chain; one statement) and describes the new session.
 * Target: the best logins/s ≥ 80 % of hashes/s.
 *
 * The phases alternate in short rounds (hash, logins at each concurrency, hash, …), many of them, because
 * the machine's speed moves by ±15 % within seconds (other virtual machines on the host): over many short
 * rounds every phase meets the same mix of fast and slow moments. The verdict is the ratio of the whole
 * run — all logins over all login seconds against all hashes over all hash seconds, at the best
 * concurrency — cross-checked with CPU time per operation (logins/s ≈ hashes/s × CPU per hash / CPU per
 * login once the CPU is the limit). No round is left out: picking rounds by their hash rate picks the
 * rounds whose hash phase met a fast moment, whose ratio is low for that reason alone.
 *
 * The per-IP login limit (30/min) is a production rule, so it stays: the portal runs with TRUST_PROXY=true
 * and each request comes "from" its own X-Forwarded-For address, as if many users logged in at once.
 *
 *   npm run bench -- login [--duration 2] [--rounds 10] [--hash-concurrency 2] [--concurrency 2,3,4] [--warmup 2]
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { hash, verify } from '@node-rs/argon2';
import { ARGON2_OPTIONS } from '../server/src/infra/passwords.js';
import { fetchCsrfToken, JANIS_EMAIL, JANIS_PASSWORD, postLogin, startPortal, type Portal } from './lib/portal.js';
import { QueryCounter } from './lib/query-counter.js';
import { cpuSince, cpuSnapshot, machineTicks, stealSince } from './lib/cpu.js';
import { startProfiling } from './lib/profile.js';
import { fixed, flagOption, machineLoadBeforeRun, numberOption, percent, printTable, section, verdict, type BenchArgs } from './lib/report.js';

const TARGET_RATIO = 0.8;

/** One measured phase, or several pooled. CPU totals in µs. */
interface Rate {
  label: string;
  concurrency: number;
  ok: number;
  failures: number;
  firstFailure?: string;
  seconds: number;
  latencies: number[];
  /** this process, all threads (argon2 included) */
  nodeCpu: number;
  /** its main thread only: server JS, HTTP, database client — everything but hashing */
  mainCpu: number | null;
  /** the up_bench backends */
  pgCpu: number | null;
}

const perSecond = (r: Rate) => r.ok / r.seconds;
const perOp = (total: number | null, r: Rate) => (total === null ? null : total / Math.max(1, r.ok));

function quantile(values: number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((x, y) => x - y);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function pool(rates: Rate[]): Rate {
  const sum = (pick: (r: Rate) => number | null) =>
    rates.some((r) => pick(r) === null) ? null : rates.reduce((total, r) => total + (pick(r) ?? 0), 0);
  return {
    label: rates[0].label,
    concurrency: rates[0].concurrency,
    ok: sum((r) => r.ok) ?? 0,
    failures: sum((r) => r.failures) ?? 0,
    firstFailure: rates.find((r) => r.firstFailure)?.firstFailure,
    seconds: sum((r) => r.seconds) ?? 0,
    latencies: rates.flatMap((r) => r.latencies),
    nodeCpu: sum((r) => r.nodeCpu) ?? 0,
    mainCpu: sum((r) => r.mainCpu),
    pgCpu: sum((r) => r.pgCpu),
  };
}

/** Runs `op` in `concurrency` loops until `seconds` have passed; counts completions until the last one ends. */
async function closedLoop(
  label: string,
  concurrency: number,
  seconds: number,
  op: () => Promise<string | null>,
  databaseUrl: string | null = null,
): Promise<Rate> {
  const latencies: number[] = [];
  let failures = 0;
  let firstFailure: string | undefined;
  const cpuBefore = await cpuSnapshot(databaseUrl);
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
  return {
    label, concurrency, ok: latencies.length - failures, failures, firstFailure, seconds: elapsed, latencies,
    nodeCpu: cpu.nodeMicros, mainCpu: cpu.mainThreadMicros, pgCpu: cpu.postgresMicros,
  };
}

/** 10.a.b.c, a new one for every login, so the per-IP limit of 30/min is never the bottleneck. */
let nextAddress = 1;
function freshAddress(): string {
  const n = nextAddress++;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

async function measureLogins(portal: Portal, csrf: string, concurrency: number, seconds: number): Promise<Rate> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  try {
    return await closedLoop('POST /api/auth/login', concurrency, seconds, async () => {
      const response = await postLogin(portal.baseUrl, csrf, { email: JANIS_EMAIL, password: JANIS_PASSWORD }, { 'x-forwarded-for': freshAddress() }, agent);
      return response.status === 200 ? null : `${response.status} ${response.body.slice(0, 200)}`;
    }, portal.databaseUrl);
  } finally {
    agent.destroy();
  }
}

const hashOnce = async () => {
  await hash(JANIS_PASSWORD, ARGON2_OPTIONS);
  return null;
};

export async function main(args: BenchArgs): Promise<number> {
  const duration = numberOption(args, 'duration', 2);
  const rounds = Math.max(1, Math.round(numberOption(args, 'rounds', 10)));
  const hashConcurrency = numberOption(args, 'hash-concurrency', 2);
  const warmup = numberOption(args, 'warmup', 2);
  const profile = flagOption(args, 'profile');
  const levels = (args.options.concurrency ?? '2,3,4').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  if (levels.length === 0) throw new Error('--concurrency must list whole numbers, e.g. 2,3,4');

  section('setup');
  console.log(`machine    ${machineLoadBeforeRun()}`);
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
    console.log(`queries    ${counter.queries.length} statements per login (BEGIN/COMMIT of a transaction would not be counted): ${counter.queries.join(', ')}`);
    console.log(`plan       ${rounds} round(s) of: raw hash ${duration} s, then logins ${duration} s at each concurrency ${levels.join(', ')}`);

    section('measuring');
    if (warmup > 0) {
      await closedLoop('warm-up', hashConcurrency, warmup, hashOnce);
      await measureLogins(portal, csrf, Math.max(...levels), warmup);
    }
    const hashRounds: Rate[] = [];
    const loginRounds = new Map<number, Rate[]>(levels.map((level) => [level, []]));
    for (let round = 1; round <= rounds; round++) {
      const ticksBefore = await machineTicks();
      const hashes = await closedLoop('argon2id hash (raw)', hashConcurrency, duration, hashOnce);
      hashRounds.push(hashes);
      const line = [`round ${round}: ${fixed(perSecond(hashes), 1)} hashes/s`];
      for (const level of levels) {
        const logins = await measureLogins(portal, csrf, level, duration);
        loginRounds.get(level)!.push(logins);
        line.push(`c${level} ${fixed(perSecond(logins), 1)} logins/s (${percent(perSecond(logins) / perSecond(hashes))})`);
        if (logins.firstFailure) console.log(`           failure: ${logins.firstFailure}`);
      }
      console.log(`measured   ${line.join(', ')}; ${await stealSince(ticksBefore)}`);
    }
    const stored = await hash(JANIS_PASSWORD, ARGON2_OPTIONS);
    const verifies = await closedLoop('argon2id verify (raw)', hashConcurrency, duration, async () => ((await verify(stored, JANIS_PASSWORD)) ? null : 'verify returned false'));
    console.log(`measured   raw verify (once, for reference): ${fixed(perSecond(verifies), 1)}/s`);

    const counts = await portal.deps.db.selectNoFrom((eb) => [
      eb.selectFrom('sessions').select(eb.fn.countAll<number>().as('n')).as('sessions'),
      eb.selectFrom('audit_events').select(eb.fn.countAll<number>().as('n')).as('audit_events'),
    ]).executeTakeFirstOrThrow();

    section(`results (pooled over ${rounds} round(s))`);
    const hashes = pool(hashRounds);
    const logins = levels.map((level) => pool(loginRounds.get(level)!));
    const ms = (micros: number | null) => (micros === null ? '-' : fixed(micros / 1000, 1));
    const row = (r: Rate, ratio: string) => [
      r.label, r.concurrency, fixed(perSecond(r), 1), fixed(quantile(r.latencies, 0.5), 1), fixed(quantile(r.latencies, 0.99), 1), r.failures, ratio,
      ms(perOp(r.nodeCpu, r)), ms(perOp(r.mainCpu, r)), ms(perOp(r.pgCpu, r)),
    ];
    printTable(
      ['operation', 'concurrency', 'per s', 'p50 ms', 'p99 ms', 'failed', 'vs raw hash', 'node CPU ms/op', 'main thread', 'pg CPU ms/op'],
      [
        row(hashes, '100.0 %'),
        row(verifies, percent(perSecond(verifies) / perSecond(hashes))),
        ...logins.map((r) => row(r, percent(perSecond(r) / perSecond(hashes)))),
      ],
    );
    console.log('');
    console.log(`database after the run: ${counts.sessions} sessions, ${counts.audit_events} audit events (each login writes one of each)`);
    console.log('node CPU = this process (argon2 threads, the server and the small HTTP client); main thread = its event loop');
    console.log('alone (server JS, HTTP, the database client: everything but hashing); pg CPU = the up_bench backends');
    const loginCpu = (r: Rate) => (r.nodeCpu + (r.pgCpu ?? 0)) / Math.max(1, r.ok);
    const hashCpu = hashes.nodeCpu / Math.max(1, hashes.ok);
    const leanest = logins.reduce((a, b) => (loginCpu(b) < loginCpu(a) ? b : a));
    const cpuRatio = hashCpu / loginCpu(leanest);
    console.log(`CPU per login ${fixed(loginCpu(leanest) / 1000, 1)} ms vs ${fixed(hashCpu / 1000, 1)} ms per raw hash → with the CPU as the limit, ` +
      `logins/s can reach ${percent(cpuRatio)} of hashes/s (a view that depends less on other load)`);

    // Per concurrency: the ratio of each round for the spread; the whole run's ratio decides.
    const ratios = levels.map((level, i) => {
      const each = loginRounds.get(level)!.map((r, round) => perSecond(r) / perSecond(hashRounds[round]));
      return { level, each, median: median(each), run: perSecond(logins[i]) / perSecond(hashes) };
    });
    console.log('');
    printTable(
      ['logins/hashes per round', ...hashRounds.map((_, i) => `${i + 1}`), 'median', 'whole run'],
      [
        ['raw hashes/s', ...hashRounds.map((r) => fixed(perSecond(r), 1)), '', fixed(perSecond(hashes), 1)],
        ...ratios.map((r) => [`concurrency ${r.level}`, ...r.each.map(percent), percent(r.median), percent(r.run)]),
      ],
    );
    const best = ratios.reduce((a, b) => (b.run > a.run ? b : a));
    if (profile) {
      section(`CPU profile of the main thread (server, everything but hashing) under logins at concurrency ${best.level}`);
      const stop = await startProfiling();
      const profiled = await measureLogins(portal, csrf, best.level, Math.max(duration, 5));
      const summary = await stop();
      const idleMs = summary.areas.find((a) => a.area === '(idle)')?.selfMs ?? 0;
      console.log(`profile written to ${summary.file}; ${profiled.ok} logins, ` +
        `${fixed((summary.totalMs - idleMs) / Math.max(1, profiled.ok), 2)} ms of busy main-thread time per login`);
      printTable(['self time by area', 'ms', 'share'], summary.areas.slice(0, 12).map((a) => [a.area, fixed(a.selfMs, 0), percent(a.share)]));
      console.log('');
      printTable(['function', 'where', 'ms', 'share'], summary.functions.slice(0, 20).map((f) => [f.name, f.where, fixed(f.selfMs, 0), percent(f.share)]));
    }
    const clean = logins.every((r) => r.failures === 0);
    const ok = clean && best.run >= TARGET_RATIO;
    const disagree = (cpuRatio >= TARGET_RATIO) !== (best.run >= TARGET_RATIO);
    return verdict('login', ok, [
      `logins/s = ${percent(best.run)} of raw hashes/s at concurrency ${best.level} (whole run of ${rounds} rounds; median round ${percent(best.median)}; ` +
        `${best.run >= TARGET_RATIO ? 'ok' : 'MISS'}, target ≥ ${percent(TARGET_RATIO)})`,
      `CPU view ${percent(cpuRatio)}${disagree ? ' DISAGREES — the machine was too busy to decide; rerun when it is quiet' : ' agrees'}`,
      ...(clean ? [] : ['some logins failed']),
    ]);
  } finally {
    await portal.close();
  }
}
