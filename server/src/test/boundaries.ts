import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The module rules of DESIGN.md, checked on the source text (boundaries.test.ts runs it in `npm test`):
 *  - a module imports another module only through that module's index.ts;
 *  - a module's SQL names only the tables it owns (TABLE_OWNERS).
 * Tests are exempt: a test may reach into whatever it checks.
 */

/** Every table and the one module (or infra/) that owns it: its migrations' rows, its repository's SQL. */
export const TABLE_OWNERS: Record<string, string> = {
  users: 'accounts',
  password_history: 'accounts',
  memberships: 'accounts',
  one_time_tokens: 'accounts',
  sessions: 'accounts',
  unknown_address_logins: 'accounts',
  password_reset_requests: 'accounts',
  customers: 'customers',
  contracts: 'customers',
  terms_versions: 'terms',
  terms_acceptances: 'terms',
  maintenance_windows: 'operator',
  error_reports: 'operator',
  orders: 'orders',
  notices: 'notifications',
  notice_reads: 'notifications',
  outbox_emails: 'notifications',
  audit_events: 'audit',
  audit_chain_head: 'audit',
  audit_checkpoints: 'audit',
  metering_objects: 'metering',
  object_holdings: 'metering',
  meters: 'metering',
  micro_generators: 'metering',
  radio_permits: 'metering',
  meter_readings: 'metering',
  metering_imports: 'metering',
  interval_days: 'metering',
  interval_revisions: 'metering',
  spot_prices: 'metering',
  data_tokens: 'metering',
  tariffs: 'billing',
  tariff_versions: 'billing',
  contract_terms: 'billing',
  billing_charges: 'billing',
  invoice_series: 'billing',
  billing_runs: 'billing',
  invoices: 'billing',
  invoice_lines: 'billing',
  ledger_entries: 'billing',
  receivables: 'billing',
  allocations: 'billing',
  invoice_claims: 'billing',
  money_limits: 'billing',
  bank_statements: 'payments',
  payments: 'payments',
  payment_intents: 'payments',
  payment_notices: 'payments',
  payment_reminders: 'payments',
  service_suspensions: 'payments',
  contract_terminations: 'customers',
  contract_withdrawals: 'customers',
  contract_terms_versions: 'customers',
  term_changes: 'terms',
  term_change_contracts: 'terms',
  rate_limit_buckets: 'infra',
  job_runs: 'infra',
};

export interface SourceFile {
  /** path from server/src, with forward slashes, e.g. modules/accounts/login.service.ts */
  path: string;
  text: string;
}

export interface Crossing {
  file: string;
  line: number;
  problem: string;
}

/** The module a file belongs to (modules/<m>/… → <m>, infra/… → infra), or null for the app's own files. */
export function moduleOf(path: string): string | null {
  const inModule = /^modules\/([^/]+)\//.exec(path);
  if (inModule) return inModule[1];
  return path.startsWith('infra/') ? 'infra' : null;
}

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g;
// Kysely calls naming a table, and plain SQL after FROM / JOIN / INTO / UPDATE / TABLE.
const BUILDER_TABLE = /\b(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|mergeInto)\(\s*'([a-z_]+)/g;
const SQL_TABLE = /\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\s+([a-z_]+)\b/g;

function lineOf(text: string, index: number): number {
  return text.slice(0, index).split('\n').length;
}

/** The crossings in these files: imports of another module's internals, and SQL naming another module's table. */
export function findCrossings(files: SourceFile[]): Crossing[] {
  const crossings: Crossing[] = [];
  for (const file of files) {
    if (/\.test\.ts$/.test(file.path)) continue;
    const owner = moduleOf(file.path);
    if (owner && owner !== 'infra') {
      for (const match of file.text.matchAll(IMPORT)) {
        const target = /^\.\.\/([^/.]+)\/(.+)$/.exec(match[1]);
        if (target && target[1] !== owner && target[2] !== 'index.js') {
          crossings.push({ file: file.path, line: lineOf(file.text, match.index), problem: `imports ${match[1]}: use ../${target[1]}/index.js` });
        }
      }
    }
    if (!owner) continue;
    for (const pattern of [BUILDER_TABLE, SQL_TABLE]) {
      for (const match of file.text.matchAll(pattern)) {
        const table = match[1];
        const tableOwner = TABLE_OWNERS[table];
        if (tableOwner && tableOwner !== owner) {
          crossings.push({ file: file.path, line: lineOf(file.text, match.index), problem: `names table ${table} of ${tableOwner}` });
        }
      }
    }
  }
  return crossings;
}

/** Every .ts file under server/src/modules and server/src/infra. */
export function readServerSources(serverSrc: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.ts')) files.push({ path: relative(serverSrc, full).split('\\').join('/'), text: readFileSync(full, 'utf8') });
    }
  };
  walk(join(serverSrc, 'modules'));
  walk(join(serverSrc, 'infra'));
  return files;
}
