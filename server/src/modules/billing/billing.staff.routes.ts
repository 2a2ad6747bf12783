import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AddTariffVersionBody, ClaimDecisionBody, ClaimList, ClaimParams, ClaimView, MoneyLimitBody, SpendingAllowance, StaffClaimsQuery, BillingRunList, BillingRunView, ContractParams, ContractTermsBody, CorrectionBody, CreatedId,
  CreateTariffBody, CreditNoteBody, InvoiceDetail, LedgerView, StaffInvoiceList, StaffInvoiceParams, StaffInvoiceSearchQuery,
  StartBillingRunBody, TariffList, TariffParams, VoidInvoiceBody,
} from '@up/common/contracts/billing';
import { CustomerParams, Id } from '@up/common/contracts/fields';
import type { Deps } from '../../deps.js';
import { answers, FileAnswer, NoContent } from '../../http/answers.js';
import { actorOf } from '../../http/session-hook.js';
import { notFound } from '../../infra/errors.js';
import { listContracts } from '../customers/index.js';
import { sendFile } from './billing.routes.js';
import { getBillingRun, listBillingRuns, startBillingRun } from './billing-runs.service.js';
import { invoicePdf, invoiceXml } from './invoice-files.service.js';
import { addCorrection, issueCreditNote, voidInvoice } from './invoice-corrections.service.js';
import { getInvoiceForStaff, markInvoicePrinted, searchInvoices } from './invoices.service.js';
import { customerLedger } from './ledger.js';
import { addTariffVersion, createTariff, listTariffs, setContractTerms } from './tariffs.service.js';
import { decideClaim, listClaimsForStaff } from './claims.service.js';
import { setMoneyLimit, spendingAllowance } from './money-limits.service.js';

/** The back office's billing: runs with their progress, invoice search, voids and credit notes, corrections, tariffs. */
export const billingStaffRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const staff = { access: 'staff' } as const;
  const administrator = { access: 'administrator' } as const;

  app.get('/api/staff/customers/:customerId/money-limit', {
    config: staff,
    schema: { params: CustomerParams, response: answers({ 200: SpendingAllowance }) },
  }, async (request) => spendingAllowance(deps.db, request.params.customerId, deps.clock.now()));

  app.put('/api/staff/customers/:customerId/money-limit', {
    config: staff,
    schema: { description: 'BIL-6: sets (or with limitCents null removes) the customer\'s money limit for a billing period.', params: CustomerParams, body: MoneyLimitBody, response: answers({ 200: SpendingAllowance }) },
  }, async (request) => setMoneyLimit(deps, actorOf(request), request.params.customerId, request.body));

  app.get('/api/staff/claims', {
    config: staff,
    schema: { description: 'BIL-7: claims against invoices, oldest first; ?status=open for those to decide.', querystring: StaffClaimsQuery, response: answers({ 200: ClaimList }) },
  }, async (request) => listClaimsForStaff(deps.db, request.query.status));

  app.post('/api/staff/claims/:claimId/decision', {
    config: staff,
    schema: {
      description: 'BIL-7: accept (with the correction carried into the next invoice) or reject a claim, with the reason the customer reads.',
      params: ClaimParams, body: ClaimDecisionBody, response: answers({ 200: ClaimView }),
    },
  }, async (request) => decideClaim(deps, actorOf(request), request.params.claimId, request.body));

  app.get('/api/staff/billing/runs', {
    config: staff,
    schema: { response: answers({ 200: BillingRunList }) },
  }, async () => listBillingRuns(deps));

  app.post('/api/staff/billing/runs', {
    config: administrator,
    schema: {
      description: 'Starts the run of a finished month in the background (202) and answers its row; a finished run answers as it is.',
      body: StartBillingRunBody, response: answers({ 202: BillingRunView }),
    },
  }, async (request, reply) => reply.code(202).send(await startBillingRun(deps, request.body.period, actorOf(request), request.log)));

  app.get('/api/staff/billing/runs/:runId', {
    config: staff,
    schema: { params: Type.Object({ runId: Id }), response: answers({ 200: BillingRunView }) },
  }, async (request) => getBillingRun(deps, request.params.runId));

  app.get('/api/staff/invoices', {
    config: staff,
    schema: { querystring: StaffInvoiceSearchQuery, response: answers({ 200: StaffInvoiceList }) },
  }, async (request) => searchInvoices(deps, request.query));

  app.get('/api/staff/invoices/:invoiceId', {
    config: staff,
    schema: { params: StaffInvoiceParams, response: answers({ 200: InvoiceDetail }) },
  }, async (request) => getInvoiceForStaff(deps, request.params.invoiceId));

  app.get('/api/staff/invoices/:invoiceId/pdf', {
    config: staff,
    schema: { params: StaffInvoiceParams, response: answers({ 200: FileAnswer('application/pdf') }) },
  }, async (request, reply) => sendFile(reply, await invoicePdf(deps, await findInvoice(request.params.invoiceId))));

  app.get('/api/staff/invoices/:invoiceId/xml', {
    config: staff,
    schema: { params: StaffInvoiceParams, response: answers({ 200: FileAnswer('application/xml') }) },
  }, async (request, reply) => sendFile(reply, await invoiceXml(deps, await findInvoice(request.params.invoiceId))));

  app.post('/api/staff/invoices/:invoiceId/printed', {
    config: staff,
    schema: { description: 'BIL-2: marks a paper invoice printed for posting (delivered); again changes nothing.', params: StaffInvoiceParams, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    await markInvoicePrinted(deps, request.params.invoiceId);
    return reply.code(204).send();
  });

  app.post('/api/staff/invoices/:invoiceId/void', {
    config: staff,
    schema: { params: StaffInvoiceParams, body: VoidInvoiceBody, response: answers({ 200: Type.Object({ id: Type.Union([Type.String(), Type.Null()]) }) }) },
  }, async (request) => voidInvoice(deps, actorOf(request), request.params.invoiceId, request.body));

  app.post('/api/staff/invoices/:invoiceId/credit-notes', {
    config: staff,
    schema: { params: StaffInvoiceParams, body: CreditNoteBody, response: answers({ 201: CreatedId }) },
  }, async (request, reply) => reply.code(201).send(await issueCreditNote(deps, actorOf(request), request.params.invoiceId, request.body)));

  app.post('/api/staff/customers/:customerId/corrections', {
    config: staff,
    schema: { params: CustomerParams, body: CorrectionBody, response: answers({ 201: CreatedId }) },
  }, async (request, reply) => reply.code(201).send(await addCorrection(deps, actorOf(request), request.params.customerId, request.body)));

  app.get('/api/staff/customers/:customerId/ledger', {
    config: staff,
    schema: { params: CustomerParams, response: answers({ 200: LedgerView }) },
  }, async (request) => customerLedger(deps.db, request.params.customerId));

  app.put('/api/staff/customers/:customerId/contracts/:contractId/terms', {
    config: staff,
    schema: { params: Type.Object({ ...CustomerParams.properties, ...ContractParams.properties }), body: ContractTermsBody, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    const { customerId, contractId } = request.params;
    if (!(await listContracts(deps.db, customerId)).some((contract) => contract.id === contractId)) {
      throw notFound('CONTRACT_NOT_FOUND', 'No such contract of the customer');
    }
    await setContractTerms(deps, actorOf(request), contractId, customerId, request.body);
    return reply.code(204).send();
  });

  app.get('/api/staff/tariffs', {
    config: staff,
    schema: { response: answers({ 200: TariffList }) },
  }, async () => listTariffs(deps));

  app.post('/api/staff/tariffs', {
    config: administrator,
    schema: { body: CreateTariffBody, response: answers({ 201: CreatedId }) },
  }, async (request, reply) => reply.code(201).send(await createTariff(deps, actorOf(request), request.body)));

  app.post('/api/staff/tariffs/:tariffId/versions', {
    config: administrator,
    schema: { params: TariffParams, body: AddTariffVersionBody, response: answers({ 201: CreatedId }) },
  }, async (request, reply) => reply.code(201).send(await addTariffVersion(deps, actorOf(request), request.params.tariffId, request.body)));

  async function findInvoice(invoiceId: string) {
    const invoice = await deps.db.selectFrom('invoices').selectAll().where('id', '=', invoiceId).executeTakeFirst();
    if (!invoice) throw notFound('INVOICE_NOT_FOUND', 'No such invoice');
    return invoice;
  }
};
