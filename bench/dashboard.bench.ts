/**
 * Dashboard summary throughput: GET /api/customers/:customerId/summary of the real app (session cookie,
 * PostgreSQL) against a bare Fastify route returning {ok:true}, both in this process, same load.
 * Target: summary req/s ≥ 25 % of bare req/s, and summary p99 < 50 ms.
 *
 * The summary load comes from many households (--households, default 200), each its own customer with its own
 * main user and session, as in production; every connection sends their requests in turn.
 *
 * For reference (no target) it also loads two more routes, to split the cost: GET /api/health of the real
 * app (every plugin and hook, no database), and a bare Fastify route that sends one indexed Kysely select
 * over the portal's own pool (the cost of a single database round trip here).
 *
 * The machine's speed moves between runs (a shared virtual machine: bare alone has moved between 20 000 and
 * 33 000 req/s from one minute to the next), so bare and summary are measured in alternating rounds, and the
 * verdict takes the median round: its summary/bare ratio and its summary p99.
 *
 *   npm run bench -- dashboard [--rounds 5] [--duration 10] [--connections 32] [--warmup 2] [--households 200]
 *                              [--loadgen process|worker|inline] [--profile] [--no-reference]
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { httpRequest, loginJanis, startPortal } from './lib/portal.js';
import { seedHouseholds } from './lib/households.js';
import { parseGenerator, runLoad, type LoadResult } from './lib/load.js';
import { cpuSince, cpuSnapshot, machineTicks, stealSince } from './lib/cpu.js';
import { startProfiling } from './lib/profile.js';
import { QueryCounter } from './lib/query-counter.js';
import { fixed, flagOption, machineLoadBeforeRun, numberOption, percent, printTable, section, verdict, type BenchArgs } from './lib/report.js';

const TARGET_RATIO = 0.25;
const TARGET_P99_MS = 50;

type Measured = LoadResult & { elu: number; nodeMicrosPerRequest: number; postgresMicrosPerRequest: number | null };

async function listen(app: FastifyInstance, path: string): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return `http://127.0.0.1:${(app.server.address() as AddressInfo).port}${path}`;
}

export async function main(args: BenchArgs): Promise<number> {
  const rounds = numberOption(args, 'rounds', 5);
  const duration = numberOption(args, 'duration', 10);
  const connections = numberOption(args, 'connections', 32);
  const warmup = numberOption(args, 'warmup', 2);
  const householdCount = numberOption(args, 'households', 200);
  const generator = parseGenerator(args.options.loadgen ?? (flagOption(args, 'inline') ? 'inline' : undefined));
  const profile = flagOption(args, 'profile');
  const reference = !flagOption(args, 'no-reference');

  section('setup');
  console.log(`machine    ${machineLoadBeforeRun()}`);
  const portal = await startPortal();
  const bare = Fastify({ logger: false });
  bare.get('/bare', async () => ({ ok: true }));
  const bareUrl = await listen(bare, '/bare');
  const oneQueryApp = Fastify({ logger: false });

  try {
    const { cookie, householdId } = await loginJanis(portal.baseUrl);
    const summaryUrl = `${portal.baseUrl}/api/customers/${householdId}/summary`;
    const headers = { cookie };
    const probe = await httpRequest(summaryUrl, { headers });
    if (probe.status !== 200) throw new Error(`summary answered ${probe.status}: ${probe.body}`);
    const households = await seedHouseholds(portal.deps.db, householdCount, new Date());
    const summaryRequests = households.map((household) => ({ path: `/api/customers/${household.customerId}/summary`, headers: { cookie: household.cookie } }));
    for (const request of [summaryRequests[0], summaryRequests[summaryRequests.length - 1]]) {
      const answer = await httpRequest(`${portal.baseUrl}${request.path}`, { headers: request.headers });
      if (answer.status !== 200) throw new Error(`a bench household's summary answered ${answer.status}: ${answer.body}`);
    }

    // One indexed select on the portal's pool (the membership lookup the session hook also does).
    const janis = await portal.deps.db.selectFrom('users').select('id').where('email', '=', 'janis@demo.example').executeTakeFirstOrThrow();
    oneQueryApp.get('/one-query', async () => {
      const row = await portal.deps.db.selectFrom('memberships').select(['id', 'role'])
        .where('user_id', '=', janis.id).where('customer_id', '=', householdId).where('status', '=', 'active').executeTakeFirst();
      return { ok: row !== undefined };
    });
    const oneQueryUrl = await listen(oneQueryApp, '/one-query');

    console.log(`database   ${portal.databaseUrl.replace(/\/\/[^@]*@/, '//')} (fresh, migrated, demo data; pool of 10 as in main.ts)`);
    console.log(`bare       ${bareUrl}`);
    console.log(`summary    ${summaryUrl}`);
    console.log(`           ${probe.body}`);
    console.log(`households ${households.length} (customer, main user, session each); the summary load sends their requests in turn`);
    console.log(`load       autocannon, ${connections} connections, ${duration} s per target after ${warmup} s warm-up, ${rounds} rounds, ` +
      { process: 'in a child process', worker: 'in a worker thread of this process', inline: 'on the server\'s main thread', 'node-http': 'node:http in a child process' }[generator]);

    // Queries one summary request sends once warm (the session cached, the maintenance windows read within
    // the last 5 s): swap in a counting Kysely (routes read deps.db per call), send two requests, count the
    // second.
    const counter = new QueryCounter();
    const plainDb = portal.deps.db;
    portal.deps.db = plainDb.withPlugin(counter);
    await httpRequest(summaryUrl, { headers });
    counter.queries.length = 0;
    await httpRequest(summaryUrl, { headers });
    portal.deps.db = plainDb;
    console.log(`queries    ${counter.queries.length} per summary request: ${counter.queries.join(', ')}`);

    // Event-loop utilisation of the main thread (where the servers run): near 100 % means the server's
    // JavaScript is the limit; well below means it waits (database, pool, the load generator).
    // CPU per request: this process (= the servers, with --loadgen process) and the up_bench backends.
    const measure = async (label: string, url: string, requests?: typeof summaryRequests): Promise<Measured> => {
      if (warmup > 0) await runLoad({ url, connections, durationSeconds: warmup, requests, generator });
      const cpuBefore = await cpuSnapshot(portal.databaseUrl);
      const ticksBefore = await machineTicks();
      const before = performance.eventLoopUtilization();
      const result = await runLoad({ url, connections, durationSeconds: duration, requests, generator });
      const elu = performance.eventLoopUtilization(before).utilization;
      const cpu = await cpuSince(cpuBefore);
      console.log(`measured   ${label}: ${result.ok} responses in ${result.durationSeconds.toFixed(1)} s; ${await stealSince(ticksBefore)}`);
      const ok = Math.max(1, result.ok);
      return { ...result, elu, nodeMicrosPerRequest: cpu.nodeMicros / ok, postgresMicrosPerRequest: cpu.postgresMicros === null ? null : cpu.postgresMicros / ok };
    };

    section('measuring');
    const measuredRounds: Array<{ bare: Measured; summary: Measured; ratio: number }> = [];
    for (let round = 1; round <= rounds; round++) {
      const bareOfRound = await measure(`round ${round} bare`, bareUrl);
      const summaryOfRound = await measure(`round ${round} summary`, portal.baseUrl, summaryRequests);
      measuredRounds.push({ bare: bareOfRound, summary: summaryOfRound, ratio: summaryOfRound.requestsPerSecond / bareOfRound.requestsPerSecond });
    }
    const byRatio = [...measuredRounds].sort((x, y) => x.ratio - y.ratio);
    const median = byRatio[Math.floor((byRatio.length - 1) / 2)];
    const bareResult = median.bare;
    const summaryResult = median.summary;
    const healthResult = reference ? await measure('real-app health reference', `${portal.baseUrl}/api/health`) : null;
    const oneQueryResult = reference ? await measure('one-query reference', oneQueryUrl) : null;

    section('results');
    const row = (name: string, r: Measured) => [
      name, fixed(r.requestsPerSecond, 0), percent(r.requestsPerSecond / bareResult.requestsPerSecond),
      fixed(r.p50, 0), fixed(r.p90, 0), fixed(r.p99, 0), fixed(r.maxLatency, 0), r.non2xx, r.errors, percent(r.elu),
      fixed(r.nodeMicrosPerRequest, 0), r.postgresMicrosPerRequest === null ? '-' : fixed(r.postgresMicrosPerRequest, 0),
    ];
    printTable(
      ['round', 'bare req/s', 'summary req/s', 'summary / bare', 'summary p99 ms'],
      measuredRounds.map((r, i) => [
        `${i + 1}${r === median ? ' (median)' : ''}`, fixed(r.bare.requestsPerSecond, 0), fixed(r.summary.requestsPerSecond, 0),
        percent(r.ratio), fixed(r.summary.p99, 0),
      ]),
    );
    console.log('');
    console.log('the median round, and the references:');
    printTable(
      ['route', 'req/s', 'vs bare', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'non-2xx', 'errors', 'loop busy', 'node µs/req', 'pg µs/req'],
      [
        row('GET /bare {ok:true}', bareResult),
        row('GET /api/customers/:id/summary', summaryResult),
        ...(healthResult ? [row('(reference) real app GET /api/health, no DB', healthResult)] : []),
        ...(oneQueryResult ? [row('(reference) 1 Kysely select, bare Fastify', oneQueryResult)] : []),
      ],
    );
    const ratio = median.ratio;
    console.log('');
    console.log(`summary / bare req/s = ${percent(ratio)} (target ≥ ${percent(TARGET_RATIO)}); summary p99 = ${fixed(summaryResult.p99, 0)} ms (target < ${TARGET_P99_MS} ms)`);
    console.log('latencies are whole milliseconds (autocannon); "loop busy" = event-loop utilisation of the server thread;');
    console.log(`node µs/req = CPU of this process per response${generator === 'process' ? '' : ' (includes the load generator here)'}; pg µs/req = CPU of the up_bench backends per response`);
    if (generator === 'process') {
      const ceiling = (r: Measured) => 1_000_000 / r.nodeMicrosPerRequest;
      console.log(`CPU ceiling of one server thread: bare ≈ ${fixed(ceiling(bareResult), 0)} req/s, summary ≈ ${fixed(ceiling(summaryResult), 0)} req/s ` +
        `→ ${percent(ceiling(summaryResult) / ceiling(bareResult))} (the same ratio from CPU time, less moved by other load)`);
    }

    if (profile) {
      section('CPU profile of the main thread (server) under summary load');
      const stop = await startProfiling();
      const profiled = await runLoad({ url: portal.baseUrl, connections, durationSeconds: Math.min(duration, 5), requests: summaryRequests, generator });
      const summary = await stop();
      const idleMs = summary.areas.find((a) => a.area === '(idle)')?.selfMs ?? 0;
      console.log(`profile written to ${summary.file} (${fixed(summary.totalMs, 0)} ms; open in Chrome DevTools or speedscope)`);
      console.log(`${profiled.ok} summaries while profiling (profiler overhead included): ` +
        `${fixed(((summary.totalMs - idleMs) / Math.max(1, profiled.ok)) * 1000, 0)} µs of busy main-thread time per request`);
      console.log('');
      printTable(['self time by area', 'ms', 'share'], summary.areas.slice(0, 12).map((a) => [a.area, fixed(a.selfMs, 0), percent(a.share)]));
      console.log('');
      printTable(['function', 'where', 'ms', 'share'], summary.functions.slice(0, 15).map((f) => [f.name, f.where, fixed(f.selfMs, 0), percent(f.share)]));
    }

    const clean = measuredRounds.every((r) => r.summary.non2xx === 0 && r.summary.errors === 0 && r.bare.non2xx === 0 && r.bare.errors === 0);
    const ratioOk = ratio >= TARGET_RATIO;
    const p99Ok = summaryResult.p99 < TARGET_P99_MS;
    return verdict('dashboard', clean && ratioOk && p99Ok, [
      `median of ${rounds} rounds: summary ${fixed(summaryResult.requestsPerSecond, 0)} req/s = ${percent(ratio)} of bare ${fixed(bareResult.requestsPerSecond, 0)} req/s (${ratioOk ? 'ok' : 'MISS'}, target ≥ 25 %)`,
      `summary p99 ${fixed(summaryResult.p99, 0)} ms (${p99Ok ? 'ok' : 'MISS'}, target < ${TARGET_P99_MS} ms)`,
      ...(clean ? [] : ['non-2xx responses or connection errors during the run']),
    ]);
  } finally {
    await oneQueryApp.close();
    await bare.close();
    await portal.close();
  }
}
