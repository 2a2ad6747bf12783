import type { Db } from '../../infra/db.js';

/**
 * BIL-11: the status of a customer's contracts follows a suspension of its service: its active contracts are
 * 'suspended' while it lasts and 'active' again when it is restored (a contract whose end day has passed meanwhile
 * is left to the ending job). Returns how many contracts changed.
 */
export async function suspendContractsOf(trx: Db, customerId: string): Promise<number> {
  const result = await trx.updateTable('contracts').set({ status: 'suspended' })
    .where('customer_id', '=', customerId).where('status', '=', 'active').executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function resumeContractsOf(trx: Db, customerId: string): Promise<number> {
  const result = await trx.updateTable('contracts').set({ status: 'active' })
    .where('customer_id', '=', customerId).where('status', '=', 'suspended').executeTakeFirst();
  return Number(result.numUpdatedRows);
}
