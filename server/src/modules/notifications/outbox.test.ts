/**
 * The e-mail outbox sends with no database transaction open: a message is claimed in one short statement,
 * sent, then marked. On PGlite (one connection) a stalled mail server must not stall the API meanwhile.
 * Runs on PGlite, and on PostgreSQL with DATABASE_URL (multi-process.test.ts covers two processes).
 */
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Transporter } from 'nodemailer';
import { createTestApp, type TestApp } from '../../test/test-app.js';
import { DEMO_PASSWORD } from '../../db/demo-data.js';
import { addMinutes } from '../../infra/clock.js';
import { createSmtpTransport } from '../../infra/mailer.js';
import { deliverPendingEmails, queueEmail } from './notifications.service.js';
import { ACCOUNTS_EMAILS } from '../accounts/accounts.emails.js';

/** An SMTP server that accepts connections and never says a word, until told to hang up. */
async function startStalledSmtpServer() {
  const sockets = new Set<Socket>();
  let connected: () => void = () => {};
  const firstConnection = new Promise<void>((resolve) => (connected = resolve));
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    connected();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    firstConnection,
    hangUp: () => { for (const socket of sockets) socket.destroy(); },
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Fails if the request takes longer than 2 s (on PGlite it would wait for the mail server if a transaction were open). */
async function within2s<T>(request: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const tooSlow = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error('the request waited over 2 s while the mail server stalled')), 2_000);
  });
  try {
    return await Promise.race([request, tooSlow]);
  } finally {
    clearTimeout(timer);
  }
}

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await t.deliverMail(); // whatever the demo data queued
});
afterAll(async () => { await t?.close(); });

const queueTestEmail = (to: string) =>
  queueEmail(t.deps.db, { to, template: ACCOUNTS_EMAILS.account_deleted, language: 'en', vars: { portal: 'Portal', name: to, reason: 'test' } }, t.clock.now());

const outboxRowTo = (to: string) =>
  t.deps.db.selectFrom('outbox_emails').selectAll().where('to_address', '=', to).executeTakeFirstOrThrow();

describe('e-mail outbox: sending happens outside any database transaction', () => {
  it('API requests complete promptly while the mail server stalls; the message stays unsent and is retried later', async () => {
    await queueTestEmail('stalled@example.com');
    const stalled = await startStalledSmtpServer();
    try {
      const delivery = deliverPendingEmails(t.deps.db, createSmtpTransport(stalled.url), t.deps.config.mailFrom, t.clock);
      await stalled.firstConnection; // the message is claimed and the transport is waiting for the server

      const anonymous = t.client('10.0.7.1');
      expect((await within2s(anonymous.get('/api/session'))).statusCode).toBe(200);
      const janis = t.client('10.0.7.2');
      expect((await within2s(janis.post('/api/auth/login', { email: 'janis@demo.example', password: DEMO_PASSWORD }))).statusCode).toBe(200);
      expect((await within2s(janis.get('/api/session'))).json().user).toMatchObject({ email: 'janis@demo.example' });

      const whileSending = await outboxRowTo('stalled@example.com');
      expect(whileSending.sent_at).toBeNull();
      expect(whileSending.claimed_until).toEqual(addMinutes(t.clock.now(), 10));

      stalled.hangUp();
      expect(await delivery).toBe(0);
    } finally {
      await stalled.close();
    }
    const failed = await outboxRowTo('stalled@example.com');
    expect(failed).toMatchObject({ sent_at: null, attempts: 1, claimed_until: null, next_attempt_at: addMinutes(t.clock.now(), 1) });
    expect(failed.last_error).toBeTruthy();

    await t.deliverMail(); // the working server, but the back-off has not passed
    expect(t.mail.to('stalled@example.com')).toHaveLength(0);
    t.clock.advanceMinutes(1);
    await t.deliverMail();
    expect(t.mail.to('stalled@example.com')).toHaveLength(1);
    expect(await outboxRowTo('stalled@example.com')).toMatchObject({ sent_at: t.clock.now(), attempts: 2, claimed_until: null });
  });

  it('the transport gives up on a silent server after its timeout', async () => {
    await queueTestEmail('silent@example.com');
    const stalled = await startStalledSmtpServer();
    try {
      const impatient = createSmtpTransport(stalled.url, { connectionTimeout: 2_000, greetingTimeout: 200, socketTimeout: 2_000 });
      expect(await deliverPendingEmails(t.deps.db, impatient, t.deps.config.mailFrom, t.clock)).toBe(0);
    } finally {
      await stalled.close();
    }
    const failed = await outboxRowTo('silent@example.com');
    expect(failed).toMatchObject({ sent_at: null, attempts: 1, claimed_until: null });
    expect(failed.last_error).toMatch(/greeting|timeout/i);
    t.clock.advanceMinutes(1);
    await t.deliverMail();
    expect(t.mail.to('silent@example.com')).toHaveLength(1);
  });

  it('two deliverers at once send each message once', async () => {
    const addresses = Array.from({ length: 8 }, (_, i) => `pair-${i}@example.com`);
    for (const address of addresses) await queueTestEmail(address);
    const deliver = () => deliverPendingEmails(t.deps.db, t.deps.mailTransport, t.deps.config.mailFrom, t.clock);
    const [first, second] = await Promise.all([deliver(), deliver()]);
    expect(first + second).toBe(addresses.length);
    for (const address of addresses) expect(t.mail.to(address), address).toHaveLength(1);
  });

  it('reads the clock for every message, so a claim made late in a long run of sends still lasts 10 minutes', async () => {
    const addresses = ['slow-1@example.com', 'slow-2@example.com'];
    for (const address of addresses) await queueTestEmail(address);
    const started = t.clock.now();
    const claimsWhileSending: Date[] = [];
    // A transport that takes 15 minutes (of the clock) per message.
    const slow = {
      sendMail: async (mail: { headers: Record<string, string> }) => {
        const row = await t.deps.db.selectFrom('outbox_emails').select('claimed_until').where('id', '=', mail.headers['X-Outbox-Id']).executeTakeFirstOrThrow();
        claimsWhileSending.push(row.claimed_until!);
        t.clock.advanceMinutes(15);
      },
    } as unknown as Transporter;
    expect(await deliverPendingEmails(t.deps.db, slow, t.deps.config.mailFrom, t.clock)).toBe(2);
    expect(claimsWhileSending).toEqual([addMinutes(started, 10), addMinutes(started, 25)]);
    expect((await outboxRowTo('slow-2@example.com')).sent_at).toEqual(addMinutes(started, 30));
  });

  it('a message claimed by a process that died is sent once its claim has expired', async () => {
    await queueTestEmail('orphan@example.com');
    const now = t.clock.now();
    await t.deps.db.updateTable('outbox_emails').set({ claimed_until: addMinutes(now, 10) }).where('to_address', '=', 'orphan@example.com').execute();
    await t.deliverMail();
    expect(t.mail.to('orphan@example.com')).toHaveLength(0);
    t.clock.advanceMinutes(10);
    await t.deliverMail();
    expect(t.mail.to('orphan@example.com')).toHaveLength(1);
  });
});
