import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withEicCheckCharacter } from '@up/common/eic';
import { ManualClock } from '../infra/clock.js';
import { newId } from '../infra/ids.js';
import { openCommandDatabase } from './command-database.js';
import { EXIT_ERROR, EXIT_IMPORTED, EXIT_MALFORMED, runMeteringImport } from './metering-import.js';

/** `npm run metering:import -- FILE` over an embedded database of its own. */
describe('the interval import command', () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'metering-cli-'));
  const env = { DATA_DIR: path.join(folder, 'data'), OPERATOR: 'demo' };
  const clock = new ManualClock('2026-11-05T06:00:00Z');
  const eic = withEicCheckCharacter('38ZEELVCLI00001');
  const run = async (...args: string[]) => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runMeteringImport(args, env, { out: (line) => out.push(line), err: (line) => err.push(line) }, clock);
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  const file = (name: string, text: string) => {
    const filePath = path.join(folder, name);
    writeFileSync(filePath, text);
    return filePath;
  };

  /** One connection point with one smart meter, written the way staff's object import would leave it. */
  async function seedMeter() {
    const { database } = await openCommandDatabase(env);
    try {
      const objectId = newId();
      const now = clock.now();
      await database.db.insertInto('metering_objects').values({
        id: objectId, kind: 'connection_point', eic, address: 'Klusā iela 1, Rīga', capacity_amperes: 25, phases: 1, voltage_volts: 230,
        status: 'active', created_at: now, updated_at: now,
      }).execute();
      await database.db.insertInto('meters').values({
        id: newId(), object_id: objectId, number: 'CLI-1', type: 'electronic', smart: true, registers: ['total'], multiplier: 1,
        installed_on: '2020-01-01', removed_on: null,
      }).execute();
    } finally {
      await database.close();
    }
  }

  it('GRD-3: imports a CSV file, answers the counts and the seconds it took; the same file again changes nothing', async () => {
    await seedMeter();
    const csv = file('intervals.csv', [
      'object_eic,meter_number,interval_start,interval_minutes,import_kwh,export_kwh,status',
      `${eic},CLI-1,2026-11-01T22:00:00Z,60,0.512,0.000,`,
      `${eic},CLI-1,2026-11-01T23:00:00Z,60,0.488,0.000,`,
      `${eic},NO-SUCH-METER,2026-11-01T23:00:00Z,60,0.100,0.000,`,
    ].join('\n'));

    const first = await run(csv);
    expect(first.code, first.err).toBe(EXIT_IMPORTED);
    const answer = JSON.parse(first.out);
    expect(answer).toMatchObject({ format: 'csv', inserted: 2, unchanged: 0, rejectedTotal: 1 });
    expect(answer.rejected[0]).toMatchObject({ line: 4 });
    expect(answer.seconds).toBeGreaterThanOrEqual(0);

    const again = JSON.parse((await run(csv)).out);
    expect(again).toMatchObject({ inserted: 0, corrected: 0, unchanged: 2, rejectedTotal: 1 });
  });

  it('refuses a malformed file as a whole (exit 1), a missing file and unknown options (exit 2), naming them', async () => {
    const wrongHeader = file('wrong.csv', 'meter,start,kwh\nX,2026-11-01T22:00:00Z,1\n');
    expect(await run(wrongHeader)).toMatchObject({ code: EXIT_MALFORMED, err: expect.stringContaining('the first line must be the header') });
    expect(await run(path.join(folder, 'missing.csv'))).toMatchObject({ code: EXIT_ERROR, err: expect.stringContaining('no such file') });
    expect(await run(wrongHeader, '--format', 'xml')).toMatchObject({ code: EXIT_ERROR, err: expect.stringContaining('--format must be csv, json or spot-prices') });
    expect(await run()).toMatchObject({ code: EXIT_ERROR, err: expect.stringContaining('which file?') });
  });
});
