import { authenticator } from 'otplib';
import type { SessionUser as SessionUserAnswer } from '@up/common/contracts/accounts';
import type { Deps } from '../../deps.js';
import { AppError, conflict, invalidField, notFound } from '../../infra/errors.js';
import { hashPassword, verifyPassword } from '../../infra/passwords.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { matchCustomerRecord, tellCustomerOfMainUser } from './registration.service.js';
import { findActiveMembership, findMainMembership, listActiveMembershipsOfUser, type ActiveMembershipOfUser } from './memberships.repository.js';
import { assertAcceptablePassword, storeNewPassword } from './password-change.js';
import { deleteAllSessionsOfUser, listSessionsOfUser, type SessionUser } from './sessions.service.js';
import { findUserById, insertMembership } from './users.repository.js';
import { effectiveRights, staffSecondFactorMissing } from './accounts.policy.js';
import { passwordExpired } from './password-policy.js';
import { currentTermsVersion } from '../terms/index.js';
import { qrCodeDataUrl } from '../../infra/qr-code.js';
import { totpStep } from './totp.js';

/**
 * What the web app needs to know about the logged-in user, in one answer. `memberships`: the user's active
 * memberships when the caller has just read them (login); otherwise they are read here.
 */
export async function describeSession(deps: Deps, session: SessionUser, memberships?: ActiveMembershipOfUser[]): Promise<SessionUserAnswer> {
  const now = deps.clock.now();
  const [activeMemberships, terms] = await Promise.all([
    memberships ?? listActiveMembershipsOfUser(deps.db, session.userId),
    session.acceptedCurrentTerms ? Promise.resolve(undefined) : currentTermsVersion(deps.db, now),
  ]);
  return {
    id: session.userId,
    email: session.email,
    fullName: session.fullName,
    phone: session.phone,
    // a text column, but every way in (registration, profile, invitation, customer import) allows only lv, en, ru
    language: session.language as SessionUserAnswer['language'],
    staffRole: session.staffRole,
    hasPassword: session.hasPassword,
    authMethod: session.authMethod,
    authenticatedAt: session.authenticatedAt.toISOString(),
    secondFactorPending: session.secondFactorPending,
    mustChangePassword: passwordExpired(session, deps.operator, now),
    passwordChangedAt: session.passwordChangedAt ? session.passwordChangedAt.toISOString() : null,
    mustAcceptTermsVersion: terms ? terms.version : null,
    totpEnabled: session.totpEnabled,
    secondFactorSetupRequired: staffSecondFactorMissing(session, deps.operator),
    activeCustomerId: activeMemberships.some((m) => m.customer_id === session.activeCustomerId)
      ? session.activeCustomerId
      : (activeMemberships[0]?.customer_id ?? null),
    customers: activeMemberships.map((m) => ({
      id: m.customer_id,
      name: m.customer_name,
      kind: m.customer_kind,
      customerNumber: m.customer_number,
      role: m.role,
      rights: effectiveRights({ id: m.id, userId: session.userId, customerId: m.customer_id, role: m.role, rights: m.rights }, deps.operator),
    })),
  };
}

export async function updateProfile(deps: Deps, userId: string, input: { fullName?: string; phone?: string; language?: string }, actor: Actor) {
  const now = deps.clock.now();
  const changes: Record<string, string> = {};
  if (input.fullName !== undefined) changes.full_name = input.fullName.trim();
  if (input.phone !== undefined) changes.phone = input.phone.trim();
  if (input.language !== undefined) changes.language = input.language;
  if (Object.keys(changes).length === 0) return;
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ ...changes, updated_at: now }).where('id', '=', userId).execute();
    await recordAudit(trx, actor, { action: 'profile.updated', objectType: 'user', objectId: userId, details: { fields: Object.keys(changes) } }, now);
  });
}

/** ACC-6: the user changes the password any time; other sessions end, this one stays. */
export async function changePassword(deps: Deps, session: SessionUser, currentPassword: string, newPassword: string, actor: Actor) {
  const now = deps.clock.now();
  const user = await findUserById(deps.db, session.userId);
  if (!user) throw notFound();
  if (user.password_hash && !(await verifyPassword(user.password_hash, currentPassword))) {
    throw invalidField('currentPassword', 'wrong password', 'WRONG_PASSWORD');
  }
  await assertAcceptablePassword(deps, user, newPassword, 'newPassword');
  const passwordHash = await hashPassword(newPassword);
  await deps.db.transaction().execute(async (trx) => {
    await storeNewPassword(trx, user.id, passwordHash, now);
    await deleteAllSessionsOfUser(trx, user.id, session.sessionIdHash);
    await recordAudit(trx, actor, { action: 'password.changed', objectType: 'user', objectId: user.id }, now);
  });
}

export async function listMySessions(deps: Deps, session: SessionUser) {
  const rows = await listSessionsOfUser(deps.db, session.userId, deps.clock.now());
  return rows.map((row) => ({
    id: row.id_hash,
    createdAt: row.created_at.toISOString(),
    lastSeenAt: row.last_seen_at.toISOString(),
    ip: row.ip,
    userAgent: row.user_agent,
    authMethod: row.auth_method,
    current: row.id_hash === session.sessionIdHash,
  }));
}

export async function signOutSession(deps: Deps, userId: string, sessionId: string, actor: Actor) {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const deleted = await trx.deleteFrom('sessions').where('id_hash', '=', sessionId).where('user_id', '=', userId).executeTakeFirst();
    if (Number(deleted.numDeletedRows) === 0) throw notFound('SESSION_NOT_FOUND', 'No such session');
    await recordAudit(trx, actor, { action: 'session.signed_out', objectType: 'user', objectId: userId }, now);
  });
}

/** ACC-11: one user acting for several customers switches between them. */
export async function switchCustomer(deps: Deps, session: SessionUser, customerId: string, actor: Actor) {
  const membership = await findActiveMembership(deps.db, session.userId, customerId);
  if (!membership) throw notFound('CUSTOMER_NOT_FOUND', 'No such customer among yours');
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('sessions').set({ customer_id: customerId }).where('id_hash', '=', session.sessionIdHash).execute();
    await recordAudit(trx, actor, { customerId, action: 'customer.switched', objectType: 'user', objectId: session.userId }, now);
  });
}

/** ACC-11: a user already registered becomes the main user of another customer whose records they match. */
export async function linkAnotherCustomer(
  deps: Deps,
  userId: string,
  input: { customerKind: 'person' | 'company'; customerName: string; identityCode: string; customerNumber: string; confirmDataTruthful: boolean },
  actor: Actor,
) {
  const now = deps.clock.now();
  if (!input.confirmDataTruthful) throw invalidField('confirmDataTruthful', 'confirm that the data is true');
  const customer = await matchCustomerRecord(deps, input, { userId });
  if (await findActiveMembership(deps.db, userId, customer.id)) throw conflict('ALREADY_A_USER', 'You already act for this customer');
  if (await findMainMembership(deps.db, customer.id)) {
    throw conflict('CUSTOMER_HAS_MAIN_USER', 'This customer already has a main user; ask them to invite you as an additional user.');
  }
  const user = await findUserById(deps.db, userId);
  if (!user) throw notFound();
  await deps.db.transaction().execute(async (trx) => {
    await insertMembership(trx, { userId, customerId: customer.id, role: 'main', rights: [], invitedBy: null }, now);
    // ACC-11, ACC-2: the customer is told when a main user is registered for it, by linking as by registering.
    await tellCustomerOfMainUser(trx, deps, customer, { id: user.id, name: user.full_name, email: user.email }, now);
    await recordAudit(trx, actor, { customerId: customer.id, action: 'customer.linked', objectType: 'user', objectId: userId, details: { dataConfirmedTruthful: true } }, now);
  });
  return { customerId: customer.id };
}

/** Optional TOTP second factor: set up (secret shown once), confirmed with a first code, turned off with the password. */
export async function startTotpSetup(deps: Deps, session: SessionUser) {
  const secret = authenticator.generateSecret();
  await deps.db.updateTable('users').set({ totp_secret: secret, totp_last_step: null }).where('id', '=', session.userId).where('totp_enabled', '=', false).execute();
  const otpauthUrl = authenticator.keyuri(session.email, deps.operator.portalName, secret);
  return { secret, otpauthUrl, qrCode: qrCodeDataUrl(otpauthUrl) };
}

export async function enableTotp(deps: Deps, session: SessionUser, code: string, actor: Actor) {
  const now = deps.clock.now();
  const user = await findUserById(deps.db, session.userId);
  if (!user?.totp_secret || user.totp_enabled) throw new AppError('TOTP_NOT_STARTED', 409, 'Start the set-up first');
  const step = totpStep(code, user.totp_secret);
  if (step === null) throw invalidField('code', 'the code is not right', 'SECOND_FACTOR_INVALID');
  await deps.db.transaction().execute(async (trx) => {
    // the code that turned it on counts as used: the next login needs a later one
    await trx.updateTable('users').set({ totp_enabled: true, totp_last_step: step, updated_at: now }).where('id', '=', user.id).execute();
    await recordAudit(trx, actor, { action: 'second_factor.enabled', objectType: 'user', objectId: user.id }, now);
  });
}

export async function disableTotp(deps: Deps, session: SessionUser, password: string, actor: Actor) {
  const now = deps.clock.now();
  const user = await findUserById(deps.db, session.userId);
  if (!user || !(await verifyPassword(user.password_hash, password))) throw invalidField('password', 'wrong password', 'WRONG_PASSWORD');
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('users').set({ totp_enabled: false, totp_secret: null, totp_last_step: null, updated_at: now }).where('id', '=', user.id).execute();
    await recordAudit(trx, actor, { action: 'second_factor.disabled', objectType: 'user', objectId: user.id }, now);
  });
}
