import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import {
  AssignPaymentBody, PaymentList, PaymentParams, RecordPaymentBody, RefundBody, ReversePaymentBody, StatementImportResult, UnmatchedPaymentList,
  WaitingNoticeList,
} from '@up/common/contracts/payments';
import { CustomerParams } from '@up/common/contracts/fields';
import type { Deps } from '../../deps.js';
import { answers, NoContent } from '../../http/answers.js';
import { actorOf } from '../../http/session-hook.js';
import { fileOf, streamedBodies } from '../../http/streamed-body.js';
import { listCustomerPayments } from './customer-payments.service.js';
import { assignPayment, recordStaffPayment, refundCustomerCredit, reversePayment } from './payments.service.js';
import { importStatement } from './statement-import.service.js';
import { listUnmatchedPayments } from './unmatched-payments.service.js';
import { listWaitingNotices } from './payment-notice-inbox.js';

/** A statement of 100,000 entries is about 100 MB; a day's statement of a large operator stays well below this. */
const MAX_STATEMENT_BYTES = 1024 * 1024 * 1024;

/** The back office's payments (issue 13): bank statements, the payments waiting for a customer, payments, refunds. */
export const paymentsStaffRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const staff = { access: 'staff' } as const;

  app.get('/api/staff/payments/unmatched', {
    config: staff,
    schema: { description: 'Payments no customer matched, oldest first: they wait for staff to allocate them.', response: answers({ 200: UnmatchedPaymentList }) },
  }, async () => listUnmatchedPayments(deps.db));

  app.get('/api/staff/payments/notices', {
    config: staff,
    schema: {
      description: 'Payment providers\' notices not applied yet (BIL-15): how many wait and how many failed, the failed ones first with their error. '
        + 'The job tries a failed notice again on every tick.',
      response: answers({ 200: WaitingNoticeList }),
    },
  }, async () => listWaitingNotices(deps.db));

  app.post('/api/staff/payments/:paymentId/assign', {
    config: staff,
    schema: { description: 'Gives a waiting payment to a customer; it pays in BIL-5 order as of the day it arrived.', params: PaymentParams, body: AssignPaymentBody, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    await assignPayment(deps, actorOf(request), request.params.paymentId, request.body);
    return reply.code(204).send();
  });

  app.post('/api/staff/payments/:paymentId/reverse', {
    config: staff,
    schema: { description: 'Takes a payment back (a chargeback, a transfer the bank took back): what it paid is open again.', params: PaymentParams, body: ReversePaymentBody, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    await reversePayment(deps, actorOf(request), request.params.paymentId, request.body);
    return reply.code(204).send();
  });

  app.get('/api/staff/customers/:customerId/payments', {
    config: staff,
    schema: { params: CustomerParams, response: answers({ 200: PaymentList }) },
  }, async (request) => listCustomerPayments(deps, request.params.customerId));

  app.post('/api/staff/customers/:customerId/payments', {
    config: staff,
    schema: {
      description: 'Records money the customer paid another way (BIL-3: before an invoice it is credit the next invoice uses); the same reference again changes nothing.',
      params: CustomerParams, body: RecordPaymentBody, response: answers({ 200: Type.Object({ recorded: Type.Boolean() }) }),
    },
  }, async (request) => recordStaffPayment(deps, actorOf(request), request.params.customerId, request.body));

  app.post('/api/staff/customers/:customerId/refunds', {
    config: { access: 'administrator' },
    schema: {
      description: 'Refunds credit the customer holds to its account; refused (409 NOT_ENOUGH_CREDIT) beyond what it holds; the same reference again changes nothing.',
      params: CustomerParams, body: RefundBody, response: answers({ 200: Type.Object({ refunded: Type.Boolean() }) }),
    },
  }, async (request) => refundCustomerCredit(deps, actorOf(request), request.params.customerId, request.body));

  // The statement route takes its body as a stream, in a scope of its own.
  await app.register(async (scope) => {
    const files = scope.withTypeProvider<TypeBoxTypeProvider>();
    streamedBodies(files, ['application/xml', 'text/xml']);
    files.post('/api/staff/payments/statements', {
      config: staff,
      bodyLimit: MAX_STATEMENT_BYTES,
      schema: {
        description: 'An ISO 20022 camt.053 bank statement (.001.02 or .001.08) as application/xml, streamed. Booked credits become payments of '
          + 'their booking day, matched by RF reference, invoice number or customer number and allocated (BIL-4, BIL-5); the rest wait for staff. '
          + 'The bank\'s entry reference is the key: a statement imported twice counts each entry once. A malformed file is a 400 and changes nothing.',
        response: answers({ 200: StatementImportResult }),
      },
    }, async (request) => importStatement(deps, fileOf(request.body, ['application/xml', 'text/xml']).stream, actorOf(request)));
  });
};
