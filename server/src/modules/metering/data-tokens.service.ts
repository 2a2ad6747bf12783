import type { CreateDataTokenBody, CreatedDataToken, DataToken } from '@up/common/contracts/data-tokens';
import { addDays, isIsoDate, rigaDate } from '@up/common/riga-time';
import { rigaDayStartMs } from '@up/common/riga-days';
import type { Deps } from '../../deps.js';
import type { DataTokenGrant } from '../../http/route-access.js';
import { AppError, conflict, invalidField, notFound } from '../../infra/errors.js';
import { hashToken, newId, newSecretToken } from '../../infra/ids.js';
import { enforceRateLimit } from '../../infra/rate-limit.js';
import { executeAudited, recordAudit, type Actor } from '../audit/index.js';
import { describeUsers, type SessionUser } from '../accounts/index.js';
import type { DataTokenRow } from './metering.tables.js';

/**
 * Customer data API tokens (issue 11, point 7): the main user gives a third party a read-only key for the
 * consumption routes (those declared `dataToken: true`), sent as `Authorization: Bearer upd_…`.
 *  - The token is 32 random bytes, base64url, after the prefix `upd_` (so a leaked one is recognisable, e.g. by
 *    secret scanners); it is answered once, at creation, and the portal keeps only its SHA-256 hash.
 *  - For all the customer's objects (objectIds null, also ones it gets later) or chosen ones; either way only
 *    for the time the customer held each object (GRD-1).
 *  - It expires at the end of the Riga day `expiresOn`, after today and at most DATA_TOKEN_MAX_DAYS ahead.
 *  - Checked against the database on every request (no cache), so a revocation holds from the next request.
 *  - Every use is audited (ACC-17: 'data_token.used', with the method and route, never the token) and sets
 *    last_used_at; uses are limited per token (DATA_TOKEN_RATE_LIMIT, 429 with Retry-After).
 */
export const DATA_TOKEN_PREFIX = 'upd_';
export const DATA_TOKEN_MAX_DAYS = 366;
export const DATA_TOKEN_RATE_LIMIT = { limit: 60, windowSeconds: 60 } as const;
/** live (neither revoked nor expired) tokens a customer may have at once */
export const MAX_LIVE_DATA_TOKENS = 20;

const TOKEN_SHAPE = /^upd_[A-Za-z0-9_-]{43}$/;

function toDataToken(row: DataTokenRow, createdBy: string): DataToken {
  return {
    id: row.id,
    name: row.name,
    objectIds: row.object_ids,
    expiresAt: row.expires_at.toISOString(),
    revokedAt: row.revoked_at?.toISOString() ?? null,
    lastUsedAt: row.last_used_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
    createdBy,
  };
}

/** The customer's tokens, newest first, revoked and expired ones too (so the main user sees what was given). */
export async function listDataTokens(deps: Deps, customerId: string): Promise<DataToken[]> {
  const rows = await deps.db.selectFrom('data_tokens').selectAll().where('customer_id', '=', customerId)
    .orderBy('created_at', 'desc').orderBy('id').limit(200).execute();
  const users = await describeUsers(deps.db, [...new Set(rows.map((row) => row.created_by))]);
  return rows.map((row) => toDataToken(row, users.get(row.created_by)?.fullName ?? ''));
}

/**
 * The main user creates a token: named, expiring after today and within DATA_TOKEN_MAX_DAYS days, for all
 * objects or for chosen ones that must all be the customer's (held now or before). 400 naming the field
 * otherwise; 409 TOO_MANY_DATA_TOKENS over MAX_LIVE_DATA_TOKENS live ones. Audited 'data_token.created'.
 */
export async function createDataToken(
  deps: Deps,
  session: SessionUser,
  customerId: string,
  input: CreateDataTokenBody,
  actor: Actor,
): Promise<CreatedDataToken> {
  const now = deps.clock.now();
  const today = rigaDate(now);
  const name = input.name.trim();
  if (!name) throw invalidField('name', 'must not be blank');
  if (!isIsoDate(input.expiresOn)) throw invalidField('expiresOn', 'not a calendar date');
  if (input.expiresOn <= today) throw invalidField('expiresOn', `must be after today (${today})`);
  const latest = addDays(today, DATA_TOKEN_MAX_DAYS);
  if (input.expiresOn > latest) throw invalidField('expiresOn', `may be at most ${DATA_TOKEN_MAX_DAYS} days ahead (${latest})`);
  const objectIds = input.objectIds === null ? null : [...new Set(input.objectIds)];
  if (objectIds) {
    const held = await deps.db.selectFrom('object_holdings').select('object_id').distinct()
      .where('customer_id', '=', customerId).where('object_id', 'in', objectIds).execute();
    const heldIds = new Set(held.map((row) => row.object_id));
    const unknown = objectIds.filter((id) => !heldIds.has(id));
    if (unknown.length > 0) {
      throw new AppError('INVALID_FIELD', 400, `objectIds: not among the customer's objects: ${unknown.join(', ')}`,
        { field: 'objectIds', reason: 'not among the customer\'s objects', objectIds: unknown });
    }
  }
  const token = DATA_TOKEN_PREFIX + newSecretToken();
  const row: DataTokenRow = {
    id: newId(),
    customer_id: customerId,
    created_by: session.userId,
    name,
    token_hash: hashToken(token),
    object_ids: objectIds,
    // valid through the whole Riga day expiresOn
    expires_at: new Date(rigaDayStartMs(addDays(input.expiresOn, 1))),
    revoked_at: null,
    last_used_at: null,
    created_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    const live = await trx.selectFrom('data_tokens').select((eb) => eb.fn.countAll<number>().as('n'))
      .where('customer_id', '=', customerId).where('revoked_at', 'is', null).where('expires_at', '>', now)
      .executeTakeFirstOrThrow();
    if (Number(live.n) >= MAX_LIVE_DATA_TOKENS) {
      throw conflict('TOO_MANY_DATA_TOKENS', `A customer may have at most ${MAX_LIVE_DATA_TOKENS} live data tokens; revoke one first`, { max: MAX_LIVE_DATA_TOKENS });
    }
    await trx.insertInto('data_tokens').values(row).execute();
    await recordAudit(trx, actor, {
      customerId, action: 'data_token.created', objectType: 'data_token', objectId: row.id,
      details: { name, objectIds, expiresAt: row.expires_at.toISOString() },
    }, now);
  });
  return { token, dataToken: toDataToken(row, session.fullName) };
}

/**
 * The main user revokes a token: it is refused from the next request on (tokens are checked in the database
 * on every request). Revoking a revoked one changes nothing; another customer's token is 404. Audited.
 */
export async function revokeDataToken(deps: Deps, customerId: string, tokenId: string, actor: Actor): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const revoked = await trx.updateTable('data_tokens').set({ revoked_at: now })
      .where('id', '=', tokenId).where('customer_id', '=', customerId).where('revoked_at', 'is', null)
      .returning(['id', 'name']).executeTakeFirst();
    if (!revoked) {
      const exists = await trx.selectFrom('data_tokens').select('id').where('id', '=', tokenId).where('customer_id', '=', customerId).executeTakeFirst();
      if (!exists) throw notFound('DATA_TOKEN_NOT_FOUND', 'No such data token of the customer');
      return;
    }
    await recordAudit(trx, actor, { customerId, action: 'data_token.revoked', objectType: 'data_token', objectId: tokenId, details: { name: revoked.name } }, now);
  });
}

/** 401 for a token that is not one, or is revoked or expired: the same answer for each, so none is told apart. */
export function invalidDataToken(): AppError {
  return new AppError('DATA_TOKEN_INVALID', 401, 'The data token is unknown, revoked or expired');
}

export interface DataTokenUse {
  /** the :customerId of the route */
  customerId: string | null;
  method: string;
  /** the route pattern, e.g. /api/customers/:customerId/objects/:objectId/consumption */
  route: string;
  /** the path asked for, without the query */
  path: string;
  ip: string;
}

/**
 * Authenticates `Authorization: Bearer <token>` for a route declared `dataToken: true` (session-hook.ts):
 * 401 DATA_TOKEN_INVALID for an unknown, revoked or expired token; 404 CUSTOMER_NOT_FOUND for another
 * customer's path (as for a user of another customer); 429 over the token's rate limit. Otherwise records the
 * use (last_used_at and the audit event 'data_token.used', in one statement) and answers the grant.
 */
export async function authenticateDataToken(deps: Deps, token: string, use: DataTokenUse): Promise<DataTokenGrant> {
  const now = deps.clock.now();
  if (!TOKEN_SHAPE.test(token)) throw invalidDataToken();
  const row = await deps.db.selectFrom('data_tokens').select(['id', 'customer_id', 'object_ids', 'expires_at', 'revoked_at'])
    .where('token_hash', '=', hashToken(token)).executeTakeFirst();
  if (!row || row.revoked_at !== null || row.expires_at.getTime() <= now.getTime()) throw invalidDataToken();
  if (row.customer_id !== use.customerId) throw notFound('CUSTOMER_NOT_FOUND', 'No such customer among yours');
  await enforceRateLimit(deps.db, `data-token:${row.id}`, DATA_TOKEN_RATE_LIMIT.limit, DATA_TOKEN_RATE_LIMIT.windowSeconds, now);
  await executeAudited(deps.db, [deps.db.updateTable('data_tokens').set({ last_used_at: now }).where('id', '=', row.id)],
    { userId: null, role: 'data_token', ip: use.ip },
    { customerId: row.customer_id, action: 'data_token.used', objectType: 'data_token', objectId: row.id, details: { method: use.method, route: use.route, path: use.path } },
    now);
  return { tokenId: row.id, customerId: row.customer_id, objectIds: row.object_ids };
}
