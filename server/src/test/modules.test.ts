/** OPS-3: the operator profile turns modules on and off; a module that is off has no routes at all. */
import { afterEach, describe, expect, it } from 'vitest';
import { Type } from '@fastify/type-provider-typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { loadOperatorProfile } from '@up/operators';
import type { Deps } from '../deps.js';
import { enabledModules, PORTAL_MODULES } from '../modules.js';
import type { PortalModule } from '../portal-module.js';
import { CustomerParams } from '@up/common/contracts/fields';
import { registeredRoutes } from '../http/route-registry.js';
import { DEMO_PASSWORD } from '../db/demo-data.js';
import { createTestApp, type TestApp } from './test-app.js';
import { runDueJobs } from '../jobs.js';

/** A module of the kind metering will be: switched by the profile's 'metering', with a customer and a staff route. */
const meteringLike: PortalModule = {
  name: 'metering-test',
  switchedBy: 'metering',
  customerRoutes: (async (app) => {
    app.get('/api/customers/:customerId/meters-test', { config: { access: { customer: 'member' } }, schema: { params: CustomerParams } }, async () => ({ meters: [] }));
  }) as FastifyPluginAsyncTypebox<Deps>,
  staffRoutes: (async (app) => {
    app.get('/api/staff/meters-test', { config: { access: 'staff' }, schema: { querystring: Type.Object({}) } }, async () => []);
  }) as FastifyPluginAsyncTypebox<Deps>,
  auditActions: [],
};

let t: TestApp | undefined;
afterEach(async () => { await t?.close(); t = undefined; });

async function appWith(modules: string[]) {
  t = await createTestApp({ operator: { modules: modules as never }, modules: [...PORTAL_MODULES, meteringLike] });
  return t;
}

describe('OPS-3: modules per operator profile', () => {
  it('OPS-3: a module the profile leaves off has no routes: not registered, not documented, 404 for everyone', async () => {
    const app = await appWith(['accounts']);
    const urls = registeredRoutes(app.app).map((route) => route.url);
    expect(urls.filter((url) => url.includes('meters-test'))).toEqual([]);
    expect(Object.keys((app.app.swagger() as { paths: object }).paths).filter((path) => path.includes('meters-test'))).toEqual([]);
    const staff = app.client('10.0.30.1');
    await staff.login('admin@demo.example', DEMO_PASSWORD);
    expect((await staff.get('/api/staff/meters-test')).statusCode).toBe(404);
  });

  it('OPS-3: the same module turned on in the profile has its routes', async () => {
    const app = await appWith(['accounts', 'metering']);
    const staff = app.client('10.0.30.2');
    await staff.login('admin@demo.example', DEMO_PASSWORD);
    expect((await staff.get('/api/staff/meters-test')).statusCode).toBe(200);
    expect(Object.keys((app.app.swagger() as { paths: object }).paths)).toContain('/api/customers/{customerId}/meters-test');
  });

  it('OPS-3: core modules are on for every shipped profile; each module is listed once', () => {
    for (const id of ['demo', 'elektrum', 'sadales-tikls', 'enefit', 'e-sakari']) {
      const core = PORTAL_MODULES.filter((module) => module.switchedBy === 'core');
      expect(enabledModules(loadOperatorProfile(id)), id).toEqual(expect.arrayContaining(core));
    }
    expect(new Set(PORTAL_MODULES.map((module) => module.name)).size).toBe(PORTAL_MODULES.length);
  });

  it('ACC-17: the modules together declare every audit action once', async () => {
    const { AUDIT_ACTIONS } = await import('@up/common/contracts/audit-actions');
    const declared = PORTAL_MODULES.flatMap((module) => [...module.auditActions]);
    expect([...declared].sort()).toEqual([...AUDIT_ACTIONS].sort());
    expect(new Set(declared).size).toBe(declared.length);
  });
});

describe('module jobs', () => {
  it('a job that throws is logged and retried later, and the other jobs of the tick still run', async () => {
    const app = await createTestApp({ seed: false });
    t = app;
    const ran: string[] = [];
    let failures = 1;
    const flaky: PortalModule = {
      name: 'flaky-test', switchedBy: 'core', auditActions: [],
      jobs: [
        { name: 'flaky-hourly', every: 'hour', run: async () => { ran.push('flaky'); if (failures-- > 0) throw new Error('first try fails'); } },
        { name: 'steady-tick', every: 'tick', run: async () => { ran.push('steady'); } },
      ],
    };
    const errors: unknown[] = [];
    const log = { info: () => {}, error: (details: Record<string, unknown>) => { errors.push(details.job); } };
    await runDueJobs(app.deps, log, [flaky]);
    expect(ran).toEqual(['flaky', 'steady']);
    expect(errors).toEqual(['flaky-hourly']);
    app.clock.advanceMinutes(2); // past the first back-off (1 minute), in the same hour
    await runDueJobs(app.deps, log, [flaky]);
    expect(ran).toEqual(['flaky', 'steady', 'flaky', 'steady']);
    const run = await app.deps.db.selectFrom('job_runs').selectAll().where('job', '=', 'flaky-hourly').executeTakeFirstOrThrow();
    expect({ status: run.status, attempts: run.attempts }).toEqual({ status: 'succeeded', attempts: 2 });
  });
});

describe('module e-mails', () => {
  it('every e-mail a module sends has a subject and text in lv, en and ru, with the same placeholders in each', () => {
    const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
    const templates = PORTAL_MODULES.flatMap((module) => Object.entries(module.emailTemplates ?? {}).map(([name, template]) => ({ name: `${module.name}.${name}`, template })));
    expect(templates.length).toBeGreaterThanOrEqual(9);
    for (const { name, template } of templates) {
      for (const lang of ['lv', 'en', 'ru'] as const) {
        expect(template[lang].subject.trim(), `${name} ${lang}`).not.toBe('');
        expect(placeholders(template[lang].body), `${name} ${lang} body`).toEqual(placeholders(template.en.body));
        expect(placeholders(template[lang].subject), `${name} ${lang} subject`).toEqual(placeholders(template.en.subject));
      }
    }
  });
});
