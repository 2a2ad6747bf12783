import type { Generated } from 'kysely';
import type { Timestamp } from '../../db/column-types.js';

/** Row types of the tables the notifications module owns, as Kysely sees them (composed into db/schema.ts). */

export interface NoticeRow {
  id: string;
  customer_id: string | null;
  user_id: string | null;
  kind: string;
  title: string;
  body: string;
  created_at: Timestamp;
}

export interface NoticeReadRow {
  notice_id: string;
  user_id: string;
  read_at: Timestamp;
}

export interface OutboxEmailRow {
  id: string;
  to_address: string;
  subject: string;
  body_text: string;
  body_html: string;
  created_at: Timestamp;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  sent_at: Timestamp | null;
  last_error: string | null;
  /** while set and in the future, one deliverer is sending the message (with no transaction open) */
  claimed_until: Timestamp | null;
}

export interface NotificationsTables {
  notices: NoticeRow;
  notice_reads: NoticeReadRow;
  outbox_emails: OutboxEmailRow;
}
