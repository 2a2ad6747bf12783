import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { invalidField, notFound } from '../../infra/errors.js';
import { newId } from '../../infra/ids.js';
import { recordAudit, type Actor } from '../audit/index.js';

/** OPS-2: announced and running maintenance windows, for the banner on every page. */
export async function listMaintenanceWindows(deps: Deps) {
  const now = deps.clock.now();
  const rows = await deps.db
    .selectFrom('maintenance_windows')
    .selectAll()
    .where('cancelled_at', 'is', null)
    .where('ends_at', '>', now)
    .orderBy('starts_at')
    .execute();
  return rows.map((row) => ({
    id: row.id,
    startsAt: row.starts_at.toISOString(),
    endsAt: row.ends_at.toISOString(),
    module: row.module,
    message: { lv: row.message_lv, en: row.message_en, ru: row.message_ru },
    active: row.starts_at <= now,
  }));
}

/**
 * True while a window for the whole portal is running: customer pages then answer 503. Asked on every
 * customer request, so the coming windows are kept in memory and reloaded every few seconds (and at once
 * after this process announces or cancels one); another process sees a change within that time.
 */
const WINDOW_CACHE_MS = 5000;
const windowCache = new WeakMap<object, { loadedAt: number; windows: { startsAt: Date; endsAt: Date }[] }>();

export async function portalUnderMaintenance(deps: Deps): Promise<boolean> {
  let cached = windowCache.get(deps.db);
  if (!cached || Date.now() - cached.loadedAt > WINDOW_CACHE_MS) {
    const rows = await deps.db
      .selectFrom('maintenance_windows')
      .select(['starts_at', 'ends_at'])
      .where('cancelled_at', 'is', null)
      .where('module', 'is', null)
      .where('ends_at', '>', deps.clock.now())
      .execute();
    cached = { loadedAt: Date.now(), windows: rows.map((row) => ({ startsAt: row.starts_at, endsAt: row.ends_at })) };
    windowCache.set(deps.db, cached);
  }
  const now = deps.clock.now();
  return cached.windows.some((window) => window.startsAt <= now && now < window.endsAt);
}

export async function announceMaintenance(
  deps: Deps,
  input: { startsAt: string; endsAt: string; module?: string | null; message: { lv: string; en: string; ru: string } },
  actor: Actor,
) {
  const now = deps.clock.now();
  const startsAt = new Date(input.startsAt);
  const endsAt = new Date(input.endsAt);
  if (endsAt <= startsAt) throw invalidField('endsAt', 'must be after startsAt');
  const id = newId();
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('maintenance_windows').values({
      id, starts_at: startsAt, ends_at: endsAt, module: input.module ?? null,
      message_lv: input.message.lv, message_en: input.message.en, message_ru: input.message.ru,
      created_by: actor.userId, created_at: now, cancelled_at: null,
    }).execute();
    await recordAudit(trx, actor, { action: 'maintenance.announced', objectType: 'maintenance_window', objectId: id, details: { startsAt: input.startsAt, endsAt: input.endsAt, module: input.module ?? null } }, now);
  });
  windowCache.delete(deps.db);
  return { id };
}

export async function cancelMaintenance(deps: Deps, windowId: string, actor: Actor) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const result = await trx.updateTable('maintenance_windows').set({ cancelled_at: now }).where('id', '=', windowId).where('cancelled_at', 'is', null).executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) throw notFound('WINDOW_NOT_FOUND', 'No such maintenance window');
    await recordAudit(trx, actor, { action: 'maintenance.cancelled', objectType: 'maintenance_window', objectId: windowId }, now);
  });
  windowCache.delete(deps.db);
}

/** OPS-4: a user reports an error or inaccuracy from any page. */
export async function reportError(
  deps: Deps,
  input: { page: string; message: string; contactEmail?: string | null },
  context: { userId: string | null; customerId: string | null },
  actor: Actor,
) {
  const now = deps.clock.now();
  const id = await deps.db.transaction().execute(async (trx) => {
    const reportId = await fileErrorReport(trx, input, context, now);
    await recordAudit(trx, actor, { customerId: context.customerId, action: 'error_report.submitted', objectType: 'error_report', objectId: reportId }, now);
    return reportId;
  });
  return { id };
}

/** Puts a report in customer service's queue (the back office's error reports), inside the caller's transaction. */
export async function fileErrorReport(
  trx: Db,
  input: { page: string; message: string; contactEmail?: string | null },
  context: { userId: string | null; customerId: string | null },
  now: Date,
): Promise<string> {
  const id = newId();
  await trx.insertInto('error_reports').values({
    id, user_id: context.userId, customer_id: context.customerId, page: input.page, message: input.message,
    contact_email: input.contactEmail ?? null, status: 'new', created_at: now,
  }).execute();
  return id;
}

export async function listErrorReports(deps: Deps) {
  const rows = await deps.db.selectFrom('error_reports').selectAll().orderBy('created_at', 'desc').limit(200).execute();
  return rows.map((row) => ({
    id: row.id, page: row.page, message: row.message, contactEmail: row.contact_email, userId: row.user_id,
    customerId: row.customer_id, status: row.status, createdAt: row.created_at.toISOString(),
  }));
}
