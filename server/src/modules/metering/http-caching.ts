import { Type } from 'typebox';

/** The answer of a revalidation whose ETag still matches: 304, no body. */
export const NotModified = Type.Unsafe<void>({ type: 'null', description: 'Not modified: the answer with the ETag asked for is still current (no body)' });

/**
 * Whether an If-None-Match header names the ETag (RFC 9110 13.1.2: weak comparison, a list, or *). Only called once
 * the resource is known to exist for the caller, so * matches.
 */
export function etagMatches(ifNoneMatch: string, etag: string): boolean {
  const opaque = (tag: string) => (tag.startsWith('W/') ? tag.slice(2) : tag);
  return ifNoneMatch.split(',').some((asked) => {
    const tag = asked.trim();
    return tag === '*' || opaque(tag) === opaque(etag);
  });
}
