import type { AuditAction } from '@up/common/contracts/audit-actions';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { openTestDatabase } from '../../test/test-database.js';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import type { Db, OpenDatabase } from '../../infra/db.js';
import { ConfigError, loadConfig } from '../../config.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { runDueJobs } from '../../jobs.js';
import { hashEvent, recordAudit, verifyAuditChain } from './audit.service.js';
import {
  AUDIT_CHECKPOINT_INTERVAL_MINUTES, checkpointSignature, verifyAuditCheckpoints, writeAuditCheckpoint, writeDueAuditCheckpoint,
} from './audit-checkpoints.js';

const KEY = 'a-test-key-of-at-least-thirty-two-characters';
const OTHER_KEY = 'another-key-of-at-least-thirty-two-characters';
const at = (iso: string) => new Date(iso);

let database: OpenDatabase;
let db: Db;

beforeAll(async () => {
  database = await openTestDatabase();
  db = database.db;
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await sql`TRUNCATE audit_events, audit_checkpoints`.execute(db);
  await sql`UPDATE audit_chain_head SET seq = 0, hash = repeat('0', 64), prev_hash = NULL`.execute(db);
});

async function appendEvents(count: number, now = at('2026-11-23T10:00:00Z')) {
  for (let i = 0; i < count; i++) {
    await db.transaction().execute((trx) =>
      recordAudit(trx, { userId: null, role: 'user', ip: '192.0.2.1' }, { action: 'test.action' as AuditAction, details: { n: i } }, now));
  }
}

/** What someone with write access to the database can do: change an event and recompute every hash after it. */
async function rewriteAndRecompute(seq: number, details: Record<string, unknown>) {
  await sql`UPDATE audit_events SET details = ${JSON.stringify(details)}::jsonb WHERE seq = ${seq}`.execute(db);
  const events = await db.selectFrom('audit_events').selectAll().where('seq', '>=', seq).orderBy('seq').execute();
  let prev = (await db.selectFrom('audit_events').select('hash').where('seq', '=', seq - 1).executeTakeFirst())?.hash ?? '0'.repeat(64);
  for (const event of events) {
    const hash = hashEvent({ ...event, prev_hash: prev });
    await db.updateTable('audit_events').set({ prev_hash: prev, hash }).where('seq', '=', event.seq).execute();
    prev = hash;
  }
  await db.updateTable('audit_chain_head').set({ hash: prev }).where('id', '=', 1).execute();
}

describe('ACC-17: signed checkpoints of the audit chain head', () => {
  it('ACC-17: signs the head, and signs again only after new events, each signature covering the one before', async () => {
    expect(await writeAuditCheckpoint(db, KEY, at('2026-11-23T10:00:00Z'))).toBeNull(); // nothing to sign yet
    await appendEvents(3);
    const first = await writeAuditCheckpoint(db, KEY, at('2026-11-23T11:00:00Z'));
    expect(first).toMatchObject({ seq: 3, prev_signature: '' });
    const head = await db.selectFrom('audit_chain_head').select('hash').executeTakeFirstOrThrow();
    expect(first!.hash).toBe(head.hash);
    expect(first!.signature).toBe(checkpointSignature(KEY, first!));
    expect(await writeAuditCheckpoint(db, KEY, at('2026-11-23T12:00:00Z'))).toBeNull();
    await appendEvents(2);
    const second = await writeAuditCheckpoint(db, KEY, at('2026-11-23T13:00:00Z'));
    expect(second).toMatchObject({ seq: 5, prev_signature: first!.signature });
    expect(await verifyAuditCheckpoints(db, KEY)).toEqual({ ok: true, checkpoints: 2, newest: { seq: 5, signedAt: at('2026-11-23T13:00:00Z') } });
  });

  it('ACC-17: an event rewritten with every later hash recomputed passes the chain walk, but not the signed checkpoint', async () => {
    await appendEvents(4);
    await writeAuditCheckpoint(db, KEY, at('2026-11-23T11:00:00Z'));
    await appendEvents(3);
    await writeAuditCheckpoint(db, KEY, at('2026-11-23T12:00:00Z'));

    await rewriteAndRecompute(6, { n: 'rewritten' });
    expect(await verifyAuditChain(db)).toEqual({ ok: true, events: 7 }); // the chain alone cannot tell
    const verdict = await verifyAuditCheckpoints(db, KEY);
    expect(verdict.ok).toBe(false);
    expect(verdict).toMatchObject({ checkpoints: 1 });
    expect(!verdict.ok && verdict.reason).toBe(
      'event 7 no longer has the hash signed at 2026-11-23T12:00:00.000Z: an event after event 4 up to 7 was altered and the chain recomputed');
  });

  it('ACC-17: a checkpoint altered, removed from the middle, or checked with another key is reported', async () => {
    for (const hour of [11, 12, 13]) {
      await appendEvents(2);
      await writeAuditCheckpoint(db, KEY, at(`2026-11-23T${hour}:00:00Z`));
    }
    const reasonOf = async (key = KEY) => {
      const verdict = await verifyAuditCheckpoints(db, key);
      return verdict.ok ? 'ok' : verdict.reason;
    };
    expect(await reasonOf()).toBe('ok');
    expect(await reasonOf(OTHER_KEY)).toMatch(/^checkpoint of event 2 .* has a wrong signature/);

    const original = await db.selectFrom('audit_checkpoints').selectAll().where('seq', '=', 4).executeTakeFirstOrThrow();
    await db.updateTable('audit_checkpoints').set({ signed_at: at('2026-11-23T12:30:00Z') }).where('seq', '=', 4).execute();
    expect(await reasonOf()).toMatch(/^checkpoint of event 4 .* has a wrong signature/);
    await db.deleteFrom('audit_checkpoints').where('seq', '=', 4).execute();
    expect(await reasonOf()).toMatch(/^checkpoint of event 6 .* does not follow the one before it/);
    await db.insertInto('audit_checkpoints').values(original).execute();
    expect(await reasonOf()).toBe('ok');

    await db.deleteFrom('audit_events').where('seq', '>=', 5).execute();
    await db.updateTable('audit_chain_head').set({ seq: 4, hash: original.hash }).where('id', '=', 1).execute();
    expect(await verifyAuditChain(db)).toEqual({ ok: true, events: 4 }); // the newest events and the head, removed together
    expect(await reasonOf()).toBe('event 6, signed at 2026-11-23T13:00:00.000Z, is missing: events after event 4 up to it were removed');
  });

  it('ACC-17: checkpoints written at the same moment by two processes still form one chain', async () => {
    await appendEvents(2);
    const written = await Promise.all([
      writeAuditCheckpoint(db, KEY, at('2026-11-23T11:00:00Z')),
      writeAuditCheckpoint(db, KEY, at('2026-11-23T11:00:00Z')),
    ]);
    expect(written.filter(Boolean)).toHaveLength(1);
    expect(await verifyAuditCheckpoints(db, KEY)).toMatchObject({ ok: true, checkpoints: 1 });
  });
});

describe('ACC-17: the job signs the chain head a few minutes after new events', () => {
  let t: TestApp;
  beforeEach(async () => { t = await createTestApp(); });
  afterEach(async () => { await t.close(); });

  const checkpoints = () => t.deps.db.selectFrom('audit_checkpoints').selectAll().orderBy('seq').execute();
  const head = () => t.deps.db.selectFrom('audit_chain_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
  const login = () => t.client('192.0.2.70').login('janis@demo.example', DEMO_PASSWORD); // appends audit events

  /** What someone with write access to the database can do: cut the newest events and set the chain head back. */
  async function cutEventsAfter(seq: number) {
    const event = await t.deps.db.selectFrom('audit_events').select(['hash', 'prev_hash']).where('seq', '=', seq).executeTakeFirstOrThrow();
    await t.deps.db.deleteFrom('audit_events').where('seq', '>', seq).execute();
    await t.deps.db.updateTable('audit_chain_head').set({ seq, hash: event.hash, prev_hash: event.prev_hash }).where('id', '=', 1).execute();
  }

  it('ACC-17: events cut with the chain head after a checkpoint signed earlier in the same hour are reported, because the job signed them 6 minutes later', async () => {
    expect(AUDIT_CHECKPOINT_INTERVAL_MINUTES).toBe(5);
    const logged: { details: Record<string, unknown>; message: string }[] = [];
    const log = { info: (details: Record<string, unknown>, message: string) => logged.push({ details, message }) };
    await login();
    t.clock.set('2026-11-23T10:01:00Z');
    await runDueJobs(t.deps, log);
    const [previous] = await checkpoints();
    expect(previous).toBeDefined();

    await login();
    await login();
    const cutHead = await head();
    expect(cutHead.seq).toBeGreaterThan(previous.seq);
    t.clock.advanceMinutes(6); // 10:07, the same clock hour
    await runDueJobs(t.deps, log);

    await cutEventsAfter(previous.seq);
    expect(await verifyAuditChain(t.deps.db)).toEqual({ ok: true, events: previous.seq }); // the chain alone cannot tell
    expect(await verifyAuditCheckpoints(t.deps.db, t.deps.config.auditSigningKey)).toEqual({
      ok: false,
      checkpoints: 1,
      reason: `event ${cutHead.seq}, signed at 2026-11-23T10:07:00.000Z, is missing: events after event ${previous.seq} up to it were removed`,
    });
    const newest = (await checkpoints())[1];
    expect(newest).toMatchObject({ seq: cutHead.seq, hash: cutHead.hash, prev_signature: previous.signature });
    expect(logged.at(-1)).toEqual({ message: 'audit checkpoint signed', details: { auditCheckpoint: { ...newest, signed_at: '2026-11-23T10:07:00.000Z' } } });
  });

  it('ACC-17: no checkpoint while the newest one is under 5 minutes old, nor when nothing was appended since', async () => {
    await login();
    t.clock.set('2026-11-23T10:01:00Z');
    await runDueJobs(t.deps);
    expect(await checkpoints()).toHaveLength(1);

    await login();
    t.clock.set('2026-11-23T10:05:59Z'); // 4 min 59 s after the newest checkpoint
    await runDueJobs(t.deps);
    expect(await checkpoints()).toHaveLength(1);
    t.clock.set('2026-11-23T10:06:00Z');
    await runDueJobs(t.deps);
    const signed = await checkpoints();
    expect(signed).toHaveLength(2);
    expect(signed[1].seq).toBe((await head()).seq);

    // Nothing appended since: 10 minutes later there is still nothing to sign.
    t.clock.advanceMinutes(10);
    await runDueJobs(t.deps);
    expect((await head()).seq).toBe(signed[1].seq);
    expect(await checkpoints()).toHaveLength(2);
  });

  it('ACC-17: two processes finding a checkpoint due at the same moment write one', async () => {
    await login();
    t.clock.set('2026-11-23T10:01:00Z');
    await runDueJobs(t.deps);
    await login();
    const now = new Date('2026-11-23T10:07:00Z');
    const written = await Promise.all([
      writeDueAuditCheckpoint(t.deps.db, t.deps.config.auditSigningKey, now),
      writeDueAuditCheckpoint(t.deps.db, t.deps.config.auditSigningKey, now),
    ]);
    expect(written.filter(Boolean)).toHaveLength(1);
    expect(await checkpoints()).toHaveLength(2);
    expect(await verifyAuditCheckpoints(t.deps.db, t.deps.config.auditSigningKey)).toMatchObject({ ok: true, checkpoints: 2 });
  });
});

describe('ACC-17: AUDIT_SIGNING_KEY', () => {
  it('ACC-17: is required outside development, and must be at least 32 characters', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://portal.example' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://portal.example' })).toThrow(/AUDIT_SIGNING_KEY must be set/);
    expect(() => loadConfig({ DEV_MODE: 'false', AUDIT_SIGNING_KEY: 'short' })).toThrow(/at least 32 characters/);
    expect(loadConfig({ NODE_ENV: 'production', PUBLIC_URL: 'https://portal.example', AUDIT_SIGNING_KEY: KEY }).auditSigningKey).toBe(KEY);
    expect(loadConfig({ DEV_MODE: 'true' }).auditSigningKey).toMatch(/^dev-only/);
  });
});
