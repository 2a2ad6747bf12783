import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});

afterAll(async () => {
  await t?.close();
});

describe('/metrics (OPERATIONS.md: request durations by route)', () => {
  it('counts the requests of every route, by route and status, not only its own', async () => {
    const client = t.client();
    expect((await client.get('/api/health')).statusCode).toBe(200);
    expect((await client.get('/api/customers/no-such-customer/summary')).statusCode).toBe(401);
    const metrics = await client.get('/metrics');
    expect(metrics.statusCode).toBe(200);
    expect(metrics.body).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/health",status="200"\} [1-9]/);
    expect(metrics.body).toMatch(/http_request_duration_seconds_count\{method="GET",route="\/api\/customers\/:customerId\/summary",status="401"\} [1-9]/);
  });
});
