/**
 * Bank statement import at scale (issue 13), on PostgreSQL:
 *   --customers (default 100,000) customers, each with one open invoice of the month; a camt.053.001.08 statement of
 *   --entries (default 100,000) credits, 95 % paying an invoice by its RF reference, 5 % with text no customer can be
 *   told from. The import runs as `npm run payments:import` runs it, in a process of its own under /usr/bin/time
 *   (its resident memory is that process's, tsx included): streamed, matched, allocated, in one transaction.
 *   Targets: ≥ 5,000 entries/s; resident memory < 300 MB. The same file imported again (every entry a duplicate)
 *   is measured beside it.
 *
 *   npm run bench -- payments [--customers 100000] [--entries 100000] [--keep-file]
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { creditorReference } from '../common/src/creditor-reference.js';
import { openPostgres } from '../server/src/infra/db.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { sqlTextArray } from '../server/src/infra/sql-arrays.js';
import type { Deps } from '../server/src/deps.js';
import { writeCamt053File } from './lib/camt053-file.js';
import { DEFAULT_DATABASE_URL, freshBenchDatabase, postgresVersion } from './lib/portal.js';
import { runTimedCommand } from './lib/commands.js';
import { fixed, flagOption, machineLoadBeforeRun, numberOption, printTable, section, verdict, type BenchArgs } from './lib/report.js';

const TARGET_ENTRIES_PER_SECOND = 5_000;
const TARGET_RSS_MB = 300;
const GROSS_CENTS = 12_100;

export async function main(args: BenchArgs): Promise<number> {
  const customers = numberOption(args, 'customers', 100_000);
  const entries = numberOption(args, 'entries', 100_000);
  const adminUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  console.log(machineLoadBeforeRun());
  const databaseUrl = await freshBenchDatabase(adminUrl);
  console.log(`PostgreSQL ${await postgresVersion(databaseUrl)}; ${customers.toLocaleString('en')} customers with an open invoice; a statement of ${entries.toLocaleString('en')} credits`);
  const database = openPostgres(databaseUrl, 4);
  const file = path.join(tmpdir(), `bench-camt053-${process.pid}.xml`);
  try {
    await migrateToLatest(database.db);
    section('seeding customers and open invoices, writing the statement (not measured)');
    const started = performance.now();
    const references = await seed(database.db, customers);
    await sql`VACUUM ANALYZE`.execute(database.db);
    const written = await writeCamt053File(file, {
      entries, version: '001.08', bookingDate: '2026-11-16',
      // every 20th credit names nobody; the others pay invoice i mod customers in full
      referenceFor: (i) => (i % 20 === 19 ? `par elektrību ${i}` : references[i % customers]!),
      amountCentsFor: () => GROSS_CENTS,
    });
    console.log(`${fixed((performance.now() - started) / 1000)} s; the file: ${fixed(written.bytes / 1_048_576)} MB`);

    section('the import, as `npm run payments:import` runs it (a process of its own)');
    const first = runCli(databaseUrl, file);
    const again = runCli(databaseUrl, file);
    const rate = first.result.entries / first.result.seconds;
    printTable(['pass', 'entries', 'matched', 'unmatched', 'duplicates', 'import s', 'entries/s', 'process s', 'peak RSS MB'], [
      ['first import', first.result.entries, first.result.matched, first.result.unmatched, first.result.duplicates, fixed(first.result.seconds, 2), Math.round(rate), fixed(first.seconds), fixed(first.maxRssKb / 1024)],
      ['the same file again', again.result.entries, again.result.matched, again.result.unmatched, again.result.duplicates, fixed(again.result.seconds, 2),
        Math.round(again.result.entries / again.result.seconds), fixed(again.seconds), fixed(again.maxRssKb / 1024)],
    ]);
    const peakMb = Math.max(first.maxRssKb, again.maxRssKb) / 1024;
    const expectedMatched = entries - Math.floor((entries + 1) / 20);
    const checks: [boolean, string][] = [
      [first.result.matched === expectedMatched && again.result.duplicates === entries, `${first.result.matched} matched of ${expectedMatched} expected; ${again.result.duplicates} duplicates the second time`],
      [rate >= TARGET_ENTRIES_PER_SECOND, `${Math.round(rate)} entries/s (target ≥ ${TARGET_ENTRIES_PER_SECOND})`],
      [peakMb < TARGET_RSS_MB, `peak RSS ${fixed(peakMb)} MB (target < ${TARGET_RSS_MB})`],
    ];
    console.log('payment notices at 32 concurrent: npm run bench -- payment-notices');
    return verdict('payments', checks.every(([pass]) => pass), checks.map(([, reason]) => reason));
  } finally {
    await database.close();
    if (!flagOption(args, 'keep-file')) rmSync(file, { force: true });
  }
}

/** Customers with one issued, open invoice each (its ledger entry and its supply part), set-based; returns their RF references. */
async function seed(db: Deps['db'], customers: number): Promise<string[]> {
  await sql`INSERT INTO customers (id, kind, name, identity_code, customer_number, email, phone, postal_address, invoice_channel, notice_channel,
      language, created_at, updated_at)
    SELECT 'pc-' || lpad(i::text, 7, '0'), 'person', 'Bench Maksātājs ' || i, lpad(i::text, 11, '0'), 'P' || lpad(i::text, 7, '0'),
      'p' || i || '@bench.example', NULL, NULL, 'email', 'email', 'lv', now(), now()
    FROM generate_series(1, ${customers}) i`.execute(db);
  const references = Array.from({ length: customers }, (_, i) => creditorReference(`2026${String(i + 1).padStart(6, '0')}`));
  for (let from = 0; from < customers; from += 20_000) {
    const slice = references.slice(from, from + 20_000);
    await sql`INSERT INTO invoices (id, customer_id, kind, series, sequence, number, period, period_start, period_end, issue_date, due_date, status,
        language, buyer, delivery_channel, net_cents, vat_cents, gross_cents, prepaid_cents, payable_cents, vat_breakdown, payment_reference, created_at)
      SELECT 'pi-' || lpad(n::text, 7, '0'), 'pc-' || lpad(n::text, 7, '0'), 'invoice', 'DE-2026', n, 'DE-2026-' || lpad(n::text, 6, '0'), '2026-10',
        '2026-10-01', '2026-10-31', '2026-11-05', '2026-11-19', 'issued', 'lv', '{"name":"Bench","kind":"person","customerNumber":"P","registrationNumber":null,"vatNumber":null,"address":null,"email":null}',
        'email', 10000, 2100, ${GROSS_CENTS}, 0, ${GROSS_CENTS}, '[{"vatCategory":"S","vatRatePercent":"21","taxableCents":10000,"vatCents":2100}]', u.reference, now()
      FROM unnest(${sqlTextArray(slice)}::text[]) WITH ORDINALITY AS u(reference, k), LATERAL (SELECT ${from}::integer + k::integer AS n) s`.execute(db);
  }
  await sql`INSERT INTO ledger_entries (id, customer_id, entry_date, kind, amount_cents, invoice_id, reference, open_cents, created_at)
    SELECT 'pl-' || substr(id, 4), customer_id, issue_date, 'invoice', gross_cents, id, number, NULL, now() FROM invoices`.execute(db);
  await sql`INSERT INTO receivables (id, customer_id, ledger_entry_id, invoice_id, category, issued_on, due_date, order_key, amount_cents, open_cents)
    SELECT 'pr-' || substr(id, 4), customer_id, 'pl-' || substr(id, 4), id, 'supply', issue_date, due_date, number, gross_cents, gross_cents FROM invoices`.execute(db);
  return references;
}

interface CliRun {
  seconds: number;
  maxRssKb: number;
  result: { entries: number; matched: number; unmatched: number; duplicates: number; seconds: number };
}

/** The import as `npm run payments:import` runs it: its result, wall time and peak resident memory. */
function runCli(databaseUrl: string, file: string): CliRun {
  const run = runTimedCommand('payments-import', [file], databaseUrl);
  return { seconds: run.seconds, maxRssKb: run.maxRssKb, result: JSON.parse(run.stdout) };
}
