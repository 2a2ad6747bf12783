import { addDays, rigaDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { invalidField } from '../../infra/errors.js';
import { recordAudit, SYSTEM_ACTOR, type Actor } from '../audit/index.js';
import { emailsSentAt, queueEmail } from '../notifications/index.js';
import type { CustomerRow } from './customers.tables.js';
import { contractTermsVersionOn, contractsAwaitingConfirmation, startContract } from './contract-lifecycle.repository.js';
import { CONTRACT_LIFECYCLE_EMAILS, contractTypeName } from './contract-lifecycle.emails.js';

/** BIL-13: the withdrawal right lasts 14 calendar days after the start day (the start day itself is not counted). */
export const WITHDRAWAL_DAYS = 14;

export function withdrawalLastDay(startsOn: string): string {
  return addDays(startsOn, WITHDRAWAL_DAYS);
}

/**
 * BIL-13: a new contract is pending until its confirmation e-mail is sent. Queues that e-mail (number, type, object,
 * the contract terms version, the withdrawal right) in the caller's transaction and links it to the contract, so the
 * start job can start the contract on the day the outbox hands it to the mail server. The last withdrawal day the
 * e-mail names counts from today; should the outbox send it only after midnight, the contract starts a day later
 * and the customer has a day more than written, never less.
 */
export async function queueContractConfirmation(
  trx: Db, deps: Pick<Deps, 'operator'>,
  contract: { id: string; number: string; type: string; object?: string | null },
  customer: Pick<CustomerRow, 'id' | 'name' | 'email' | 'language'>,
  actor: Actor, now: Date,
): Promise<void> {
  if (!customer.email) throw invalidField('status', 'a pending contract starts when its confirmation e-mail is sent, and the customer has no e-mail address', 'CUSTOMER_HAS_NO_EMAIL');
  const today = rigaDate(now);
  const termsVersion = (await contractTermsVersionOn(trx, contract.type, today)) ?? FIRST_TERMS_VERSION;
  const emailId = await queueEmail(trx, {
    to: customer.email,
    template: CONTRACT_LIFECYCLE_EMAILS.contract_confirmation,
    language: customer.language,
    vars: {
      portal: deps.operator.portalName, customer: customer.name, number: contract.number, type: contractTypeName(contract.type, customer.language),
      object: contract.object?.trim() || '—', termsVersion, withdrawalLastDay: withdrawalLastDay(today), support: deps.operator.support.phone,
    },
  }, now);
  await trx.updateTable('contracts').set({ confirmation_email_id: emailId, terms_version: termsVersion }).where('id', '=', contract.id).execute();
  await recordAudit(trx, actor, { customerId: customer.id, action: 'contract.confirmation_queued', objectType: 'contract', objectId: contract.id, details: { number: contract.number, termsVersion } }, now);
}

/** The contract terms version of a type before any change was announced for it. */
export const FIRST_TERMS_VERSION = '1';

/**
 * BIL-13: starts every pending contract whose confirmation e-mail has been sent, on the Riga day it was sent
 * (not the day it was queued). Runs on every tick; a contract already started is left alone, so a second run or a
 * second process changes nothing. Returns how many started.
 */
export async function startConfirmedContracts(deps: Pick<Deps, 'db' | 'clock'>): Promise<number> {
  const waiting = await contractsAwaitingConfirmation(deps.db);
  if (waiting.length === 0) return 0;
  const sentAt = await emailsSentAt(deps.db, waiting.map((contract) => contract.confirmation_email_id!));
  let started = 0;
  for (const contract of waiting) {
    const sent = sentAt.get(contract.confirmation_email_id!);
    if (!sent) continue;
    const startsOn = rigaDate(sent);
    await deps.db.transaction().execute(async (trx) => {
      if (!await startContract(trx, contract.id, startsOn)) return;
      await recordAudit(trx, SYSTEM_ACTOR, { customerId: contract.customer_id, action: 'contract.started', objectType: 'contract', objectId: contract.id, details: { startsOn, confirmationSentAt: sent.toISOString() } }, deps.clock.now());
      started += 1;
    });
  }
  return started;
}
