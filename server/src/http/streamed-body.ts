import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../infra/errors.js';

/**
 * The body of a file import route (interval data, spot prices, bank statements): the request stream, handed over
 * unread, so a large file is never held whole. A class with a private field, so the input guard's walk over parsed
 * bodies (http/input-guards.ts) finds no properties in it.
 */
export class StreamedFile {
  readonly #stream: Readable;
  readonly #contentType: string;
  constructor(stream: Readable, contentType: string) {
    this.#stream = stream;
    this.#contentType = contentType;
  }
  get stream(): Readable {
    return this.#stream;
  }
  get contentType(): string {
    return this.#contentType;
  }
}

/** In this (encapsulated) scope, bodies of these content types arrive as StreamedFile instead of being parsed. */
export function streamedBodies(scope: FastifyInstance, contentTypes: string[]): void {
  for (const type of contentTypes) if (scope.hasContentTypeParser(type)) scope.removeContentTypeParser(type);
  scope.addContentTypeParser(contentTypes, (request, payload, done) => {
    const type = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
    done(null, new StreamedFile(payload as Readable, type));
  });
}

/** The streamed file of a request, or a 400/415 naming the body and the accepted types. */
export function fileOf(body: unknown, accepted: readonly string[]): StreamedFile {
  if (!(body instanceof StreamedFile)) {
    throw new AppError('IMPORT_NO_FILE', 400, `body: send the file as ${accepted.join(' or ')}`, { field: 'body', reason: `send the file as ${accepted.join(' or ')}` });
  }
  if (!accepted.includes(body.contentType)) {
    throw new AppError('IMPORT_CONTENT_TYPE', 415, `body: send the file as ${accepted.join(' or ')}, not ${body.contentType}`, { field: 'body', reason: `send the file as ${accepted.join(' or ')}` });
  }
  return body;
}
