import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError } from '../infra/errors.js';
import { uniqueViolationError } from './unique-violations.js';

/**
 * One answer shape for every error: { error: { code, message, details } }. Schema failures name the field;
 * a unique violation of a known constraint (a lost race) is the route's 409 (unique-violations.ts);
 * anything unexpected is logged and answered as a 500 that carries only the request id.
 */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((thrown: FastifyError | AppError, request, reply) => {
    const error = uniqueViolationError(thrown, { method: request.method, url: request.routeOptions.url }) ?? thrown;
    if (error instanceof AppError) {
      if (error.status === 429 && error.details?.retryAfterSeconds) reply.header('retry-after', String(error.details.retryAfterSeconds));
      if (error.status >= 500) request.log.error({ err: error }, error.message);
      return reply.code(error.status).send({ error: { code: error.code, message: error.message, details: error.details ?? {} } });
    }
    const fastifyError = error as FastifyError;
    if (fastifyError.validation) {
      const first = fastifyError.validation[0];
      // A missing property, or one the schema does not allow, is named itself rather than its parent.
      const params = first?.params as { missingProperty?: string; additionalProperty?: string } | undefined;
      const named = params?.missingProperty ?? params?.additionalProperty;
      const path = (first?.instancePath ?? '').replace(/^\//, '').replace(/\//g, '.');
      const field = [fastifyError.validationContext === 'body' ? '' : fastifyError.validationContext, path, named]
        .filter(Boolean)
        .join('.') || String(fastifyError.validationContext ?? 'body');
      const reason = first?.message ?? 'is not valid';
      return reply.code(400).send({ error: { code: 'VALIDATION_FAILED', message: `${field}: ${reason}`, details: { field, reason } } });
    }
    const status = fastifyError.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      return reply.code(status).send({ error: { code: fastifyError.code ?? 'BAD_REQUEST', message: fastifyError.message, details: {} } });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.code(500).send({ error: { code: 'INTERNAL', message: `Something went wrong (request ${request.id})`, details: { requestId: request.id } } });
  });
}
