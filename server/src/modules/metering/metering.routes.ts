import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CustomerParams } from '@up/common/contracts/fields';
import { Consumption, ConsumptionQuery, ObjectList, ObjectParams, Settlement, SettlementQuery } from '@up/common/contracts/metering';
import type { Deps } from '../../deps.js';
import { answers } from '../../http/answers.js';
import { consumptionCsv, consumptionXlsx } from './consumption-downloads.js';
import { acceptsGzip, consumptionJson } from './consumption-json.js';
import { consumptionAnswer } from './consumption.service.js';
import { NotModified } from './http-caching.js';
import { toConsumption } from './consumption-series.js';
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
    schema: {
      description: 'Consumption and feed-in between two Riga dates. `format=csv` answers text/csv (RFC 4180), `format=xlsx` a spreadsheet. '
        + 'The JSON answer carries a strong ETag and `Cache-Control: private, no-cache`: asked again with `If-None-Match`, an unchanged answer is '
        + '304 without a body. With `Accept-Encoding: gzip` the JSON answer comes gzip-compressed (its ETag ends in `-gzip`).',
      params: ObjectParams, querystring: ConsumptionQuery, response: answers({ 200: Consumption, 304: NotModified }),
    },
  }, async (request, reply) => {
    const { customerId, objectId } = request.params;
    const allowed = request.dataToken?.objectIds ?? null;
    const format = request.query.format ?? 'json';
    if (format === 'json') {
      // Only the customer's own browser may keep the answer, and it asks each time whether it is still current.
      reply.header('cache-control', 'private, no-cache');
      reply.header('vary', 'accept-encoding');
      const json = await consumptionJson(deps, customerId, objectId, request.query, allowed, {
        ifNoneMatch: request.headers['if-none-match'], gzip: acceptsGzip(request.headers['accept-encoding']),
      });
      if (json.notModified) return reply.code(304).header('etag', json.etag).send();
      if (json.encoding) reply.header('content-encoding', json.encoding);
      // A year of hours is ~70,000 numbers: written as JSON bytes straight from the summed typed arrays
      // (consumption-series.ts); tests check these bytes against the schema and against JSON.stringify.
      return reply.header('etag', json.etag).header('content-type', 'application/json; charset=utf-8').send(json.body as never);
    }
    const consumption = toConsumption(await consumptionAnswer(deps, customerId, objectId, request.query, allowed));
    const fileName = `consumption-${consumption.from}-${consumption.to}-${consumption.resolution}`;
    // Downloads are not JSON: the response schema describes the JSON answer, so the typed reply needs a cast.
    if (format === 'csv') {
      return reply.header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${fileName}.csv"`)
        .send(consumptionCsv(consumption) as never);
    }
    return reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${fileName}.xlsx"`)
      .send(await consumptionXlsx(consumption, `${deps.operator.portalName}: ${fileName}`) as never);
  });

  app.get('/api/customers/:customerId/objects/:objectId/settlement', {
    config: readable,
    schema: { params: ObjectParams, querystring: SettlementQuery, response: answers({ 200: Settlement }) },
  }, async (request) => getSettlement(deps, request.params.customerId, request.params.objectId, request.query.month, request.dataToken?.objectIds ?? null));
};
