import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/**
 * Tests only (buildApp's checkAnswers): every answer must match its route's response schema exactly, so that a
 * schema that would silently drop a field (Fastify sends only what the schema names) or a handler that answers
 * something else fails the API tests. Objects are checked as closed: a property the schema does not name is an error.
 */
export function installAnswerCheck(app: FastifyInstance): void {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const validators = new WeakMap<object, ValidateFunction>();
  const validatorOf = (schema: object) => {
    let validate = validators.get(schema);
    if (!validate) {
      validate = ajv.compile(closed(schema) as object);
      validators.set(schema, validate);
    }
    return validate;
  };

  app.addHook('preSerialization', (request, reply, payload, done) => {
    const responses = request.routeOptions.schema?.response as Record<string, object> | undefined;
    if (!responses || !request.url.startsWith('/api/')) return done(null, payload);
    const status = String(reply.statusCode);
    const schema = responses[status] ?? responses[`${status[0]}xx`] ?? responses.default;
    if (!schema) return done(new Error(`${request.method} ${request.routeOptions.url} answered ${status}, which its response schema does not declare`));
    const validate = validatorOf(schema);
    if (!validate(structuredClone(payload))) {
      return done(new Error(`${request.method} ${request.routeOptions.url} answered ${status} not matching its schema: ${ajv.errorsText(validate.errors)}`));
    }
    done(null, payload);
  });
}

/** A copy of the schema in which every object without an additionalProperties rule allows no other property. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (schema === null || typeof schema !== 'object') return schema;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    copy[key] = key === 'properties' || key === 'patternProperties'
      ? Object.fromEntries(Object.entries(value as object).map(([name, child]) => [name, closed(child)]))
      : closed(value);
  }
  if (copy.type === 'object' && copy.properties && copy.additionalProperties === undefined && copy.patternProperties === undefined) {
    copy.additionalProperties = false;
  }
  return copy;
}
