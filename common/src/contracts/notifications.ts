import { Type, type Static } from 'typebox';
import { Instant, Nullable } from './fields.ts';

/** The notifications module's part of the API contract: the in-portal inbox (GRD-7). */

/** GRD-7: a notice to the user (customerId null) or to a customer the user acts for, with the user's read mark. */
export const Notice = Type.Object({
  id: Type.String(),
  customerId: Nullable(Type.String()),
  kind: Type.String(),
  title: Type.String(),
  body: Type.String(),
  createdAt: Instant,
  readAt: Nullable(Instant),
});
export type Notice = Static<typeof Notice>;

/** GET /api/me/notices: newest first, 100 at most. */
export const NoticeList = Type.Array(Notice);
export type NoticeList = Static<typeof NoticeList>;
