import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from './test-database.js';
import { fingerprint } from './table-fingerprint.js';

// The "changes nothing" checks of the route walks rest on this digest: it must see an added, changed or removed row.
describe('table fingerprint', () => {
  let database: Awaited<ReturnType<typeof openTestDatabase>>;
  beforeAll(async () => {
    database = await openTestDatabase();
    await sql`CREATE TABLE fingerprint_probe (id int PRIMARY KEY, note text)`.execute(database.db);
    await sql`INSERT INTO fingerprint_probe VALUES (1, 'a'), (2, 'b')`.execute(database.db);
    await sql`CREATE TABLE fingerprint_parted (day date NOT NULL, note text) PARTITION BY RANGE (day)`.execute(database.db);
    await sql`CREATE TABLE fingerprint_parted_2026 PARTITION OF fingerprint_parted FOR VALUES FROM ('2026-01-01') TO ('2027-01-01')`.execute(database.db);
  });
  afterAll(async () => database.close());

  it('is the same twice over unchanged tables and differs after an insert, an update and a delete', async () => {
    const db = database.db;
    const before = await fingerprint(db);
    expect(before.fingerprint_probe).toMatch(/^2:-?\d+$/);
    expect(await fingerprint(db)).toEqual(before);

    await sql`INSERT INTO fingerprint_probe VALUES (3, 'c')`.execute(db);
    const inserted = await fingerprint(db);
    expect(inserted.fingerprint_probe).toMatch(/^3:/);

    await sql`UPDATE fingerprint_probe SET note = 'B' WHERE id = 2`.execute(db);
    const updated = await fingerprint(db);
    expect(updated.fingerprint_probe).toMatch(/^3:/);
    expect(updated.fingerprint_probe).not.toBe(inserted.fingerprint_probe);

    // writing the same values back is still a write
    await sql`UPDATE fingerprint_probe SET note = 'b' WHERE id = 2`.execute(db);
    expect((await fingerprint(db)).fingerprint_probe).not.toBe(updated.fingerprint_probe);

    await sql`DELETE FROM fingerprint_probe WHERE id = 3`.execute(db);
    expect((await fingerprint(db)).fingerprint_probe).toMatch(/^2:/);

    // a write rolled back leaves no trace
    const settled = await fingerprint(db);
    await db.transaction().execute(async (trx) => {
      await sql`UPDATE fingerprint_probe SET note = 'x'`.execute(trx);
      throw new Error('roll back');
    }).catch(() => undefined);
    expect(await fingerprint(db)).toEqual(settled);
  });

  it('sees a row written into a partition, and digests the partition, not its parent', async () => {
    const db = database.db;
    const before = await fingerprint(db);
    expect(Object.keys(before)).toContain('fingerprint_parted_2026');
    expect(Object.keys(before)).not.toContain('fingerprint_parted');
    await sql`INSERT INTO fingerprint_parted VALUES ('2026-05-01', 'a')`.execute(db);
    const after = await fingerprint(db);
    expect(after.fingerprint_parted_2026).toMatch(/^1:/);
    expect({ ...after, fingerprint_parted_2026: before.fingerprint_parted_2026 }).toEqual(before);
  });
});
