import type { Selectable } from 'kysely';
import type { ClaimBody, ClaimDecisionBody, ClaimList, ClaimView } from '@up/common/contracts/billing';
import { addDays, rigaDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { conflict, invalidField, notFound } from '../../infra/errors.js';
import { newId } from '../../infra/ids.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { postNotice } from '../notifications/index.js';
import type { InvoiceBuyer, InvoiceClaimRow } from './billing.tables.js';
import { addCorrectionIn } from './invoice-corrections.service.js';

/** BIL-7: the customer may claim against an invoice within this many calendar days of its issue day. */
export const CLAIM_DAYS = 10;

/**
 * BIL-7: until which day an invoice may be claimed against, and whether it still may be on `today` (a Riga day).
 * Only issued invoices are claimed against (not credit notes, not void ones): null for the others.
 */
export function claimPeriodOf(invoice: { kind: string; status: string; issue_date: string }, today: string): { lastDay: string; open: boolean } | null {
  if (invoice.kind !== 'invoice' || invoice.status !== 'issued') return null;
  const lastDay = addDays(invoice.issue_date, CLAIM_DAYS);
  return { lastDay, open: today <= lastDay };
}

/**
 * BIL-7: a claim against an invoice, within 10 calendar days of its issue (issued on the 2nd: the 12th is the last
 * day). After that the portal refuses it and says why. One open claim per invoice. Filed by a user acting for the
 * customer, it counts as the customer's (ACC-18), and is audited.
 */
export async function fileClaim(deps: Deps, actor: Actor, customerId: string, invoiceId: string, body: ClaimBody): Promise<ClaimView> {
  const now = deps.clock.now();
  const today = rigaDate(now);
  return deps.db.transaction().execute(async (trx) => {
    const invoice = await trx.selectFrom('invoices').select(['id', 'number', 'kind', 'status', 'issue_date'])
      .where('id', '=', invoiceId).where('customer_id', '=', customerId).executeTakeFirst();
    if (!invoice) throw notFound('INVOICE_NOT_FOUND', 'No such invoice among the customer\'s');
    const period = claimPeriodOf(invoice, today);
    if (!period) throw conflict('NOT_CLAIMABLE', `${invoice.number} is not an issued invoice`);
    const lastDay = period.lastDay;
    if (!period.open) {
      throw conflict('CLAIM_PERIOD_OVER', `A claim against ${invoice.number} could be filed until ${lastDay}, ${CLAIM_DAYS} days after its issue; contact customer service`, { lastDay });
    }
    const open = await trx.selectFrom('invoice_claims').select('id').where('invoice_id', '=', invoiceId).where('status', '=', 'open').executeTakeFirst();
    if (open) throw conflict('CLAIM_OPEN', `A claim against ${invoice.number} is open already`);
    const id = newId();
    await trx.insertInto('invoice_claims').values({
      id, customer_id: customerId, invoice_id: invoiceId, filed_by: actor.userId ?? 'system', filed_at: now, text: body.text, claimed_cents: body.amountCents ?? null, status: 'open',
      decided_by: null, decided_at: null, decision_reason: null, correction_cents: null, correction_charge_id: null,
    }).execute();
    await recordAudit(trx, actor, {
      customerId, action: 'billing.claim_filed', objectType: 'invoice_claim', objectId: id, details: { invoiceNumber: invoice.number, amountCents: body.amountCents ?? null },
    }, now);
    return (await readClaims(trx, (query) => query.where('c.id', '=', id)))[0]!;
  });
}

/** The customer's claims, newest first. */
export async function listCustomerClaims(db: Db, customerId: string): Promise<ClaimList> {
  return { claims: await readClaims(db, (query) => query.where('c.customer_id', '=', customerId)) };
}

/** Staff's queue: the open claims first (the oldest first: decide those first), then the decided ones, newest first; or one status. */
export async function listClaimsForStaff(db: Db, status: ClaimView['status'] | undefined): Promise<ClaimList> {
  if (status) return { claims: await readClaims(db, (query) => query.where('c.status', '=', status), status === 'open' ? 'asc' : 'desc') };
  const [open, decided] = await Promise.all([
    readClaims(db, (query) => query.where('c.status', '=', 'open'), 'asc'),
    readClaims(db, (query) => query.where('c.status', '<>', 'open'), 'desc'),
  ]);
  return { claims: [...open, ...decided] };
}

/**
 * BIL-7: staff accept a justified claim — its correction (a credit when negative) is carried into the next
 * period's invoice as a charge with the reason (contract point 3.3) — or reject it with the reason. Either way the
 * customer finds the decision in the portal inbox. A claim is decided once.
 */
export async function decideClaim(deps: Deps, actor: Actor, claimId: string, body: ClaimDecisionBody): Promise<ClaimView> {
  if (body.accept && (body.correctionNetCents === undefined || body.correctionNetCents === 0)) {
    throw invalidField('correctionNetCents', 'an accepted claim needs its correction: the net cents to carry into the next invoice (negative gives money back)');
  }
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const claim = await trx.selectFrom('invoice_claims').selectAll().where('id', '=', claimId).forUpdate().executeTakeFirst();
    if (!claim) throw notFound('CLAIM_NOT_FOUND', 'No such claim');
    if (claim.status !== 'open') throw conflict('CLAIM_DECIDED', `The claim is ${claim.status} already`);
    const invoice = await trx.selectFrom('invoices').select(['number']).where('id', '=', claim.invoice_id).executeTakeFirstOrThrow();
    let chargeId: string | null = null;
    if (body.accept) {
      chargeId = await addCorrectionIn(trx, actor, claim.customer_id, {
        description: `Korekcija pēc pretenzijas par rēķinu ${invoice.number}`, netCents: body.correctionNetCents!,
        vatPercent: body.vatPercent ?? deps.operator.billing.defaultVatPercent, reason: body.reason, correctsInvoiceId: claim.invoice_id,
      }, now);
    }
    await trx.updateTable('invoice_claims').set({
      status: body.accept ? 'accepted' : 'rejected', decided_by: actor.userId, decided_at: now, decision_reason: body.reason,
      correction_cents: body.accept ? body.correctionNetCents! : null, correction_charge_id: chargeId,
    }).where('id', '=', claimId).execute();
    await postNotice(trx, {
      customerId: claim.customer_id, userId: null, kind: 'claim_decided',
      title: body.accept ? `Pretenzija par rēķinu ${invoice.number} apmierināta` : `Pretenzija par rēķinu ${invoice.number} noraidīta`,
      body: body.accept ? `${body.reason} Korekcija būs nākamajā rēķinā.` : body.reason,
    }, now);
    await recordAudit(trx, actor, {
      customerId: claim.customer_id, action: 'billing.claim_decided', objectType: 'invoice_claim', objectId: claimId,
      details: { invoiceNumber: invoice.number, accepted: body.accept, correctionNetCents: body.correctionNetCents ?? null, reason: body.reason },
    }, now);
    return (await readClaims(trx, (query) => query.where('c.id', '=', claimId)))[0]!;
  });
}

type ClaimQuery = ReturnType<typeof claimsQuery>;

function claimsQuery(db: Db) {
  return db.selectFrom('invoice_claims as c').innerJoin('invoices as i', 'i.id', 'c.invoice_id')
    .selectAll('c').select(['i.number as invoice_number', 'i.issue_date as invoice_issue_date', 'i.buyer as buyer']);
}

async function readClaims(db: Db, filter: (query: ClaimQuery) => ClaimQuery, order: 'asc' | 'desc' = 'desc'): Promise<ClaimView[]> {
  const rows = await filter(claimsQuery(db)).orderBy('c.filed_at', order).limit(500).execute();
  return rows.map((row) => viewOf(row, { number: row.invoice_number, issueDate: row.invoice_issue_date, buyer: row.buyer }));
}

function viewOf(claim: Selectable<InvoiceClaimRow>, invoice: { number: string; issueDate: string; buyer: InvoiceBuyer }): ClaimView {
  return {
    id: claim.id, invoiceId: claim.invoice_id, invoiceNumber: invoice.number, invoiceIssueDate: invoice.issueDate, customerId: claim.customer_id,
    customerNumber: invoice.buyer.customerNumber, customerName: invoice.buyer.name, filedAt: claim.filed_at.toISOString(), text: claim.text,
    amountCents: claim.claimed_cents, status: claim.status, decidedAt: claim.decided_at?.toISOString() ?? null, decisionReason: claim.decision_reason,
    correctionCents: claim.correction_cents,
  };
}
