import { Type, type TSchema } from 'typebox';
import { ErrorAnswer } from '@up/common/contracts/fields';

/** The answer of a route that answers 204: no body. */
export const NoContent = Type.Unsafe<void>({ type: 'null', description: 'No content' });

/**
 * A route's `response` schemas: its success answers, and the one error shape for every 4xx and 5xx. Fastify
 * serialises with them (a field not in the schema is not sent) and /api/openapi.json documents them.
 */
export function answers<T extends Record<number, TSchema>>(success: T): T & { '4xx': typeof ErrorAnswer; '5xx': typeof ErrorAnswer } {
  return { ...success, '4xx': ErrorAnswer, '5xx': ErrorAnswer };
}

/** The answer of a download route (a PDF, an e-invoice): the file's bytes, sent as they are (never serialised). */
export const FileAnswer = (contentType: string) =>
  Type.Unsafe<Buffer | string>({ type: 'string', format: 'binary', description: `the file, ${contentType}` });
