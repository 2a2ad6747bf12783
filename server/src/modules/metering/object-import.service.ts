import type { ImportObjectsResult } from '@up/common/contracts/metering-staff';
import { eicProblem } from '@up/common/eic';
import { isIsoDate } from '@up/common/riga-time';
import { rigaDayStartMs } from '@up/common/riga-days';
import type { Deps } from '../../deps.js';
import type { Db } from '../../infra/db.js';
import { parseCsv } from '../../infra/csv.js';
import { AppError } from '../../infra/errors.js';
import { newId } from '../../infra/ids.js';
import { recordAudit, type Actor } from '../audit/index.js';
import { findCustomerByNumber } from '../customers/index.js';

/**
 * GRD-1: staff load objects, their meters, micro-generators and holders from CSV (docs/API.md, "Objects
 * import"). One row per meter (or per object without one); objects are keyed by EIC (a radio permit by its
 * permit number), meters by number. A new customer number on an object ends the earlier holder's time on
 * `held_from` and starts the new one's — so the new occupant sees only its own consumption. The file lands
 * whole or not at all: any refused row is answered with its line and field, and nothing changes.
 */
export const OBJECT_IMPORT_COLUMNS = [
  'object_eic', 'kind', 'address', 'capacity_amperes', 'phases', 'voltage_volts', 'status', 'customer_number', 'held_from',
  'meter_number', 'meter_type', 'smart', 'registers', 'multiplier', 'installed_on', 'removed_on',
  'generator_kw', 'generator_scheme', 'generator_since',
  'permit_number', 'permit_service', 'frequencies', 'power_watts', 'antenna', 'location', 'valid_from', 'valid_to',
] as const;

type Column = (typeof OBJECT_IMPORT_COLUMNS)[number];
type Row = Record<Column, string> & { line: number };
type Rejection = ImportObjectsResult['rejected'][number];

export async function importObjects(deps: Deps, csv: string, actor: Actor): Promise<ImportObjectsResult> {
  const [header, ...lines] = parseCsv(csv);
  if (!header) throw new AppError('INVALID_FIELD', 400, 'The file is empty', { field: 'csv', reason: 'empty' });
  const unknown = header.filter((name) => !OBJECT_IMPORT_COLUMNS.includes(name.trim() as Column));
  if (unknown.length > 0) throw new AppError('INVALID_FIELD', 400, `Unknown columns: ${unknown.join(', ')}`, { field: 'csv', reason: `unknown columns ${unknown.join(', ')}` });
  for (const required of ['address'] as const) {
    if (!header.includes(required)) throw new AppError('INVALID_FIELD', 400, `The column ${required} is required`, { field: 'csv', reason: `no ${required} column` });
  }
  const rows: Row[] = lines.map((values, index) => {
    const row = { line: index + 2 } as Row;
    for (const column of OBJECT_IMPORT_COLUMNS) row[column] = (values[header.indexOf(column)] ?? '').trim();
    return row;
  });
  const rejected = rows.flatMap(validateRow);
  const customers = new Map<string, string>();
  for (const row of rows) {
    if (!row.customer_number || customers.has(row.customer_number)) continue;
    const customer = await findCustomerByNumber(deps.db, row.customer_number);
    if (customer) customers.set(row.customer_number, customer.id);
    else rejected.push({ line: row.line, field: 'customer_number', reason: `no customer ${row.customer_number}` });
  }
  const result: ImportObjectsResult = { rows: rows.length, objectsCreated: 0, objectsUpdated: 0, metersCreated: 0, metersUpdated: 0, holdersChanged: 0, rejected };
  if (rejected.length > 0) return { ...result, rejected: rejected.sort((a, b) => a.line - b.line).slice(0, 1000) };

  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    for (const row of rows) {
      const { objectId, created } = await upsertObject(trx, row, now);
      if (created) result.objectsCreated++;
      else result.objectsUpdated++;
      if (row.customer_number && (await changeHolder(trx, objectId, customers.get(row.customer_number)!, row))) result.holdersChanged++;
      if (row.meter_number) {
        const meter = await upsertMeter(trx, objectId, row);
        if (meter === 'created') result.metersCreated++;
        else if (meter === 'updated') result.metersUpdated++;
        else result.rejected.push({ line: row.line, field: 'meter_number', reason: 'the meter is on another object' });
      }
      if (row.generator_kw) await upsertGenerator(trx, objectId, row);
    }
    if (result.rejected.length > 0) throw new RejectedRows();
    const { rejected: _none, ...counts } = result;
    await trx.insertInto('metering_imports').values({
      id: newId(), kind: 'objects', format: 'csv', source: 'api', started_by: actor.userId, started_at: now, finished_at: now, counts: JSON.stringify(counts),
    }).execute();
    await recordAudit(trx, actor, { customerId: null, action: 'metering.objects_imported', objectType: 'metering_import', details: { ...result, rejected: 0 } }, now);
  }).catch((error: unknown) => {
    if (!(error instanceof RejectedRows)) throw error;
  });
  if (result.rejected.length > 0) return { ...result, objectsCreated: 0, objectsUpdated: 0, metersCreated: 0, metersUpdated: 0, holdersChanged: 0 };
  return result;
}

class RejectedRows extends Error {}

function validateRow(row: Row): Rejection[] {
  const problems: Rejection[] = [];
  const fail = (field: string, reason: string) => problems.push({ line: row.line, field, reason });
  const kind = row.kind || 'connection_point';
  if (kind !== 'connection_point' && kind !== 'radio_permit') fail('kind', 'must be connection_point or radio_permit');
  if (kind === 'connection_point') {
    const problem = eicProblem(row.object_eic);
    if (problem) fail('object_eic', problem);
  } else if (!row.permit_number) fail('permit_number', 'required for a radio permit');
  if (row.address.length < 3) fail('address', 'required');
  const integer = (field: 'capacity_amperes' | 'voltage_volts' | 'multiplier', max: number) => {
    if (row[field] && !(/^\d+$/.test(row[field]) && Number(row[field]) >= 1 && Number(row[field]) <= max)) fail(field, `must be a whole number from 1 to ${max}`);
  };
  integer('capacity_amperes', 10_000);
  integer('voltage_volts', 400_000);
  integer('multiplier', 100_000);
  if (row.phases && row.phases !== '1' && row.phases !== '3') fail('phases', 'must be 1 or 3');
  if (row.status && !['active', 'disconnected', 'closed'].includes(row.status)) fail('status', 'must be active, disconnected or closed');
  if (row.customer_number && !isIsoDate(row.held_from)) fail('held_from', 'a YYYY-MM-DD date is required with customer_number');
  for (const field of ['installed_on', 'removed_on', 'generator_since', 'valid_from', 'valid_to'] as const) {
    if (row[field] && !isIsoDate(row[field])) fail(field, 'must be a date YYYY-MM-DD');
  }
  if (row.meter_number) {
    if (!isIsoDate(row.installed_on)) fail('installed_on', 'required with meter_number');
    if (row.removed_on && row.removed_on < row.installed_on) fail('removed_on', 'must not be before installed_on');
    if (row.smart && row.smart !== 'true' && row.smart !== 'false') fail('smart', 'must be true or false');
    if (row.registers && !/^[a-z_]{1,20}(\|[a-z_]{1,20}){0,3}$/.test(row.registers)) fail('registers', 'up to 4 names separated by |, e.g. day|night');
  }
  if (row.generator_kw) {
    if (!/^\d{1,5}(\.\d{1,2})?$/.test(row.generator_kw) || Number(row.generator_kw) <= 0) fail('generator_kw', 'must be a positive number of kW with up to 2 decimals');
    if (row.generator_scheme !== 'net_metering' && row.generator_scheme !== 'net_billing') fail('generator_scheme', 'must be net_metering or net_billing');
    if (!isIsoDate(row.generator_since)) fail('generator_since', 'required with generator_kw');
  }
  if (kind === 'radio_permit') {
    for (const field of ['permit_service', 'frequencies', 'antenna', 'location'] as const) if (!row[field]) fail(field, 'required for a radio permit');
    if (!/^\d{1,7}(\.\d{1,3})?$/.test(row.power_watts)) fail('power_watts', 'must be a number of watts with up to 3 decimals');
    if (!isIsoDate(row.valid_from) || !isIsoDate(row.valid_to)) fail('valid_from', 'valid_from and valid_to are required dates');
    else if (row.valid_to < row.valid_from) fail('valid_to', 'must not be before valid_from');
  }
  return problems;
}

const nullableInteger = (value: string) => (value ? Number(value) : null);

async function upsertObject(db: Db, row: Row, now: Date): Promise<{ objectId: string; created: boolean }> {
  const kind = (row.kind || 'connection_point') as 'connection_point' | 'radio_permit';
  const existing = kind === 'connection_point'
    ? await db.selectFrom('metering_objects').select('id').where('eic', '=', row.object_eic).executeTakeFirst()
    : await db.selectFrom('radio_permits').select('object_id as id').where('permit_number', '=', row.permit_number).executeTakeFirst();
  const values = {
    address: row.address,
    capacity_amperes: nullableInteger(row.capacity_amperes),
    phases: nullableInteger(row.phases) as 1 | 3 | null,
    voltage_volts: nullableInteger(row.voltage_volts),
    status: (row.status || 'active') as 'active' | 'disconnected' | 'closed',
    updated_at: now,
  };
  const objectId = existing?.id ?? newId();
  if (existing) await db.updateTable('metering_objects').set(values).where('id', '=', objectId).execute();
  else await db.insertInto('metering_objects').values({ id: objectId, kind, eic: kind === 'connection_point' ? row.object_eic : null, created_at: now, ...values }).execute();
  if (kind === 'radio_permit') {
    const permit = {
      permit_number: row.permit_number, service: row.permit_service, frequencies: row.frequencies, power_watts: row.power_watts,
      antenna: row.antenna, location: row.location, valid_from: row.valid_from, valid_to: row.valid_to,
    };
    await db.insertInto('radio_permits').values({ object_id: objectId, ...permit })
      .onConflict((oc) => oc.column('object_id').doUpdateSet(permit)).execute();
  }
  return { objectId, created: !existing };
}

/** A move: the current holder's time ends where the new holder's begins. Returns whether anything changed. */
async function changeHolder(db: Db, objectId: string, customerId: string, row: Row): Promise<boolean> {
  const heldFrom = new Date(rigaDayStartMs(row.held_from));
  const current = await db.selectFrom('object_holdings').selectAll().where('object_id', '=', objectId).where('held_until', 'is', null).executeTakeFirst();
  if (current?.customer_id === customerId) return false;
  if (current) {
    if (current.held_from.getTime() >= heldFrom.getTime()) {
      throw new AppError('INVALID_FIELD', 400, `Line ${row.line}: held_from must be after the current holder's start`, { field: 'held_from', line: row.line, reason: 'not after the current holder\'s start' });
    }
    await db.updateTable('object_holdings').set({ held_until: heldFrom }).where('id', '=', current.id).execute();
  }
  await db.insertInto('object_holdings').values({ id: newId(), object_id: objectId, customer_id: customerId, held_from: heldFrom, held_until: null }).execute();
  return true;
}

async function upsertMeter(db: Db, objectId: string, row: Row): Promise<'created' | 'updated' | 'elsewhere'> {
  const values = {
    type: row.meter_type || 'electronic',
    smart: row.smart !== 'false',
    registers: row.registers ? row.registers.split('|') : ['total'],
    multiplier: Number(row.multiplier || 1),
    installed_on: row.installed_on,
    removed_on: row.removed_on || null,
  };
  const existing = await db.selectFrom('meters').select(['id', 'object_id']).where('number', '=', row.meter_number).executeTakeFirst();
  if (existing && existing.object_id !== objectId) return 'elsewhere';
  if (existing) {
    await db.updateTable('meters').set(values).where('id', '=', existing.id).execute();
    return 'updated';
  }
  await db.insertInto('meters').values({ id: newId(), object_id: objectId, number: row.meter_number, ...values }).execute();
  return 'created';
}

async function upsertGenerator(db: Db, objectId: string, row: Row): Promise<void> {
  const values = { power_kw: row.generator_kw, scheme: row.generator_scheme as 'net_metering' | 'net_billing', since: row.generator_since, until: null };
  const existing = await db.selectFrom('micro_generators').select('id').where('object_id', '=', objectId).where('until', 'is', null).executeTakeFirst();
  if (existing) await db.updateTable('micro_generators').set(values).where('id', '=', existing.id).execute();
  else await db.insertInto('micro_generators').values({ id: newId(), object_id: objectId, ...values }).execute();
}
