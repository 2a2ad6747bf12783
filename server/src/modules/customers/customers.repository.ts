import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../infra/db.js';
import type { ContractRow, CustomerRow } from '../../db/schema.js';
import type { Contract, Customer } from '@up/common/contracts/customers';

/** The record as the API answers it (common/src/contracts/customers.ts). */
export function toCustomer(row: CustomerRow): Customer {
  return {
    id: row.id,
    kind: row.kind,
    name: row.name,
    identityCode: row.identity_code,
    customerNumber: row.customer_number,
    email: row.email,
    phone: row.phone,
    postalAddress: row.postal_address,
    invoiceChannel: row.invoice_channel,
    noticeChannel: row.notice_channel,
    // written only as lv, en or ru (the forms and the import check it); the column is text
    language: row.language as Customer['language'],
    hasServicePassword: row.service_password_hash !== null,
  };
}
export type { Customer, Contract };

export function toContract(row: ContractRow): Contract {
  // the type is written only as one of CONTRACT_TYPES (the form and the import check it); the column is text
  return { id: row.id, type: row.type as Contract['type'], number: row.number, status: row.status, startsOn: row.starts_on, endsOn: row.ends_on };
}

export async function findCustomerById(db: Db, customerId: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirst();
}

export async function findCustomersByIds(db: Db, customerIds: readonly string[]): Promise<CustomerRow[]> {
  if (customerIds.length === 0) return [];
  return db.selectFrom('customers').selectAll().where('id', 'in', [...customerIds]).execute();
}

export async function findCustomerByNumber(db: Db, customerNumber: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('customer_number', '=', customerNumber.trim()).executeTakeFirst();
}

/** Customer ids by customer number, for the numbers that exist (matching bank payments to customers). */
export async function customerIdsByNumbers(db: Db, customerNumbers: readonly string[]): Promise<Map<string, string>> {
  if (customerNumbers.length === 0) return new Map();
  const rows = await db.selectFrom('customers').select(['id', 'customer_number']).where('customer_number', 'in', [...customerNumbers]).execute();
  return new Map(rows.map((row) => [row.customer_number, row.id]));
}

/**
 * The customer `customerId` (a column of the surrounding query) as JSON { customer_name, customer_kind,
 * customer_number }: a piece of SQL, so that the login lists a user's customers in its one statement.
 */
export function customerColumnsOf(customerId: RawBuilder<unknown>) {
  return sql<{ customer_name: string; customer_kind: CustomerRow['kind']; customer_number: string }>`(
    SELECT json_build_object('customer_name', c.name, 'customer_kind', c.kind, 'customer_number', c.customer_number)
    FROM customers c WHERE c.id = ${customerId})`;
}

/** ACC-12: whether the customer `customerId` (a column of the surrounding query) has a contract that is not over. */
export function hasLiveContract(customerId: RawBuilder<unknown>) {
  return sql<boolean>`EXISTS (SELECT 1 FROM contracts k WHERE k.customer_id = ${customerId} AND k.status IN ('active', 'suspended', 'pending'))`;
}

/** Candidates for registration matching: same kind and identity code, and the customer or a contract number. */
export async function findCustomersByIdentityAndNumber(db: Db, kind: string, identityCode: string, number: string) {
  return db
    .selectFrom('customers as c')
    .selectAll('c')
    .where('c.kind', '=', kind as CustomerRow['kind'])
    .where('c.identity_code', '=', identityCode)
    .where((eb) =>
      eb.or([
        eb('c.customer_number', '=', number),
        eb.exists(eb.selectFrom('contracts as k').select('k.id').whereRef('k.customer_id', '=', 'c.id').where('k.number', '=', number)),
      ]),
    )
    .execute();
}

export async function findPersonCustomersByCode(db: Db, personalCode: string) {
  return db.selectFrom('customers').selectAll().where('kind', '=', 'person').where('identity_code', '=', personalCode).execute();
}

export async function listContracts(db: Db, customerId: string) {
  const rows = await db.selectFrom('contracts').selectAll().where('customer_id', '=', customerId).orderBy('created_at').execute();
  return rows.map(toContract);
}

/** The contracts of these customers that ran on some day of [from, to) (Riga days; ends_on is the last day), for billing. */
export async function contractsRunningBetween(db: Db, customerIds: readonly string[], from: string, to: string): Promise<ContractRow[]> {
  if (customerIds.length === 0) return [];
  return db.selectFrom('contracts').selectAll()
    .where('customer_id', 'in', customerIds)
    .where('status', '<>', 'pending')
    .where('starts_on', '<', to)
    .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', from)]))
    .orderBy('customer_id').orderBy('number')
    .execute();
}

export async function hasActiveContract(db: Db, customerIds: string[], types: readonly string[]): Promise<boolean> {
  if (customerIds.length === 0) return false;
  let q = db.selectFrom('contracts').select('id').where('customer_id', 'in', customerIds).where('status', 'in', ['active', 'suspended']);
  if (types.length) q = q.where('type', 'in', [...types]);
  return (await q.limit(1).executeTakeFirst()) !== undefined;
}

export async function searchCustomers(db: Db, text: string, limit = 50) {
  const pattern = `%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
  const digits = text.replace(/\D/g, '');
  const rows = await db
    .selectFrom('customers')
    .selectAll()
    .where((eb) =>
      eb.or([
        eb('name', 'ilike', pattern),
        eb('customer_number', 'ilike', pattern),
        eb('email', 'ilike', pattern),
        ...(digits.length >= 4 ? [eb('identity_code', 'like', `%${digits}%`)] : []),
      ]),
    )
    .orderBy(sql`lower(name)`)
    .limit(limit)
    .execute();
  return rows.map(toCustomer);
}

export interface CustomerSummaryRow {
  id: string;
  name: string;
  kind: CustomerRow['kind'];
  customer_number: string;
  contracts: number;
  active_contracts: number;
}

export interface CustomerSummaryKey {
  customerId: string;
  /** the reader: some counts (unread notices) are per user */
  userId: string;
}

/** A count another module adds to the summary: SQL over the customer's and the reader's ids. */
export type SummaryCount = (customerId: RawBuilder<unknown>, userId: RawBuilder<unknown>) => RawBuilder<number>;

/**
 * The overview page's numbers, for one or more (customer, reader) pairs in one query, one answer per pair
 * in their order (undefined for a customer that does not exist), with the counts other modules add
 * (`extraCounts`, e.g. unread notices) in the same statement. Written as SQL rather than with the query
 * builder: this is the most requested read of the portal, and building the nested selects cost more CPU
 * than running them. The route reads through BatchedReads, so concurrent requests share a statement.
 */
export async function readCustomerSummaries<K extends string>(
  db: Db,
  keys: CustomerSummaryKey[],
  extraCounts: Record<K, SummaryCount>,
): Promise<((CustomerSummaryRow & Record<K, number>) | undefined)[]> {
  const extras = Object.entries<SummaryCount>(extraCounts).map(([name, count]) =>
    sql`, ${count(sql.ref('c.id'), sql.ref('k.user_id'))} AS ${sql.id(name)}`);
  const result = await sql<CustomerSummaryRow & Record<K, number> & { position: number }>`
    SELECT k.position, c.id, c.name, c.kind, c.customer_number, counted.contracts, counted.active_contracts ${sql.join(extras, sql``)}
    FROM unnest(${keys.map((key) => key.customerId)}::text[], ${keys.map((key) => key.userId)}::text[])
      WITH ORDINALITY AS k(customer_id, user_id, position)
    JOIN customers c ON c.id = k.customer_id
    CROSS JOIN LATERAL (
      SELECT count(*) AS contracts, count(*) FILTER (WHERE status = 'active') AS active_contracts
      FROM contracts WHERE customer_id = c.id
    ) AS counted`.execute(db);
  const byPosition = new Map(result.rows.map(({ position, ...row }) => [Number(position), row as CustomerSummaryRow & Record<K, number>]));
  return keys.map((_, i) => byPosition.get(i + 1));
}
