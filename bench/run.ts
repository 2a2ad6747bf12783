/**
 * `npm run bench -- <name> [options]` runs bench/<name>.bench.ts. See docs/BENCHMARKS.md.
 * Exit code: 0 PASS, 2 FAIL (a target missed), 1 the benchmark could not run.
 */
import { parseArgs, type BenchArgs } from './lib/report.js';

type Bench = { main(args: BenchArgs): Promise<number> };

const BENCHES: Record<string, { about: string; load: () => Promise<Bench> }> = {
  dashboard: { about: 'GET /api/customers/:id/summary vs a bare Fastify route (autocannon, PostgreSQL)', load: () => import('./dashboard.bench.js') },
  login: { about: 'POST /api/auth/login logins/s vs raw argon2id hashes/s', load: () => import('./login.bench.js') },
  metering: { about: 'interval CSV import of 10 million values vs COPY and a read-split pass; a year of hours at 16 clients vs bare SQL', load: () => import('./metering.bench.js') },
  billing: { about: 'the billing run for 100,000 customers × 30 lines vs a plain bulk insert of the same rows; PDF and XML rates', load: () => import('./billing.bench.js') },
  payments: { about: 'camt.053 statement import of 100,000 credits (matched, allocated) in a process of its own', load: () => import('./payments.bench.js') },
  'payment-notices': { about: 'signed online payment notices at 32 in flight against the real app (PostgreSQL): p99 answer time', load: () => import('./payment-notices.bench.js') },
  bundle: { about: 'vite build web; gzip size of the JS the login page loads', load: () => import('./bundle.bench.js') },
};

function usage(): void {
  console.log('usage: npm run bench -- <name> [options]\n');
  for (const [name, bench] of Object.entries(BENCHES)) console.log(`  ${name.padEnd(10)} ${bench.about}`);
  console.log('\nsee docs/BENCHMARKS.md for the options of each');
}

async function run(): Promise<number> {
  const [name, ...rest] = process.argv.slice(2);
  if (!name || name === '--help' || name === '-h') {
    usage();
    return name ? 0 : 1;
  }
  const bench = BENCHES[name];
  if (!bench) {
    console.error(`unknown benchmark "${name}"\n`);
    usage();
    return 1;
  }
  console.log(`benchmark ${name} — node ${process.version}, ${new Date().toISOString()}`);
  const module = await bench.load();
  return module.main(parseArgs(rest));
}

run().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('');
    console.error(`ERROR ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
