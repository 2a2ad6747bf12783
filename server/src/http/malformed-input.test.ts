/**
 * Malformed input against EVERY operation of the OpenAPI document (app.swagger()), so that a new route is
 * covered as soon as it has a schema: wrong types, missing fields, huge strings, NUL characters, non-JSON,
 * arrays and null instead of objects, for a logged-in administrator and a logged-in customer user.
 * Every answer must be a 4xx with the JSON error shape naming the field, and nothing may change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { createTestApp, type TestClient } from '../test/test-app.js';
import { DEMO_PASSWORD } from '../db/demo-data.js';
import { fingerprint } from '../test/table-fingerprint.js';
import { exampleOf, type JsonSchema } from '../test/schema-examples.js';

interface Parameter { in: 'path' | 'query' | 'header' | 'cookie'; name: string; required?: boolean; schema: JsonSchema }
interface Operation { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }

// The same validator settings as the server (app.ts), to know which inputs the server must refuse.
const serverAjv = new Ajv({ strict: false, coerceTypes: 'array', useDefaults: true, removeAdditional: false, allErrors: false });
addFormats(serverAjv);
const serverAccepts = (schema: JsonSchema, value: unknown) => serverAjv.validate(schema, structuredClone(value)) as boolean;

// ---- malformed variants -----------------------------------------------------------------------------

interface Variant {
  what: string;
  /** the field the answer must name when it is a schema failure */
  field: string | null;
  path?: Record<string, string>;
  /** path parameters put into the URL as they are, not %-encoded */
  rawPath?: boolean;
  query?: Record<string, string | string[]>;
  /** an object is sent as JSON; a string is sent raw as application/json */
  body?: unknown;
  raw?: string;
}

const WRONG_VALUES: unknown[] = [{ unexpected: true }, 12345, true, 'not-a-valid-value', [], [1, 2]];
const NUL = 'a\u0000b';

/** Variants of one value inside the body (recursing into nested objects), each naming the field it breaks. */
function bodyVariants(root: JsonSchema, schema: JsonSchema, baseline: Record<string, unknown>, prefix: string[] = []): { what: string; field: string; body: unknown }[] {
  const out: { what: string; field: string; body: unknown }[] = [];
  const withValue = (key: string, value: unknown, remove = false) => {
    const body = structuredClone(baseline);
    let target: Record<string, unknown> = body;
    for (const part of prefix) target = target[part] as Record<string, unknown>;
    if (remove) delete target[key];
    else target[key] = value;
    return body;
  };
  let at: unknown = baseline;
  for (const part of prefix) at = (at as Record<string, unknown>)[part];
  const current = at as Record<string, unknown>;
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    const field = [...prefix, key].join('.');
    if (schema.required?.includes(key)) out.push({ what: `missing ${field}`, field, body: withValue(key, undefined, true) });
    for (const wrong of WRONG_VALUES) {
      if (!serverAccepts(property, wrong)) out.push({ what: `${field} = ${JSON.stringify(wrong)}`, field, body: withValue(key, wrong) });
    }
    out.push({ what: `${field} = null`, field, body: withValue(key, null) });
    const stringSchema = property.type === 'string' ? property : (property.anyOf ?? []).find((branch) => branch.type === 'string');
    if (stringSchema) {
      out.push({ what: `${field} huge`, field, body: withValue(key, 'x'.repeat((stringSchema.maxLength ?? 1_000_000) + 1)) });
      out.push({ what: `${field} with NUL`, field, body: withValue(key, NUL) });
    }
    if (property.type === 'object' && property.properties) {
      const nested = structuredClone(baseline);
      let target: Record<string, unknown> = nested;
      for (const part of prefix) target = target[part] as Record<string, unknown>;
      target[key] = current[key] ?? exampleOf(property);
      out.push(...bodyVariants(root, property, nested, [...prefix, key]));
    }
  }
  if (schema.additionalProperties === false) {
    const field = [...prefix, 'unexpectedField'].join('.');
    out.push({ what: `extra property ${field}`, field, body: withValue('unexpectedField', 'x') });
  }
  // Only variants the schema really refuses (a null may be allowed, for instance), plus NUL: the server must refuse those too.
  return out.filter((variant) => variant.what.endsWith('with NUL') || !serverAccepts(root, variant.body));
}

function variantsOf(operation: Operation, baseline: { path: Record<string, string>; query: Record<string, string>; body: unknown }): Variant[] {
  const variants: Variant[] = [];
  const parameters = operation.parameters ?? [];
  for (const parameter of parameters.filter((p) => p.in === 'path')) {
    const field = `params.${parameter.name}`;
    const bad = [
      { what: `${field} huge`, value: 'x'.repeat((parameter.schema.maxLength ?? 5000) + 1) },
      { what: `${field} with NUL`, value: NUL },
      { what: `${field} not matching`, value: '!!' },
    ];
    for (const { what, value } of bad) {
      if (what.endsWith('not matching') && serverAccepts(parameter.schema, value)) continue;
      variants.push({ what, field, path: { ...baseline.path, [parameter.name]: value } });
    }
    variants.push({ what: `${field} broken %-escape`, field, path: { ...baseline.path, [parameter.name]: '%E0%A4%A' }, rawPath: true });
  }
  const queryParameters = parameters.filter((p) => p.in === 'query');
  if (queryParameters.length > 0) {
    const querySchema: JsonSchema = {
      type: 'object',
      properties: Object.fromEntries(queryParameters.map((p) => [p.name, p.schema])),
      required: queryParameters.filter((p) => p.required).map((p) => p.name),
    };
    for (const parameter of queryParameters) {
      const field = `querystring.${parameter.name}`;
      if (parameter.required) {
        const { [parameter.name]: _dropped, ...rest } = baseline.query;
        variants.push({ what: `missing ${field}`, field, query: rest });
      }
      const candidates: [string, string | string[]][] = [
        ['empty', ''], ['not a valid value', 'not-a-valid-value'], ['negative', '-5'], ['fraction', '1.5'],
        ['huge', 'x'.repeat((parameter.schema.maxLength ?? 5000) + 1)], ['repeated', ['a', 'b']],
      ];
      for (const [what, value] of candidates) {
        const query = { ...baseline.query, [parameter.name]: value };
        if (!serverAccepts(querySchema, query)) variants.push({ what: `${field} ${what}`, field, query });
      }
      variants.push({ what: `${field} with NUL`, field, query: { ...baseline.query, [parameter.name]: NUL } });
    }
  }
  const bodySchema = operation.requestBody?.content['application/json']?.schema;
  if (bodySchema) {
    const deep = `{"deep":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
    for (const raw of ['{"broken": ', '', 'null', '[]', '"text"', '42', 'true', JSON.stringify([baseline.body]), deep]) {
      variants.push({ what: `raw body ${JSON.stringify(raw.slice(0, 20))}`, field: null, raw });
    }
    variants.push({ what: 'body over the size limit', field: null, body: { ...(baseline.body as object), padding: 'x'.repeat(2 * 1024 * 1024) } });
    variants.push(...bodyVariants(bodySchema, bodySchema, baseline.body as Record<string, unknown>));
  }
  return variants;
}

// ---- the app, the operations and the callers --------------------------------------------------------

const t = await createTestApp();
afterAll(async () => { await t.close(); });

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
const document = t.app.swagger() as unknown as { paths: Record<string, Partial<Record<(typeof METHODS)[number], Operation>>> };
const operations = Object.entries(document.paths).flatMap(([path, item]) =>
  METHODS.flatMap((method) => {
    const operation = item[method];
    if (!operation) return [];
    const hasInput = operation.requestBody !== undefined || (operation.parameters ?? []).some((p) => p.in === 'path' || p.in === 'query');
    return hasInput ? [{ name: `${method.toUpperCase()} ${path}`, method: method.toUpperCase(), path, operation }] : [];
  }));

const ids: Record<string, string> = { version: '1.0' };
const callers = {} as Record<'administrator' | 'janis', TestClient>;

beforeAll(async () => {
  const db = t.deps.db;
  const household = await db.selectFrom('customers').select('id').where('customer_number', '=', 'C-100001').executeTakeFirstOrThrow();
  const marta = await db.selectFrom('users').select('id').where('email', '=', 'marta@demo.example').executeTakeFirstOrThrow();
  const membership = await db.selectFrom('memberships').select('id').where('user_id', '=', marta.id).executeTakeFirstOrThrow();
  const notice = await db.selectFrom('notices').select('id').executeTakeFirstOrThrow();
  Object.assign(ids, { customerId: household.id, userId: marta.id, membershipId: membership.id, noticeId: notice.id });
  callers.administrator = t.client('10.0.2.1');
  await callers.administrator.login('admin@demo.example', DEMO_PASSWORD);
  callers.janis = t.client('10.0.2.2');
  await callers.janis.login('janis@demo.example', DEMO_PASSWORD);
});

const auditCount = async () =>
  Number((await t.deps.db.selectFrom('audit_events').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);

function urlOf(path: string, params: Record<string, string>, query: Record<string, string | string[]>, raw = false): string {
  const filled = path.replace(/\{(\w+)\}/g, (_match, name: string) => (raw ? params[name] : encodeURIComponent(params[name])));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const one of [value].flat()) search.append(key, one);
  const text = search.toString();
  return text ? `${filled}?${text}` : filled;
}

describe('malformed input never breaks the server and never changes anything', () => {
  it('the document has the operations this file walks through', () => {
    expect(operations.length).toBeGreaterThanOrEqual(25);
    expect(operations.map((o) => o.name)).toEqual(expect.arrayContaining(['POST /api/auth/register', 'POST /api/customers/{customerId}/orders', 'GET /api/staff/audit']));
  });

  it('GRD-6: a deeply nested order payload is refused naming the field, and nothing is stored', async () => {
    const before = await fingerprint(t.deps.db);
    const depth = 100_000;
    const raw = `{"type":"meter_reading","payload":{"reading":${'['.repeat(depth)}${']'.repeat(depth)}}}`;
    const response = await callers.janis.request('POST', `/api/customers/${ids.customerId}/orders`, raw, { 'content-type': 'application/json' });
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().error.details.field).toBe('payload');
    expect(await fingerprint(t.deps.db)).toEqual(before);
  });

  describe.each(['administrator', 'janis'] as const)('as %s', (callerName) => {
    it.each(operations)('$name', async ({ method, path, operation }) => {
      const client = callers[callerName];
      const parameters = operation.parameters ?? [];
      const baseline = {
        path: Object.fromEntries(parameters.filter((p) => p.in === 'path').map((p) => [p.name, ids[p.name] ?? String(exampleOf(p.schema))])),
        query: Object.fromEntries(parameters.filter((p) => p.in === 'query' && p.required).map((p) => [p.name, String(exampleOf(p.schema))])),
        body: operation.requestBody ? exampleOf(operation.requestBody.content['application/json'].schema) : undefined,
      };
      const variants = variantsOf(operation, baseline);
      expect(variants.length).toBeGreaterThan(0);

      const before = await fingerprint(t.deps.db);
      const auditBefore = await auditCount();
      const problems: string[] = [];
      for (const variant of variants) {
        const url = urlOf(path, variant.path ?? baseline.path, variant.query ?? baseline.query, variant.rawPath);
        const hasBody = variant.raw !== undefined || variant.body !== undefined || baseline.body !== undefined;
        const payload = variant.raw ?? (hasBody ? JSON.stringify(variant.body ?? baseline.body) : undefined);
        const response = await client.request(method, url, payload, hasBody ? { 'content-type': 'application/json' } : {});
        let error: { code?: unknown; details?: { field?: unknown } } | undefined;
        try {
          error = response.json().error;
        } catch {
          error = undefined;
        }
        const where = `${variant.what} → ${response.statusCode} ${response.body.slice(0, 200)}`;
        if (response.statusCode < 400 || response.statusCode >= 500) problems.push(`status: ${where}`);
        else if (!error || typeof error.code !== 'string') problems.push(`no JSON error: ${where}`);
        else if (error.code === 'VALIDATION_FAILED') {
          const field = error.details?.field;
          if (typeof field !== 'string' || field === '') problems.push(`no field named: ${where}`);
          else if (variant.field && field !== variant.field && !field.startsWith(`${variant.field}.`)) problems.push(`names "${field}" instead of "${variant.field}": ${where}`);
        }
      }
      expect(problems).toEqual([]);
      expect(await auditCount()).toBe(auditBefore);
      expect(await fingerprint(t.deps.db)).toEqual(before);
    });
  });
});
