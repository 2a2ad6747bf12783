import { isPlausibleEmail } from '@up/common';
import type { ContractType } from '@up/operators';
import { CONTRACT_STATUSES, CONTRACT_TYPES as CONTRACT_TYPES_OF_CONTRACT } from '@up/common/contracts/customers';
import type { Deps } from '../../deps.js';
import { conflict, invalidField, notFound } from '../../infra/errors.js';
import { newId } from '../../infra/ids.js';
import { enforceRateLimit } from '../../infra/rate-limit.js';
import { hashPassword, verifyPassword } from '../../infra/passwords.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { queueEmail } from '../notifications/index.js';
import { normalizeIdentityCode } from './identity-code.js';
import { findCustomerById, listContracts, toCustomer } from './customers.repository.js';
import { CUSTOMERS_EMAILS } from './customers.emails.js';
import { queueContractConfirmation } from './contract-start.service.js';

/** The contract types and statuses of the API contract; every type is one the operator profiles know. */
export const CONTRACT_TYPES = CONTRACT_TYPES_OF_CONTRACT satisfies readonly ContractType[];
export { CONTRACT_STATUSES };

export interface CustomerInput {
  kind: 'person' | 'company';
  name: string;
  identityCode: string;
  customerNumber: string;
  email?: string | null;
  phone?: string | null;
  postalAddress?: string | null;
  language?: string;
}

async function requireCustomer(deps: Deps, customerId: string) {
  const customer = await findCustomerById(deps.db, customerId);
  if (!customer) throw notFound('CUSTOMER_NOT_FOUND', 'No such customer');
  return customer;
}

/** The customer's record and contracts as customer service sees them (the portal users come from accounts). */
export async function getCustomerRecordForStaff(deps: Deps, customerId: string) {
  const customer = await requireCustomer(deps, customerId);
  return { customer: toCustomer(customer), contracts: await listContracts(deps.db, customerId) };
}

function checkContactFields(input: { email?: string | null }) {
  if (input.email && !isPlausibleEmail(input.email)) throw invalidField('email', 'not an e-mail address');
}

export async function createCustomer(deps: Deps, input: CustomerInput, actor: Actor) {
  const now = deps.clock.now();
  const identityCode = normalizeIdentityCode(input.kind, input.identityCode);
  checkContactFields(input);
  return deps.db.transaction().execute(async (trx) => {
    const clash = await trx
      .selectFrom('customers')
      .select('id')
      .where((eb) => eb.or([eb('customer_number', '=', input.customerNumber), eb.and([eb('kind', '=', input.kind), eb('identity_code', '=', identityCode)])]))
      .executeTakeFirst();
    if (clash) throw conflict('CUSTOMER_EXISTS', 'A customer with this number or identity code exists', { customerId: clash.id });
    const id = newId();
    await trx.insertInto('customers').values({
      id,
      kind: input.kind,
      name: input.name.trim(),
      identity_code: identityCode,
      customer_number: input.customerNumber.trim(),
      email: input.email ?? null,
      phone: input.phone ?? null,
      postal_address: input.postalAddress ?? null,
      invoice_channel: 'email',
      notice_channel: 'email',
      language: input.language ?? 'lv',
      service_password_hash: null,
      created_at: now,
      updated_at: now,
    }).execute();
    await recordAudit(trx, actor, { customerId: id, action: 'customer.created', objectType: 'customer', objectId: id }, now);
    return { id };
  });
}

export async function updateCustomerRecord(
  deps: Deps,
  customerId: string,
  input: { name?: string; email?: string | null; phone?: string | null; postalAddress?: string | null; language?: string },
  actor: Actor,
) {
  const now = deps.clock.now();
  await requireCustomer(deps, customerId);
  checkContactFields(input);
  const changes = {
    ...(input.name !== undefined && { name: input.name.trim() }),
    ...(input.email !== undefined && { email: input.email }),
    ...(input.phone !== undefined && { phone: input.phone }),
    ...(input.postalAddress !== undefined && { postal_address: input.postalAddress }),
    ...(input.language !== undefined && { language: input.language }),
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('customers').set({ ...changes, updated_at: now }).where('id', '=', customerId).execute();
    await recordAudit(trx, actor, { customerId, action: 'customer.updated_by_staff', objectType: 'customer', objectId: customerId, details: { fields: Object.keys(changes) } }, now);
  });
}

export async function addContract(
  deps: Deps,
  customerId: string,
  input: { type: string; number: string; status: string; startsOn?: string | null; endsOn?: string | null; object?: string | null },
  actor: Actor,
) {
  const now = deps.clock.now();
  const customer = await requireCustomer(deps, customerId);
  return deps.db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('contracts').select('id').where('number', '=', input.number).executeTakeFirst();
    if (clash) throw conflict('CONTRACT_EXISTS', 'number: a contract with this number exists', { field: 'number' });
    const id = newId();
    await trx.insertInto('contracts').values({
      id,
      customer_id: customerId,
      type: input.type,
      number: input.number,
      status: input.status as (typeof CONTRACT_STATUSES)[number],
      starts_on: input.startsOn ?? null,
      ends_on: input.endsOn ?? null,
      created_at: now,
    }).execute();
    await recordAudit(trx, actor, { customerId, action: 'contract.added', objectType: 'contract', objectId: id, details: { type: input.type, number: input.number } }, now);
    // BIL-13: a new contract is pending until its confirmation e-mail is sent (contract-start.service.ts)
    if (input.status === 'pending') await queueContractConfirmation(trx, deps, { id, number: input.number, type: input.type, object: input.object }, customer, actor, now);
    return { id };
  });
}

export async function getContactDetails(deps: Deps, customerId: string) {
  const customer = await requireCustomer(deps, customerId);
  return {
    email: customer.email,
    phone: customer.phone,
    postalAddress: customer.postal_address,
    invoiceChannel: customer.invoice_channel,
    noticeChannel: customer.notice_channel,
  };
}

/**
 * ACC-15, BIL-2, GRD-7: the main user changes contact data and channels; the change applies from the next
 * invoice or notice and is confirmed to both the old and the new e-mail address.
 */
export async function changeContactDetails(
  deps: Deps,
  customerId: string,
  input: { email: string | null; phone: string | null; postalAddress: string | null; invoiceChannel: 'email' | 'post' | 'portal'; noticeChannel: 'email' | 'sms' | 'portal' },
  actor: Actor,
) {
  const now = deps.clock.now();
  const before = await requireCustomer(deps, customerId);
  checkContactFields(input);
  if (input.invoiceChannel === 'post' && !input.postalAddress) throw invalidField('postalAddress', 'needed for invoices by post');
  if (input.noticeChannel === 'sms' && !input.phone) throw invalidField('phone', 'needed for notices by SMS');
  if (input.invoiceChannel === 'email' && !input.email) throw invalidField('email', 'needed for invoices by e-mail');
  const changed = [
    before.email !== input.email && 'e-mail',
    before.phone !== input.phone && 'phone',
    before.postal_address !== input.postalAddress && 'postal address',
    before.invoice_channel !== input.invoiceChannel && 'invoice channel',
    before.notice_channel !== input.noticeChannel && 'notice channel',
  ].filter(Boolean) as string[];
  if (changed.length === 0) return;
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('customers').set({
      email: input.email,
      phone: input.phone,
      postal_address: input.postalAddress,
      invoice_channel: input.invoiceChannel,
      notice_channel: input.noticeChannel,
      updated_at: now,
    }).where('id', '=', customerId).execute();
    const addresses = new Set([before.email, input.email].filter((a): a is string => !!a));
    for (const to of addresses) {
      await queueEmail(trx, {
        to,
        template: CUSTOMERS_EMAILS.contact_changed,
        language: before.language,
        vars: { portal: deps.operator.portalName, customer: before.name, changes: changed.join(', '), support: deps.operator.support.phone },
      }, now);
    }
    await recordAudit(trx, actor, { customerId, action: 'contact.changed', objectType: 'customer', objectId: customerId, details: { changed } }, now);
  });
}

/** ACC-19: a password the customer says on the phone so customer service can identify them. */
export async function setServicePassword(deps: Deps, customerId: string, servicePassword: string, actor: Actor) {
  const now = deps.clock.now();
  if (servicePassword.trim().length < 4) throw invalidField('servicePassword', 'at least 4 characters');
  const hash = await hashPassword(servicePassword.trim().toLowerCase());
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('customers').set({ service_password_hash: hash, updated_at: now }).where('id', '=', customerId).execute();
    await recordAudit(trx, actor, { customerId, action: 'service_password.set', objectType: 'customer', objectId: customerId }, now);
  });
}

/** Checks in 15 minutes: a caller who mistypes has room; a guesser does not. */
export const SERVICE_PASSWORD_CHECKS = { perCustomer: 5, perStaffMember: 30, windowSeconds: 900 } as const;

/**
 * ACC-19: customer service checks the password a caller gives. Tries are limited per customer and per staff
 * member (shared by all processes), so the phone line cannot be used to guess it.
 */
export async function checkServicePassword(deps: Deps, customerId: string, servicePassword: string, actor: Actor) {
  const now = deps.clock.now();
  const customer = await requireCustomer(deps, customerId);
  await enforceRateLimit(deps.db, `service-password:${customer.id}`, SERVICE_PASSWORD_CHECKS.perCustomer, SERVICE_PASSWORD_CHECKS.windowSeconds, now);
  await enforceRateLimit(deps.db, `service-password-staff:${actor.userId}`, SERVICE_PASSWORD_CHECKS.perStaffMember, SERVICE_PASSWORD_CHECKS.windowSeconds, now);
  const matches = customer.service_password_hash !== null && (await verifyPassword(customer.service_password_hash, servicePassword.trim().toLowerCase()));
  await deps.db.transaction().execute((trx) =>
    recordAudit(trx, actor, { customerId, action: 'service_password.checked', objectType: 'customer', objectId: customerId, details: { matches } }, now));
  return { matches, isSet: customer.service_password_hash !== null };
}
