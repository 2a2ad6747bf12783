import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { AppError, conflict, invalidField } from '../../infra/errors.js';
import { enforceRateLimit } from '../../infra/rate-limit.js';
import { hashToken } from '../../infra/ids.js';
import { addMinutes } from '../../infra/clock.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { queueEmail } from '../notifications/index.js';
import { findCustomersByIdentityAndNumber } from '../customers/index.js';
import { sameName } from '../customers/index.js';
import { currentTermsVersion, recordTermsAcceptance } from '../terms/index.js';
import { normalizeIdentityCode } from '../customers/index.js';
import { findMainMembership } from './memberships.repository.js';
import { issueToken, TOKEN_LIFETIME_MINUTES } from './one-time-tokens.js';
import { findUserByEmail, insertMembership, insertPendingUser, lockForCreation } from './users.repository.js';
import type { CustomerRow } from '../../db/schema.js';
import { ACCOUNTS_EMAILS } from './accounts.emails.js';

export interface RegistrationInput {
  customerKind: 'person' | 'company';
  customerName: string;
  identityCode: string;
  customerNumber: string;
  fullName: string;
  email: string;
  phone: string;
  language: string;
  termsVersion: string;
  acceptTerms: boolean;
  confirmDataTruthful: boolean;
}

export function supportDetails(deps: Deps) {
  return {
    phone: deps.operator.support.phone,
    email: deps.operator.support.email,
    serviceCentres: deps.operator.support.serviceCentres.map((centre) => `${centre.name.lv}, ${centre.address}`),
  };
}

/** Who is trying to match the records: an address for a registration, the user for linking a customer. */
export type RecordMatchCaller = { ip: string } | { userId: string };

/** ACC-2: tries per caller and per identity code in an hour, counted in the database (all processes share them). */
export const RECORD_MATCH_LIMITS = { perCaller: 10, perIdentityCode: 5, windowSeconds: 3600 } as const;

/**
 * ACC-2: the records decide. The answer never says which field differed, or anything of the record.
 * Tries are limited per caller and per identity code, so a customer number cannot be guessed by trying:
 * knowing a name and personal code is not enough to become that customer's main user.
 */
export async function matchCustomerRecord(
  deps: Deps,
  input: { customerKind: 'person' | 'company'; customerName: string; identityCode: string; customerNumber: string },
  caller: RecordMatchCaller,
): Promise<CustomerRow> {
  const now = deps.clock.now();
  const identityCode = normalizeIdentityCode(input.customerKind, input.identityCode);
  const { perCaller, perIdentityCode, windowSeconds } = RECORD_MATCH_LIMITS;
  const callerKey = 'ip' in caller ? `ip:${caller.ip}` : `user:${caller.userId}`;
  await enforceRateLimit(deps.db, `record-match:${callerKey}`, perCaller, windowSeconds, now);
  // hashed: the counters table is no place for personal codes
  await enforceRateLimit(deps.db, `record-match-code:${hashToken(`${input.customerKind}:${identityCode}`)}`, perIdentityCode, windowSeconds, now);
  const candidates = await findCustomersByIdentityAndNumber(deps.db, input.customerKind, identityCode, input.customerNumber.trim());
  const customer = candidates.find((candidate) => sameName(candidate.name, input.customerName));
  if (!customer) {
    throw new AppError(
      'REGISTRATION_DATA_MISMATCH',
      422,
      `The data you entered does not match our customer records. Please contact customer service: ${deps.operator.support.phone}, or visit a service centre.`,
      { support: supportDetails(deps) },
    );
  }
  return customer;
}

/**
 * ACC-1, ACC-2, ACC-3, ACC-11, PRV-7: a customer registers their first (main) user. The current terms
 * must be accepted, the data must match the records, and the account waits for the e-mailed activation.
 * When the e-mail already has an account the answer is the same, and that address gets a reminder instead.
 */
export async function registerMainUser(deps: Deps, input: RegistrationInput, actor: Actor): Promise<void> {
  const now = deps.clock.now();
  if (!input.acceptTerms) throw invalidField('acceptTerms', 'the terms of use must be accepted');
  if (!input.confirmDataTruthful) throw invalidField('confirmDataTruthful', 'confirm that the data is true');
  const terms = await currentTermsVersion(deps.db, now);
  if (!terms || terms.version !== input.termsVersion) {
    throw invalidField('termsVersion', 'the terms of use have changed; read and accept the current version', 'TERMS_OUTDATED');
  }
  const personalCode = input.customerKind === 'person' ? normalizeIdentityCode('person', input.identityCode) : null;
  const customer = await matchCustomerRecord(deps, input, { ip: actor.ip ?? '' });

  await deps.db.transaction().execute(async (trx) => {
    await lockForCreation(trx, { customerId: customer.id });
    await lockForCreation(trx, { email: input.email });
    if (await findMainMembership(trx, customer.id)) {
      throw conflict('CUSTOMER_HAS_MAIN_USER', 'This customer already has a main user; ask them to invite you as an additional user.');
    }
    const existing = await findUserByEmail(trx, input.email);
    if (existing) {
      await queueEmail(trx, {
        to: existing.email,
        template: ACCOUNTS_EMAILS.already_registered,
        language: existing.language,
        vars: { portal: deps.operator.portalName, link: `${deps.config.publicUrl}/forgot-password` },
      }, now);
      await recordAudit(trx, actor, { customerId: customer.id, action: 'registration.email_already_used', objectType: 'user', objectId: existing.id }, now);
      return;
    }
    const userId = await insertPendingUser(
      trx,
      { email: input.email, fullName: input.fullName, personalCode, phone: input.phone, language: input.language },
      addMinutes(now, TOKEN_LIFETIME_MINUTES.activation),
      now,
    );
    await insertMembership(trx, { userId, customerId: customer.id, role: 'main', rights: [], invitedBy: null }, now);
    await recordTermsAcceptance(trx, userId, terms.id, actor.ip ?? '', now);
    await sendActivationLink(trx, deps, { id: userId, email: input.email, fullName: input.fullName, language: input.language }, now);
    await tellCustomerOfMainUser(trx, deps, customer, { id: userId, name: input.fullName, email: input.email }, now);
    await recordAudit(trx, { ...actor, userId: actor.userId ?? userId, role: actor.userId ? actor.role : 'user' }, {
      customerId: customer.id,
      action: 'registration.main_user_registered',
      objectType: 'user',
      objectId: userId,
      details: { termsVersion: terms.version, dataConfirmedTruthful: true },
    }, now);
  });
}

/** ACC-4: a fresh 24-hour link to choose the password, to the user's address in the user's language. */
export async function sendActivationLink(
  trx: Db,
  deps: Deps,
  user: { id: string; email: string; fullName: string; language: string },
  now: Date,
): Promise<void> {
  const token = await issueToken(trx, user.id, 'activation', now);
  await queueEmail(trx, {
    to: user.email,
    template: ACCOUNTS_EMAILS.activation,
    language: user.language,
    vars: { portal: deps.operator.portalName, name: user.fullName, link: `${deps.config.publicUrl}/activate?token=${token}` },
  }, now);
}

/**
 * ACC-11, ACC-2: the customer is e-mailed, at the address of its record, whenever a main user is registered
 * for it (the law asks it for legal entities; the portal does it for everyone, since a registration by
 * someone who knows the customer's data would otherwise go unseen). The e-mail carries a link with which the
 * customer reports "this was not me" (registration-report.service.ts). Nothing is sent when the record has
 * no e-mail, or when it is the new main user's own address (that address gets the activation link).
 */
export async function tellCustomerOfMainUser(
  trx: Db,
  deps: Deps,
  customer: Pick<CustomerRow, 'id' | 'email' | 'language' | 'name'>,
  mainUser: { id: string; name: string; email: string },
  now: Date,
): Promise<void> {
  if (!customer.email || customer.email.trim().toLowerCase() === mainUser.email.trim().toLowerCase()) return;
  const token = await issueToken(trx, mainUser.id, 'registration_report', now, customer.id);
  await queueEmail(trx, {
    to: customer.email,
    template: ACCOUNTS_EMAILS.main_user_registered,
    language: customer.language,
    vars: {
      portal: deps.operator.portalName, customer: customer.name, name: mainUser.name, email: mainUser.email, support: deps.operator.support.phone,
      link: `${deps.config.publicUrl}/report-registration?token=${token}`,
    },
  }, now);
}
