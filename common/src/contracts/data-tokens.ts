import { Type, type Static } from 'typebox';
import { Id, Instant, IsoDate, Nullable, Text } from './fields.ts';

/**
 * Customer data API tokens: a read-only key the customer gives a third party, which reads the consumption
 * routes with `Authorization: Bearer <token>`. Named, for all objects or chosen ones, expiring within a
 * year, revocable at once, last use shown, every use audited.
 */

export const DataToken = Type.Object({
  id: Type.String(),
  name: Type.String(),
  /** null: every object of the customer, also ones it gets later */
  objectIds: Nullable(Type.Array(Type.String())),
  expiresAt: Instant,
  revokedAt: Nullable(Instant),
  lastUsedAt: Nullable(Instant),
  createdAt: Instant,
  /** the full name of the user who created it */
  createdBy: Type.String(),
});
export type DataToken = Static<typeof DataToken>;

export const DataTokenList = Type.Array(DataToken);
export type DataTokenList = Static<typeof DataTokenList>;

/** POST …/data-tokens: expiresOn a Riga date after today and at most a year ahead. */
export const CreateDataTokenBody = Type.Object({
  name: Text(60),
  objectIds: Nullable(Type.Array(Id, { minItems: 1, maxItems: 100 })),
  expiresOn: IsoDate,
}, { additionalProperties: false });
export type CreateDataTokenBody = Static<typeof CreateDataTokenBody>;

/** The token itself is answered once, at creation; the portal keeps only its hash. */
export const CreatedDataToken = Type.Object({
  token: Type.String(),
  dataToken: DataToken,
});
export type CreatedDataToken = Static<typeof CreatedDataToken>;

export const DataTokenParams = Type.Object({ customerId: Id, tokenId: Id });
export type DataTokenParams = Static<typeof DataTokenParams>;
