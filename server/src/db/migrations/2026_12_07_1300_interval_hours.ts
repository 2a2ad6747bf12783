import { type Kysely, sql } from 'kysely';

/**
 * Hour aggregates beside the interval arrays (GRD-3, docs/ARCHITECTURE.md "Interval data"): a year of hours, days
 * or months is read from 24 sums a day instead of 96 quarter-hours. Per Riga hour of the day (23, 24 or 25):
 *  - hour_import_wh, hour_export_wh: the sum over the hour's intervals that have a value (quality not x or u; a
 *    NULL element of such an interval counts 0), NULL when none has;
 *  - hour_quality: the letter the consumption answer gives the hour: the worst of m < c < e when none is missing,
 *    p when some are missing or unusable, x when all are missing, u when none has a value and one is unusable;
 *  - hour_missing: how many of its intervals are missing or unusable, one digit per hour;
 *  - estimated_intervals: the day's count of e.
 * The import computes them with the arrays and writes them in the same statement (interval-hours.ts). Any other
 * writer (demo data, tests, a hand-made fix) gets them from the triggers below, computed by interval_day_hours(),
 * which also fills the existing rows here. Both follow the day's quality string: a day whose string does not
 * have the day's length gets hours that do not fit it, and is read from its intervals instead.
 * Frozen in time: never edit after it has shipped; add a new migration instead.
 */
const statements = [
  `CREATE FUNCTION interval_day_hours(minutes integer, imports integer[], exports integer[], letters text,
     OUT hour_import_wh bigint[], OUT hour_export_wh bigint[], OUT hour_quality text, OUT hour_missing text, OUT estimated_intervals smallint)
   LANGUAGE sql IMMUTABLE AS $$
     SELECT coalesce(array_agg(h.import_wh ORDER BY h.hour), '{}'), coalesce(array_agg(h.export_wh ORDER BY h.hour), '{}'),
       coalesce(string_agg(h.letter, '' ORDER BY h.hour), ''), coalesce(string_agg(h.missing::text, '' ORDER BY h.hour), ''),
       coalesce(sum(h.estimated), 0)::smallint
     FROM (
       SELECT (v.p - 1) * minutes / 60 AS hour,
         sum(coalesce(imports[v.p], 0)) FILTER (WHERE v.usable) AS import_wh,
         sum(coalesce(exports[v.p], 0)) FILTER (WHERE v.usable) AS export_wh,
         count(*) FILTER (WHERE NOT v.usable) AS missing,
         count(*) FILTER (WHERE v.letter = 'e') AS estimated,
         CASE WHEN bool_and(NOT v.usable) THEN CASE WHEN bool_or(v.letter = 'u') THEN 'u' ELSE 'x' END
              WHEN bool_or(NOT v.usable) THEN 'p'
              WHEN bool_or(v.letter = 'e') THEN 'e'
              WHEN bool_or(v.letter = 'c') THEN 'c'
              ELSE 'm' END AS letter
       FROM (
         SELECT s.p, substr(letters, s.p, 1) AS letter, substr(letters, s.p, 1) NOT IN ('x', 'u') AS usable
         FROM generate_series(1, length(letters)) AS s(p)
       ) v
       GROUP BY 1
     ) h
   $$`,
  `CREATE FUNCTION interval_days_fill_hours() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     SELECT h.hour_import_wh, h.hour_export_wh, h.hour_quality, h.hour_missing, h.estimated_intervals
       INTO NEW.hour_import_wh, NEW.hour_export_wh, NEW.hour_quality, NEW.hour_missing, NEW.estimated_intervals
       FROM interval_day_hours(NEW.interval_minutes, NEW.import_wh, NEW.export_wh, NEW.quality) h;
     RETURN NEW;
   END $$`,
  `ALTER TABLE interval_days
     ADD COLUMN hour_import_wh bigint[], ADD COLUMN hour_export_wh bigint[], ADD COLUMN hour_quality text,
     ADD COLUMN hour_missing text, ADD COLUMN estimated_intervals smallint`,
  `UPDATE interval_days d SET (hour_import_wh, hour_export_wh, hour_quality, hour_missing, estimated_intervals) =
     (SELECT h.* FROM interval_day_hours(d.interval_minutes, d.import_wh, d.export_wh, d.quality) h)`,
  `ALTER TABLE interval_days
     ALTER COLUMN hour_import_wh SET NOT NULL, ALTER COLUMN hour_export_wh SET NOT NULL, ALTER COLUMN hour_quality SET NOT NULL,
     ALTER COLUMN hour_missing SET NOT NULL, ALTER COLUMN estimated_intervals SET NOT NULL`,
  // A row written without its hours gets them; so does a row whose intervals change while its hours stay as they were.
  `CREATE TRIGGER interval_days_hours_on_insert BEFORE INSERT ON interval_days
     FOR EACH ROW WHEN (NEW.hour_quality IS NULL) EXECUTE FUNCTION interval_days_fill_hours()`,
  `CREATE TRIGGER interval_days_hours_on_update BEFORE UPDATE ON interval_days
     FOR EACH ROW WHEN (
       (NEW.interval_minutes, NEW.import_wh, NEW.export_wh, NEW.quality) IS DISTINCT FROM (OLD.interval_minutes, OLD.import_wh, OLD.export_wh, OLD.quality)
       AND (NEW.hour_import_wh, NEW.hour_export_wh, NEW.hour_quality, NEW.hour_missing, NEW.estimated_intervals)
         IS NOT DISTINCT FROM (OLD.hour_import_wh, OLD.hour_export_wh, OLD.hour_quality, OLD.hour_missing, OLD.estimated_intervals))
     EXECUTE FUNCTION interval_days_fill_hours()`,
];

export async function up(db: Kysely<any>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER interval_days_hours_on_update ON interval_days`.execute(db);
  await sql`DROP TRIGGER interval_days_hours_on_insert ON interval_days`.execute(db);
  await sql`ALTER TABLE interval_days DROP COLUMN hour_import_wh, DROP COLUMN hour_export_wh, DROP COLUMN hour_quality,
    DROP COLUMN hour_missing, DROP COLUMN estimated_intervals`.execute(db);
  await sql`DROP FUNCTION interval_days_fill_hours()`.execute(db);
  await sql`DROP FUNCTION interval_day_hours(integer, integer[], integer[], text)`.execute(db);
}
