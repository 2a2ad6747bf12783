import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import {
  BillEstimate, ClaimBody, ClaimList, ClaimView, SpendingAllowance, InvoiceDetail, InvoiceLineParams, InvoiceList, InvoiceParams, LineExplanation, TariffList,
} from '@up/common/contracts/billing';
import { CustomerParams } from '@up/common/contracts/fields';
import type { Deps } from '../../deps.js';
import { answers, FileAnswer } from '../../http/answers.js';
import { estimateCurrentBill } from './bill-estimate.service.js';
import { invoicePdf, invoiceXml, type InvoiceFile } from './invoice-files.service.js';
import { explainLine, findCustomerInvoice, getInvoice, listInvoices } from './invoices.service.js';
import { listCustomerTariffs } from './tariffs.service.js';
import { fileClaim, listCustomerClaims } from './claims.service.js';
import { spendingAllowance } from './money-limits.service.js';
import { actorOf } from '../../http/session-hook.js';

/**
 * BIL-15, ACC-10: the customer's invoices, each with its lines, their explanation, PDF and e-invoice. Who sees
 * invoices is the operator's setting: the main user always, an additional user with the see_invoices right or
 * where the operator lets every user see them. Tariffs are shown to every user of the customer (BIL-8).
 */
export const billingRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const invoiceReader = { access: { customer: 'see_invoices' } } as const;

  app.get('/api/customers/:customerId/invoices', {
    config: invoiceReader,
    schema: { params: CustomerParams, response: answers({ 200: InvoiceList }) },
  }, async (request) => listInvoices(deps, request.params.customerId));

  app.get('/api/customers/:customerId/invoices/:invoiceId', {
    config: invoiceReader,
    schema: { params: InvoiceParams, response: answers({ 200: InvoiceDetail }) },
  }, async (request) => getInvoice(deps, request.params.customerId, request.params.invoiceId));

  app.get('/api/customers/:customerId/invoices/:invoiceId/lines/:lineNumber', {
    config: invoiceReader,
    schema: { params: InvoiceLineParams, response: answers({ 200: LineExplanation }) },
  }, async (request) => explainLine(deps, request.params.customerId, request.params.invoiceId, request.params.lineNumber));

  app.get('/api/customers/:customerId/invoices/:invoiceId/pdf', {
    config: invoiceReader,
    schema: { description: 'The invoice as PDF (application/pdf).', params: InvoiceParams, response: answers({ 200: FileAnswer('application/pdf') }) },
  }, async (request, reply) => sendFile(reply, await invoicePdf(deps, await findCustomerInvoice(deps.db, request.params.customerId, request.params.invoiceId))));

  app.get('/api/customers/:customerId/invoices/:invoiceId/xml', {
    config: invoiceReader,
    schema: {
      description: 'The e-invoice in UBL 2.1 following Peppol BIS Billing 3.0 (legal entities; 404 E_INVOICE_NOT_ISSUED for a person).',
      params: InvoiceParams, response: answers({ 200: FileAnswer('application/xml') }),
    },
  }, async (request, reply) => sendFile(reply, await invoiceXml(deps, await findCustomerInvoice(deps.db, request.params.customerId, request.params.invoiceId))));

  app.get('/api/customers/:customerId/billing/estimate', {
    config: invoiceReader,
    schema: { params: CustomerParams, response: answers({ 200: BillEstimate }) },
  }, async (request) => estimateCurrentBill(deps, request.params.customerId));

  // BIL-7: claims against invoices; filing one is a statement made for the customer (ACC-18), so it takes sign_orders
  app.get('/api/customers/:customerId/claims', {
    config: invoiceReader,
    schema: { params: CustomerParams, response: answers({ 200: ClaimList }) },
  }, async (request) => listCustomerClaims(deps.db, request.params.customerId));

  app.post('/api/customers/:customerId/invoices/:invoiceId/claims', {
    config: { access: { customer: 'sign_orders' } },
    schema: {
      description: 'BIL-7: a claim against the invoice, within 10 calendar days of its issue (409 CLAIM_PERIOD_OVER after, with the last day); one open claim per invoice.',
      params: InvoiceParams, body: ClaimBody, response: answers({ 201: ClaimView }),
    },
  }, async (request, reply) => reply.code(201).send(await fileClaim(deps, actorOf(request), request.params.customerId, request.params.invoiceId, request.body)));

  app.get('/api/customers/:customerId/spending', {
    config: invoiceReader,
    schema: { description: 'BIL-6: the money limit of this billing period and what may still be spent.', params: CustomerParams, response: answers({ 200: SpendingAllowance }) },
  }, async (request) => spendingAllowance(deps.db, request.params.customerId, deps.clock.now()));

  app.get('/api/customers/:customerId/tariffs', {
    config: { access: { customer: 'member' } },
    schema: { params: CustomerParams, response: answers({ 200: TariffList }) },
  }, async (request) => listCustomerTariffs(deps, request.params.customerId));
};

export function sendFile(reply: FastifyReply, file: InvoiceFile) {
  return reply.header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .send(file.body);
}
