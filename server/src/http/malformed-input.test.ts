/**
 * Malformed input against EVERY operation of the OpenAPI document (app.swagger()), so that a new route is
 * covered as soon as it has a schema: wrong types, missing fields, huge strings, NUL characters, lone
 * surrogates, out-of-range numbers, non-JSON, arrays and null instead of objects, for a logged-in
 * administrator and a logged-in customer user.
 * Every answer must be a 4xx with the JSON error shape naming the field, and nothing may change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { createTestApp, type TestClient } from '../test/test-app.js';
import { DEMO_PASSWORD } from '../db/demo-data.js';
import { fingerprint } from '../test/table-fingerprint.js';
import { exampleOf, type JsonSchema } from '../test/schema-examples.js';
import { registeredRoutes } from './route-registry.js';

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
  /** query values put into the URL as they are, not %-encoded */
  rawQuery?: boolean;
  /** an object is sent as JSON; a string is sent raw as application/json */
  body?: unknown;
  raw?: string;
  /**
   * A query value the server cannot decode (%ED%A0%80: the WTF-8 bytes of a lone surrogate) reaches the route
   * as the literal text "%ED%A0%80", which the route may well accept: it must not fail, but need not be a 4xx.
   */
  mayBeAccepted?: boolean;
}

const WRONG_VALUES: unknown[] = [{ unexpected: true }, 12345, true, 'not-a-valid-value', [], [1, 2]];
const NUL = 'a\u0000b';
/** JSON.stringify writes it as the escape "\ud800", as a client sending a lone surrogate would. */
const LONE_SURROGATE = 'a\ud800b';
/** A lone surrogate cannot be sent raw in a URL: these are its bytes in WTF-8 (CESU-8), %-encoded. */
const LONE_SURROGATE_IN_URL = 'a%ED%A0%80b';
/** Numbers outside every bound, as JSON or query text: 1e23 is no safe integer, 1e400 parses as Infinity. */
const OUT_OF_RANGE_NUMBERS = ['99999999999999999999999', '1e400', '-1e400'];
const isNumeric = (schema: JsonSchema) =>
  schema.type === 'integer' || schema.type === 'number' || (schema.anyOf ?? []).some((branch) => branch.type === 'integer' || branch.type === 'number');

/** Variants of one value inside the body (recursing into nested objects), each naming the field it breaks. */
interface BodyVariant { what: string; field: string; body: unknown; raw?: string; alwaysRefused?: boolean }

function bodyVariants(root: JsonSchema, schema: JsonSchema, baseline: Record<string, unknown>, prefix: string[] = []): BodyVariant[] {
  const out: BodyVariant[] = [];
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
      out.push({ what: `${field} with NUL`, field, body: withValue(key, NUL), alwaysRefused: true });
      out.push({ what: `${field} with a lone surrogate`, field, body: withValue(key, LONE_SURROGATE), alwaysRefused: true });
    }
    if (isNumeric(property)) {
      // JSON.stringify cannot write 1e400 (it has no Infinity), so the number goes into the JSON text as written.
      const marker = '__out_of_range_number__';
      for (const number of OUT_OF_RANGE_NUMBERS) {
        const raw = JSON.stringify(withValue(key, marker)).replace(JSON.stringify(marker), number);
        out.push({ what: `${field} = ${number}`, field, body: JSON.parse(raw), raw, alwaysRefused: true });
      }
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
  // Only variants the schema really refuses (a null may be allowed, for instance), plus those the server must
  // refuse whatever the schema says: NUL, lone surrogates, numbers out of range.
  return out.filter((variant) => variant.alwaysRefused || !serverAccepts(root, variant.body));
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
      ...(isNumeric(parameter.schema) ? OUT_OF_RANGE_NUMBERS.map((number) => ({ what: `${field} = ${number}`, value: number })) : []),
    ];
    for (const { what, value } of bad) {
      if (what.endsWith('not matching') && serverAccepts(parameter.schema, value)) continue;
      variants.push({ what, field, path: { ...baseline.path, [parameter.name]: value } });
    }
    variants.push({ what: `${field} broken %-escape`, field, path: { ...baseline.path, [parameter.name]: '%E0%A4%A' }, rawPath: true });
    variants.push({ what: `${field} with a lone surrogate`, field, path: { ...baseline.path, [parameter.name]: LONE_SURROGATE_IN_URL }, rawPath: true });
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
      if (isNumeric(parameter.schema)) {
        for (const number of OUT_OF_RANGE_NUMBERS) variants.push({ what: `${field} = ${number}`, field, query: { ...baseline.query, [parameter.name]: number } });
      }
      variants.push({
        what: `${field} with a lone surrogate`, field, query: { ...baseline.query, [parameter.name]: LONE_SURROGATE_IN_URL }, rawQuery: true, mayBeAccepted: true,
      });
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

function urlOf(path: string, params: Record<string, string>, query: Record<string, string | string[]>, rawPath = false, rawQuery = false): string {
  const filled = path.replace(/\{(\w+)\}/g, (_match, name: string) => (rawPath ? params[name] : encodeURIComponent(params[name])));
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) for (const one of [value].flat()) search.append(key, one);
  const text = rawQuery
    ? Object.entries(query).flatMap(([key, value]) => [value].flat().map((one) => `${encodeURIComponent(key)}=${one}`)).join('&')
    : search.toString();
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

  it('a lone surrogate in an order payload, as a value or as a key, is refused naming the field, and nothing is stored', async () => {
    const before = await fingerprint(t.deps.db);
    const url = `/api/customers/${ids.customerId}/orders`;
    const asValue = await callers.janis.request('POST', url, '{"type":"meter_reading","payload":{"note":{"text":"a\\udc00b"}}}', { 'content-type': 'application/json' });
    expect(asValue.statusCode, asValue.body).toBe(400);
    expect(asValue.json().error.details).toEqual({ field: 'payload.note.text', reason: 'must be valid Unicode text (no unpaired surrogate)' });
    const asKey = await callers.janis.request('POST', url, '{"type":"meter_reading","payload":{"re\\ud800ading":"1"}}', { 'content-type': 'application/json' });
    expect(asKey.statusCode, asKey.body).toBe(400);
    expect(asKey.json().error.details.field).toBe('payload.reading');
    // A pair of surrogates is one character (here U+1F600), and fine.
    const paired = await callers.janis.request('POST', url, '{"type":"no_such_type","payload":{"note":"\\ud83d\\ude00"}}', { 'content-type': 'application/json' });
    expect(paired.json().error.code).toBe('ORDER_TYPE_OFF');
    expect(await fingerprint(t.deps.db)).toEqual(before);
  });

  it('every number a route takes (path, query string, body) has a finite minimum and maximum in its schema', () => {
    const unbounded: string[] = [];
    const walk = (schema: unknown, where: string) => {
      if (schema === null || typeof schema !== 'object') return;
      const node = schema as JsonSchema & { exclusiveMinimum?: number; exclusiveMaximum?: number; maximum?: number; patternProperties?: Record<string, unknown> };
      const types = [node.type].flat();
      if (types.includes('integer') || types.includes('number')) {
        const low = node.minimum ?? node.exclusiveMinimum;
        const high = node.maximum ?? node.exclusiveMaximum;
        if (!Number.isFinite(low) || !Number.isFinite(high)) unbounded.push(`${where}: ${JSON.stringify(node)}`);
      }
      for (const [key, child] of Object.entries(node.properties ?? {})) walk(child, `${where}.${key}`);
      for (const child of Object.values(node.patternProperties ?? {})) walk(child, `${where}.*`);
      for (const child of [...(node.anyOf ?? []), ...(node.oneOf ?? [])]) walk(child, where);
      if (node.items) walk(node.items, `${where}[]`);
      if (typeof node.additionalProperties === 'object') walk(node.additionalProperties, `${where}.*`);
    };
    const routes = registeredRoutes(t.app);
    for (const route of routes) {
      for (const part of ['params', 'querystring', 'body'] as const) walk(route.schema?.[part], `${route.method} ${route.url} ${part}`);
    }
    expect(routes.some((route) => route.url === '/api/staff/audit')).toBe(true);
    expect(unbounded).toEqual([]);
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
        const url = urlOf(path, variant.path ?? baseline.path, variant.query ?? baseline.query, variant.rawPath, variant.rawQuery);
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
        if (variant.mayBeAccepted && response.statusCode < 400) continue;
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
