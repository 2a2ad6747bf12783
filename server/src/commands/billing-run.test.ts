import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ManualClock } from '../infra/clock.js';
import { EXIT_DONE, EXIT_REFUSED, runBillingCommand } from './billing-run.js';

/** `npm run billing:run -- --period YYYY-MM` over an embedded database of its own. */
describe('the billing run command', () => {
  const env = { DATA_DIR: mkdtempSync(path.join(tmpdir(), 'billing-cli-')), OPERATOR: 'demo' };
  const clock = new ManualClock('2026-11-05T06:00:00Z');
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runBillingCommand(args, env, { out: (line) => out.push(line), err: (line) => err.push(line) }, clock);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('BIL-1: runs a finished month once and answers its result; started again it answers the same run', async () => {
    const first = await run('--period', '2026-10');
    expect(first.code, first.err).toBe(EXIT_DONE);
    expect(JSON.parse(first.out)).toMatchObject({ period: '2026-10', status: 'done', issueDate: '2026-11-05', invoicesIssued: 0, attempts: 1 });
    const again = await run('--period=2026-10');
    expect(JSON.parse(again.out)).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('refuses a month not over, a malformed month and unknown arguments, naming them', async () => {
    expect(await run('--period', '2026-11')).toMatchObject({ code: EXIT_REFUSED, err: expect.stringContaining('not over') });
    expect(await run('--period', '2026-1')).toMatchObject({ code: EXIT_REFUSED, err: expect.stringContaining('period: must be a month YYYY-MM') });
    expect(await run('--month', '2026-10')).toMatchObject({ code: EXIT_REFUSED, err: expect.stringContaining('unknown argument --month') });
    expect(await run()).toMatchObject({ code: EXIT_REFUSED, err: expect.stringContaining('which month?') });
  });
});
