import { sql } from 'kysely';
import type { Db } from './db.js';
import { AppError } from './errors.js';

/**
 * A fixed-window counter kept in the database, so the limit holds across all portal processes.
 * Throws 429 with Retry-After seconds when the key has used up its window.
 */
export async function enforceRateLimit(
  db: Db,
  key: string,
  limit: number,
  windowSeconds: number,
  now: Date,
): Promise<void> {
  const windowMs = windowSeconds * 1000;
  const windowStart = new Date(Math.floor(now.getTime() / windowMs) * windowMs);
  const row = await db
    .insertInto('rate_limit_buckets')
    .values({ key, window_start: windowStart, hits: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`rate_limit_buckets.hits + 1` }))
    .returning('hits')
    .executeTakeFirstOrThrow();
  if (row.hits > limit) {
    const retryAfter = Math.ceil((windowStart.getTime() + windowMs - now.getTime()) / 1000);
    throw new AppError('RATE_LIMITED', 429, `Too many attempts; try again in ${retryAfter} seconds`, {
      retryAfterSeconds: retryAfter,
    });
  }
}

export async function purgeOldRateLimitBuckets(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('rate_limit_buckets').where('window_start', '<', new Date(now.getTime() - 86_400_000)).execute();
}
