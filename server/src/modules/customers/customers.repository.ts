import { sql } from 'kysely';
import type { Db } from '../../infra/db.js';
import type { ContractRow, CustomerRow } from '../../db/schema.js';

export function toCustomer(row: CustomerRow) {
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
    language: row.language,
    hasServicePassword: row.service_password_hash !== null,
  };
}
export type Customer = ReturnType<typeof toCustomer>;

export function toContract(row: ContractRow) {
  return { id: row.id, type: row.type, number: row.number, status: row.status, startsOn: row.starts_on, endsOn: row.ends_on };
}
export type Contract = ReturnType<typeof toContract>;

export async function findCustomerById(db: Db, customerId: string): Promise<CustomerRow | undefined> {
  return db.selectFrom('customers').selectAll().where('id', '=', customerId).executeTakeFirst();
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
  unread_notices: number;
  users: number;
}

export interface CustomerSummaryKey {
  customerId: string;
  /** the reader: unread notices are per user */
  userId: string;
}

/**
 * The overview page's numbers, for one or more (customer, reader) pairs in one query, one answer per pair
 * in their order (undefined for a customer that does not exist). Written as SQL rather than with the query
 * builder: this is the most requested read of the portal, and building the nested selects cost more CPU
 * than running them. The route reads through BatchedReads, so concurrent requests share a statement.
 */
export async function readCustomerSummaries(db: Db, keys: CustomerSummaryKey[]): Promise<(CustomerSummaryRow | undefined)[]> {
  const result = await sql<CustomerSummaryRow & { position: number }>`
    SELECT k.position, c.id, c.name, c.kind, c.customer_number, counted.contracts, counted.active_contracts,
      (SELECT count(*) FROM notices n
        WHERE n.customer_id = c.id AND (n.user_id IS NULL OR n.user_id = k.user_id)
          AND NOT EXISTS (SELECT 1 FROM notice_reads r WHERE r.notice_id = n.id AND r.user_id = k.user_id)) AS unread_notices,
      (SELECT count(*) FROM memberships WHERE customer_id = c.id AND status = 'active') AS users
    FROM unnest(${keys.map((key) => key.customerId)}::text[], ${keys.map((key) => key.userId)}::text[])
      WITH ORDINALITY AS k(customer_id, user_id, position)
    JOIN customers c ON c.id = k.customer_id
    CROSS JOIN LATERAL (
      SELECT count(*) AS contracts, count(*) FILTER (WHERE status = 'active') AS active_contracts
      FROM contracts WHERE customer_id = c.id
    ) AS counted`.execute(db);
  const byPosition = new Map(result.rows.map(({ position, ...row }) => [Number(position), row]));
  return keys.map((_, i) => byPosition.get(i + 1));
}
