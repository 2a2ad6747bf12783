import type { FastifyInstance } from 'fastify';
import { AppError } from '../infra/errors.js';

const NUL = '\u0000';
const REASON = 'must not contain the NUL character';

/**
 * PostgreSQL text cannot hold U+0000: a string with it would fail in the database as a 500. It is bad
 * input, so it is refused up front as a 400 naming the field, like a schema failure. Path parameters
 * and the query string are checked before the session hook (which reads :customerId), the body once parsed.
 */
export function installInputGuards(app: FastifyInstance): void {
  // Callback-style hooks: every request passes them, and an async hook costs a promise per request.
  app.addHook('onRequest', (request, _reply, done) => {
    done(nulError('params', request.params) ?? nulError('querystring', request.query) ?? undefined);
  });
  app.addHook('preValidation', (request, _reply, done) => {
    done(nulError('body', request.body) ?? undefined);
  });
}

function nulError(context: 'params' | 'querystring' | 'body', value: unknown): AppError | null {
  const path = nulPath(value);
  if (path === null) return null;
  const field = [context === 'body' ? '' : context, ...path].filter(Boolean).join('.') || context;
  return new AppError('VALIDATION_FAILED', 400, `${field}: ${REASON}`, { field, reason: REASON });
}

/** The path to the first string (or object key) holding NUL, or null. Iterative: bodies can nest deeply. */
function nulPath(root: unknown): string[] | null {
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
      if (value.includes(NUL)) return pathOf(entry);
    } else if (value !== null && typeof value === 'object') {
      for (const [key, child] of Object.entries(value)) {
        if (key.includes(NUL)) return pathOf(entry, key.replaceAll(NUL, ''));
        stack.push({ value: child, key, parent: entry });
      }
    }
  }
  return null;
}
