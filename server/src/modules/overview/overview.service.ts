import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { activeUsersCount, describeUsers, findUserIdsByEmail, listActiveMembershipsOfUser, listPortalUsersOfCustomer } from '../accounts/index.js';
import { searchAuditEvents, type AuditQuery } from '../audit/index.js';
import { findCustomerByNumber, findCustomersByIds, getCustomerRecordForStaff, readCustomerSummaries, type CustomerSummaryKey } from '../customers/index.js';
import { listNotices, markNoticeRead, unreadNoticesCount } from '../notifications/index.js';

/*
 * Views composed of several modules, each read through its owner: this module owns no table, and no other
 * module depends on it, so the others never need to import each other to show a page.
 */

/** The overview page's numbers per (customer, reader): one statement, with the counts of accounts and notifications. */
export function readOverviewSummaries(db: Db, keys: CustomerSummaryKey[]) {
  return readCustomerSummaries(db, keys, {
    unread_notices: unreadNoticesCount,
    users: (customerId) => activeUsersCount(customerId),
  });
}

/** GRD-7: the inbox: notices to the user, and to every customer the user acts for. */
async function inboxScope(db: Db, userId: string) {
  return { userId, customerIds: (await listActiveMembershipsOfUser(db, userId)).map((m) => m.customer_id) };
}

export async function listInbox(deps: Deps, userId: string) {
  return listNotices(deps.db, await inboxScope(deps.db, userId));
}

export async function markInboxNoticeRead(deps: Deps, userId: string, noticeId: string): Promise<boolean> {
  return markNoticeRead(deps.db, noticeId, await inboxScope(deps.db, userId), deps.clock.now());
}

/** The back office's customer file: the record, its contracts and every portal user it has or had (ACC-13). */
export async function getCustomerFile(deps: Deps, customerId: string) {
  const record = await getCustomerRecordForStaff(deps, customerId);
  return { ...record, users: await listPortalUsersOfCustomer(deps, customerId) };
}

/** Staff also find events by what they know: the acting user's e-mail and the customer number. */
export interface StaffAuditQuery extends AuditQuery {
  actorEmail?: string;
  customerNumber?: string;
}

/**
 * ACC-17 for staff: the audit events with the acting user's name, e-mail and whether the account has been
 * deleted since (its row stays, ACC-12), and the customer's name.
 */
export async function searchAuditTrail(db: Db, query: StaffAuditQuery) {
  const { actorEmail, customerNumber, ...filters } = query;
  let actorUserIds: string[] | undefined;
  if (actorEmail) {
    actorUserIds = await findUserIdsByEmail(db, actorEmail);
    if (filters.actorUserId) actorUserIds = actorUserIds.filter((id) => id === filters.actorUserId);
    if (actorUserIds.length === 0) return [];
  }
  if (customerNumber) {
    const customer = await findCustomerByNumber(db, customerNumber);
    if (!customer || (filters.customerId && filters.customerId !== customer.id)) return [];
    filters.customerId = customer.id;
  }
  const events = await searchAuditEvents(db, { ...filters, actorUserIds });
  const actors = await describeUsers(db, unique(events.map((event) => event.actorUserId)));
  const customers = new Map((await findCustomersByIds(db, unique(events.map((event) => event.customerId)))).map((c) => [c.id, c.name]));
  return events.map((event) => {
    const actor = event.actorUserId ? actors.get(event.actorUserId) : undefined;
    return {
      ...event,
      actorName: actor?.fullName ?? null,
      actorEmail: actor?.email ?? null,
      actorDeleted: actor?.deleted ?? false,
      customerName: event.customerId ? customers.get(event.customerId) ?? null : null,
    };
  });
}

const unique = (values: (string | null)[]) => [...new Set(values.filter((value): value is string => value !== null))];
