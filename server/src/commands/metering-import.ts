/**
 * GRD-3, GRD-4: imports an interval data or spot price file from the command line:
 *   npm run metering:import -- FILE [--format csv|json|spot-prices] [--interval-minutes 15|60]
 * csv: the portal's interval CSV; json: the Sadales tīkls get-object-consumption JSON; spot-prices: the spot
 * price CSV (the zone is the operator profile's). Without --format: .json files are JSON, others CSV.
 *
 * Opens and migrates the database the way the server does (DATABASE_URL, or the embedded PGlite in DATA_DIR,
 * default ./data/<OPERATOR>), runs the same service as POST /api/staff/metering/intervals and …/spot-prices
 * (source 'cli', audited as the system), streams the file and prints the counts as JSON, with the seconds the import
 * took (the database opened and migrated before it are not counted):
 *   exit code 0: imported (rejected rows are listed in the answer);
 *   exit code 1: the file is malformed as a whole (wrong header, broken JSON): nothing changed;
 *   exit code 2: anything else (no such file, wrong arguments, no database).
 * Stop the portal first when it uses the embedded PGlite: that database is single-process.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { OpenDatabase } from '../infra/db.js';
import { openCommandDatabase } from './command-database.js';
import { systemClock, type Clock } from '../infra/clock.js';
import { AppError } from '../infra/errors.js';
import { SYSTEM_ACTOR } from '../modules/audit/index.js';
import { MAX_IMPORT_BYTES } from '../modules/metering/interval-csv.js';
import { importIntervals } from '../modules/metering/interval-import.service.js';
import { importSpotPrices } from '../modules/metering/spot-prices.service.js';

export const EXIT_IMPORTED = 0;
export const EXIT_MALFORMED = 1;
export const EXIT_ERROR = 2;

export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

const consoleOutput: CommandOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };

const USAGE = 'usage: npm run metering:import -- FILE [--format csv|json|spot-prices] [--interval-minutes 15|60]';

type Format = 'csv' | 'json' | 'spot-prices';

function parseArguments(args: readonly string[]): { file: string; format: Format; intervalMinutes: 15 | 60 | undefined } | string {
  let file: string | null = null;
  let format: Format | null = null;
  let intervalMinutes: 15 | 60 | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const [name, inline] = arg.startsWith('--') ? arg.split('=', 2) : [arg, undefined];
    if (name === '--format') {
      const value = inline ?? args[++i];
      if (value !== 'csv' && value !== 'json' && value !== 'spot-prices') return `--format must be csv, json or spot-prices, not ${value ?? 'nothing'}`;
      format = value;
    } else if (name === '--interval-minutes') {
      const value = inline ?? args[++i];
      if (value !== '15' && value !== '60') return `--interval-minutes must be 15 or 60, not ${value ?? 'nothing'}`;
      intervalMinutes = value === '15' ? 15 : 60;
    } else if (name.startsWith('--')) {
      return `unknown option ${name}`;
    } else if (file === null) {
      file = arg;
    } else {
      return `one file at a time (got ${file} and ${arg})`;
    }
  }
  if (file === null) return 'which file?';
  return { file, format: format ?? (extname(file).toLowerCase() === '.json' ? 'json' : 'csv'), intervalMinutes };
}

/** Runs the import with the given arguments and environment; returns the exit code. */
export async function runMeteringImport(
  args: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
  output: CommandOutput = consoleOutput,
  clock: Clock = systemClock,
): Promise<number> {
  const parsed = parseArguments(args);
  if (typeof parsed === 'string') {
    output.err(`${parsed}\n${USAGE}`);
    return EXIT_ERROR;
  }
  if (!existsSync(parsed.file) || !statSync(parsed.file).isFile()) {
    output.err(`no such file: ${parsed.file}`);
    return EXIT_ERROR;
  }
  if (statSync(parsed.file).size > MAX_IMPORT_BYTES) {
    output.err(`${parsed.file} is larger than ${MAX_IMPORT_BYTES} bytes: split it`);
    return EXIT_ERROR;
  }
  let database: OpenDatabase | null = null;
  try {
    const opened = await openCommandDatabase(env);
    database = opened.database;
    const operator = opened.operator;
    const deps = { db: database.db, clock, operator };
    const stream = createReadStream(resolve(parsed.file), { highWaterMark: 1024 * 1024 });
    const started = performance.now();
    const answer = parsed.format === 'spot-prices'
      ? await importSpotPrices(deps, stream, { source: 'cli', actor: SYSTEM_ACTOR })
      : await importIntervals(deps, stream, {
        format: parsed.format === 'json' ? 'sadales_json' : 'csv', source: 'cli', actor: SYSTEM_ACTOR, intervalMinutes: parsed.intervalMinutes,
      });
    output.out(JSON.stringify({ ...answer, seconds: Math.round(performance.now() - started) / 1000 }, null, 2));
    return EXIT_IMPORTED;
  } catch (error) {
    if (error instanceof AppError && error.status < 500) {
      output.err(`the file was not imported, nothing changed: ${error.message.replace(/^body: /, '')}`);
      return EXIT_MALFORMED;
    }
    output.err(`import failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_ERROR;
  } finally {
    await database?.close().catch(() => {});
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  runMeteringImport().then((code) => process.exit(code));
}
