/**
 * autocannon as the load generator. Where it runs matters on a small machine:
 *  - 'process' (default): a child node process, so this process's CPU time (process.cpuUsage) is the
 *    server's alone and the generator never blocks the server's event loop;
 *  - 'worker': autocannon's own worker-thread mode (`workers: 1`) inside this process;
 *  - 'inline': on the main thread, next to the server, as a plain in-process autocannon call.
 * Latencies are whole milliseconds (autocannon's histogram).
 *
 * 'node-http' is not autocannon: a child process keeps `connections` GETs in flight with node:http over keep-alive
 * connections and times each (fractions of a millisecond). autocannon appends every body to a string, decoding it as
 * UTF-8: for a compressed body (binary) that decoding costs the generator more than the server spends on the answer
 * (a 48 kB gzip body: ~1,000 answers/s against ~4,000 for 378 kB of JSON); node:http hands the body over as bytes,
 * as a browser takes it.
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import autocannon from 'autocannon';

const require = createRequire(import.meta.url);

export type LoadGenerator = 'process' | 'worker' | 'inline' | 'node-http';

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds: number;
  headers?: Record<string, string>;
  /** requests each connection sends in turn (paths on url's host, each with its own headers), instead of url's path */
  requests?: { path: string; headers?: Record<string, string> }[];
  generator?: LoadGenerator;
}

export interface LoadResult {
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  maxLatency: number;
  averageLatency: number;
  total: number;
  ok: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  durationSeconds: number;
}

export function parseGenerator(raw: string | undefined): LoadGenerator {
  if (raw === undefined || raw === 'process' || raw === 'worker' || raw === 'inline' || raw === 'node-http') return raw ?? 'process';
  throw new Error(`--loadgen must be process, worker, inline or node-http, got "${raw}"`);
}

function summarize(result: autocannon.Result): LoadResult {
  const ok = result['2xx'];
  return {
    // completed 2xx responses over the measured time (autocannon's requests.average is a mean of 1 s samples)
    requestsPerSecond: ok / result.duration,
    p50: result.latency.p50,
    p90: result.latency.p90,
    p99: result.latency.p99,
    maxLatency: result.latency.max,
    averageLatency: result.latency.average,
    total: result.requests.total,
    ok,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    durationSeconds: result.duration,
  };
}

// Run by a child `node -e`: autocannon with the options from the environment, the result as JSON on stdout.
const CHILD_SOURCE = `
const autocannon = require(process.env.BENCH_AUTOCANNON_PATH);
autocannon(JSON.parse(process.env.BENCH_AUTOCANNON_OPTIONS), (error, result) => {
  if (error) { console.error(error); process.exit(1); }
  process.stdout.write(JSON.stringify(result));
});
`;

/** Runs `node -e source` with `env` added and gives back what it printed on stdout, parsed as JSON. */
function runChildScript<T>(name: string, source: string, env: Record<string, string>): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', source], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`${name} process exited with ${code}: ${stderr}`));
      try {
        resolve(JSON.parse(stdout) as T);
      } catch (error) {
        reject(new Error(`${name} printed no result: ${stderr || stdout}`, { cause: error }));
      }
    });
  });
}

function runInChild(options: autocannon.Options): Promise<autocannon.Result> {
  return runChildScript('autocannon', CHILD_SOURCE, { BENCH_AUTOCANNON_PATH: require.resolve('autocannon'), BENCH_AUTOCANNON_OPTIONS: JSON.stringify(options) });
}

// Run by a child `node -e` for 'node-http': GETs on keep-alive connections for the duration, the result as JSON.
const NODE_HTTP_SOURCE = `
const http = require('node:http');
const { url, connections, durationSeconds, headers } = JSON.parse(process.env.BENCH_LOAD_OPTIONS);
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
const latencies = [];
let non2xx = 0, errors = 0;
const started = process.hrtime.bigint();
const endAt = started + BigInt(durationSeconds * 1e9);
function one() {
  return new Promise((resolve) => {
    const sent = process.hrtime.bigint();
    const request = http.request({ host: target.hostname, port: target.port, path: target.pathname + target.search, headers, agent }, (response) => {
      response.on('data', () => {});
      response.on('end', () => {
        if (response.statusCode >= 200 && response.statusCode < 300) latencies.push(Number(process.hrtime.bigint() - sent) / 1e6);
        else { non2xx++; latencies.push(Number(process.hrtime.bigint() - sent) / 1e6); }
        resolve();
      });
    });
    request.on('error', () => { errors++; resolve(); });
    request.end();
  });
}
async function loop() { while (process.hrtime.bigint() < endAt) await one(); }
Promise.all(Array.from({ length: connections }, loop)).then(() => {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  process.stdout.write(JSON.stringify({ latencies, non2xx, errors, seconds }));
  agent.destroy();
});
`;

async function runNodeHttp(options: LoadOptions): Promise<LoadResult> {
  const { latencies, non2xx, errors, seconds } = await runChildScript<{ latencies: number[]; non2xx: number; errors: number; seconds: number }>('node:http load generator', NODE_HTTP_SOURCE, {
    BENCH_LOAD_OPTIONS: JSON.stringify({ url: options.url, connections: options.connections, durationSeconds: options.durationSeconds, headers: options.headers ?? {} }),
  });
  const sorted = Float64Array.from(latencies).sort();
  const at = (share: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))] ?? 0;
  const ok = latencies.length - non2xx;
  return {
    requestsPerSecond: ok / seconds, p50: at(0.5), p90: at(0.9), p99: at(0.99), maxLatency: sorted[sorted.length - 1] ?? 0,
    averageLatency: latencies.reduce((sum, value) => sum + value, 0) / Math.max(1, latencies.length),
    total: latencies.length + errors, ok, non2xx, errors, timeouts: 0, durationSeconds: seconds,
  };
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  if (options.generator === 'node-http') {
    if (options.requests) throw new Error('the node-http generator sends one path');
    return runNodeHttp(options);
  }
  const cannonOptions: autocannon.Options = {
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds,
    headers: options.headers,
    requests: options.requests?.map((request) => ({ method: 'GET' as const, path: request.path, headers: request.headers })),
    pipelining: 1,
  };
  const generator = options.generator ?? 'process';
  if (generator === 'process') return summarize(await runInChild(cannonOptions));
  return summarize(await autocannon(generator === 'worker' ? { ...cannonOptions, workers: 1 } : cannonOptions));
}
