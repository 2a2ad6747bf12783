import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CustomerParams } from '@up/common/contracts/fields';
import { Consumption, ConsumptionQuery, ObjectList, ObjectParams, Settlement, SettlementQuery } from '@up/common/contracts/metering';
import type { Deps } from '../../deps.js';
import { answers } from '../../http/answers.js';
import { consumptionCsv, consumptionXlsx } from './consumption-downloads.js';
import { getConsumption } from './consumption.service.js';
import { jsonBytes } from './json-bytes.js';
import { listCustomerObjects } from './objects.service.js';
import { getSettlement } from './settlement.service.js';

/**
 * GRD-1, GRD-3, GRD-4: every user of the customer sees its objects and consumption (not a main-user right),
 * and so does a data token of the customer (read-only, for its objects).
 */
export const meteringRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const readable = { access: { customer: 'member', dataToken: true } } as const;

  app.get('/api/customers/:customerId/objects', {
    config: readable,
    schema: { params: CustomerParams, response: answers({ 200: ObjectList }) },
  }, async (request) => listCustomerObjects(deps, request.params.customerId, request.dataToken?.objectIds ?? null));

  app.get('/api/customers/:customerId/objects/:objectId/consumption', {
    config: readable,
    // A year of quarter-hours is ~35 000 entries of nullable numbers: plain JSON.stringify is many times faster
    // here than the schema-compiled serializer (which tests every element against number | null), and its bytes
    // are cheaper to make and to send than one large string (json-bytes.ts). Tests still check every answer
    // against the schema (http/response-check.ts).
    serializerCompiler: () => (data) => jsonBytes(data) as unknown as string,
    schema: {
      description: 'Consumption and feed-in between two Riga dates. `format=csv` answers text/csv (RFC 4180), `format=xlsx` a spreadsheet.',
      params: ObjectParams, querystring: ConsumptionQuery, response: answers({ 200: Consumption }),
    },
  }, async (request, reply) => {
    const { customerId, objectId } = request.params;
    const consumption = await getConsumption(deps, customerId, objectId, request.query, request.dataToken?.objectIds ?? null);
    const fileName = `consumption-${consumption.from}-${consumption.to}-${consumption.resolution}`;
    // Downloads are not JSON: the response schema describes the JSON answer, so the typed reply needs a cast.
    if (request.query.format === 'csv') {
      return reply.header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}.csv"`)
        .send(consumptionCsv(consumption) as never);
    }
    if (request.query.format === 'xlsx') {
      return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="${fileName}.xlsx"`)
        .send(await consumptionXlsx(consumption, `${deps.operator.portalName}: ${fileName}`) as never);
    }
    return consumption;
  });

  app.get('/api/customers/:customerId/objects/:objectId/settlement', {
    config: readable,
    schema: { params: ObjectParams, querystring: SettlementQuery, response: answers({ 200: Settlement }) },
  }, async (request) => getSettlement(deps, request.params.customerId, request.params.objectId, request.query.month, request.dataToken?.objectIds ?? null));
};
