/**
 * Interval data at scale (issue 11), on PostgreSQL:
 *  1. Import --meters (default 285) meters × a year of quarter-hours (≈ 10 million values) from the portal CSV
 *     end to end (stream, parse, validate, store) with `npm run metering:import` in a process of its own (the same
 *     service as the API), its peak resident memory measured by /usr/bin/time.
 *     Targets: ≥ 1,000,000 values/s; resident memory under 300 MB; faster than (a) a plain COPY of the same CSV
 *     rows into a one-row-per-value table with a primary key (psql \copy); at least 50 % of the rate of (b) a
 *     pass that only reads and splits the file; re-importing the same file (nothing changes) at least as fast.
 *  2. With those values stored: one object's year of hourly data with daily and monthly totals
 *     (GET …/consumption?resolution=hour) at 16 concurrent clients: p99 < 20 ms and ≥ 50 % of the queries per
 *     second of the bare SQL that reads the same rows through `pg` at the same concurrency.
 *
 *     Also printed: CPU per answer of this process's main thread (the portal; autocannon runs in a child process)
 *     and of the up_bench PostgreSQL backends, which move less than rates on a busy machine.
 *     Also measured, not a target: the same request with If-None-Match (a browser asking again; 304 without a body).
 *     --spot-prices loads a year of quarter-hour spot prices first (as the LV zone has had since October 2025): each
 *     quarter-hour is then valued at its own price, so the answer is summed from the quarter-hours, not the hours.
 *
 *   npm run bench -- metering [--meters 285] [--duration 10] [--connections 16] [--keep-file] [--spot-prices]
 */
import { createReadStream, createWriteStream, existsSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import pg from 'pg';
import { withEicCheckCharacter } from '../common/src/eic.js';
import { intervalsInRigaDay, rigaDayStartMs, rigaDaysBetween } from '../common/src/riga-days.js';
import { newId } from '../server/src/infra/ids.js';
import { INTERVAL_CSV_HEADER } from '../server/src/modules/metering/interval-csv.js';
import { ConsumptionAnswerCache } from '../server/src/modules/metering/consumption-answer-cache.js';
import { httpRequest, loginJanis, postgresVersion, startPortal, type Portal } from './lib/portal.js';
import { runLoad, type LoadResult } from './lib/load.js';
import { runPsql, runTimedCommand } from './lib/commands.js';
import { cpuSince, cpuSnapshot, machineTicks, stealSince, type CpuSpent } from './lib/cpu.js';
import { fixed, flagOption, machineLoadBeforeRun, numberOption, printTable, section, verdict, type BenchArgs } from './lib/report.js';

const TARGET_VALUES_PER_SECOND = 1_000_000;
const TARGET_RSS_MB = 300;
const TARGET_SPLIT_SHARE = 0.5;
const TARGET_P99_MS = 20;
const TARGET_QUERY_SHARE = 0.5;
const YEAR_FROM = '2025-01-01';
const YEAR_TO = '2026-01-01';
/** GETs from a child process with node:http (bench/lib/load.ts: autocannon decodes every body as UTF-8, a gzip one too) */
const LOAD_GENERATOR = 'node-http';
/** what Chromium sends */
const BROWSER_ACCEPT_ENCODING = 'gzip, deflate, br, zstd';
const QUARTERS = (rigaDayStartMs(YEAR_TO) - rigaDayStartMs(YEAR_FROM)) / 900_000;

interface BenchMeter { objectId: string; meterId: string; eic: string; number: string }

/** Objects with one smart meter each; the first is Jānis' (the query target), the others Anna's. */
async function seedMeters(portal: Portal, count: number): Promise<BenchMeter[]> {
  const db = portal.deps.db;
  const now = new Date();
  const customer = async (number: string) => (await db.selectFrom('customers').select('id').where('customer_number', '=', number).executeTakeFirstOrThrow()).id;
  const janis = await customer('C-100001');
  const anna = await customer('C-100002');
  const meters: BenchMeter[] = [];
  for (let i = 0; i < count; i++) {
    // a stem whose check character would be '-' (not allowed) takes the next series letter
    let eic = withEicCheckCharacter(`38ZEELVB${String(i).padStart(7, '0')}`);
    if (eic.endsWith('-')) eic = withEicCheckCharacter(`38ZEELVC${String(i).padStart(7, '0')}`);
    meters.push({ objectId: newId(), meterId: newId(), eic, number: `BM${String(i).padStart(6, '0')}` });
  }
  for (let i = 0; i < meters.length; i += 100) {
    const slice = meters.slice(i, i + 100);
    await db.insertInto('metering_objects').values(slice.map((m) => ({
      id: m.objectId, kind: 'connection_point' as const, eic: m.eic, address: `Bench iela ${m.number}, Rīga`, capacity_amperes: 25, phases: 1 as const,
      voltage_volts: 230, status: 'active' as const, created_at: now, updated_at: now,
    }))).execute();
    await db.insertInto('object_holdings').values(slice.map((m, k) => ({
      id: newId(), object_id: m.objectId, customer_id: i + k === 0 ? janis : anna, held_from: new Date('2020-01-01T00:00:00Z'), held_until: null,
    }))).execute();
    await db.insertInto('meters').values(slice.map((m) => ({
      id: m.meterId, object_id: m.objectId, number: m.number, type: 'electronic', smart: true, registers: ['total'], multiplier: 1,
      installed_on: '2020-01-01', removed_on: null,
    }))).execute();
  }
  return meters;
}

/** The portal CSV: meter by meter, a year of quarter-hours each (times in UTC with Z). */
async function writeCsv(path: string, meters: BenchMeter[]): Promise<number> {
  const out = createWriteStream(path);
  const start = rigaDayStartMs(YEAR_FROM);
  const stamps: string[] = [];
  for (let q = 0; q < QUARTERS; q++) stamps.push(new Date(start + q * 900_000).toISOString().replace('.000Z', 'Z'));
  let values = 0;
  out.write(`${INTERVAL_CSV_HEADER}\n`);
  for (const [index, meter] of meters.entries()) {
    const prefix = `${meter.eic},${meter.number},`;
    let chunk = '';
    for (let q = 0; q < QUARTERS; q++) {
      const wh = 20 + ((q * 7 + index * 13) % 300);
      chunk += `${prefix}${stamps[q]},15,${(wh / 1000).toFixed(3)},0.000,\n`;
      if (chunk.length > 1 << 20) {
        if (!out.write(chunk)) await once(out, 'drain');
        chunk = '';
      }
    }
    out.write(chunk);
    values += QUARTERS;
  }
  out.end();
  await once(out, 'finish');
  return values;
}

/** Pass (b): read the file and split every line into its fields, nothing else. */
async function readAndSplit(path: string): Promise<{ seconds: number; values: number }> {
  const started = performance.now();
  let values = 0;
  let rest = '';
  let fields = 0;
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    const text = rest + chunk;
    let lineStart = 0;
    let newline = text.indexOf('\n', lineStart);
    while (newline !== -1) {
      let comma = text.indexOf(',', lineStart);
      while (comma !== -1 && comma < newline) {
        fields++;
        comma = text.indexOf(',', comma + 1);
      }
      values++;
      lineStart = newline + 1;
      newline = text.indexOf('\n', lineStart);
    }
    rest = text.slice(lineStart);
  }
  if (fields === 0) throw new Error('split nothing');
  return { seconds: (performance.now() - started) / 1000, values: values - 1 };
}

/** Pass (a): psql \copy of the same rows into a one-row-per-value table with a primary key. */
function plainCopy(databaseUrl: string, path: string): number {
  const run = (sqlText: string) => runPsql(databaseUrl, sqlText);
  run(`DROP TABLE IF EXISTS bench_values; CREATE TABLE bench_values (object_eic text, meter_number text, interval_start timestamptz,
    interval_minutes integer, import_kwh numeric, export_kwh numeric, status text, PRIMARY KEY (meter_number, interval_start))`);
  const started = performance.now();
  run(`\\copy bench_values FROM '${path}' WITH (FORMAT csv, HEADER true)`);
  const seconds = (performance.now() - started) / 1000;
  run('DROP TABLE bench_values');
  return seconds;
}

interface ImportRun {
  /** the import itself, as the command reports it (the database opened and migrated before it not counted) */
  seconds: number;
  /** the whole process: tsx's start, the migration check, the import */
  processSeconds: number;
  peakRssMb: number;
  result: { inserted: number; unchanged: number; daysWritten: number; rejectedTotal: number; rejected: unknown[] };
}

/**
 * The import as operators run it: `npm run metering:import -- FILE` in a process of its own under /usr/bin/time, so
 * the peak resident memory is the import's own (tsx and the command), not this benchmark's harness and portal app.
 */
function importFile(databaseUrl: string, path: string): ImportRun {
  const run = runTimedCommand('metering-import', [path], databaseUrl);
  const result = JSON.parse(run.stdout) as ImportRun['result'] & { seconds: number };
  return { seconds: result.seconds, processSeconds: run.seconds, peakRssMb: run.maxRssKb / 1024, result };
}

/** A year of quarter-hour spot prices for the operator's zone (LV): a daily shape with some noise, µ€/kWh. */
async function loadSpotPrices(portal: Portal): Promise<void> {
  const now = new Date();
  const rows = rigaDaysBetween(YEAR_FROM, YEAR_TO).map((day, d) => ({
    zone: portal.deps.operator.metering.spotPriceZone, day, interval_minutes: 15 as const, import_id: 'bench', updated_at: now,
    price_ueur_per_kwh: Array.from({ length: intervalsInRigaDay(day, 15) }, (_, q) => 40_000 + ((q * 37 + d * 11) % 90) * 1_000),
  }));
  for (let i = 0; i < rows.length; i += 100) await portal.deps.db.insertInto('spot_prices').values(rows.slice(i, i + 100)).execute();
}

/** The bare SQL: the same interval_days rows through pg, `connections` at a time, for `seconds`. */
async function bareQueries(databaseUrl: string, meterId: string, connections: number, seconds: number) {
  const start = await cpuSnapshot(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: connections });
  const latencies: number[] = [];
  const until = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < until) {
      const started = performance.now();
      const { rows } = await pool.query(
        'SELECT day, interval_minutes, import_wh, export_wh, quality FROM interval_days WHERE meter_id = $1 AND day >= $2 AND day < $3',
        [meterId, YEAR_FROM, YEAR_TO],
      );
      if (rows.length < 365) throw new Error(`bare query read ${rows.length} days`);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const cpu = await cpuSince(start); // before the pool's backends end
  await pool.end();
  latencies.sort((a, b) => a - b);
  return { perSecond: latencies.length / seconds, p99: latencies[Math.floor(latencies.length * 0.99)], cpu, queries: latencies.length };
}

/** `body` answered from memory by a bare Fastify route, `connections` at a time for `seconds`. */
async function prebuiltBytesLoad(body: Buffer, connections: number, seconds: number) {
  const bare = Fastify({ logger: false });
  bare.get('/answer', async (_request, reply) => reply.type('application/json; charset=utf-8').header('content-encoding', 'gzip').send(body));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  try {
    const url = `http://127.0.0.1:${(bare.server.address() as AddressInfo).port}/answer`;
    await runLoad({ url, connections, durationSeconds: 2, generator: LOAD_GENERATOR }); // warm-up
    const start = await cpuSnapshot(null);
    const load = await runLoad({ url, connections, durationSeconds: seconds, generator: LOAD_GENERATOR });
    return { load, cpu: await cpuSince(start) };
  } finally {
    await bare.close();
  }
}

/** Load against the portal with its CPU per answer; every answer must have the expected status. */
async function measuredLoad(portal: Portal, url: string, connections: number, seconds: number, headers: Record<string, string>, status = 200) {
  const start = await cpuSnapshot(portal.databaseUrl);
  const load = await runLoad({ url, connections, durationSeconds: seconds, headers, generator: LOAD_GENERATOR });
  const cpu = await cpuSince(start);
  const expected = status === 200 ? load.ok : load.non2xx;
  if (load.errors > 0 || expected !== load.total - load.timeouts) throw new Error(`${url}: ${load.errors} errors, ${expected} of ${load.total} answered ${status}`);
  return { load, cpu };
}

export async function main(args: BenchArgs): Promise<number> {
  const meterCount = numberOption(args, 'meters', 285);
  const duration = numberOption(args, 'duration', 10);
  const connections = numberOption(args, 'connections', 16);
  console.log(machineLoadBeforeRun());
  const portal = await startPortal({ database: 'up_bench_metering' });
  const file = join(tmpdir(), `up-bench-intervals-${meterCount}.csv`);
  try {
    console.log(`PostgreSQL ${await postgresVersion(portal.databaseUrl)}; ${meterCount} meters × ${QUARTERS} quarter-hours`);
    const meters = await seedMeters(portal, meterCount);
    section('the file');
    const written = performance.now();
    const values = await writeCsv(file, meters);
    console.log(`${values.toLocaleString('en')} values, ${fixed(statSync(file).size / 1_048_576)} MB, written in ${fixed((performance.now() - written) / 1000)} s`);

    section('import');
    const split = await readAndSplit(file);
    const copySeconds = plainCopy(portal.databaseUrl, file);
    const first = importFile(portal.databaseUrl, file);
    const again = importFile(portal.databaseUrl, file);
    if (first.result.inserted !== values || first.result.rejectedTotal !== 0) throw new Error(`first import: ${JSON.stringify({ ...first.result, rejected: first.result.rejected.slice(0, 3) })}`);
    if (again.result.unchanged !== values || again.result.daysWritten !== 0) throw new Error(`re-import changed something: ${JSON.stringify({ ...again.result, rejected: [] })}`);
    const rate = (seconds: number) => values / seconds;
    printTable(['pass', 'seconds', 'values/s', 'process s', 'peak RSS MB'], [
      ['(b) read and split only', fixed(split.seconds, 2), Math.round(rate(split.seconds)).toLocaleString('en'), '', ''],
      ['(a) psql \\copy, row per value + PK', fixed(copySeconds, 2), Math.round(rate(copySeconds)).toLocaleString('en'), '', ''],
      ['import (parse, validate, store)', fixed(first.seconds, 2), Math.round(rate(first.seconds)).toLocaleString('en'), fixed(first.processSeconds, 2), fixed(first.peakRssMb)],
      ['re-import (nothing changes)', fixed(again.seconds, 2), Math.round(rate(again.seconds)).toLocaleString('en'), fixed(again.processSeconds, 2), fixed(again.peakRssMb)],
    ]);
    console.log('The import runs as `npm run metering:import` in a process of its own: seconds are the import as the command reports them,');
    console.log('"process s" adds tsx\'s start and the migration check; the peak RSS is that process\'s (tsx included).');

    const spotPrices = flagOption(args, 'spot-prices');
    if (spotPrices) await loadSpotPrices(portal);
    section(`one object's year of hours, ${connections} concurrent clients${spotPrices ? ', with quarter-hour spot prices' : ''}`);
    const { cookie, householdId } = await loginJanis(portal.baseUrl);
    const target = meters[0];
    const path = `/api/customers/${householdId}/objects/${target.objectId}/consumption?from=${YEAR_FROM}&to=${YEAR_TO}&resolution=hour`;
    const url = `${portal.baseUrl}${path}`;
    const check = await fetch(url, { headers: { cookie } });
    const plainBody = Buffer.from(await check.arrayBuffer());
    const answer = JSON.parse(plainBody.toString('utf8')) as { intervals: { start: number[] }; dailyTotals: { start: number[] }; monthlyTotals: { start: number[] } };
    if (check.status !== 200 || answer.intervals.start.length !== 8760 || answer.dailyTotals.start.length !== 365 || answer.monthlyTotals.start.length !== 12) {
      throw new Error(`unexpected consumption answer ${check.status}`);
    }
    // as Chromium asks: the answer comes gzip-compressed, from the portal's cache of finished answers after the first
    const browser = { cookie, 'accept-encoding': BROWSER_ACCEPT_ENCODING };
    const sent = await httpRequest(url, { headers: browser });
    if (sent.status !== 200 || sent.headers['content-encoding'] !== 'gzip') throw new Error(`the consumption answer to a browser is not gzip: ${sent.status} ${sent.headers['content-encoding']}`);
    await runLoad({ url, connections, durationSeconds: 2, headers: browser, generator: LOAD_GENERATOR }); // warm-up
    const ticks = await machineTicks();
    const asBrowser = await measuredLoad(portal, url, connections, duration, browser);
    // Not targets: the same answer as plain JSON (a client that takes no gzip), and computed on every request, as
    // the portal did before it kept finished answers (the cache swapped for one that keeps nothing)
    const plain = await measuredLoad(portal, url, connections, duration, { cookie });
    const keptAnswers = portal.deps.consumptionAnswers;
    portal.deps.consumptionAnswers = new ConsumptionAnswerCache(portal.database.changes, { maxBytes: 0 });
    const computed = await measuredLoad(portal, url, connections, duration, { cookie });
    portal.deps.consumptionAnswers = keptAnswers;
    const bare = await bareQueries(portal.databaseUrl, target.meterId, connections, duration);
    // A browser asking again for an answer it has (If-None-Match): 304, no body. Not a target.
    const etag = sent.headers.etag;
    if (typeof etag !== 'string') throw new Error('the consumption answer has no ETag');
    const revalidation = await measuredLoad(portal, url, connections, duration, { ...browser, 'if-none-match': etag }, 304);
    // The machine's floor for this answer: the very bytes a browser gets (gzip), prebuilt, from a bare Fastify route
    // in this process (no session, no database, no computing), at the same concurrency. Not a target: it shows how far
    // below the p99 target the machine itself lets an answer of this size go, the load generator sharing the two cores.
    const floor = await prebuiltBytesLoad(gzipSync(plainBody), connections, duration);
    const perAnswer = (micros: number | null, answers: number) => (micros === null ? '?' : fixed(micros / answers / 1000, 2));
    const row = (name: string, load: LoadResult, cpu: CpuSpent, answers = load.ok) => [name, fixed(answers / load.durationSeconds), fixed(load.p50), fixed(load.p99),
      perAnswer(cpu.mainThreadMicros, answers), perAnswer(cpu.postgresMicros, answers)];
    printTable(['', 'per second', 'p50 ms', 'p99 ms', 'CPU ms/answer: server thread', 'PostgreSQL'], [
      row('portal GET …/consumption as a browser (gzip)', asBrowser.load, asBrowser.cpu),
      row('the same, plain JSON (no Accept-Encoding)', plain.load, plain.cpu),
      row('plain JSON computed on every request (no cache)', computed.load, computed.cpu),
      ['bare SQL through pg (no HTTP)', fixed(bare.perSecond), '', fixed(bare.p99), perAnswer(bare.cpu.mainThreadMicros, bare.queries), perAnswer(bare.cpu.postgresMicros, bare.queries)],
      row('as a browser with If-None-Match (304)', revalidation.load, revalidation.cpu, revalidation.load.non2xx),
      row('the same gzip bytes prebuilt, bare Fastify (the floor)', floor.load, floor.cpu),
    ]);
    console.log(`${Number(sent.headers['content-length'] ?? 0).toLocaleString('en')} bytes an answer gzip (${plainBody.byteLength.toLocaleString('en')} plain); ${await stealSince(ticks)}`);

    const importRate = rate(first.seconds);
    const checks: [boolean, string][] = [
      [importRate >= TARGET_VALUES_PER_SECOND, `import ${Math.round(importRate).toLocaleString('en')} values/s (target ≥ ${TARGET_VALUES_PER_SECOND.toLocaleString('en')})`],
      [first.peakRssMb < TARGET_RSS_MB && again.peakRssMb < TARGET_RSS_MB, `peak RSS ${fixed(Math.max(first.peakRssMb, again.peakRssMb))} MB (target < ${TARGET_RSS_MB})`],
      [first.seconds < copySeconds, `import ${fixed(first.seconds, 2)} s vs plain COPY ${fixed(copySeconds, 2)} s`],
      [split.seconds / first.seconds >= TARGET_SPLIT_SHARE, `import at ${fixed((100 * split.seconds) / first.seconds)} % of the read-and-split rate (target ≥ 50 %)`],
      [again.seconds <= first.seconds, `re-import ${fixed(again.seconds, 2)} s vs first ${fixed(first.seconds, 2)} s`],
      [asBrowser.load.p99 < TARGET_P99_MS, `consumption p99 ${fixed(asBrowser.load.p99)} ms (target < ${TARGET_P99_MS})`],
      [asBrowser.load.requestsPerSecond >= TARGET_QUERY_SHARE * bare.perSecond, `consumption ${fixed((100 * asBrowser.load.requestsPerSecond) / bare.perSecond)} % of the bare SQL rate (target ≥ 50 %)`],
    ];
    return verdict('metering', checks.every(([pass]) => pass), checks.map(([pass, text]) => `${pass ? 'ok' : 'MISSED'} ${text}`));
  } finally {
    await portal.close();
    if (!flagOption(args, 'keep-file') && existsSync(file)) rmSync(file);
  }
}
