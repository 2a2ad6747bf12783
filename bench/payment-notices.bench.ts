/**
 * Online payment notices (issue 13, BIL-15), on PostgreSQL: "a payment notice is answered at p99 under 50 ms with
 * 32 concurrent notices". The real app (bench/lib/portal.ts: fresh database, demo data, pool of 10 as in main.ts)
 * with the demo payment provider; --notices (default 5,000) customers each with an open invoice of 121.00 € and an
 * online payment started for it. Every notice is a distinct, validly signed `paid` notice for its own payment
 * (signature checked and the notice stored in the inbox, answered; then the process's applier, in batches: intents
 * locked, payments rows, allocation to the invoices in BIL-5 order, the intents paid, the notices marked applied);
 * --repeats (default 10 %) of them are sent again later in the run, as a provider retrying would (200, nothing
 * changes). A child process keeps --concurrency (default 32) notices in flight with node:http over keep-alive
 * connections and times each answer; the first --warmup (default 500) notices are not measured.
 * Once all are answered it waits (up to --drain-seconds, default 60) until the inbox is empty, and prints how long
 * the notices waited from receipt to applied (the lag; the last one's and the worst).
 * Checks: every answer 200; every payment paid once (payments rows = distinct notices); p99 < 50 ms.
 *
 *   npm run bench -- payment-notices [--notices 5000] [--repeats 0.1] [--concurrency 32] [--warmup 500] [--drain-seconds 60]
 */
import { performance } from 'node:perf_hooks';
import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { creditorReference } from '../common/src/creditor-reference.js';
import { sqlTextArray } from '../server/src/infra/sql-arrays.js';
import type { Deps } from '../server/src/deps.js';
import { demoNotice, demoPaymentProvider, SIGNATURE_HEADER, signDemoNotice } from '../server/src/modules/payments/demo-payment-provider.js';
import { wakeNoticeApplier } from '../server/src/modules/payments/payment-notice-inbox.js';
import { httpRequest, postgresVersion, startPortal } from './lib/portal.js';
import { QueryCounter } from './lib/query-counter.js';
import { fixed, machineLoadBeforeRun, numberOption, printTable, section, verdict, type BenchArgs } from './lib/report.js';

const TARGET_P99_MS = 50;
const GROSS_CENTS = 12_100;

interface Notice { body: string; repeat: boolean }

export async function main(args: BenchArgs): Promise<number> {
  const count = numberOption(args, 'notices', 5_000);
  const repeatShare = numberOption(args, 'repeats', 0.1);
  const concurrency = numberOption(args, 'concurrency', 32);
  const warmup = Math.min(numberOption(args, 'warmup', 500), Math.floor(count / 2));
  const drainSeconds = numberOption(args, 'drain-seconds', 60);
  console.log(machineLoadBeforeRun());
  const portal = await startPortal({ database: 'up_bench_notices' });
  try {
    const secret = portal.deps.config.paymentNoticeSecret;
    portal.deps.paymentProvider = demoPaymentProvider({ baseUrl: 'http://127.0.0.1:1', secret });
    console.log(`PostgreSQL ${await postgresVersion(portal.databaseUrl)}; ${count.toLocaleString('en')} customers, each with an open invoice and an online payment started`);

    section('seeding customers, open invoices and started online payments; signing the notices (not measured)');
    const seeded = performance.now();
    // one more payment than notices sent: its notice is sent alone at the end, counting its statements
    const [spare, ...intents] = await seed(portal.deps.db, count + 1);
    await sql`VACUUM ANALYZE`.execute(portal.deps.db);
    const paidAt = new Date();
    const bodies = intents.map((intent) => ({ body: demoNotice(secret, { providerPaymentId: intent.providerPaymentId, intentId: intent.id, amountCents: GROSS_CENTS }, 'paid', paidAt, `notice-${intent.id}`).body, repeat: false }));
    const notices = withRepeats(bodies, repeatShare, warmup);
    // the load generator signs each notice as it sends it (a provider signs every attempt anew; a signature is fresh for 5 minutes),
    // first checking that it signs as the demo provider does
    const probeAt = Math.floor(Date.now() / 1000);
    const probe = { body: bodies[0]!.body, at: probeAt, signature: signDemoNotice(secret, bodies[0]!.body, probeAt) };
    console.log(`${fixed((performance.now() - seeded) / 1000)} s; ${notices.length.toLocaleString('en')} notices, of them ${(notices.length - count).toLocaleString('en')} repeats`);

    section(`sending: ${concurrency} notices in flight (a child process, node:http over keep-alive), the first ${warmup} not measured`);
    const url = `${portal.baseUrl}/api/payments/notices/demo`;
    const started = performance.now();
    const answers = await sendAll(url, notices, concurrency, secret, probe);
    const seconds = (performance.now() - started) / 1000;

    const measured = answers.slice(warmup);
    const fresh = measured.filter((answer) => !notices[answer.index]!.repeat).map((answer) => answer.ms).sort((a, b) => a - b);
    const repeats = measured.filter((answer) => notices[answer.index]!.repeat).map((answer) => answer.ms).sort((a, b) => a - b);
    const all = measured.map((answer) => answer.ms).sort((a, b) => a - b);
    const statuses = new Map<number, number>();
    for (const answer of answers) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    printTable(['notices', 'count', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms'], [
      ['new (a payment each)', fresh.length, fixed(quantile(fresh, 0.5), 2), fixed(quantile(fresh, 0.95), 2), fixed(quantile(fresh, 0.99), 2), fixed(fresh.at(-1) ?? 0, 2)],
      ['repeats (nothing changes)', repeats.length, fixed(quantile(repeats, 0.5), 2), fixed(quantile(repeats, 0.95), 2), fixed(quantile(repeats, 0.99), 2), fixed(repeats.at(-1) ?? 0, 2)],
      ['all measured', all.length, fixed(quantile(all, 0.5), 2), fixed(quantile(all, 0.95), 2), fixed(quantile(all, 0.99), 2), fixed(all.at(-1) ?? 0, 2)],
    ]);
    console.log(`${notices.length.toLocaleString('en')} notices in ${fixed(seconds, 2)} s: ${Math.round(notices.length / seconds)} notices/s; answers: ${[...statuses].map(([status, n]) => `${n} × ${status}`).join(', ')}`);

    section(`the inbox drained: waiting up to ${drainSeconds} s until every notice is applied`);
    const drained = await waitUntilDrained(portal.deps.db, drainSeconds);
    const lag = await lagOfNotices(portal.deps.db);
    console.log(`${drained.pending} pending ${fixed(drained.ms, 0)} ms after the last answer; from receipt to applied: the last notice ${fixed(lag.lastMs, 1)} ms, `
      + `p50 ${fixed(lag.p50Ms, 1)} ms, p99 ${fixed(lag.p99Ms, 1)} ms, worst ${fixed(lag.maxMs, 1)} ms; ${lag.transactions} applier transactions (${fixed(lag.notices / Math.max(1, lag.transactions), 1)} notices each)`);

    // the statements one new notice sends (BEGIN and COMMIT aside), on an otherwise idle portal
    const counter = new QueryCounter();
    const plainDb = portal.deps.db;
    portal.deps.db = plainDb.withPlugin(counter);
    const spareBody = demoNotice(secret, { providerPaymentId: spare!.providerPaymentId, intentId: spare!.id, amountCents: GROSS_CENTS }, 'paid', paidAt, `notice-${spare!.id}`);
    const alone = performance.now();
    const answer = await httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/json', [SIGNATURE_HEADER]: spareBody.signature }, body: spareBody.body });
    const aloneMs = performance.now() - alone;
    const answerStatements = counter.queries.splice(0);
    await wakeNoticeApplier(portal.deps); // the applier the route woke (or, if it has not started yet, this one): its statements too
    portal.deps.db = plainDb;
    if (answer.status !== 200) throw new Error(`the counted notice answered ${answer.status}: ${answer.body}`);
    console.log(`one notice alone: answered in ${fixed(aloneMs, 1)} ms, ${answerStatements.length} statement(s): ${answerStatements.join(', ')}; `
      + `then applied in ${counter.queries.length} statements: ${counter.queries.join(', ')}`);

    const { rows } = await sql<{ payments: string; paid: string }>`SELECT
        (SELECT count(*) FROM payments WHERE source = 'online')::text AS payments,
        (SELECT count(*) FROM payment_intents WHERE status = 'paid' AND id LIKE 'bi-%')::text AS paid`.execute(portal.deps.db);
    const p99 = quantile(all, 0.99);
    const checks: [boolean, string][] = [
      [statuses.get(200) === notices.length, `${statuses.get(200) ?? 0} of ${notices.length} answered 200`],
      [Number(rows[0]!.payments) === count + 1 && Number(rows[0]!.paid) === count + 1, `${rows[0]!.payments} online payments and ${rows[0]!.paid} payments paid for ${count + 1} distinct notices`],
      [drained.pending === 0, `the inbox drained ${fixed(drained.ms, 0)} ms after the last answer (${drained.pending} pending; at most ${drainSeconds} s)`],
      [p99 < TARGET_P99_MS, `p99 ${fixed(p99, 2)} ms at ${concurrency} in flight (target < ${TARGET_P99_MS} ms)`],
    ];
    return verdict('payment-notices', checks.every(([pass]) => pass), checks.map(([, reason]) => reason));
  } finally {
    await portal.close();
  }
}

/**
 * The notices in the order they are sent: the first `warmup` all new; after that, each repeat comes at a random
 * later place than its first sending (a provider retrying because its first answer did not reach it).
 */
function withRepeats(signed: Notice[], share: number, warmup: number): Notice[] {
  const order: Notice[] = [...signed];
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const repeats = Math.round(signed.length * share);
  for (let n = 0; n < repeats; n++) {
    const original = warmup + Math.floor(random() * (signed.length - warmup));
    const at = original + 1 + Math.floor(random() * (order.length - original));
    order.splice(at, 0, { ...signed[original]!, repeat: true });
  }
  return order;
}

/** Polls the inbox every 20 ms until no notice is pending, or the time is up. */
async function waitUntilDrained(db: Deps['db'], seconds: number): Promise<{ pending: number; ms: number }> {
  const started = performance.now();
  for (;;) {
    const { pending } = await db.selectFrom('payment_notices').select((eb) => eb.fn.countAll<string>().as('pending')).where('applied_at', 'is', null).executeTakeFirstOrThrow();
    const ms = performance.now() - started;
    if (Number(pending) === 0 || ms > seconds * 1000) return { pending: Number(pending), ms };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** How long the notices waited from receipt to applied, and in how many applier transactions (xmin) they were applied. */
async function lagOfNotices(db: Deps['db']) {
  const { rows: [lag] } = await sql<{ last: number; p50: number; p99: number; max: number; transactions: number; notices: number }>`
    WITH l AS (SELECT seq, xmin::text AS tx, extract(epoch FROM applied_at - received_at) * 1000 AS ms FROM payment_notices WHERE applied_at IS NOT NULL)
    SELECT (SELECT ms FROM l ORDER BY seq DESC LIMIT 1)::float8 AS last,
      percentile_disc(0.5) WITHIN GROUP (ORDER BY ms)::float8 AS p50, percentile_disc(0.99) WITHIN GROUP (ORDER BY ms)::float8 AS p99,
      max(ms)::float8 AS max, count(DISTINCT tx)::int AS transactions, count(*)::int AS notices FROM l`.execute(db);
  return { lastMs: lag!.last, p50Ms: lag!.p50, p99Ms: lag!.p99, maxMs: lag!.max, transactions: lag!.transactions, notices: lag!.notices };
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

/** Customers with one issued, open invoice each and an online payment started for it (provider 'demo'), set-based. */
async function seed(db: Deps['db'], count: number): Promise<{ id: string; providerPaymentId: string }[]> {
  await sql`INSERT INTO customers (id, kind, name, identity_code, customer_number, email, phone, postal_address, invoice_channel, notice_channel,
      language, created_at, updated_at)
    SELECT 'bc-' || lpad(i::text, 7, '0'), 'person', 'Bench Maksātājs ' || i, lpad((90000000000 + i)::text, 11, '0'), 'B' || lpad(i::text, 7, '0'),
      'b' || i || '@bench.example', NULL, NULL, 'email', 'email', 'lv', now(), now()
    FROM generate_series(1, ${count}) i`.execute(db);
  const references = Array.from({ length: count }, (_, i) => creditorReference(`2099${String(i + 1).padStart(6, '0')}`));
  await sql`INSERT INTO invoices (id, customer_id, kind, series, sequence, number, period, period_start, period_end, issue_date, due_date, status,
      language, buyer, delivery_channel, net_cents, vat_cents, gross_cents, prepaid_cents, payable_cents, vat_breakdown, payment_reference, created_at)
    SELECT 'bi-' || lpad(n::text, 7, '0'), 'bc-' || lpad(n::text, 7, '0'), 'invoice', 'BN-2099', n, 'BN-2099-' || lpad(n::text, 6, '0'), '2026-10',
      '2026-10-01', '2026-10-31', '2026-11-05', '2026-11-19', 'issued', 'lv', '{"name":"Bench","kind":"person","customerNumber":"B","registrationNumber":null,"vatNumber":null,"address":null,"email":null}',
      'email', 10000, 2100, ${GROSS_CENTS}, 0, ${GROSS_CENTS}, '[{"vatCategory":"S","vatRatePercent":"21","taxableCents":10000,"vatCents":2100}]', u.reference, now()
    FROM unnest(${sqlTextArray(references)}::text[]) WITH ORDINALITY AS u(reference, n)`.execute(db);
  await sql`INSERT INTO ledger_entries (id, customer_id, entry_date, kind, amount_cents, invoice_id, reference, open_cents, created_at)
    SELECT 'bl-' || substr(id, 4), customer_id, issue_date, 'invoice', gross_cents, id, number, NULL, now() FROM invoices WHERE id LIKE 'bi-%'`.execute(db);
  await sql`INSERT INTO receivables (id, customer_id, ledger_entry_id, invoice_id, category, issued_on, due_date, order_key, amount_cents, open_cents)
    SELECT 'br-' || substr(id, 4), customer_id, 'bl-' || substr(id, 4), id, 'supply', issue_date, due_date, number, gross_cents, gross_cents
    FROM invoices WHERE id LIKE 'bi-%'`.execute(db);
  await sql`INSERT INTO payment_intents (id, customer_id, created_by, provider, provider_payment_id, amount_cents, invoice_ids, status, payment_id, created_at, completed_at)
    SELECT id, customer_id, 'bench', 'demo', 'demo-bench-' || substr(id, 4), gross_cents, ARRAY[id], 'started', NULL, now(), NULL
    FROM invoices WHERE id LIKE 'bi-%'`.execute(db);
  const rows = await db.selectFrom('payment_intents').select(['id', 'provider_payment_id']).where('id', 'like', 'bi-%').orderBy('id').execute();
  return rows.map((row) => ({ id: row.id, providerPaymentId: row.provider_payment_id! }));
}

/**
 * A child process (its own event loop and heap, as a provider's servers are another machine; on this one it still
 * shares the two cores) keeps `concurrency` notices in flight, in order, and answers each one's status and
 * milliseconds. Its input and answers go through stdin and stdout as JSON.
 */
function sendAll(
  url: string, notices: Notice[], concurrency: number, secret: string, probe: { body: string; at: number; signature: string },
): Promise<{ index: number; status: number; ms: number }[]> {
  const code = `
    const { performance } = require('node:perf_hooks');
    const { createHmac } = require('node:crypto');
    const http = require('node:http');
    let input = '';
    process.stdin.setEncoding('utf8');
    process.stdin.on('data', (chunk) => { input += chunk; });
    process.stdin.on('end', () => run(JSON.parse(input)));
    function run({ url, notices, concurrency, header, secret, probe }) {
      // the demo provider's signature (signDemoNotice): t=<unix>,v1=<HMAC-SHA256 of "<t>.<body>">
      const sign = (body, at) => 't=' + at + ',v1=' + createHmac('sha256', secret).update(at + '.' + body).digest('hex');
      if (sign(probe.body, probe.at) !== probe.signature) throw new Error('the load generator signs differently from the demo provider');
      // node:http with a keep-alive agent rather than fetch: fetch costs several times the CPU a request, which on two
      // shared cores is taken from the portal under test
      const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
      const target = new URL(url);
      const post = (body, signature) => new Promise((resolve, reject) => {
        const request = http.request({ host: target.hostname, port: target.port, path: target.pathname, method: 'POST', agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), [header]: signature } }, (response) => {
          response.on('data', () => {});
          response.on('end', () => resolve(response.statusCode));
        });
        request.on('error', reject);
        request.end(body);
      });
      const answers = new Array(notices.length);
      let next = 0;
      async function lane() {
        while (next < notices.length) {
          const index = next++;
          const notice = notices[index];
          const started = performance.now();
          const signature = sign(notice.body, Math.floor(Date.now() / 1000));
          let status = 0;
          try {
            status = await post(notice.body, signature);
          } catch { status = -1; }
          answers[index] = { index, status, ms: performance.now() - started };
        }
      }
      Promise.all(Array.from({ length: concurrency }, lane)).then(() => { agent.destroy(); process.stdout.write(JSON.stringify(answers)); });
    }
  `;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', code], { stdio: ['pipe', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => { output += chunk; });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`the load generator exited with ${code}`))));
    child.stdin.end(JSON.stringify({ url, notices: notices.map(({ body }) => ({ body })), concurrency, header: SIGNATURE_HEADER, secret, probe }));
  });
}
