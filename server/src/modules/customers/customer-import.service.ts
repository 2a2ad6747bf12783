import type { Deps } from '../../deps.js';
import { AppError } from '../../infra/errors.js';
import { newId } from '../../infra/ids.js';
import { parseCsv } from '../../infra/csv.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { normalizeIdentityCode } from './identity-code.js';
import { isPlausibleEmail } from '@up/common';
import { CONTRACT_STATUSES, CONTRACT_TYPES } from './customers.service.js';

export const IMPORT_COLUMNS = [
  'kind', 'name', 'identity_code', 'customer_number', 'email', 'phone', 'postal_address', 'language',
  'contract_type', 'contract_number', 'contract_status', 'contract_starts_on',
] as const;

type ImportRow = Record<(typeof IMPORT_COLUMNS)[number], string>;
export interface ImportError { row: number; field: string; reason: string }

function validateRow(row: ImportRow, rowNumber: number): ImportError[] {
  const errors: ImportError[] = [];
  const fail = (field: string, reason: string) => errors.push({ row: rowNumber, field, reason });
  if (row.kind !== 'person' && row.kind !== 'company') fail('kind', 'must be person or company');
  if (!row.name.trim()) fail('name', 'required');
  if (!row.customer_number.trim()) fail('customer_number', 'required');
  if (row.kind === 'person' || row.kind === 'company') {
    try { normalizeIdentityCode(row.kind, row.identity_code, 'identity_code'); } catch (e) { fail('identity_code', (e as AppError).details?.reason as string); }
  }
  if (row.email && !isPlausibleEmail(row.email)) fail('email', 'not an e-mail address');
  if (row.language && !['lv', 'en', 'ru'].includes(row.language)) fail('language', 'must be lv, en or ru');
  if (row.contract_number) {
    if (!CONTRACT_TYPES.includes(row.contract_type as never)) fail('contract_type', `must be one of ${CONTRACT_TYPES.join(', ')}`);
    if (!CONTRACT_STATUSES.includes(row.contract_status as never)) fail('contract_status', `must be one of ${CONTRACT_STATUSES.join(', ')}`);
    if (row.contract_starts_on && !/^\d{4}-\d{2}-\d{2}$/.test(row.contract_starts_on)) fail('contract_starts_on', 'must be YYYY-MM-DD');
  }
  return errors;
}

/**
 * Rows are keyed by customer number, so a row must not take another customer's identity code or contract
 * (in the file or in the database): that is a bad row, not an update of someone else's record.
 */
async function findClashes(deps: Deps, rows: ImportRow[]): Promise<ImportError[]> {
  const errors: ImportError[] = [];
  if (rows.length === 0) return errors;
  const codes = rows.map((row) => normalizeIdentityCode(row.kind as 'person' | 'company', row.identity_code));
  const contractNumbers = rows.map((row) => row.contract_number).filter(Boolean);
  const customers = [];
  const contracts = [];
  // In chunks: a large file must stay under PostgreSQL's limit of bind parameters per query.
  for (let i = 0; i < rows.length; i += 5000) {
    const someCodes = [...new Set(codes.slice(i, i + 5000))];
    customers.push(...await deps.db.selectFrom('customers').select(['kind', 'identity_code', 'customer_number']).where('identity_code', 'in', someCodes).execute());
    const someNumbers = [...new Set(contractNumbers.slice(i, i + 5000))];
    if (someNumbers.length) {
      contracts.push(...await deps.db.selectFrom('contracts as k').innerJoin('customers as c', 'c.id', 'k.customer_id').select(['k.number', 'c.customer_number']).where('k.number', 'in', someNumbers).execute());
    }
  }
  const identityOwner = new Map(customers.map((c) => [`${c.kind}:${c.identity_code}`, c.customer_number]));
  const contractOwner = new Map(contracts.map((k) => [k.number, k.customer_number]));
  rows.forEach((row, index) => {
    const rowNumber = index + 2;
    const key = `${row.kind}:${codes[index]}`;
    const owner = identityOwner.get(key);
    if (owner !== undefined && owner !== row.customer_number) {
      errors.push({ row: rowNumber, field: 'identity_code', reason: `customer ${owner} has this identity code` });
    } else identityOwner.set(key, row.customer_number);
    if (row.contract_number) {
      const contractCustomer = contractOwner.get(row.contract_number);
      if (contractCustomer !== undefined && contractCustomer !== row.customer_number) {
        errors.push({ row: rowNumber, field: 'contract_number', reason: `contract belongs to customer ${contractCustomer}` });
      } else contractOwner.set(row.contract_number, row.customer_number);
    }
  });
  return errors;
}

/**
 * Staff import the operator's customer records. Validated whole first: one bad row imports nothing, and the
 * answer lists every bad row and field. Rows are keyed by customer and contract number, so importing the
 * same file again updates instead of duplicating.
 */
export async function importCustomers(deps: Deps, csv: string, actor: Actor) {
  const now = deps.clock.now();
  const [header, ...lines] = parseCsv(csv);
  if (!header) throw new AppError('IMPORT_EMPTY', 400, 'csv: the file is empty', { field: 'csv', reason: 'empty' });
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = IMPORT_COLUMNS.filter((column) => !names.includes(column));
  if (missing.length) throw new AppError('IMPORT_HEADER', 400, `csv: missing columns ${missing.join(', ')}`, { field: 'csv', reason: `missing columns: ${missing.join(', ')}` });
  const rows = lines.map((line) => Object.fromEntries(IMPORT_COLUMNS.map((column) => [column, (line[names.indexOf(column)] ?? '').trim()])) as ImportRow);
  const errors = rows.flatMap((row, index) => validateRow(row, index + 2));
  if (!errors.length) errors.push(...(await findClashes(deps, rows)));
  if (errors.length) return { created: 0, updated: 0, contracts: 0, errors };

  return deps.db.transaction().execute(async (trx) => {
    let created = 0, updated = 0, contracts = 0;
    for (const row of rows) {
      const kind = row.kind as 'person' | 'company';
      const identityCode = normalizeIdentityCode(kind, row.identity_code);
      const existing = await trx.selectFrom('customers').select('id').where('customer_number', '=', row.customer_number).executeTakeFirst();
      const fields = { kind, name: row.name, identity_code: identityCode, email: row.email || null, phone: row.phone || null, postal_address: row.postal_address || null, language: row.language || 'lv', updated_at: now };
      let customerId = existing?.id;
      if (customerId) {
        await trx.updateTable('customers').set(fields).where('id', '=', customerId).execute();
        updated++;
      } else {
        customerId = newId();
        await trx.insertInto('customers').values({ id: customerId, customer_number: row.customer_number, invoice_channel: 'email', notice_channel: 'email', service_password_hash: null, created_at: now, ...fields }).execute();
        created++;
      }
      if (row.contract_number) {
        await trx.insertInto('contracts').values({
          id: newId(), customer_id: customerId, type: row.contract_type, number: row.contract_number,
          status: row.contract_status as (typeof CONTRACT_STATUSES)[number], starts_on: row.contract_starts_on || null, ends_on: null, created_at: now,
        }).onConflict((oc) => oc.column('number').doUpdateSet({ status: row.contract_status as (typeof CONTRACT_STATUSES)[number], type: row.contract_type })).execute();
        contracts++;
      }
    }
    await recordAudit(trx, actor, { action: 'customers.imported', details: { created, updated, contracts } }, now);
    return { created, updated, contracts, errors: [] as ImportError[] };
  });
}
