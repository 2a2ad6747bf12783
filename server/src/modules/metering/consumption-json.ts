import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import type { ConsumptionQuery } from '@up/common/contracts/metering';
import { rigaDayStartMs } from '@up/common/riga-days';
import type { Deps } from '../../deps.js';
import type { CachedAnswer } from './consumption-answer-cache.js';
import { writeConsumptionJson } from './consumption-series.js';
import { checkPeriod, consumptionAnswer, consumptionEtag } from './consumption.service.js';
import { etagMatches } from './http-caching.js';
import { objectNotFound } from './object-access.js';

const gzipAsync = promisify(gzip);

export type ConsumptionJson =
  | { notModified: false; etag: string; body: Buffer; encoding: 'gzip' | null }
  | { notModified: true; etag: string };

/**
 * The consumption route's JSON answer (GRD-3) as bytes with its ETag — gzip-compressed when the client takes it
 * (every browser does: a year of hours is ~380 kB of JSON, ~90 kB compressed) — or "not modified" when
 * `ifNoneMatch` names the current ETag. A finished period's answer comes from the process's cache
 * (consumption-answer-cache.ts), computed once when it is not there; a running period's is computed each time.
 */
export async function consumptionJson(
  deps: Deps,
  customerId: string,
  objectId: string,
  query: Pick<ConsumptionQuery, 'from' | 'to' | 'resolution'>,
  allowedObjectIds: readonly string[] | null,
  asked: { ifNoneMatch: string | undefined; gzip: boolean },
): Promise<ConsumptionJson> {
  checkPeriod(query);
  if (allowedObjectIds && !allowedObjectIds.includes(objectId)) throw objectNotFound();
  const cache = deps.consumptionAnswers;
  // the ETag of the representation sent: the gzip one has its own
  const sentEtag = (etag: string) => (asked.gzip ? gzipEtag(etag) : etag);
  const now = deps.clock.now();
  const key = [customerId, objectId, query.from, query.to, query.resolution].join('|');
  // until its end a period's visible part ends at "now": only an ended period's answer stays the same
  const periodEnded = rigaDayStartMs(query.to) <= now.getTime();
  const kept = periodEnded ? cache.get(key, now) : null;
  if (!kept && asked.ifNoneMatch !== undefined) {
    const etag = await consumptionEtag(deps, customerId, objectId, query, allowedObjectIds);
    if (matches(asked.ifNoneMatch, etag)) return { notModified: true, etag: sentEtag(etag) };
  }
  const compute = async (): Promise<CachedAnswer> => {
    const answer = await consumptionAnswer(deps, customerId, objectId, query, allowedObjectIds);
    return { etag: answer.etag, body: writeConsumptionJson(answer) };
  };
  const json = kept ?? (periodEnded ? await cache.computeOnce(key, now, () => deps.clock.now(), compute) : await compute());
  if (asked.ifNoneMatch !== undefined && matches(asked.ifNoneMatch, json.etag)) return { notModified: true, etag: sentEtag(json.etag) };
  if (!asked.gzip) return { notModified: false, etag: json.etag, body: json.body, encoding: null };
  return { notModified: false, etag: sentEtag(json.etag), body: await gzipped(json, periodEnded), encoding: 'gzip' };
}

/**
 * The compressed copy: made once for a kept answer (the default level, off the event loop in libuv's threads), at
 * the fastest level for an answer that is used once.
 */
const gzipCopies = new WeakMap<CachedAnswer, Promise<Buffer>>();
function gzipped(json: CachedAnswer, kept: boolean): Promise<Buffer> {
  if (!kept) return gzipAsync(json.body, { level: constants.Z_BEST_SPEED });
  let copy = gzipCopies.get(json);
  if (!copy) gzipCopies.set(json, copy = gzipAsync(json.body));
  return copy;
}

/** A strong ETag names one representation: the gzip one has its own (RFC 9110 8.8.3), as Apache and nginx mark it. */
function gzipEtag(etag: string): string {
  return `${etag.slice(0, -1)}-gzip"`;
}

/** A browser revalidates with the ETag of the representation it has: either one is the same answer. */
function matches(ifNoneMatch: string, etag: string): boolean {
  return etagMatches(ifNoneMatch, etag) || etagMatches(ifNoneMatch, gzipEtag(etag));
}

/** Whether an Accept-Encoding header takes gzip (RFC 9110 12.5.3: named, or else *, and not with q=0). */
export function acceptsGzip(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  const codings = new Map(acceptEncoding.split(',').map((part) => {
    const [coding = '', ...parameters] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    return [coding, q === undefined ? 1 : Number(q.slice(2))] as const;
  }));
  const q = codings.get('gzip') ?? codings.get('*') ?? 0;
  return q > 0;
}
