import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CustomerParams } from '@up/common/contracts/fields';
import { CustomerSummary, NoticeParams } from '@up/common/contracts/overview';
import { NoticeList } from '@up/common/contracts/notifications';
import type { Deps } from '../../deps.js';
import { requireMembership, requireSession } from '../../http/session-hook.js';
import { answers, NoContent } from '../../http/answers.js';
import { BatchedReads } from '../../infra/batched-reads.js';
import { notFound } from '../../infra/errors.js';
import { effectiveRights } from '../accounts/index.js';
import type { CustomerSummaryKey } from '../customers/index.js';
import { listInbox, markInboxNoticeRead, readOverviewSummaries } from './overview.service.js';

/** The user's inbox (GRD-7), across the customers they act for. */
export const inboxRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  app.get('/api/me/notices', { config: { access: 'user' }, schema: { response: answers({ 200: NoticeList }) } }, async (request) =>
    listInbox(deps, requireSession(request).userId));

  app.post('/api/me/notices/:noticeId/read', {
    config: { access: 'user' },
    schema: { params: NoticeParams, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    const found = await markInboxNoticeRead(deps, requireSession(request).userId, request.params.noticeId);
    if (!found) throw notFound('NOTICE_NOT_FOUND', 'No such notice');
    return reply.code(204).send();
  });
};

/** The overview page of a customer: who it is, the user's role and rights, and the counts (ACC-10, ACC-11). */
export const overviewRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  // One summary query at a time per process: the overview pages asked for while it runs go together in the
  // next one. Measured (docs/BENCHMARKS.md): under load this serves 1.5 times what 2 or 3 in flight do, as
  // batches grow; a query of 100 households still takes a few milliseconds, and under light load nothing waits.
  const summaries = new BatchedReads((keys: CustomerSummaryKey[]) => readOverviewSummaries(deps.db, keys), { maxInFlight: 1, maxBatch: 100 });

  app.get('/api/customers/:customerId/summary', {
    config: { access: { customer: 'member' } },
    schema: { params: CustomerParams, response: answers({ 200: CustomerSummary }) },
  }, async (request) => {
    const membership = requireMembership(request);
    const customer = await summaries.read({ customerId: request.params.customerId, userId: membership.userId });
    if (!customer) throw notFound('CUSTOMER_NOT_FOUND', 'No such customer among yours');
    return {
      customer: { id: customer.id, name: customer.name, kind: customer.kind, customerNumber: customer.customer_number },
      role: membership.role,
      rights: effectiveRights(membership, deps.operator),
      contracts: { active: customer.active_contracts, total: customer.contracts },
      unreadNotices: customer.unread_notices,
      users: membership.role === 'main' ? customer.users : null,
    };
  });
};
