import type { CustomerBalance, PaymentList } from '@up/common/contracts/payments';
import { rigaDate } from '@up/common/riga-time';
import type { Deps } from '../../deps.js';
import { allocationsOfPayments, customerOpenItems } from '../billing/index.js';

/** The newest payments first, each with what it paid (BIL-5) and what of it is still credit (BIL-3). */
export async function listCustomerPayments(deps: Pick<Deps, 'db'>, customerId: string, limit = 200): Promise<PaymentList> {
  const payments = await deps.db.selectFrom('payments').selectAll()
    .where('customer_id', '=', customerId)
    .orderBy('received_on', 'desc').orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  const { allocations, unallocated } = await allocationsOfPayments(deps.db, customerId, payments.map((payment) => payment.id));
  return {
    payments: payments.map((payment) => ({
      id: payment.id, source: payment.source, status: payment.status, amountCents: payment.amount_cents, receivedOn: payment.received_on,
      payerName: payment.payer_name, paymentReference: payment.payment_reference, remittanceText: payment.remittance_text, matchedBy: payment.matched_by,
      allocations: allocations.filter((allocation) => allocation.paymentId === payment.id).map((allocation) => ({
        invoiceId: allocation.invoiceId, invoiceNumber: allocation.invoiceNumber, category: allocation.category as PaymentList['payments'][number]['allocations'][number]['category'],
        amountCents: allocation.amountCents, allocatedOn: allocation.allocatedOn, releasedOn: allocation.releasedOn,
      })),
      unallocatedCents: unallocated.get(payment.id) ?? 0,
    })),
  };
}

/** What the customer owes today (BIL-3, BIL-5, BIL-10). */
export async function customerBalance(deps: Pick<Deps, 'db' | 'clock' | 'operator'>, customerId: string): Promise<CustomerBalance> {
  return customerOpenItems(deps.db, customerId, rigaDate(deps.clock.now()), deps.operator.billing.lateInterestPercentPerDay);
}
