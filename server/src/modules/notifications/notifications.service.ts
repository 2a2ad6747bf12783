import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Database, NoticeRow, OutboxEmailRow } from '../../db/schema.js';
import type { Transporter } from 'nodemailer';
import type { Db } from '../../infra/db.js';
import { newId } from '../../infra/ids.js';
import { addMinutes, type Clock } from '../../infra/clock.js';
import { renderEmail, type EmailTemplate } from './email-templates.js';

/**
 * E-mail goes through an outbox: the use case writes the message in its own transaction, and the
 * worker sends it afterwards. A rolled-back change sends nothing; a crash after commit loses nothing.
 */
export async function queueEmail(
  trx: Db,
  message: { to: string; template: EmailTemplate; language: string; vars: Record<string, string | number> },
  now: Date,
): Promise<string> {
  const rendered = renderEmail(message.template, message.language, message.vars);
  const id = newId();
  await trx
    .insertInto('outbox_emails')
    .values({
      id,
      to_address: message.to,
      subject: rendered.subject,
      body_text: rendered.text,
      body_html: rendered.html,
      created_at: now,
      next_attempt_at: now,
      sent_at: null,
      last_error: null,
    })
    .execute();
  return id;
}

/** When each of these outbox messages was handed to the mail server (those not sent yet are left out). */
export async function emailsSentAt(db: Db, ids: readonly string[]): Promise<Map<string, Date>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('outbox_emails').select(['id', 'sent_at']).where('id', 'in', [...ids]).where('sent_at', 'is not', null).execute();
  return new Map(rows.map((row) => [row.id, row.sent_at!]));
}

/**
 * How long a deliverer holds a claimed message. Longer than the worst SMTP exchange the transport's timeouts
 * allow (infra/mailer.ts), so a message is not sent twice because its first sender was slow; after it, a
 * message whose sender died mid-send is sent again.
 */
const CLAIM_MINUTES = 10;
const MAX_BACKOFF_MINUTES = 1440;

/**
 * Sends what is due, one message at a time and never inside a transaction: each message is claimed in one
 * short statement, sent, then marked sent (or failed, with back-off). Several processes may run this at once:
 * SKIP LOCKED and the claim give each message to one. A crash between sending and marking sends that message
 * again once its claim expires: at least once, never lost. The time is read from the clock for every message,
 * so a claim made late in a long run of sends still lasts CLAIM_MINUTES.
 */
export async function deliverPendingEmails(db: Db, transport: Transporter, from: string, clock: Clock): Promise<number> {
  let sent = 0;
  for (;;) {
    const message = await claimNextEmail(db, clock.now());
    if (!message) return sent;
    try {
      await transport.sendMail({
        from,
        to: message.to_address,
        subject: message.subject,
        text: message.body_text,
        html: message.body_html,
        headers: { 'X-Outbox-Id': message.id },
      });
    } catch (error) {
      await recordFailedDelivery(db, message, clock.now(), error);
      continue;
    }
    await markEmailSent(db, message.id, clock.now());
    sent += 1;
  }
}

async function claimNextEmail(db: Db, now: Date): Promise<Selectable<OutboxEmailRow> | undefined> {
  return db
    .updateTable('outbox_emails')
    .set({ claimed_until: addMinutes(now, CLAIM_MINUTES) })
    .where('id', '=', (eb) => eb
      .selectFrom('outbox_emails')
      .select('id')
      .where('sent_at', 'is', null)
      .where('next_attempt_at', '<=', now)
      .where((w) => w.or([w('claimed_until', 'is', null), w('claimed_until', '<=', now)]))
      .orderBy('created_at')
      .limit(1)
      .forUpdate()
      .skipLocked())
    .returningAll()
    .executeTakeFirst();
}

async function markEmailSent(db: Db, id: string, now: Date): Promise<void> {
  await db.updateTable('outbox_emails').set({ sent_at: now, attempts: sql`attempts + 1`, claimed_until: null }).where('id', '=', id).execute();
}

/** Back off: 1, 2, 4 … minutes, at most a day. */
async function recordFailedDelivery(db: Db, message: Selectable<OutboxEmailRow>, now: Date, error: unknown): Promise<void> {
  const delayMinutes = Math.min(2 ** message.attempts, MAX_BACKOFF_MINUTES);
  await db
    .updateTable('outbox_emails')
    .set({
      attempts: sql`attempts + 1`,
      last_error: String(error).slice(0, 500),
      next_attempt_at: addMinutes(now, delayMinutes),
      claimed_until: null,
    })
    .where('id', '=', message.id)
    .execute();
}

/** GRD-7: a notice in the portal inbox counts as received once it is there. */
export async function postNotice(
  trx: Db,
  notice: { customerId: string | null; userId: string | null; kind: string; title: string; body: string },
  now: Date,
): Promise<void> {
  await trx
    .insertInto('notices')
    .values({
      id: newId(),
      customer_id: notice.customerId,
      user_id: notice.userId,
      kind: notice.kind,
      title: notice.title,
      body: notice.body,
      created_at: now,
    })
    .execute();
}

type InboxScope = { userId: string; customerIds: string[] };

/** A user sees the notices addressed to them and those addressed to a customer they act for. */
function visibleTo(eb: ExpressionBuilder<Database & { n: NoticeRow }, 'n'>, scope: InboxScope) {
  return eb.or([
    eb('n.user_id', '=', scope.userId),
    ...(scope.customerIds.length ? [eb.and([eb('n.customer_id', 'in', scope.customerIds), eb('n.user_id', 'is', null)])] : []),
  ]);
}

/** The notices a user sees, newest first, with the user's own read marks. */
export async function listNotices(db: Db, scope: InboxScope, limit = 100) {
  const rows = await db
    .selectFrom('notices as n')
    .leftJoin('notice_reads as r', (join) => join.onRef('r.notice_id', '=', 'n.id').on('r.user_id', '=', scope.userId))
    .select(['n.id', 'n.customer_id', 'n.kind', 'n.title', 'n.body', 'n.created_at', 'r.read_at'])
    .where((eb) => visibleTo(eb, scope))
    .orderBy('n.created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    customerId: row.customer_id,
    kind: row.kind,
    title: row.title,
    body: row.body,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  }));
}

export async function markNoticeRead(db: Db, noticeId: string, scope: InboxScope, now: Date) {
  const notice = await db
    .selectFrom('notices as n')
    .select('n.id')
    .where('n.id', '=', noticeId)
    .where((eb) => visibleTo(eb, scope))
    .executeTakeFirst();
  if (!notice) return false;
  await db
    .insertInto('notice_reads')
    .values({ notice_id: noticeId, user_id: scope.userId, read_at: now })
    .onConflict((oc) => oc.columns(['notice_id', 'user_id']).doNothing())
    .execute();
  return true;
}
