/**
 * The monthly billing run at scale (issue 12), on PostgreSQL:
 *  1. --customers (default 100,000) customers with 30 open charge lines each for October 2026; the run for the
 *     month (the same service as the job, the CLI and the staff page) issues their invoices.
 *     Targets: ≥ 3,000 invoices/s; ≥ 40 % of the rate of a plain bulk insert of the same invoice and line rows
 *     (measured in the same run, into empty copies of the two tables, as unnest(…) inserts of 1,000 invoices with
 *     their lines a statement); resident memory of the process under 512 MB. As a reference (not a target), the same
 *     rows loaded with psql's \copy: the most this PostgreSQL server takes of them with their keys, whatever the run does.
 *  2. The invoice PDF (≥ 100 a second) and the e-invoice XML (≥ 1,000 a second) of a 30-line invoice of the run.
 * The run is measured as `npm run billing:run` runs it, in a process of its own (its resident memory is that
 * process's, tsx included), for the month before this one. The charges stand for rated energy, fees and services: the run's rating step reads contracts and metering
 * (nothing to rate here), its invoicing step is what is measured.
 *
 *   npm run bench -- billing [--customers 100000] [--batch 1000]
 *   npm run bench -- billing --pdf-only [--seconds 3]   # only part 2, on a synthetic 30-line invoice (no database)
 * The PDF rate of the target is the portal's: through its PDF worker pool (--pdf-workers, default one per core, as
 * PDF_WORKERS), with twice as many documents in flight as workers; the rate and CPU of one thread rendering one
 * document after another are printed beside it for reference.
 * It works in a database of its own, up_bench_billing (dropped and made anew), so other benchmarks may run beside it.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { rigaDate } from '../common/src/riga-time.js';
import { previousMonth } from '../server/src/modules/billing/billing-period.js';
import { sql } from 'kysely';
import { loadOperatorProfile } from '@up/operators';
import { openPostgres } from '../server/src/infra/db.js';
import { migrateToLatest } from '../server/src/db/migrate.js';
import { sqlTextArray } from '../server/src/infra/sql-arrays.js';
import { invoiceDocumentOf } from '../server/src/modules/billing/invoice-documents.js';
import type { InvoiceDocument } from '../server/src/modules/billing/invoice-document.js';
import { householdInvoice } from '../server/src/modules/billing/invoice-document.sample.js';
import { renderInvoicePdf } from '../server/src/modules/billing/invoice-pdf.js';
import { createInvoicePdfPool } from '../server/src/modules/billing/invoice-pdf-pool.js';
import { renderUbl } from '../server/src/modules/billing/invoice-ubl.js';
import type { Deps } from '../server/src/deps.js';
import { DEFAULT_DATABASE_URL, freshBenchDatabase, postgresVersion } from './lib/portal.js';
import { runPsql, runTimedCommand } from './lib/commands.js';
import { cpuSince, cpuSnapshot } from './lib/cpu.js';
import { fixed, flagOption, machineLoadBeforeRun, numberOption, percent, printTable, section, verdict, type BenchArgs } from './lib/report.js';

const TARGET_INVOICES_PER_SECOND = 3_000;
const TARGET_INSERT_SHARE = 0.4;
const TARGET_RSS_MB = 512;
const TARGET_PDF_PER_SECOND = 100;
const TARGET_XML_PER_SECOND = 1_000;
const LINES = 30;
/** the month before this one: the CLI bills with the system clock */
const PERIOD = previousMonth(rigaDate(new Date()));

export async function main(args: BenchArgs): Promise<number> {
  const pdfWorkers = numberOption(args, 'pdf-workers', availableParallelism());
  if (flagOption(args, 'pdf-only')) return documentsOnly(numberOption(args, 'seconds', 3), pdfWorkers);
  const customers = numberOption(args, 'customers', 100_000);
  const batchSize = numberOption(args, 'batch', 1_000);
  const adminUrl = process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
  console.log(machineLoadBeforeRun());
  const databaseUrl = await freshBenchDatabase(adminUrl, 'up_bench_billing');
  console.log(`PostgreSQL ${await postgresVersion(databaseUrl)}; ${customers.toLocaleString('en')} customers × ${LINES} charges; batches of ${batchSize}`);
  const database = openPostgres(databaseUrl, 4);
  const db = database.db;
  try {
    await migrateToLatest(db);
    section('seeding customers and charges (not measured)');
    const seeded = performance.now();
    await seed(db, customers);
    await sql`VACUUM ANALYZE`.execute(db);
    console.log(`${fixed((performance.now() - seeded) / 1000)} s`);

    section('the billing run, as `npm run billing:run` runs it (a process of its own)');
    const operator = loadOperatorProfile('demo');
    const cli = runCli(databaseUrl, batchSize);
    const run = await db.selectFrom('billing_runs').selectAll().where('period', '=', PERIOD).executeTakeFirstOrThrow();
    const runSeconds = (run.finished_at!.getTime() - run.started_at.getTime()) / 1000;
    const runRate = run.invoices_issued / runSeconds;
    const peakRss = cli.maxRssKb * 1024;
    console.log(`the process: ${fixed(cli.seconds)} s in all (tsx start and migration check included), ${fixed(cli.cpuSeconds)} s of CPU; the run ${fixed(runSeconds, 2)} s from its start to its finish`);

    section('a plain bulk insert of the same invoice and line rows');
    const insertSeconds = await plainInsert(db, batchSize);
    const insertRate = run.invoices_issued / insertSeconds;
    const copySeconds = plainCopy(databaseUrl);
    printTable(['pass', 'invoices', 'lines', 'seconds', 'invoices/s'], [
      ['billing run (rate, number, total, insert, ledger)', run.invoices_issued, run.invoices_issued * LINES, fixed(runSeconds, 2), Math.round(runRate)],
      ['plain bulk insert of the same rows', run.invoices_issued, run.invoices_issued * LINES, fixed(insertSeconds, 2), Math.round(insertRate)],
      ['(reference) psql \\copy of the same rows', run.invoices_issued, run.invoices_issued * LINES, fixed(copySeconds, 2), Math.round(run.invoices_issued / copySeconds)],
    ]);
    console.log('The \\copy is the fastest way PostgreSQL takes these rows with their keys: no run can issue faster on this server.');
    console.log(`peak resident memory of the run's process (tsx included): ${fixed(peakRss / 1_048_576)} MB`);

    section('documents of a 30-line invoice');
    const invoice = await db.selectFrom('invoices').selectAll().orderBy('number').limit(1).executeTakeFirstOrThrow();
    const document = await invoiceDocumentOf({ db, operator } as Deps, invoice);
    const pdf = await pdfRates(document, 3, pdfWorkers);
    const pdfRate = pdf.poolRate;
    await ratePerSecond(0.5, () => renderUbl(document));
    const xmlRate = await ratePerSecond(2, () => renderUbl(document));
    printTable(['document', 'per second'], [...pdf.rows, ['e-invoice XML (UBL 2.1, Peppol BIS 3.0)', Math.round(xmlRate)]]);

    const share = runRate / insertRate;
    const peakMb = peakRss / 1_048_576;
    const checks: [boolean, string][] = [
      [run.invoices_issued === customers, `${run.invoices_issued} invoices of ${customers} customers`],
      [runRate >= TARGET_INVOICES_PER_SECOND, `${Math.round(runRate)} invoices/s (target ≥ ${TARGET_INVOICES_PER_SECOND})`],
      [share >= TARGET_INSERT_SHARE, `${percent(share)} of the plain insert (target ≥ 40 %)`],
      [peakMb < TARGET_RSS_MB, `peak RSS ${fixed(peakMb)} MB (target < ${TARGET_RSS_MB})`],
      [pdfRate >= TARGET_PDF_PER_SECOND, `${Math.round(pdfRate)} PDFs/s on ${pdfWorkers} PDF worker${pdfWorkers === 1 ? '' : 's'} (target ≥ ${TARGET_PDF_PER_SECOND}; one thread: ${Math.round(pdf.threadRate)}/s)`],
      [xmlRate >= TARGET_XML_PER_SECOND, `${Math.round(xmlRate)} XML/s (target ≥ ${TARGET_XML_PER_SECOND})`],
    ];
    return verdict('billing', checks.every(([pass]) => pass), checks.map(([, reason]) => reason));
  } finally {
    await database.close();
  }
}

/**
 * Part 2 alone, in seconds: the PDF and XML of a synthetic invoice shaped like the run's (a household, 30 service
 * lines of the month, each with its period, in Latvian), so a change to the renderers is measured without seeding.
 */
async function documentsOnly(seconds: number, pdfWorkers: number): Promise<number> {
  console.log(machineLoadBeforeRun());
  const document = syntheticInvoice();
  section(`documents of a synthetic ${LINES}-line invoice, ${seconds} s each after a warm-up`);
  const pdf = await pdfRates(document, seconds, pdfWorkers);
  await ratePerSecond(0.5, () => renderUbl(document));
  const xmlRate = await ratePerSecond(Math.min(seconds, 2), () => renderUbl(document));
  const bytes = (await renderInvoicePdf(document)).length;
  printTable(['document', 'per second'], [...pdf.rows, ['e-invoice XML (UBL 2.1, Peppol BIS 3.0)', Math.round(xmlRate)]]);
  console.log(`PDF size ${(bytes / 1024).toFixed(1)} KB`);
  const checks: [boolean, string][] = [
    [pdf.poolRate >= TARGET_PDF_PER_SECOND, `${Math.round(pdf.poolRate)} PDFs/s on ${pdfWorkers} PDF worker${pdfWorkers === 1 ? '' : 's'} (target ≥ ${TARGET_PDF_PER_SECOND}; one thread: ${Math.round(pdf.threadRate)}/s)`],
    [xmlRate >= TARGET_XML_PER_SECOND, `${Math.round(xmlRate)} XML/s (target ≥ ${TARGET_XML_PER_SECOND})`],
  ];
  return verdict('billing --pdf-only', checks.every(([pass]) => pass), checks.map(([, reason]) => reason));
}

/**
 * The invoice PDF rendered two ways, each for `seconds` after a second of warm-up (compiled code, parsed fonts, the
 * workers started): one after another in this thread (the reference: the renderer's own speed), and through the
 * portal's PDF pool with workers × 2 documents in flight (closed loop: each finished PDF starts the next), as the
 * download routes and the delivery job render them. CPU per PDF is this process's (all threads) and its main thread's
 * (on the pool: what the portal's event loop still spends on a PDF: posting the document, taking the bytes).
 */
async function pdfRates(document: InvoiceDocument, seconds: number, workers: number) {
  await ratePerSecond(1, () => renderInvoicePdf(document));
  let cpu = await cpuSnapshot(null);
  let pdfs = 0;
  const threadRate = await ratePerSecond(seconds, () => (pdfs++, renderInvoicePdf(document)));
  const thread = await cpuSince(cpu);
  const threadPdfs = pdfs;

  const pool = createInvoicePdfPool({ workers });
  const inFlight = Math.max(1, workers * 2);
  try {
    await Promise.all(Array.from({ length: inFlight }, () => pool.render(document))); // the workers started
    await closedLoopRate(1, inFlight, () => pool.render(document));
    cpu = await cpuSnapshot(null);
    pdfs = 0;
    const poolRate = await closedLoopRate(seconds, inFlight, () => (pdfs++, pool.render(document)));
    const pooled = await cpuSince(cpu);
    const perPdf = (micros: number | null, count: number) => (micros === null ? '?' : `${fixed(micros / 1000 / count)} ms`);
    console.log(`CPU a PDF, one thread: ${perPdf(thread.nodeMicros, threadPdfs)}; through the pool: ${perPdf(pooled.nodeMicros, pdfs)} `
      + `(all threads), of which the main thread ${perPdf(pooled.mainThreadMicros, pdfs)}`);
    const rows: (string | number)[][] = [
      ['invoice PDF, one thread (reference)', Math.round(threadRate)],
      [`invoice PDF, pool of ${workers} worker${workers === 1 ? '' : 's'}, ${inFlight} in flight`, Math.round(poolRate)],
    ];
    return { threadRate, poolRate, rows };
  } finally {
    await pool.close();
  }
}

/** Documents a second with `inFlight` of them always under way (each one finished starts the next). */
async function closedLoopRate(seconds: number, inFlight: number, render: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  let count = 0;
  const loop = async () => {
    while (performance.now() - started < seconds * 1000) {
      await render();
      count++;
    }
  };
  await Promise.all(Array.from({ length: inFlight }, loop));
  return count / ((performance.now() - started) / 1000);
}

function syntheticInvoice(): InvoiceDocument {
  const [periodStart, periodEnd] = ['2026-10-01', '2026-10-31'];
  const lines = Array.from({ length: LINES }, (_, index) => ({
    lineNumber: index + 1, description: `Pakalpojums ${index + 1}`, quantity: '1', unitCode: 'C62' as const, unitPrice: '1.230000',
    netCents: 100 + ((index + 1) * 37) % 900, vatCategory: 'S' as const, vatRatePercent: '21', periodStart, periodEnd,
  }));
  const netCents = lines.reduce((sum, line) => sum + line.netCents, 0);
  const vatCents = Math.round(netCents * 0.21);
  return {
    ...householdInvoice, periodStart, periodEnd, lines,
    vatBreakdown: [{ vatCategory: 'S', vatRatePercent: '21', taxableCents: netCents, vatCents }],
    totals: { netCents, vatCents, grossCents: netCents + vatCents, prepaidCents: 0, payableCents: netCents + vatCents },
  };
}

/** Customers with 30 open charges each for the period, set-based in SQL. */
async function seed(db: Deps['db'], customers: number) {
  await sql`INSERT INTO customers (id, kind, name, identity_code, customer_number, email, phone, postal_address, invoice_channel, notice_channel,
      language, created_at, updated_at)
    SELECT 'bc-' || lpad(i::text, 7, '0'), 'person', 'Bench Klients ' || i, lpad(i::text, 11, '0'), 'B' || lpad(i::text, 7, '0'),
      'b' || i || '@bench.example', NULL, 'Bench iela ' || i || ', Rīga, LV-1010', 'email', 'email', 'lv', now(), now()
    FROM generate_series(1, ${customers}) i`.execute(db);
  await sql`INSERT INTO billing_charges (id, customer_id, contract_id, period, source, source_key, description, quantity, unit_code, unit_price,
      net_cents, vat_category, vat_percent, period_start, period_end, explanation, invoice_id, created_by, created_at)
    SELECT gen_random_uuid()::text, 'bc-' || lpad(i::text, 7, '0'), NULL, ${PERIOD}, 'service', 'bench:' || lpad(k::text, 2, '0'),
      jsonb_build_object('lv', 'Pakalpojums ' || k, 'en', 'Service ' || k, 'ru', 'Услуга ' || k), '1', 'C62', '1.230000',
      100 + (i * k) % 900, 'S', '21', ${`${PERIOD}-01`}::date, (${`${PERIOD}-01`}::date + interval '1 month' - interval '1 day')::date, NULL, NULL, NULL, now()
    FROM generate_series(1, ${customers}) i CROSS JOIN generate_series(1, ${LINES}) k`.execute(db);
}

/**
 * The baseline: the run's own invoice and line rows, read back batch by batch (not timed) and inserted (timed)
 * into empty copies of the two tables with their keys, checks and indexes, one unnest(…) INSERT per table and batch.
 */
async function plainInsert(db: Deps['db'], batchSize: number): Promise<number> {
  await sql`CREATE TABLE bench_invoices (LIKE invoices INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`.execute(db);
  await sql`CREATE TABLE bench_invoice_lines (LIKE invoice_lines INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES)`.execute(db);
  // the same foreign keys as the real tables (LIKE copies keys, checks and indexes, not references)
  await sql`ALTER TABLE bench_invoices ADD FOREIGN KEY (customer_id) REFERENCES customers (id)`.execute(db);
  await sql`ALTER TABLE bench_invoice_lines ADD FOREIGN KEY (invoice_id) REFERENCES bench_invoices (id)`.execute(db);
  let seconds = 0;
  let after = '';
  for (;;) {
    const invoices = (await sql<Record<string, string | null>>`SELECT id, customer_id, series, sequence::text, number, period, period_start::text,
        period_end::text, issue_date::text, due_date::text, language, buyer::text, delivery_channel, delivery_address, net_cents::text, vat_cents::text,
        gross_cents::text, prepaid_cents::text, payable_cents::text, vat_breakdown::text, payment_reference
      FROM invoices WHERE number > ${after} ORDER BY number LIMIT ${batchSize}`.execute(db)).rows;
    if (invoices.length === 0) return seconds;
    after = invoices.at(-1)!.number!;
    const lines = (await sql<Record<string, string | null>>`SELECT l.invoice_id, l.line_number::text, l.customer_id, l.charge_id, l.source,
        l.description::text, l.quantity, l.unit_code, l.unit_price, l.net_cents::text, l.vat_category, l.vat_percent, l.period_start::text, l.period_end::text
      FROM invoice_lines l WHERE l.invoice_id IN (SELECT id FROM invoices WHERE number >= ${invoices[0].number!} AND number <= ${after})`.execute(db)).rows;
    const column = (rows: Record<string, string | null>[], name: string) => sqlTextArray(rows.map((row) => row[name]));
    const started = performance.now();
    await sql`INSERT INTO bench_invoices (id, customer_id, kind, series, sequence, number, period, period_start, period_end, issue_date, due_date, status,
        language, buyer, delivery_channel, delivery_address, net_cents, vat_cents, gross_cents, prepaid_cents, payable_cents, vat_breakdown,
        payment_reference, created_at)
      SELECT u.id, u.customer_id, 'invoice', u.series, u.sequence::bigint, u.number, u.period, u.ps::date, u.pe::date, u.issue::date, u.due::date,
        'issued', u.language, u.buyer::jsonb, u.channel, u.address, u.net::bigint, u.vat::bigint, u.gross::bigint, u.prepaid::bigint, u.payable::bigint,
        u.breakdown::jsonb, u.reference, now()
      FROM unnest(${column(invoices, 'id')}::text[], ${column(invoices, 'customer_id')}::text[], ${column(invoices, 'series')}::text[],
        ${column(invoices, 'sequence')}::text[], ${column(invoices, 'number')}::text[], ${column(invoices, 'period')}::text[],
        ${column(invoices, 'period_start')}::text[], ${column(invoices, 'period_end')}::text[], ${column(invoices, 'issue_date')}::text[],
        ${column(invoices, 'due_date')}::text[], ${column(invoices, 'language')}::text[], ${column(invoices, 'buyer')}::text[],
        ${column(invoices, 'delivery_channel')}::text[], ${column(invoices, 'delivery_address')}::text[], ${column(invoices, 'net_cents')}::text[],
        ${column(invoices, 'vat_cents')}::text[], ${column(invoices, 'gross_cents')}::text[], ${column(invoices, 'prepaid_cents')}::text[],
        ${column(invoices, 'payable_cents')}::text[], ${column(invoices, 'vat_breakdown')}::text[], ${column(invoices, 'payment_reference')}::text[])
        AS u(id, customer_id, series, sequence, number, period, ps, pe, issue, due, language, buyer, channel, address, net, vat, gross, prepaid, payable,
          breakdown, reference)`.execute(db);
    await sql`INSERT INTO bench_invoice_lines (invoice_id, line_number, customer_id, charge_id, source, description, quantity, unit_code, unit_price,
        net_cents, vat_category, vat_percent, period_start, period_end)
      SELECT u.invoice_id, u.line_number::integer, u.customer_id, u.charge_id, u.source, u.description::jsonb, u.quantity, u.unit_code, u.unit_price,
        u.net::bigint, u.vat_category, u.vat_percent, u.ps::date, u.pe::date
      FROM unnest(${column(lines, 'invoice_id')}::text[], ${column(lines, 'line_number')}::text[], ${column(lines, 'customer_id')}::text[],
        ${column(lines, 'charge_id')}::text[], ${column(lines, 'source')}::text[], ${column(lines, 'description')}::text[], ${column(lines, 'quantity')}::text[],
        ${column(lines, 'unit_code')}::text[], ${column(lines, 'unit_price')}::text[], ${column(lines, 'net_cents')}::text[],
        ${column(lines, 'vat_category')}::text[], ${column(lines, 'vat_percent')}::text[], ${column(lines, 'period_start')}::text[],
        ${column(lines, 'period_end')}::text[])
        AS u(invoice_id, line_number, customer_id, charge_id, source, description, quantity, unit_code, unit_price, net, vat_category, vat_percent, ps, pe)`
      .execute(db);
    seconds += (performance.now() - started) / 1000;
  }
}

/**
 * A reference, not a target: the run's invoice and line rows written to files (not timed) and loaded with psql's
 * \copy (timed) into empty copies of the two tables with the same keys, checks, indexes and foreign keys: the
 * server's own ceiling for taking these rows, with no statement to parse and no SQL per row.
 */
function plainCopy(databaseUrl: string): number {
  const psql = (command: string) => runPsql(databaseUrl, command);
  const folder = mkdtempSync(join(tmpdir(), 'up-bench-billing-'));
  const [invoiceFile, lineFile] = [join(folder, 'invoices.copy'), join(folder, 'lines.copy')];
  try {
    psql(`\\copy (SELECT * FROM invoices) TO '${invoiceFile}'`);
    psql(`\\copy (SELECT * FROM invoice_lines) TO '${lineFile}'`);
    psql(`DROP TABLE IF EXISTS copy_invoice_lines, copy_invoices;
      CREATE TABLE copy_invoices (LIKE invoices INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
      CREATE TABLE copy_invoice_lines (LIKE invoice_lines INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
      ALTER TABLE copy_invoices ADD FOREIGN KEY (customer_id) REFERENCES customers (id);
      ALTER TABLE copy_invoice_lines ADD FOREIGN KEY (invoice_id) REFERENCES copy_invoices (id);`);
    const started = performance.now();
    psql(`\\copy copy_invoices FROM '${invoiceFile}'`);
    psql(`\\copy copy_invoice_lines FROM '${lineFile}'`);
    return (performance.now() - started) / 1000;
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** The run as `npm run billing:run` runs it: wall time, CPU time and peak resident memory of its process. */
function runCli(databaseUrl: string, batchSize: number): { seconds: number; cpuSeconds: number; maxRssKb: number } {
  return runTimedCommand('billing-run', ['--period', PERIOD, '--batch-size', String(batchSize)], databaseUrl);
}

async function ratePerSecond(seconds: number, render: () => unknown): Promise<number> {
  const started = performance.now();
  let count = 0;
  while (performance.now() - started < seconds * 1000) {
    await render();
    count++;
  }
  return count / ((performance.now() - started) / 1000);
}
