import type { Timestamp } from '../../db/column-types.js';

/** Row types of the tables the terms module owns, as Kysely sees them (composed into db/schema.ts). */

export interface TermsVersionRow {
  id: string;
  version: string;
  approved_on: string;
  valid_from: string;
  valid_to: string | null;
  text_lv: string;
  text_en: string;
  text_ru: string;
  published_at: Timestamp;
}

export interface TermsAcceptanceRow {
  user_id: string;
  terms_version_id: string;
  accepted_at: Timestamp;
  ip: string;
}

export interface TermsTables {
  terms_versions: TermsVersionRow;
  terms_acceptances: TermsAcceptanceRow;
}
