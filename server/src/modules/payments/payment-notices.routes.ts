import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { NoticeParams } from '@up/common/contracts/payments';
import type { Deps } from '../../deps.js';
import { answers } from '../../http/answers.js';
import { receiveProviderNotice } from './online-payments.service.js';
import { wakeNoticeApplier } from './payment-notice-inbox.js';

/**
 * BIL-15: the payment provider's server-to-server notices. The provider has no session (access 'signed': no
 * cookies, no CSRF token): what makes a notice count is its signature, checked on the exact bytes sent, so the
 * body is read as text, not parsed first. The notice is stored and answered at once; the process's applier, woken
 * once the answer is on its way, applies it with others in a batch (payment-notice-inbox.ts).
 */
export const paymentNoticeRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  await app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body));
    scope.post('/api/payments/notices/:provider', {
      config: { access: 'signed' },
      schema: {
        description: 'A payment provider\'s signed notice (the demo provider: header x-demo-signature). 401 when the signature or freshness fails; '
          + 'otherwise stored and answered at once, applied milliseconds later. applied: true when this notice was taken now and will end the payment '
          + '(paid, cancelled, failed); false when it changes nothing (the same notice again, or the payment ended already).',
        params: NoticeParams, response: answers({ 200: Type.Object({ applied: Type.Boolean() }) }),
      },
    }, async (request) => {
      const raw = typeof request.body === 'string' ? request.body : '';
      const answer = await receiveProviderNotice(deps, (request.params as { provider: string }).provider, raw, request.headers);
      if (answer.applied) setImmediate(() => void wakeNoticeApplier(deps, app.log));
      return answer;
    });
  });
};
