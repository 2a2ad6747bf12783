import { spawnSync } from 'node:child_process';

export interface TimedCommand {
  /** what the command printed on standard output */
  stdout: string;
  /** wall-clock seconds of the whole process (tsx's start included) */
  seconds: number;
  /** CPU seconds of the process, user and system */
  cpuSeconds: number;
  /** peak resident memory of the process, KB */
  maxRssKb: number;
}

/**
 * One of the portal's commands (`server/src/commands/<script>.ts`) run as operators run it, in a process of its own
 * under /usr/bin/time against the benchmark's database, so its resident memory and CPU are its own and not the
 * benchmark's. Throws with what the command printed when it fails.
 */
export function runTimedCommand(script: string, args: readonly string[], databaseUrl: string): TimedCommand {
  const child = spawnSync('/usr/bin/time', ['-f', '%M %e %U %S', 'npx', 'tsx', `server/src/commands/${script}.ts`, ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, OPERATOR: 'demo' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  const last = child.stderr.trim().split('\n').at(-1) ?? '';
  const [maxRssKb, seconds, user, system] = last.split(' ').map(Number);
  if (child.status !== 0 || !Number.isFinite(maxRssKb)) {
    throw new Error(`${script} failed (${child.status}): ${child.stdout.slice(0, 2000)}${child.stderr.slice(0, 2000)}`);
  }
  return { stdout: child.stdout, seconds: seconds!, cpuSeconds: user! + system!, maxRssKb: maxRssKb! };
}

/** One psql command (`-c`) against `databaseUrl`, stopping at the first error: for `\copy`, which only psql has. */
export function runPsql(databaseUrl: string, command: string): void {
  const result = spawnSync('psql', [databaseUrl, '-v', 'ON_ERROR_STOP=1', '-q', '-c', command], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
}
