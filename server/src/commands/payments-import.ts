/**
 * Imports a camt.053 bank statement file from the command line (issue 13 point 2), e.g. the day's statement a
 * bank leaves on its SFTP server:
 *   npm run payments:import -- FILE.xml
 * Opens and migrates the database the way the server does (DATABASE_URL, or the embedded PGlite in DATA_DIR,
 * default ./data/<OPERATOR>) and runs the same import as the staff route, streamed and in one transaction (audited
 * as the system). Importing the same file again changes nothing. Prints the counts as JSON:
 *   exit code 0: imported; 1: refused (not a camt.053 statement, malformed): nothing changed; 2: failed.
 * Stop the portal first when it uses the embedded PGlite.
 */
import { createReadStream, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import type { OpenDatabase } from '../infra/db.js';
import { openCommandDatabase } from './command-database.js';
import { systemClock, type Clock } from '../infra/clock.js';
import { AppError } from '../infra/errors.js';
import { SYSTEM_ACTOR } from '../modules/audit/index.js';
import { importStatement } from '../modules/payments/index.js';
import type { CommandOutput } from './metering-import.js';

const USAGE = 'usage: npm run payments:import -- FILE.xml';
const consoleOutput: CommandOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };

export async function runPaymentsImportCommand(
  args: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
  output: CommandOutput = consoleOutput,
  clock: Clock = systemClock,
): Promise<number> {
  const [file, ...rest] = args;
  if (!file || rest.length > 0) {
    output.err(USAGE);
    return 1;
  }
  if (!existsSync(file)) {
    output.err(`no such file: ${file}`);
    return 1;
  }
  let database: OpenDatabase | null = null;
  try {
    const opened = await openCommandDatabase(env);
    database = opened.database;
    const operator = opened.operator;
    const started = performance.now();
    const result = await importStatement({ db: database.db, clock, operator }, createReadStream(file), SYSTEM_ACTOR);
    output.out(JSON.stringify({ ...result, seconds: Math.round(performance.now() - started) / 1000 }, null, 2));
    return 0;
  } catch (error) {
    if (error instanceof AppError && error.status < 500) {
      output.err(`refused, nothing changed: ${error.message}`);
      return 1;
    }
    output.err(`the import failed, nothing changed: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  } finally {
    await database?.close().catch(() => {});
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  runPaymentsImportCommand().then((code) => process.exit(code));
}
