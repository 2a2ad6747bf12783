import type { FastifyInstance } from 'fastify';
import { AppError } from '../infra/errors.js';

const NUL = '\u0000';
const NUL_REASON = 'must not contain the NUL character';
// With the u flag a paired surrogate is one code point, so \p{Cs} matches exactly the unpaired ones.
const LONE_SURROGATE = /\p{Cs}/u;
const UNICODE_REASON = 'must be valid Unicode text (no unpaired surrogate)';
const BAD_CHARACTERS = /\u0000|\p{Cs}/gu;
const NOT_FINITE_REASON = 'must be a finite number';

/**
 * Text the database cannot hold faithfully is bad input, refused up front as a 400 naming the field, like a
 * schema failure: PostgreSQL text cannot hold U+0000, and a string that is not well-formed UTF-16 (a lone
 * surrogate, e.g. the JSON escape "\ud800") fails in jsonb (a 500) or is stored as U+FFFD. Path parameters
 * and the query string are checked before the session hook (which reads :customerId), the body once parsed.
 * After validation, path parameters and the query string are checked once more for numbers that are not finite.
 */
export function installInputGuards(app: FastifyInstance): void {
  // Callback-style hooks: every request passes them, and an async hook costs a promise per request.
  app.addHook('onRequest', (request, _reply, done) => {
    done(textError('params', request.params) ?? textError('querystring', request.query) ?? undefined);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    done(textError('body', request.body) ?? undefined);
  });
  app.addHook('preHandler', (request, _reply, done) => {
    done(notFiniteError('params', request.params) ?? notFiniteError('querystring', request.query) ?? undefined);
  });
}

/**
 * Ajv coerces the query text "1e400" (or "Infinity") to Infinity and then, with strictNumbers (its default),
 * skips minimum and maximum for it: a bounded integer parameter still arrives as Infinity and fails in SQL.
 * In a JSON body the type check itself refuses Infinity. Path parameters and the query string are flat.
 */
function notFiniteError(context: 'params' | 'querystring', values: unknown): AppError | null {
  if (values === null || typeof values !== 'object') return null;
  for (const [key, value] of Object.entries(values)) {
    if ([value].flat().some((one) => typeof one === 'number' && !Number.isFinite(one))) {
      const field = `${context}.${key}`;
      return new AppError('VALIDATION_FAILED', 400, `${field}: ${NOT_FINITE_REASON}`, { field, reason: NOT_FINITE_REASON });
    }
  }
  return null;
}

function textError(context: 'params' | 'querystring' | 'body', value: unknown): AppError | null {
  const found = badText(value);
  if (found === null) return null;
  const field = [context === 'body' ? '' : context, ...found.path].filter(Boolean).join('.') || context;
  return new AppError('VALIDATION_FAILED', 400, `${field}: ${found.reason}`, { field, reason: found.reason });
}

function reasonAgainst(text: string): string | null {
  if (text.includes(NUL)) return NUL_REASON;
  if (LONE_SURROGATE.test(text)) return UNICODE_REASON;
  return null;
}

/**
 * The path to the first string (or object key) that is not acceptable text, and why; or null.
 * Iterative: bodies can nest deeply.
 */
function badText(root: unknown): { path: string[]; reason: string } | null {
  type Entry = { value: unknown; key: string | null; parent: Entry | null };
  const pathOf = (entry: Entry | null, last?: string): string[] => {
    const path = last === undefined ? [] : [last];
    for (let at = entry; at && at.key !== null; at = at.parent) path.unshift(at.key);
    return path;
  };
  const stack: Entry[] = [{ value: root, key: null, parent: null }];
  while (stack.length > 0) {
    const entry = stack.pop()!;
    const { value } = entry;
    if (typeof value === 'string') {
      const reason = reasonAgainst(value);
      if (reason) return { path: pathOf(entry), reason };
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        const reason = reasonAgainst(key);
        // The bad key itself goes into the answer as the field name, so without the bad characters.
        if (reason) return { path: pathOf(entry, key.replace(BAD_CHARACTERS, '')), reason };
        stack.push({ value: child, key, parent: entry });
      }
    }
  }
  return null;
}
