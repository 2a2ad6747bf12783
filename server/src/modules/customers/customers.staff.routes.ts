import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CustomerParams } from '@up/common/contracts/fields';
import {
  AddContractBody, CreateCustomerBody, CreatedRecord, CustomerList, CustomerSearchQuery, ImportCustomersBody, ImportResult,
  ServicePasswordBody, ServicePasswordCheck, UpdateCustomerBody,
} from '@up/common/contracts/customers';
import type { Deps } from '../../deps.js';
import { actorOf } from '../../http/session-hook.js';
import { answers, NoContent } from '../../http/answers.js';
import { addContract, checkServicePassword, createCustomer, updateCustomerRecord } from './customers.service.js';
import { importCustomers } from './customer-import.service.js';
import { searchCustomers } from './customers.repository.js';

/** Customer records in the back office: search, create, edit, contracts, CSV import, service password (ACC-19). */
export const customersStaffRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const staff = { access: 'staff' as const };

  app.get('/api/staff/customers', {
    config: staff,
    schema: { querystring: CustomerSearchQuery, response: answers({ 200: CustomerList }) },
  }, async (request) => searchCustomers(deps.db, request.query.q));

  app.post('/api/staff/customers', {
    config: staff,
    schema: { body: CreateCustomerBody, response: answers({ 201: CreatedRecord }) },
  }, async (request, reply) => reply.code(201).send(await createCustomer(deps, request.body, actorOf(request))));

  app.patch('/api/staff/customers/:customerId', {
    config: staff,
    schema: { params: CustomerParams, body: UpdateCustomerBody, response: answers({ 204: NoContent }) },
  }, async (request, reply) => {
    await updateCustomerRecord(deps, request.params.customerId, request.body, actorOf(request));
    return reply.code(204).send();
  });

  app.post('/api/staff/customers/:customerId/contracts', {
    config: staff,
    schema: { params: CustomerParams, body: AddContractBody, response: answers({ 201: CreatedRecord }) },
  }, async (request, reply) => reply.code(201).send(await addContract(deps, request.params.customerId, request.body, actorOf(request))));

  app.post('/api/staff/customers/import', {
    config: staff,
    bodyLimit: 20 * 1024 * 1024,
    schema: { body: ImportCustomersBody, response: answers({ 200: ImportResult }) },
  }, async (request) => importCustomers(deps, request.body.csv, actorOf(request)));

  app.post('/api/staff/customers/:customerId/service-password/check', {
    config: staff,
    schema: { params: CustomerParams, body: ServicePasswordBody, response: answers({ 200: ServicePasswordCheck }) },
  }, async (request) => checkServicePassword(deps, request.params.customerId, request.body.servicePassword, actorOf(request)));
};
