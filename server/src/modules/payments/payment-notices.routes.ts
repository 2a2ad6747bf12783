import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { NoticeParams } from '@up/common/contracts/payments';
import type { Deps } from '../../deps.js';
import { answers } from '../../http/answers.js';
import { handleProviderNotice } from './online-payments.service.js';

/**
 * BIL-15: the payment provider's server-to-server notices. The provider has no session (access 'signed': no
 * cookies, no CSRF token): what makes a notice count is its signature, checked on the exact bytes sent, so the
 * body is read as text, not parsed first.
 */
export const paymentNoticeRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  await app.register(async (scope) => {
    scope.removeContentTypeParser('application/json');
    scope.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_request, body, done) => done(null, body));
    scope.post('/api/payments/notices/:provider', {
      config: { access: 'signed' },
      schema: {
        description: 'A payment provider\'s signed notice (the demo provider: header x-demo-signature). 401 when the signature or freshness fails; '
          + 'the same notice again answers 200 and changes nothing.',
        params: NoticeParams, response: answers({ 200: Type.Object({ applied: Type.Boolean() }) }),
      },
    }, async (request) => {
      const raw = typeof request.body === 'string' ? request.body : '';
      return handleProviderNotice(deps, (request.params as { provider: string }).provider, raw, request.headers);
    });
  });
};
