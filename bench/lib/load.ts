/**
 * autocannon as the load generator. Where it runs matters on a small machine:
 *  - 'process' (default): a child node process, so this process's CPU time (process.cpuUsage) is the
 *    server's alone and the generator never blocks the server's event loop;
 *  - 'worker': autocannon's own worker-thread mode (`workers: 1`) inside this process;
 *  - 'inline': on the main thread, next to the server, as a plain in-process autocannon call.
 * Latencies are whole milliseconds (autocannon's histogram).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import autocannon from 'autocannon';

const require = createRequire(import.meta.url);

export type LoadGenerator = 'process' | 'worker' | 'inline';

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
  if (raw === undefined || raw === 'process' || raw === 'worker' || raw === 'inline') return raw ?? 'process';
  throw new Error(`--loadgen must be process, worker or inline, got "${raw}"`);
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

function runInChild(options: autocannon.Options): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', CHILD_SOURCE], {
      env: { ...process.env, BENCH_AUTOCANNON_PATH: require.resolve('autocannon'), BENCH_AUTOCANNON_OPTIONS: JSON.stringify(options) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon process exited with ${code}: ${stderr}`));
      try {
        resolve(JSON.parse(stdout) as autocannon.Result);
      } catch (error) {
        reject(new Error(`autocannon printed no result: ${stderr || stdout}`, { cause: error }));
      }
    });
  });
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
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
