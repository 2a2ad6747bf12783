/** Small helpers every benchmark uses: options from the command line, tables, the verdict line. */
import { availableParallelism, loadavg } from 'node:os';

export interface BenchArgs {
  /** --name=value or --name value; a bare --flag is "true" */
  options: Record<string, string>;
  positional: string[];
}

export function parseArgs(argv: string[]): BenchArgs {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    if (eq > 0) {
      options[arg.slice(2, eq)] = arg.slice(eq + 1);
    } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
      options[arg.slice(2)] = argv[++i];
    } else {
      options[arg.slice(2)] = 'true';
    }
  }
  return { options, positional };
}

export function numberOption(args: BenchArgs, name: string, fallback: number): number {
  const raw = args.options[name] ?? process.env[`BENCH_${name.toUpperCase().replace(/-/g, '_')}`];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isFinite(value) || value < 0) throw new Error(`--${name} must be a non-negative number, got "${raw}"`);
  return value;
}

export function flagOption(args: BenchArgs, name: string): boolean {
  const raw = args.options[name];
  return raw !== undefined && raw !== 'false' && raw !== '0';
}

/** Prints rows as an aligned text table; numbers are right-aligned. */
export function printTable(headers: string[], rows: (string | number)[][]): void {
  const cells = [headers, ...rows.map((row) => row.map((cell) => String(cell)))];
  const widths = headers.map((_, col) => Math.max(...cells.map((row) => (row[col] ?? '').length)));
  const numeric = headers.map((_, col) => rows.every((row) => typeof row[col] === 'number' || /^[\d.,% x-]+$/.test(String(row[col]))));
  const line = (row: string[]) =>
    row.map((cell, col) => (numeric[col] ? cell.padStart(widths[col]) : cell.padEnd(widths[col]))).join('  ').trimEnd();
  console.log(line(cells[0]));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of cells.slice(1)) console.log(line(row));
}

export function fixed(value: number, digits = 1): string {
  return value.toFixed(digits);
}

export function percent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)} %`;
}

/** The last line a benchmark prints; the process exits 0 on PASS, 2 on FAIL (1 is left for errors). */
export function verdict(name: string, pass: boolean, reasons: string[]): number {
  console.log('');
  console.log(`${pass ? 'PASS' : 'FAIL'} ${name}: ${reasons.join('; ')}`);
  return pass ? 0 : 2;
}

export function section(title: string): void {
  console.log('');
  console.log(`== ${title}`);
}

/**
 * Before the run: the 1-minute load average against the core count (other work skews every figure).
 * Only meaningful before the benchmark loads the machine itself: during a round the load average counts
 * the benchmark's own threads, so the rounds report the hypervisor's steal instead (see cpu.ts).
 */
export function machineLoadBeforeRun(): string {
  const cores = availableParallelism();
  const [one] = loadavg();
  return `load average ${one.toFixed(2)} on ${cores} cores before the run${one > cores * 0.5 ? ' — the machine is busy with other work; figures will be low and noisy' : ''}`;
}
