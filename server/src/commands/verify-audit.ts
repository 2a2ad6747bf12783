/**
 * ACC-17: checks that the audit log has not been altered: `npm run audit:verify`.
 *
 * Opens the database the way the server does (DATABASE_URL, or the embedded PGlite in DATA_DIR, default
 * ./data/<OPERATOR>), walks the hash chain, then checks the signed checkpoints of the chain head against
 * AUDIT_SIGNING_KEY (audit-checkpoints.ts), and prints one of
 *   audit chain intact: N events; K signed checkpoints match (newest: event S, signed T)   (exit code 0)
 *   audit chain broken at event <seq>: <reason> (…)                                        (exit code 1)
 *   audit chain rewritten: <which checkpoint no longer matches, and why>                   (exit code 1)
 * Any other problem (no database, cannot connect, not migrated) prints the reason and exits 2.
 * It only reads. Stop the portal first when it uses the embedded PGlite: that database is single-process.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../config.js';
import { openPglite, openPostgres, type OpenDatabase } from '../infra/db.js';
import { verifyAuditChain } from '../modules/audit/audit.service.js';
import { verifyAuditCheckpoints, type CheckpointVerdict } from '../modules/audit/audit-checkpoints.js';

export const EXIT_INTACT = 0;
export const EXIT_ALTERED = 1;
export const EXIT_ERROR = 2;

export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

const consoleOutput: CommandOutput = { out: (line) => console.log(line), err: (line) => console.error(line) };

/** Runs the check with the given environment and returns the exit code. */
export async function runVerifyAudit(env: NodeJS.ProcessEnv = process.env, output: CommandOutput = consoleOutput): Promise<number> {
  let database: OpenDatabase | null = null;
  try {
    const config = loadConfig(env);
    if (config.databaseUrl) {
      database = openPostgres(config.databaseUrl, 1);
    } else {
      // Never create an empty database here: a wrong DATA_DIR must not pass as "0 events, intact".
      if (!existsSync(config.dataDir)) {
        output.err(`no database at ${resolve(config.dataDir)} (set DATA_DIR or DATABASE_URL)`);
        return EXIT_ERROR;
      }
      database = await openPglite({ dataDir: config.dataDir });
    }
    const verdict = await verifyAuditChain(database.db);
    if (!verdict.ok) {
      output.out(`audit chain broken at event ${verdict.firstBadSeq}: ${verdict.reason} (${verdict.events} events before it are intact)`);
      return EXIT_ALTERED;
    }
    const checkpoints = await verifyAuditCheckpoints(database.db, config.auditSigningKey);
    if (!checkpoints.ok) {
      output.out(`audit chain rewritten: ${checkpoints.reason} (${checkpoints.checkpoints} checkpoints before it match)`);
      return EXIT_ALTERED;
    }
    output.out(`audit chain intact: ${verdict.events} events; ${describeCheckpoints(checkpoints)}`);
    return EXIT_INTACT;
  } catch (error) {
    output.err(`audit check failed: ${error instanceof Error ? error.message : String(error)}`);
    return EXIT_ERROR;
  } finally {
    await database?.close().catch(() => {});
  }
}

function describeCheckpoints(verdict: CheckpointVerdict & { ok: true }): string {
  if (!verdict.newest) return 'no signed checkpoints yet (the job signs the chain head every 5 minutes while events are added)';
  return `${verdict.checkpoints} signed checkpoints match (newest: event ${verdict.newest.seq}, signed ${verdict.newest.signedAt.toISOString()})`;
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (invokedDirectly) {
  runVerifyAudit().then((code) => process.exit(code));
}
