/**
 * CPU time spent during a phase: by this process (the server, when the load generator runs elsewhere)
 * and by the PostgreSQL backends serving the benchmark database (read from /proc, same machine only).
 * CPU per request moves much less than wall-clock rates when other work shares the machine (it still
 * grows somewhat under contention: caches, wake-ups).
 */
import { readFile } from 'node:fs/promises';
import pg from 'pg';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

async function processCpuMicros(pid: number, path = `/proc/${pid}/stat`): Promise<number | null> {
  try {
    const stat = await readFile(path, 'utf8');
    // fields after "(comm)": state is field 3; utime, stime are fields 14 and 15
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / TICKS_PER_SECOND;
  } catch {
    return null;
  }
}

export interface CpuSnapshot {
  node: NodeJS.CpuUsage;
  mainThread: number | null;
  /** the benchmark database's URL, or null to leave PostgreSQL out */
  databaseUrl: string | null;
  postgres: Map<number, number>;
}

/** CPU of this process's main thread alone (the event loop: server JS and its syscalls), from /proc. */
function mainThreadMicros(): Promise<number | null> {
  return processCpuMicros(process.pid, `/proc/self/task/${process.pid}/stat`);
}

export interface CpuSpent {
  /** µs of CPU of this node process (all threads) */
  nodeMicros: number;
  /** µs of CPU of its main thread only (null where /proc is missing) */
  mainThreadMicros: number | null;
  /** µs of CPU of the benchmark database's backends, or null when /proc does not show them */
  postgresMicros: number | null;
}

/** Backends connected to the database of `url`. */
async function postgresBackends(url: string): Promise<number[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()',
    );
    return rows.map((row) => row.pid);
  } finally {
    await client.end();
  }
}

/**
 * Start of a phase. Backends that connect during the phase (the pool opens connections as it needs them
 * and closes idle ones after 10 s) are found again at its end and counted from zero.
 */
export async function cpuSnapshot(databaseUrl: string | null): Promise<CpuSnapshot> {
  const postgres = new Map<number, number>();
  for (const pid of databaseUrl ? await postgresBackends(databaseUrl) : []) {
    const micros = await processCpuMicros(pid);
    if (micros !== null) postgres.set(pid, micros);
  }
  return { node: process.cpuUsage(), mainThread: await mainThreadMicros(), databaseUrl, postgres };
}

export async function cpuSince(start: CpuSnapshot): Promise<CpuSpent> {
  const node = process.cpuUsage(start.node);
  const main = await mainThreadMicros();
  let postgresMicros: number | null = start.databaseUrl ? 0 : null;
  if (start.databaseUrl) {
    const pids = new Set([...start.postgres.keys(), ...(await postgresBackends(start.databaseUrl))]);
    for (const pid of pids) {
      const after = await processCpuMicros(pid);
      if (after === null) continue;
      postgresMicros = (postgresMicros ?? 0) + after - (start.postgres.get(pid) ?? 0);
    }
  }
  return {
    nodeMicros: node.user + node.system,
    mainThreadMicros: main !== null && start.mainThread !== null ? main - start.mainThread : null,
    postgresMicros,
  };
}

/** All CPUs' time from the first line of /proc/stat, in ticks: how much the hypervisor gave elsewhere. */
export interface MachineTicks {
  total: number;
  steal: number;
}

export async function machineTicks(): Promise<MachineTicks | null> {
  try {
    const [cpuLine] = (await readFile('/proc/stat', 'utf8')).split('\n');
    // cpu user nice system idle iowait irq softirq steal (guest time is already inside user)
    const ticks = cpuLine.trim().split(/\s+/).slice(1, 9).map(Number);
    return { total: ticks.reduce((sum, value) => sum + value, 0), steal: ticks[7] };
  } catch {
    return null;
  }
}

/**
 * What other virtual machines took during a phase: the share of this machine's CPU time the hypervisor
 * "stole". Unlike the load average it does not count the benchmark's own threads.
 */
export async function stealSince(start: MachineTicks | null): Promise<string> {
  const end = await machineTicks();
  if (!start || !end || end.total <= start.total) return 'hypervisor steal unknown';
  const share = (end.steal - start.steal) / (end.total - start.total);
  return `hypervisor steal ${(share * 100).toFixed(1)} %${share > 0.05 ? ' — other virtual machines share these cores; figures will be low and noisy' : ''}`;
}
