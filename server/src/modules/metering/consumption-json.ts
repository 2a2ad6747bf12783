import type { ConsumptionQuery } from '@up/common/contracts/metering';
import { rigaDayStartMs } from '@up/common/riga-days';
import type { Deps } from '../../deps.js';
import { quarterHourOf, type CachedAnswer } from './consumption-answer-cache.js';
import { writeConsumptionJson } from './consumption-series.js';
import { checkPeriod, consumptionAnswer, consumptionEtag } from './consumption.service.js';
import { etagMatches } from './http-caching.js';
import { objectNotFound } from './object-access.js';

export type ConsumptionJson = CachedAnswer & { notModified: false } | { etag: string; notModified: true };

/**
 * The consumption route's JSON answer (GRD-3) as bytes with its ETag, or "not modified" when `ifNoneMatch` names the
 * current ETag. A finished period's answer comes from the process's cache when it is there
 * (consumption-answer-cache.ts); otherwise it is read and summed, and kept when the period has ended.
 */
export async function consumptionJson(
  deps: Deps,
  customerId: string,
  objectId: string,
  query: Pick<ConsumptionQuery, 'from' | 'to' | 'resolution'>,
  allowedObjectIds: readonly string[] | null,
  ifNoneMatch: string | undefined,
): Promise<ConsumptionJson> {
  checkPeriod(query);
  if (allowedObjectIds && !allowedObjectIds.includes(objectId)) throw objectNotFound();
  const cache = deps.consumptionAnswers;
  const now = deps.clock.now();
  const key = [customerId, objectId, query.from, query.to, query.resolution].join('|');
  // until its end a period's visible part ends at "now": only an ended period's answer stays the same
  const periodEnded = rigaDayStartMs(query.to) <= now.getTime();
  const cached = periodEnded ? cache.get(key, now) : null;
  if (cached) return answered(cached, ifNoneMatch);

  const generation = cache.generation;
  if (ifNoneMatch !== undefined) {
    const etag = await consumptionEtag(deps, customerId, objectId, query, allowedObjectIds);
    if (etagMatches(ifNoneMatch, etag)) return { etag, notModified: true };
  }
  const answer = await consumptionAnswer(deps, customerId, objectId, query, allowedObjectIds);
  const json: CachedAnswer = { etag: answer.etag, body: writeConsumptionJson(answer) };
  if (periodEnded && quarterHourOf(deps.clock.now()) === quarterHourOf(now)) cache.set(key, json, now, generation);
  return { ...json, notModified: false };
}

function answered(answer: CachedAnswer, ifNoneMatch: string | undefined): ConsumptionJson {
  if (ifNoneMatch !== undefined && etagMatches(ifNoneMatch, answer.etag)) return { etag: answer.etag, notModified: true };
  return { ...answer, notModified: false };
}
