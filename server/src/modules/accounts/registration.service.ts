import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { AppError, conflict, invalidField } from '../../infra/errors.js';
import { addMinutes } from '../../infra/clock.js';
import { recordAudit, type Actor } from '../audit/audit.service.js';
import { queueEmail } from '../notifications/notifications.service.js';
import { findCustomersByIdentityAndNumber } from '../customers/customers.repository.js';
import { sameName } from '../customers/name-match.js';
import { currentTermsVersion, recordTermsAcceptance } from '../terms/terms.service.js';
import { normalizeIdentityCode } from './identity-code.js';
import { findMainMembership } from './memberships.repository.js';
import { issueToken, TOKEN_LIFETIME_MINUTES } from './one-time-tokens.js';
import { findUserByEmail, insertMembership, insertPendingUser } from './users.repository.js';
import type { CustomerRow } from '../../db/schema.js';

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

/** ACC-2: the records decide. The answer never says which field differed, or anything of the record. */
export async function matchCustomerRecord(
  deps: Deps,
  input: { customerKind: 'person' | 'company'; customerName: string; identityCode: string; customerNumber: string },
): Promise<CustomerRow> {
  const identityCode = normalizeIdentityCode(input.customerKind, input.identityCode);
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
  const customer = await matchCustomerRecord(deps, input);
  if (await findMainMembership(deps.db, customer.id)) {
    throw conflict('CUSTOMER_HAS_MAIN_USER', 'This customer already has a main user; ask them to invite you as an additional user.');
  }

  const existing = await findUserByEmail(deps.db, input.email);
  await deps.db.transaction().execute(async (trx) => {
    if (existing) {
      await queueEmail(trx, {
        to: existing.email,
        template: 'already_registered',
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
    await tellCompanyOfMainUser(trx, deps, customer, { name: input.fullName, email: input.email }, now);
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
    template: 'activation',
    language: user.language,
    vars: { portal: deps.operator.portalName, name: user.fullName, link: `${deps.config.publicUrl}/activate?token=${token}` },
  }, now);
}

/** ACC-11: a legal entity is e-mailed, at the address of its record, when a main user is registered for it. */
export async function tellCompanyOfMainUser(
  trx: Db,
  deps: Deps,
  customer: Pick<CustomerRow, 'kind' | 'email' | 'language' | 'name'>,
  mainUser: { name: string; email: string },
  now: Date,
): Promise<void> {
  if (customer.kind !== 'company' || !customer.email) return;
  await queueEmail(trx, {
    to: customer.email,
    template: 'main_user_registered',
    language: customer.language,
    vars: { portal: deps.operator.portalName, customer: customer.name, name: mainUser.name, email: mainUser.email, support: deps.operator.support.phone },
  }, now);
}
