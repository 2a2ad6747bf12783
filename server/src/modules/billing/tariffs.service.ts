import type { Selectable } from 'kysely';
import type { AddTariffVersionBody, ContractTermsBody, CreateTariffBody, TariffList, TariffVersionView } from '@up/common/contracts/billing';
import { isIsoDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import { conflict, invalidField, notFound } from '../../infra/errors.js';
import { newId } from '../../infra/ids.js';
import { recordAudit, type Actor } from '../audit/index.js';
import type { TariffRow, TariffVersionRow } from './billing.tables.js';
import type { TariffVersion } from './tariff-model.js';
import { validateTariffElements } from './tariff-pricing.js';
import { listTariffRows } from './tariffs.repository.js';

/** Every tariff with its versions, each valid until the next one's first day (BIL-8). */
export async function listTariffs(deps: Deps, onlyIds?: readonly string[]): Promise<TariffList> {
  const { tariffs, versions } = await listTariffRows(deps.db);
  return tariffs
    .filter((tariff) => !onlyIds || onlyIds.includes(tariff.id))
    .map((tariff) => tariffView(tariff, versions.filter((version) => version.tariff_id === tariff.id)));
}

/** BIL-8, issue 12 point 2: the customer sees the tariffs its contracts are billed with, with every version. */
export async function listCustomerTariffs(deps: Deps, customerId: string): Promise<TariffList> {
  const terms = await deps.db.selectFrom('contract_terms').select(['tariff_id', 'grid_tariff_id']).where('customer_id', '=', customerId).execute();
  const ids = [...new Set(terms.flatMap((row) => [row.tariff_id, row.grid_tariff_id]).filter((id): id is string => id !== null))];
  return ids.length === 0 ? [] : listTariffs(deps, ids);
}

function tariffView(tariff: Selectable<TariffRow>, versions: Selectable<TariffVersionRow>[]) {
  return {
    id: tariff.id, code: tariff.code, kind: tariff.kind, name: tariff.name,
    versions: versions.map((version, index) => tariffVersionView({
      id: version.id, tariffCode: tariff.code, version: version.version, name: tariff.name, validFrom: version.valid_from,
      validUntil: versions[index + 1]?.valid_from ?? null, elements: version.elements,
    })),
  };
}

export function tariffVersionView(version: TariffVersion): TariffVersionView {
  return {
    id: version.id, version: version.version, validFrom: version.validFrom, validUntil: version.validUntil,
    elements: version.elements.map((element) => ({
      label: element.label ?? null,
      priceComponents: element.priceComponents.map((component) => ({ ...component })),
      restrictions: { ...(element.restrictions ?? {}) },
    })),
  };
}

export async function createTariff(deps: Deps, actor: Actor, body: CreateTariffBody): Promise<{ id: string }> {
  const id = newId();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('tariffs').select('id').where('code', '=', body.code).executeTakeFirst();
    if (taken) throw conflict('TARIFF_CODE_TAKEN', `A tariff ${body.code} exists already`, { field: 'code' });
    await trx.insertInto('tariffs').values({ id, code: body.code, kind: body.kind, name: JSON.stringify(body.name), created_at: now }).execute();
    await recordAudit(trx, actor, { action: 'billing.tariff_created', objectType: 'tariff', objectId: id, details: { code: body.code, kind: body.kind } }, now);
  });
  return { id };
}

/**
 * BIL-8: a new version of a tariff from a Riga day. Prices already billed never change: a version may start
 * only after the last one, and not on a day whose invoices are issued (a finished month that has a run).
 */
export async function addTariffVersion(deps: Deps, actor: Actor, tariffId: string, body: AddTariffVersionBody): Promise<{ id: string }> {
  if (!isIsoDate(body.validFrom)) throw invalidField('validFrom', 'must be a calendar date YYYY-MM-DD');
  const elements = validateTariffElements(body.elements, 'elements');
  const id = newId();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    const tariff = await trx.selectFrom('tariffs').select(['id', 'code']).where('id', '=', tariffId).forUpdate().executeTakeFirst();
    if (!tariff) throw notFound('TARIFF_NOT_FOUND', 'No such tariff');
    const last = await trx.selectFrom('tariff_versions').select(['version', 'valid_from']).where('tariff_id', '=', tariffId)
      .orderBy('version', 'desc').limit(1).executeTakeFirst();
    if (last && body.validFrom <= last.valid_from) {
      throw invalidField('validFrom', `must be after the current version's first day ${last.valid_from}`);
    }
    const billed = await trx.selectFrom('billing_runs').select('period').where('period', '>=', body.validFrom.slice(0, 7)).limit(1).executeTakeFirst();
    if (billed) throw invalidField('validFrom', `the month ${billed.period} is billed already: a new price starts after it`);
    const version = (last?.version ?? 0) + 1;
    await trx.insertInto('tariff_versions').values({
      id, tariff_id: tariffId, version, valid_from: body.validFrom, elements: JSON.stringify(elements), created_by: actor.userId, created_at: now,
    }).execute();
    await recordAudit(trx, actor, {
      action: 'billing.tariff_version_added', objectType: 'tariff', objectId: tariffId, details: { code: tariff.code, version, validFrom: body.validFrom },
    }, now);
  });
  return { id };
}

/** What a contract bills: its tariffs, its object, a product's instalments (staff). */
export async function setContractTerms(deps: Deps, actor: Actor, contractId: string, customerId: string, body: ContractTermsBody): Promise<void> {
  const now = deps.clock.now();
  for (const [field, id] of [['tariffId', body.tariffId], ['gridTariffId', body.gridTariffId]] as const) {
    if (id && !(await deps.db.selectFrom('tariffs').select('id').where('id', '=', id).executeTakeFirst())) throw invalidField(field, 'no such tariff');
  }
  const values = {
    customer_id: customerId, tariff_id: body.tariffId, grid_tariff_id: body.gridTariffId, object_id: body.objectId,
    instalment_total_cents: body.instalments?.totalCents ?? null, instalment_count: body.instalments?.count ?? null,
    first_instalment_month: body.instalments?.firstMonth ?? null, product_name: body.instalments?.productName ?? null, updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await trx.insertInto('contract_terms').values({ contract_id: contractId, ...values })
      .onConflict((oc) => oc.column('contract_id').doUpdateSet(values)).execute();
    await recordAudit(trx, actor, { customerId, action: 'billing.contract_terms_changed', objectType: 'contract', objectId: contractId, details: { ...body } }, now);
  });
}
