import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase } from '../../test/test-database.js';
import { createPartitionsAhead, partitionNameOf } from './interval-partitions.js';

const database = await openTestDatabase();
afterAll(async () => { await database.close(); });

describe('interval partitions (GRD-3)', () => {
  it('GRD-3: interval days land in the partition of their month; the job creates months ahead once', async () => {
    const { db } = database;
    await db.insertInto('interval_days').values({
      meter_id: 'm', day: '2026-03-29', interval_minutes: 15, import_wh: [1], export_wh: [0], quality: 'm', import_id: 'i', updated_at: new Date(),
    }).execute();
    const placed = await sql<{ partition: string }>`SELECT tableoid::regclass::text AS partition FROM interval_days`.execute(db);
    expect(placed.rows).toEqual([{ partition: partitionNameOf('2026-03') }]);
    const first = await createPartitionsAhead(db, '2030-06-15');
    expect(first.created).toEqual(['2031-01', '2031-02', '2031-03', '2031-04', '2031-05', '2031-06', '2031-07', '2031-08', '2031-09', '2031-10', '2031-11', '2031-12',
      '2032-01', '2032-02', '2032-03', '2032-04', '2032-05', '2032-06']);
    expect((await createPartitionsAhead(db, '2030-06-15')).created).toEqual([]);
  });
});
