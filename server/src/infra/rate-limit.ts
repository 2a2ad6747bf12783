import { sql } from 'kysely';
import type { Db } from './db.js';
import { AppError } from './errors.js';

/** At most `limit` hits per key in each fixed window of `windowSeconds`. */
export interface RateLimit {
  key: string;
  limit: number;
  windowSeconds: number;
}

function windowStartOf(rule: RateLimit, now: Date): Date {
  const windowMs = rule.windowSeconds * 1000;
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/**
 * The statement that counts one hit in the database (so the limit holds across all portal processes) and
 * returns `hits`, the count in this window so far. Run it alone (enforceRateLimit) or inside a statement
 * that reads what the request needs anyway, then pass its `hits` to refuseOverLimit.
 */
export function countRateLimitHit(db: Db, rule: RateLimit, now: Date) {
  return db
    .insertInto('rate_limit_buckets')
    .values({ key: rule.key, window_start: windowStartOf(rule, now), hits: 1 })
    .onConflict((oc) => oc.columns(['key', 'window_start']).doUpdateSet({ hits: sql`rate_limit_buckets.hits + 1` }))
    .returning('hits');
}

/** Throws 429 with Retry-After seconds when `hits` went over the rule's limit. */
export function refuseOverLimit(rule: RateLimit, hits: number, now: Date): void {
  if (hits <= rule.limit) return;
  const windowEnd = windowStartOf(rule, now).getTime() + rule.windowSeconds * 1000;
  const retryAfter = Math.ceil((windowEnd - now.getTime()) / 1000);
  throw new AppError('RATE_LIMITED', 429, `Too many attempts; try again in ${retryAfter} seconds`, {
    retryAfterSeconds: retryAfter,
  });
}

/** Counts one hit and throws 429 once the key has used up its window. */
export async function enforceRateLimit(db: Db, key: string, limit: number, windowSeconds: number, now: Date): Promise<void> {
  const rule = { key, limit, windowSeconds };
  const { hits } = await countRateLimitHit(db, rule, now).executeTakeFirstOrThrow();
  refuseOverLimit(rule, hits, now);
}

export async function purgeOldRateLimitBuckets(db: Db, now: Date): Promise<void> {
  await db.deleteFrom('rate_limit_buckets').where('window_start', '<', new Date(now.getTime() - 86_400_000)).execute();
}
