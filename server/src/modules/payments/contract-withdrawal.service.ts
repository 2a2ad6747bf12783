import type { Withdrawal } from '@up/common/contracts/contract-lifecycle';
import { rigaDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import type { Actor } from '../audit/index.js';
import { settleWithdrawal } from '../billing/index.js';
import { beginWithdrawal, recordWithdrawal } from '../customers/index.js';

/**
 * BIL-13: within 14 days of the start the customer withdraws without a reason. In one transaction: the contract ends
 * today (customers' `beginWithdrawal`, which refuses a second withdrawal or a day too late); what was paid is
 * refunded less the value of the service received until then (billing's `settleWithdrawal` rates it as the billing
 * run does and books the refund in the ledger), due within 14 days; the withdrawal is stored, e-mailed and audited
 * (customers' `recordWithdrawal`). The use case lives here, in payments, because payments is the one module that
 * uses both customers and billing: customers calls neither billing nor payments, so the modules depend one way.
 */
export async function withdrawFromContract(deps: Deps, customerId: string, contractId: string, actor: Actor): Promise<Withdrawal> {
  const now = deps.clock.now();
  const today = rigaDate(now);
  return deps.db.transaction().execute(async (trx) => {
    const contract = await beginWithdrawal(trx, customerId, contractId, today);
    const settlement = await settleWithdrawal(trx, deps, {
      customerId, contractId, concludedOn: contract.concludedOn, startsOn: contract.startsOn, withdrawnOn: today, reference: `withdrawal:${contract.number}`,
    }, now);
    return recordWithdrawal(trx, deps, actor, customerId, contract, settlement, now);
  });
}
