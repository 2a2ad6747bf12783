/**
 * BIL-1: runs the monthly billing of a finished month from the command line:
 *   npm run billing:run -- --period YYYY-MM [--batch-size 500]
 * Opens and migrates the database the way the server does (DATABASE_URL, or the embedded PGlite in DATA_DIR,
 * default ./data/<OPERATOR>) and runs the same service as the monthly job and the staff page (audited as the
 * system). The run is idempotent and resumable: started again after a crash, or while another process runs it,
 * it ends with the invoices of one uninterrupted run. Prints the run's result as JSON:
 *   exit code 0: the run is done; 1: refused (a month not over, a malformed period): nothing changed;
 *   2: it failed part-way (start it again to resume) or could not start.
 * The e-mails go out from the portal's job worker. Stop the portal first when it uses the embedded PGlite.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { OpenDatabase } from '../infra/db.js';
import { openCommandDatabase } from './command-database.js';
import { systemClock, type Clock } from '../infra/clock.js';
import { AppError } from '../infra/errors.js';
import { SYSTEM_ACTOR } from '../modules/audit/index.js';
import { runBilling } from '../modules/billing/index.js';
import type { CommandOutput } from './metering-import.js';

export const EXIT_DONE = 0;
export const EXIT_REFUSED = 1;
export const EXIT_FAILED = 2;

const USAGE = 'usage: npm run billing:run -- --period YYYY-MM [--batch-size 500]';
const consoleOutput: CommandOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };

function parseArguments(args: readonly string[]): { period: string; batchSize: number | undefined } | string {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const [name, inline] = args[i].split('=', 2);
    if (name !== '--period' && name !== '--batch-size') return `unknown argument ${args[i]}`;
    const value = inline ?? args[++i];
    if (value === undefined) return `${name} needs a value`;
    options.set(name, value);
  }
  const period = options.get('--period');
  if (!period) return 'which month? --period YYYY-MM';
  const batchSize = options.has('--batch-size') ? Number(options.get('--batch-size')) : undefined;
  if (batchSize !== undefined && (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)) {
    return `--batch-size must be a whole number 1 … 10000, not ${options.get('--batch-size')}`;
  }
  return { period, batchSize };
}

export async function runBillingCommand(
  args: readonly string[] = process.argv.slice(2),
  env: NodeJS.ProcessEnv = process.env,
  output: CommandOutput = consoleOutput,
  clock: Clock = systemClock,
): Promise<number> {
  const parsed = parseArguments(args);
  if (typeof parsed === 'string') {
    output.err(`${parsed}\n${USAGE}`);
    return EXIT_REFUSED;
  }
  let database: OpenDatabase | null = null;
  try {
    const opened = await openCommandDatabase(env);
    database = opened.database;
    const operator = opened.operator;
    const run = await runBilling({ db: database.db, clock, operator }, { period: parsed.period, actor: SYSTEM_ACTOR, batchSize: parsed.batchSize });
    output.out(JSON.stringify({
      period: run.period, status: run.status, issueDate: run.issue_date, invoicesIssued: run.invoices_issued,
      grossCents: run.gross_cents, payableCents: run.payable_cents, attempts: run.attempts,
    }, null, 2));
    return EXIT_DONE;
  } catch (error) {
    if (error instanceof AppError && error.status < 500) {
      output.err(`refused, nothing changed: ${error.message}`);
      return EXIT_REFUSED;
    }
    output.err(`the run failed (start it again to resume): ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_FAILED;
  } finally {
    await database?.close().catch(() => {});
  }
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  runBillingCommand().then((code) => process.exit(code));
}
