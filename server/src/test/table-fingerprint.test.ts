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
  });
  afterAll(async () => database.close());

  const hashSum = async (db: typeof database.db) =>
    (await sql<{ sum: string }>`SELECT (hashtext('(1,a)')::bigint + hashtext('(2,b)')::bigint)::text AS sum`.execute(db)).rows[0].sum;

  it('is the same twice over unchanged tables and differs after an insert, an update and a delete', async () => {
    const db = database.db;
    const before = await fingerprint(db);
    expect(before.fingerprint_probe).toBe('2:' + String(await hashSum(db)));
    expect(await fingerprint(db)).toEqual(before);

    await sql`INSERT INTO fingerprint_probe VALUES (3, 'c')`.execute(db);
    const inserted = await fingerprint(db);
    expect(inserted.fingerprint_probe).not.toBe(before.fingerprint_probe);

    await sql`UPDATE fingerprint_probe SET note = 'B' WHERE id = 2`.execute(db);
    expect((await fingerprint(db)).fingerprint_probe).not.toBe(inserted.fingerprint_probe);

    await sql`UPDATE fingerprint_probe SET note = 'b' WHERE id = 2`.execute(db);
    await sql`DELETE FROM fingerprint_probe WHERE id = 3`.execute(db);
    expect(await fingerprint(db)).toEqual(before);
    await sql`DELETE FROM fingerprint_probe WHERE id = 1`.execute(db);
    expect((await fingerprint(db)).fingerprint_probe).not.toBe(before.fingerprint_probe);
  });
});
