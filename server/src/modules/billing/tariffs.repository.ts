import type { Selectable } from 'kysely';
import type { Db } from '../../infra/db.js';
import type { TariffRow, TariffVersionRow } from './billing.tables.js';
import type { TariffVersion } from './tariff-model.js';

/** Every version of these tariffs, each valid until the next version's first day (BIL-8). */
export async function readTariffVersions(db: Db, tariffIds: readonly string[]): Promise<Map<string, TariffVersion[]>> {
  const byTariff = new Map<string, TariffVersion[]>();
  if (tariffIds.length === 0) return byTariff;
  const rows = await db.selectFrom('tariff_versions as v')
    .innerJoin('tariffs as t', 't.id', 'v.tariff_id')
    .select(['v.id', 'v.tariff_id', 'v.version', 'v.valid_from', 'v.elements', 't.code', 't.name'])
    .where('v.tariff_id', 'in', [...new Set(tariffIds)])
    .orderBy('v.tariff_id').orderBy('v.valid_from')
    .execute();
  for (const row of rows) {
    const versions = byTariff.get(row.tariff_id) ?? [];
    const previous = versions.at(-1);
    if (previous) previous.validUntil = row.valid_from;
    versions.push({
      id: row.id, tariffCode: row.code, version: row.version, name: row.name, validFrom: row.valid_from, validUntil: null, elements: row.elements,
    });
    byTariff.set(row.tariff_id, versions);
  }
  return byTariff;
}

export async function listTariffRows(db: Db): Promise<{ tariffs: Selectable<TariffRow>[]; versions: Selectable<TariffVersionRow>[] }> {
  const [tariffs, versions] = await Promise.all([
    db.selectFrom('tariffs').selectAll().orderBy('code').execute(),
    db.selectFrom('tariff_versions').selectAll().orderBy('tariff_id').orderBy('valid_from').execute(),
  ]);
  return { tariffs, versions };
}
