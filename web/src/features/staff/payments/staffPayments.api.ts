import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AssignPaymentBody, PaymentList, RecordPaymentBody, RefundBody, ReversePaymentBody, StatementImportResult, UnmatchedPaymentList, WaitingNoticeList,
} from '@up/common/contracts/payments';
import { api } from '../../../api/client.ts';
import { staffKeys } from '../staff.api.ts';

/**
 * The back office's payments API (issue 13; /api/staff/payments/…, /api/staff/customers/:id/payments|refunds): bank
 * statements, the payments waiting for a customer, a customer's payments, recording, reversing and refunding.
 * Cached under ['staff', 'payments', …]; every change refetches all of ['staff'] (the ledger and invoices move too).
 */
export const paymentKeys = {
  all: [...staffKeys.all, 'payments'] as const,
  unmatched: [...staffKeys.all, 'payments', 'unmatched'] as const,
  notices: [...staffKeys.all, 'payments', 'notices'] as const,
  customer: (customerId: string) => [...staffKeys.all, 'payments', 'customer', customerId] as const,
};

const customerPath = (customerId: string) => `/api/staff/customers/${encodeURIComponent(customerId)}`;
const paymentPath = (paymentId: string) => `/api/staff/payments/${encodeURIComponent(paymentId)}`;

/** A mutation whose success refetches every answer of the back office (payments, ledger, invoices, customers). */
function useStaffMutation<TBody, TAnswer>(mutationFn: (body: TBody) => Promise<TAnswer>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.all }) });
}

/**
 * POST /api/staff/payments/statements: the camt.053 file's bytes as application/xml (the route streams it). A
 * statement imported again counts each bank entry once (duplicates); a malformed file is a 400 STATEMENT_MALFORMED.
 */
export function useImportStatement() {
  return useStaffMutation((file: Blob) => api.postFile<StatementImportResult>('/api/staff/payments/statements', file, 'application/xml'));
}

/** GET /api/staff/payments/unmatched: payments no customer matched, oldest first. */
export function useUnmatchedPayments() {
  return useQuery({ queryKey: paymentKeys.unmatched, queryFn: () => api.get<UnmatchedPaymentList>('/api/staff/payments/unmatched') });
}

/** GET /api/staff/payments/notices: the payment provider's notices not applied yet, the failed ones first (asked again every 10 s). */
export function useWaitingNotices() {
  return useQuery({ queryKey: paymentKeys.notices, queryFn: () => api.get<WaitingNoticeList>('/api/staff/payments/notices'), refetchInterval: 10_000 });
}

/** POST /api/staff/payments/:paymentId/assign: 400 on customerNumber when no customer has it, 409 PAYMENT_NOT_WAITING. */
export function useAssignPayment(paymentId: string) {
  return useStaffMutation((body: AssignPaymentBody) => api.post(`${paymentPath(paymentId)}/assign`, body));
}

/** POST /api/staff/payments/:paymentId/reverse: what it paid is open again (409 PAYMENT_REVERSED when it is already). */
export function useReversePayment() {
  return useStaffMutation(({ paymentId, ...body }: ReversePaymentBody & { paymentId: string }) => api.post(`${paymentPath(paymentId)}/reverse`, body));
}

/** GET /api/staff/customers/:customerId/payments: newest first, with allocations. */
export function useStaffCustomerPayments(customerId: string) {
  return useQuery({
    queryKey: paymentKeys.customer(customerId),
    queryFn: () => api.get<PaymentList>(`${customerPath(customerId)}/payments`),
    enabled: Boolean(customerId),
  });
}

/** POST /api/staff/customers/:customerId/payments: money received another way; the same reference again changes nothing. */
export function useRecordPayment(customerId: string) {
  return useStaffMutation((body: RecordPaymentBody) => api.post<{ recorded: boolean }>(`${customerPath(customerId)}/payments`, body));
}

/** POST /api/staff/customers/:customerId/refunds (administrators): 409 NOT_ENOUGH_CREDIT beyond the credit held. */
export function useRefundCredit(customerId: string) {
  return useStaffMutation((body: RefundBody) => api.post<{ refunded: boolean }>(`${customerPath(customerId)}/refunds`, body));
}
