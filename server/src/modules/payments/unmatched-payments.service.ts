import type { UnmatchedPaymentList } from '@up/common/contracts/payments';
import type { Db } from '../../infra/db.js';

/** The payments no customer matched, oldest first (the staff queue). */
export async function listUnmatchedPayments(db: Db, limit = 500): Promise<UnmatchedPaymentList> {
  const rows = await db.selectFrom('payments')
    .select(['id', 'source', 'amount_cents', 'received_on', 'payer_name', 'payer_account', 'payment_reference', 'remittance_text'])
    .where('status', '=', 'unmatched')
    .orderBy('received_on').orderBy('created_at')
    .limit(limit)
    .execute();
  return {
    payments: rows.map((row) => ({
      id: row.id, source: row.source, amountCents: row.amount_cents, receivedOn: row.received_on, payerName: row.payer_name,
      payerAccount: row.payer_account, paymentReference: row.payment_reference, remittanceText: row.remittance_text,
    })),
  };
}
