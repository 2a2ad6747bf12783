import { Type, type TSchema } from 'typebox';

/**
 * Building blocks of the API contract (common/src/contracts/<module>.ts): the server validates requests and
 * serialises answers with them, the web imports their Static types only. Limits keep every field bounded.
 */
export const Text = (maxLength = 200, minLength = 1) => Type.String({ minLength, maxLength });
export const Email = Type.String({ format: 'email', maxLength: 254 });
export const Password = Type.String({ minLength: 1, maxLength: 128 });
export const Language = Type.Union([Type.Literal('lv'), Type.Literal('en'), Type.Literal('ru')]);
export const CustomerKind = Type.Union([Type.Literal('person'), Type.Literal('company')]);
export const IsoDate = Type.String({ format: 'date' });
export const IsoDateTime = Type.String({ format: 'date-time' });
export const Id = Type.String({ minLength: 1, maxLength: 100 });
export const Token = Type.String({ minLength: 10, maxLength: 200 });
export const LocalizedText = (maxLength = 20_000) =>
  Type.Object({ lv: Text(maxLength), en: Text(maxLength), ru: Text(maxLength) }, { additionalProperties: false });
/**
 * Every number a route takes has both bounds (malformed-input.test.ts checks it): unbounded, 99999999999999999999999
 * passes as an integer and fails in SQL as a 500. (Infinity, from "1e400" in a query string, gets past the bounds
 * in Ajv; input-guards.ts refuses it.) A bigint sequence number fits a safe integer.
 */
export const SequenceNumber = Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER });
export const Rights = Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 });

export const CustomerParams = Type.Object({ customerId: Id });

/** An ISO 8601 instant (UTC) in an answer. */
export const Instant = Type.String({ format: 'date-time' });
export const Nullable = <T extends TSchema>(schema: T) => Type.Union([schema, Type.Null()]);
/** A phone number as customers type it. */
export const Phone = Type.String({ maxLength: 30, pattern: '^\\+?[0-9 ()-]{5,30}$' });

/**
 * Every error answer: { error: { code, message, details } }. `code` is what the web translates; `details`
 * names the field and the reason of a validation failure, or carries what the code needs (e.g. until when).
 */
export const ErrorAnswer = Type.Object({
  error: Type.Object({
    code: Type.String(),
    message: Type.String(),
    details: Type.Record(Type.String(), Type.Unknown()),
  }),
});
