/**
 * The one error type use cases throw. The error handler answers { error: { code, message, details } }
 * with `status`; anything else becomes a logged 500 carrying only the request id.
 */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, 400, message, details);
export const unauthorized = (code = 'NOT_AUTHENTICATED', message = 'Log in first') => new AppError(code, 401, message);
export const forbidden = (code = 'FORBIDDEN', message = 'You may not do this') => new AppError(code, 403, message);
export const notFound = (code = 'NOT_FOUND', message = 'Not found') => new AppError(code, 404, message);
export const conflict = (code: string, message: string, details?: Record<string, unknown>) =>
  new AppError(code, 409, message, details);

/** A field-level validation failure, in the same shape the schema validator produces. */
export function invalidField(field: string, reason: string, code = 'INVALID_FIELD'): AppError {
  return new AppError(code, 400, `${field}: ${reason}`, { field, reason });
}
