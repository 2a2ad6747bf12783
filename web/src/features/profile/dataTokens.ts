import type { CreateDataTokenBody, DataToken } from '@up/common/contracts/data-tokens';
import { addDays, isIsoDate, rigaDate } from '@up/common/riga-time';

/**
 * Pure helpers of the profile's data tokens section (issue 11, point 7): who may see it, the create form's
 * checks (as the server's data-tokens.service.ts makes them), a token's state and the example request.
 */

/** Days ahead a token may expire at most (the server's DATA_TOKEN_MAX_DAYS: a year, a leap year too). */
export const DATA_TOKEN_MAX_DAYS = 366;
/** A new token's expiry unless the user picks another day. */
export const DEFAULT_TOKEN_DAYS = 90;
/** The name's length (CreateDataTokenBody: Text(60)). */
export const TOKEN_NAME_MAX = 60;
/** Objects a token may name (CreateDataTokenBody: maxItems 100). */
export const TOKEN_OBJECTS_MAX = 100;

/**
 * Tokens read the metering module's routes, which the operator's "metering" or "permits" module switches on
 * (the server's meteringModule.switchedBy), and only the main user manages them (the server answers
 * RIGHT_MISSING to others). Unknown operator profile: not shown until it is known.
 */
export function mayManageDataTokens(operator: { modules: readonly string[] } | undefined, customer: { role: string } | null): boolean {
  if (!operator || !customer || customer.role !== 'main') return false;
  return operator.modules.includes('metering') || operator.modules.includes('permits');
}

/** The first and last day a new token may expire on, and the form's default, for today's Riga date. */
export function expiryBounds(today: string): { min: string; max: string; initial: string } {
  return { min: addDays(today, 1), max: addDays(today, DATA_TOKEN_MAX_DAYS), initial: addDays(today, DEFAULT_TOKEN_DAYS) };
}

/** Today in Riga (the server checks expiresOn against the Riga date). */
export function rigaToday(now: Date = new Date()): string {
  return rigaDate(now);
}

export interface TokenFormValues {
  name: string;
  scope: 'all' | 'chosen';
  objectIds: string[];
  expiresOn: string;
}

/** What is wrong with a field of the form, as a key under dataTokens.validation. */
export type TokenFormProblem = 'name' | 'nameTooLong' | 'objects' | 'tooManyObjects' | 'expiresOn' | 'expiresTooSoon' | 'expiresTooLate';

export interface TokenFormCheck {
  body: CreateDataTokenBody | null;
  errors: Partial<Record<'name' | 'objectIds' | 'expiresOn', TokenFormProblem>>;
}

/** The body of POST …/data-tokens, or why the form cannot be sent yet. */
export function checkTokenForm(values: TokenFormValues, today: string): TokenFormCheck {
  const errors: TokenFormCheck['errors'] = {};
  const name = values.name.trim();
  if (!name) errors.name = 'name';
  else if (name.length > TOKEN_NAME_MAX) errors.name = 'nameTooLong';

  const objectIds = [...new Set(values.objectIds)];
  if (values.scope === 'chosen' && objectIds.length === 0) errors.objectIds = 'objects';
  else if (values.scope === 'chosen' && objectIds.length > TOKEN_OBJECTS_MAX) errors.objectIds = 'tooManyObjects';

  const { min, max } = expiryBounds(today);
  if (!isIsoDate(values.expiresOn)) errors.expiresOn = 'expiresOn';
  else if (values.expiresOn < min) errors.expiresOn = 'expiresTooSoon';
  else if (values.expiresOn > max) errors.expiresOn = 'expiresTooLate';

  if (Object.keys(errors).length > 0) return { body: null, errors };
  return { body: { name, objectIds: values.scope === 'all' ? null : objectIds, expiresOn: values.expiresOn }, errors };
}

export type TokenState = 'active' | 'expired' | 'revoked';

/** A token is refused once revoked or past its expiry. */
export function tokenState(token: Pick<DataToken, 'revokedAt' | 'expiresAt'>, now: Date = new Date()): TokenState {
  if (token.revokedAt) return 'revoked';
  return Date.parse(token.expiresAt) <= now.getTime() ? 'expired' : 'active';
}

/** The last Riga day a token is valid on: it expires at the end of that day (the start of the next one). */
export function lastValidDay(expiresAt: string): string {
  return rigaDate(new Date(Date.parse(expiresAt) - 1));
}

/** The addresses of the token's objects, by id from the customer's objects (an id not among them as it is); null: all objects. */
export function tokenObjectNames(objectIds: string[] | null, objects: readonly { id: string; address: string }[]): string[] | null {
  if (objectIds === null) return null;
  const byId = new Map(objects.map((o) => [o.id, o.address]));
  return objectIds.map((id) => byId.get(id) ?? id);
}

/** The example request a third party makes with the token (the objects route; consumption is under it). */
export function curlExample(origin: string, customerId: string, token: string): string {
  return `curl -H "Authorization: Bearer ${token}" ${origin}/api/customers/${encodeURIComponent(customerId)}/objects`;
}
