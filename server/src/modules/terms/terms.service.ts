import { sql, type RawBuilder } from 'kysely';
import { addDays, rigaDate } from '@up/common/riga-time';
import type { OperatorProfile } from '@up/operators';
import type { Db } from '../../infra/db.js';
import { conflict, invalidField, notFound } from '../../infra/errors.js';
import { newId } from '../../infra/ids.js';
import { recordAudit, type Actor } from '../audit/index.js';
import type { TermsVersionRow } from '../../db/schema.js';

function toTerms(row: TermsVersionRow) {
  return {
    version: row.version,
    approvedOn: row.approved_on,
    validFrom: row.valid_from,
    validTo: row.valid_to,
    publishedAt: row.published_at.toISOString(),
    texts: { lv: row.text_lv, en: row.text_en, ru: row.text_ru },
  };
}
export type Terms = ReturnType<typeof toTerms>;

/** OPS-1: the version in force today (Europe/Riga): the latest one whose validity has begun. */
export async function currentTermsVersion(db: Db, now: Date): Promise<TermsVersionRow | undefined> {
  return db
    .selectFrom('terms_versions')
    .selectAll()
    .where('valid_from', '<=', rigaDate(now))
    .orderBy('valid_from', 'desc')
    .orderBy('published_at', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export async function getCurrentTerms(db: Db, now: Date): Promise<Terms> {
  const row = await currentTermsVersion(db, now);
  if (!row) throw notFound('TERMS_NOT_FOUND', 'No terms of use are published');
  return toTerms(row);
}

export async function getTermsVersion(db: Db, version: string): Promise<Terms> {
  const row = await db.selectFrom('terms_versions').selectAll().where('version', '=', version).executeTakeFirst();
  if (!row) throw notFound('TERMS_NOT_FOUND', `No terms version "${version}"`);
  return toTerms(row);
}

export async function listTermsVersions(db: Db): Promise<Terms[]> {
  const rows = await db.selectFrom('terms_versions').selectAll().orderBy('valid_from', 'desc').execute();
  return rows.map(toTerms);
}

export interface PublishTermsInput {
  version: string;
  approvedOn: string;
  validFrom: string;
  texts: { lv: string; en: string; ru: string };
}

/** OPS-1: a new version ends the previous one (valid_to, inclusive) the day before it takes effect. */
export async function publishTerms(db: Db, input: PublishTermsInput, actor: Actor, now: Date): Promise<Terms> {
  if (input.validFrom < input.approvedOn) throw invalidField('validFrom', 'cannot be before the approval date');
  return db.transaction().execute(async (trx) => {
    const clash = await trx.selectFrom('terms_versions').select('id').where('version', '=', input.version).executeTakeFirst();
    if (clash) throw conflict('TERMS_VERSION_EXISTS', `Version "${input.version}" is already published`);
    await trx
      .updateTable('terms_versions')
      .set({ valid_to: addDays(input.validFrom, -1) })
      .where('valid_to', 'is', null)
      .where('valid_from', '<', input.validFrom)
      .execute();
    const id = newId();
    await trx
      .insertInto('terms_versions')
      .values({
        id,
        version: input.version,
        approved_on: input.approvedOn,
        valid_from: input.validFrom,
        valid_to: null,
        text_lv: input.texts.lv,
        text_en: input.texts.en,
        text_ru: input.texts.ru,
        published_at: now,
      })
      .execute();
    await recordAudit(trx, actor, { action: 'terms.published', objectType: 'terms_version', objectId: id, details: { version: input.version, validFrom: input.validFrom } }, now);
    const row = await trx.selectFrom('terms_versions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    return toTerms(row);
  });
}

/** At start: the operator profile's terms are published once, if the database has none yet. */
export async function ensureProfileTermsPublished(db: Db, operator: OperatorProfile, now: Date): Promise<void> {
  const any = await db.selectFrom('terms_versions').select('id').limit(1).executeTakeFirst();
  if (any) return;
  await db
    .insertInto('terms_versions')
    .values({
      id: newId(),
      version: operator.terms.version,
      approved_on: operator.terms.approvedOn,
      valid_from: operator.terms.validFrom,
      valid_to: null,
      text_lv: operator.terms.text.lv,
      text_en: operator.terms.text.en,
      text_ru: operator.terms.text.ru,
      published_at: now,
    })
    .onConflict((oc) => oc.column('version').doNothing())
    .execute();
}

export async function recordTermsAcceptance(trx: Db, userId: string, termsVersionId: string, ip: string, now: Date): Promise<void> {
  await trx
    .insertInto('terms_acceptances')
    .values({ user_id: userId, terms_version_id: termsVersionId, accepted_at: now, ip })
    .onConflict((oc) => oc.columns(['user_id', 'terms_version_id']).doNothing())
    .execute();
}

/** OPS-1: a logged-in user accepts the version in force; accepting an outdated one is refused. */
export async function acceptCurrentTerms(db: Db, userId: string, version: string, actor: Actor, now: Date): Promise<void> {
  const current = await currentTermsVersion(db, now);
  if (!current || current.version !== version) {
    throw invalidField('version', 'this is not the version in force; reload the terms', 'TERMS_OUTDATED');
  }
  await db.transaction().execute(async (trx) => {
    await recordTermsAcceptance(trx, userId, current.id, actor.ip ?? '', now);
    await recordAudit(trx, actor, { action: 'terms.accepted', objectType: 'terms_version', objectId: current.id, details: { version } }, now);
  });
}

/**
 * OPS-1: whether the user whose id is `userId` (a column of the surrounding query, e.g. sql.ref('u.id'))
 * accepted the terms version in force on `today`: a piece of SQL, so the session check and the login read it
 * in their own single statement.
 */
export function acceptedCurrentTerms(userId: RawBuilder<unknown>, today: string) {
  return sql<boolean>`EXISTS (
    SELECT 1 FROM terms_acceptances ta
    WHERE ta.user_id = ${userId} AND ta.terms_version_id = (
      SELECT tv.id FROM terms_versions tv WHERE tv.valid_from <= ${today}
      ORDER BY tv.valid_from DESC, tv.published_at DESC LIMIT 1))`;
}
