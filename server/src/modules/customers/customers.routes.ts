import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CustomerParams } from '@up/common/contracts/fields';
import { ContactDetails, ContactDetailsBody, ContractList, ServicePasswordBody } from '@up/common/contracts/customers';
import type { Deps } from '../../deps.js';
import { actorOf } from '../../http/session-hook.js';
import { answers, NoContent } from '../../http/answers.js';
import { changeContactDetails, getContactDetails, setServicePassword } from './customers.service.js';
import { listContracts } from './customers.repository.js';

/** A customer's contracts, contact details and service password, for its users (ACC-15, ACC-19). */
export const customersRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  app.get('/api/customers/:customerId/contracts', {
    config: { access: { customer: 'member' } },
    schema: { params: CustomerParams, response: answers({ 200: ContractList }) },
  }, async (request) => listContracts(deps.db, request.params.customerId));

  app.get('/api/customers/:customerId/contact', {
    config: { access: { customer: 'member' } },
    schema: { params: CustomerParams, response: answers({ 200: ContactDetails }) },
  }, async (request) => getContactDetails(deps, request.params.customerId));

  app.put('/api/customers/:customerId/contact', {
    config: { access: { customer: 'main' } },
    schema: { params: CustomerParams, body: ContactDetailsBody, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    await changeContactDetails(deps, request.params.customerId, request.body, actorOf(request));
    return reply.code(204).send();
  });

  app.put('/api/customers/:customerId/service-password', {
    config: { access: { customer: 'main' } },
    schema: { params: CustomerParams, body: ServicePasswordBody, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    await setServicePassword(deps, request.params.customerId, request.body.servicePassword, actorOf(request));
    return reply.code(204).send();
  });
};
