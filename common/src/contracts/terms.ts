import { Type, type Static } from 'typebox';
import { Instant, IsoDate, LocalizedText, Nullable, Text } from './fields.ts';

/** The terms module's part of the API contract (ACC-1, OPS-1). */

export const TERMS_AUDIT_ACTIONS = ['terms.accepted', 'terms.published'] as const;

export const TermsVersionParams = Type.Object({ version: Text(40) });

/** A version of the terms of use; Latvian is authoritative, the others are translations. */
export const Terms = Type.Object({
  version: Type.String(),
  approvedOn: IsoDate,
  validFrom: IsoDate,
  /** the last day it is valid (inclusive); null while it is the newest */
  validTo: Nullable(IsoDate),
  publishedAt: Instant,
  texts: LocalizedText(),
});
export type Terms = Static<typeof Terms>;

export const TermsList = Type.Array(Terms);

export const AcceptTermsBody = Type.Object({ version: Text(40) }, { additionalProperties: false });
export type AcceptTermsBody = Static<typeof AcceptTermsBody>;

export const PublishTermsBody = Type.Object({ version: Text(40), approvedOn: IsoDate, validFrom: IsoDate, texts: LocalizedText(200_000) }, { additionalProperties: false });
export type PublishTermsBody = Static<typeof PublishTermsBody>;
