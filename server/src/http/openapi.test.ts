/**
 * One contract: every route declares its answers (success and error shapes), so /api/openapi.json describes
 * every answer, and the checked-in docs/openapi.json shows every API change in review.
 * After an intended change: `UPDATE_OPENAPI=1 npx vitest run server/src/http/openapi.test.ts` rewrites it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestApp } from '../test/test-app.js';
import { registeredRoutes } from './route-registry.js';

const SNAPSHOT = fileURLToPath(new URL('../../../docs/openapi.json', import.meta.url));

// The production shape of the API: no dev-only routes.
const t = await createTestApp({ seed: false, env: { DEV_MODE: 'false', AUDIT_SIGNING_KEY: 'openapi-snapshot-key-0123456789abcdef' } });
afterAll(async () => { await t.close(); });

describe('the API contract', () => {
  it('every /api route declares its success answers and the error shape', () => {
    const missing = registeredRoutes(t.app)
      .filter((route) => route.url.startsWith('/api/') && !(route.schema as { hide?: boolean } | undefined)?.hide && !route.url.startsWith('/api/docs'))
      .filter((route) => {
        const responses = (route.schema as { response?: Record<string, unknown> } | undefined)?.response ?? {};
        const statuses = Object.keys(responses);
        return !statuses.some((status) => /^[23]\d\d$/.test(status)) || !statuses.includes('4xx');
      })
      .map((route) => `${route.method} ${route.url}`);
    expect(missing).toEqual([]);
  });

  it('the served OpenAPI document is the one checked in as docs/openapi.json', () => {
    const served = `${JSON.stringify(t.app.swagger(), null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI) writeFileSync(SNAPSHOT, served);
    expect(served).toBe(readFileSync(SNAPSHOT, 'utf8'));
  });
});
