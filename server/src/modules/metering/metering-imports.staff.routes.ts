import type { FastifyPluginAsyncTypebox, TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  IntervalImportQuery, IntervalImportResult, MeteringImportList, SpotPriceImportResult,
} from '@up/common/contracts/metering-imports';
import type { Deps } from '../../deps.js';
import { answers } from '../../http/answers.js';
import { actorOf } from '../../http/session-hook.js';
import { fileOf, streamedBodies } from '../../http/streamed-body.js';
import { MAX_IMPORT_BYTES } from './interval-csv.js';
import { importIntervals, listMeteringImports } from './interval-import.service.js';
import { importSpotPrices } from './spot-prices.service.js';

/**
 * GRD-3, GRD-4: staff import interval data and spot prices (docs/API.md, "Interval data import"). The files
 * stream: the request body is never held whole, the parser reads it as it arrives and writes in batches.
 */
export const meteringImportsStaffRoutes: FastifyPluginAsyncTypebox<Deps> = async (app, deps) => {
  const staff = { access: 'staff' as const };

  app.get('/api/staff/metering/imports', {
    config: staff,
    schema: { description: 'The latest 50 metering imports (interval data, spot prices, objects), newest first, with their counts.', response: answers({ 200: MeteringImportList }) },
  }, async () => listMeteringImports(deps.db));

  // The routes that take files, in a scope of their own: only here are CSV and JSON bodies streams.
  await app.register(async (scope) => {
    const files = scope.withTypeProvider<TypeBoxTypeProvider>();
    streamedBodies(files, ['application/json', 'text/csv']);

    files.post('/api/staff/metering/intervals', {
      config: staff,
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        description: 'Interval data (GRD-3): the portal CSV as text/csv, or the Sadales tīkls get-object-consumption JSON as application/json, '
          + 'streamed (up to 2 GB). Bad rows are answered with their line or index path while the good ones land; a malformed file is a 400 and changes nothing.',
        querystring: IntervalImportQuery,
        response: answers({ 200: IntervalImportResult }),
      },
    }, async (request) => {
      const file = fileOf(request.body, ['text/csv', 'application/json']);
      return importIntervals(deps, file.stream, {
        format: file.contentType === 'text/csv' ? 'csv' : 'sadales_json',
        source: 'api',
        actor: actorOf(request),
        intervalMinutes: request.query.intervalMinutes,
      });
    });

    files.post('/api/staff/metering/spot-prices', {
      config: staff,
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        description: 'Day-ahead spot prices of the operator\'s bidding zone (GRD-4) as text/csv: interval_start,interval_minutes,eur_per_mwh.',
        response: answers({ 200: SpotPriceImportResult }),
      },
    }, async (request) => {
      const file = fileOf(request.body, ['text/csv']);
      return importSpotPrices(deps, file.stream, { source: 'api', actor: actorOf(request) });
    });
  });
};
