import Ajv from 'ajv';
import addFormats from 'ajv-formats';

/** The JSON-schema keywords the route schemas use, as far as the example builder needs them. */
export type JsonSchema = Record<string, unknown> & {
  type?: string; properties?: Record<string, JsonSchema>; required?: string[]; items?: JsonSchema;
  anyOf?: JsonSchema[]; oneOf?: JsonSchema[]; enum?: unknown[]; const?: unknown; format?: string;
  minLength?: number; maxLength?: number; minItems?: number; minimum?: number; additionalProperties?: unknown;
};

const ajv = new Ajv({ strict: false, allErrors: false });
addFormats(ajv);
export const isValid = (schema: JsonSchema, value: unknown) => ajv.validate(schema, value) as boolean;

/**
 * The smallest value a route's schema accepts, so table-driven tests can call every route with valid input.
 * Throws for a schema the builder does not understand yet, rather than sending something invalid.
 */
export function exampleOf(schema: JsonSchema): unknown {
  const value = buildExample(schema);
  if (!isValid(schema, value)) {
    throw new Error(`cannot build a valid example for ${JSON.stringify(schema)} (got ${JSON.stringify(value)}); extend exampleOf`);
  }
  return value;
}

function buildExample(schema: JsonSchema): unknown {
  if ('const' in schema) return schema.const;
  // A schema may name its own example where the smallest value would not do (e.g. a period's end after its start).
  if (Array.isArray(schema.examples) && schema.examples.length > 0) return schema.examples[0];
  if (schema.enum) return schema.enum[0];
  const branches = schema.anyOf ?? schema.oneOf;
  if (branches) {
    for (const branch of branches) {
      const value = buildExample(branch);
      if (isValid(branch, value)) return value;
    }
    return null;
  }
  switch (schema.type) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) value[key] = exampleOf(schema.properties?.[key] ?? {});
      // minProperties (e.g. a PATCH that must change something): the first optional properties too
      const minProperties = typeof schema.minProperties === 'number' ? schema.minProperties : 0;
      for (const key of Object.keys(schema.properties ?? {})) {
        if (Object.keys(value).length >= minProperties) break;
        if (!(key in value)) value[key] = exampleOf(schema.properties![key]);
      }
      return value;
    }
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => exampleOf(schema.items ?? {}));
    case 'string': {
      const min = Math.max(schema.minLength ?? 0, 1);
      const candidates = [
        schema.format === 'email' ? 'schema.example@example.com' : null,
        schema.format === 'date' ? '2026-11-23' : null,
        schema.format === 'date-time' ? '2026-11-23T10:00:00.000Z' : null,
        'example'.padEnd(min, 'x'), '+371 20000000', '2026-11', 'a'.repeat(min), '0'.repeat(min),
      ];
      return candidates.find((candidate) => candidate !== null && isValid(schema, candidate)) ?? 'example';
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return null;
  }
}
