import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AddTariffVersionBody, BillingRunList, BillingRunView, CorrectionBody, CreateTariffBody, CreditNoteBody, InvoiceDetail,
  LedgerView, StaffInvoiceList, TariffList, VoidInvoiceBody,
} from '@up/common/contracts/billing';
import { api } from '../../../api/client.ts';
import { staffKeys } from '../staff.api.ts';

/**
 * The back office's billing API (/api/staff/billing/…, /api/staff/invoices/…, /api/staff/tariffs): runs, invoice
 * search, voids and credit notes, corrections, the ledger, tariffs (payments received: ../payments/staffPayments.api.ts). Cached under
 * ['staff', 'billing', …], so a change to a customer (which refetches ['staff']) refetches these too.
 */
export const billingKeys = {
  all: [...staffKeys.all, 'billing'] as const,
  runs: [...staffKeys.all, 'billing', 'runs'] as const,
  invoices: (query: string) => [...staffKeys.all, 'billing', 'invoices', query] as const,
  invoice: (invoiceId: string) => [...staffKeys.all, 'billing', 'invoice', invoiceId] as const,
  ledger: (customerId: string) => [...staffKeys.all, 'billing', 'ledger', customerId] as const,
  tariffs: [...staffKeys.all, 'billing', 'tariffs'] as const,
};

const invoicePath = (invoiceId: string) => `/api/staff/invoices/${encodeURIComponent(invoiceId)}`;
const customerPath = (customerId: string) => `/api/staff/customers/${encodeURIComponent(customerId)}`;

/** A mutation whose success refetches every billing answer of the back office (and the customer files). */
function useBillingMutation<TBody, TAnswer>(mutationFn: (body: TBody) => Promise<TAnswer>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.all }) });
}

// ---- billing runs ------------------------------------------------------------------------------------------------

/** How often the list is asked again while a run is running. */
export const RUN_POLL_MS = 2_000;

/** GET /api/staff/billing/runs: newest first; asked again every 2 s while one of them is running. */
export function useBillingRuns() {
  return useQuery({
    queryKey: billingKeys.runs,
    queryFn: () => api.get<BillingRunList>('/api/staff/billing/runs'),
    refetchInterval: (query) => (query.state.data?.some((run) => run.status === 'running') ? RUN_POLL_MS : false),
  });
}

/** POST /api/staff/billing/runs (administrators): 202 with the run's row; the list is refetched (and polled while it runs). */
export function useStartBillingRun() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (period: string) => api.post<BillingRunView>('/api/staff/billing/runs', { period }),
    onSuccess: (run) => {
      queryClient.setQueryData<BillingRunList>(billingKeys.runs, (runs) => (runs ? [run, ...runs.filter((other) => other.id !== run.id)] : [run]));
      return queryClient.invalidateQueries({ queryKey: billingKeys.runs });
    },
  });
}

// ---- invoices ----------------------------------------------------------------------------------------------------

/** The search's query string: q (number, customer number or name), period, the print list (BIL-2); empty ones left out. */
export function invoiceSearchQuery(q: string, period: string, toPrint = false): string {
  const query = new URLSearchParams();
  if (q.trim()) query.set('q', q.trim());
  if (period) query.set('period', period);
  if (toPrint) query.set('toPrint', 'true');
  return query.toString();
}

/** GET /api/staff/invoices?q=&period=&toPrint=: at most 200, newest first; nothing is asked without any of them. */
export function useInvoiceSearch(q: string, period: string, toPrint = false) {
  const search = invoiceSearchQuery(q, period, toPrint);
  return useQuery({
    queryKey: billingKeys.invoices(search),
    queryFn: () => api.get<StaffInvoiceList>(`/api/staff/invoices?${search}`),
    enabled: search !== '',
  });
}

/** GET /api/staff/invoices/:invoiceId */
export function useStaffInvoice(invoiceId: string) {
  return useQuery({ queryKey: billingKeys.invoice(invoiceId), queryFn: () => api.get<InvoiceDetail>(invoicePath(invoiceId)), enabled: Boolean(invoiceId) });
}

export const staffInvoicePdfUrl = (invoiceId: string) => `${invoicePath(invoiceId)}/pdf`;
export const staffInvoiceXmlUrl = (invoiceId: string) => `${invoicePath(invoiceId)}/xml`;

/** POST /api/staff/invoices/:invoiceId/void: answers the reissued invoice's id (null without a reissue). */
export function useVoidInvoice(invoiceId: string) {
  return useBillingMutation((body: VoidInvoiceBody) => api.post<{ id: string | null }>(`${invoicePath(invoiceId)}/void`, body));
}

/** POST /api/staff/invoices/:invoiceId/printed (BIL-2): a paper invoice printed for posting is delivered; again changes nothing. */
export function useMarkPrinted(invoiceId: string) {
  return useBillingMutation(() => api.post(`${invoicePath(invoiceId)}/printed`));
}

/** POST /api/staff/invoices/:invoiceId/credit-notes: 201 with the credit note's id. */
export function useIssueCreditNote(invoiceId: string) {
  return useBillingMutation((body: CreditNoteBody) => api.post<{ id: string }>(`${invoicePath(invoiceId)}/credit-notes`, body));
}

// ---- a customer's billing ----------------------------------------------------------------------------------------

/** GET /api/staff/customers/:customerId/ledger: the balance and every entry, newest first. */
export function useLedger(customerId: string) {
  return useQuery({ queryKey: billingKeys.ledger(customerId), queryFn: () => api.get<LedgerView>(`${customerPath(customerId)}/ledger`), enabled: Boolean(customerId) });
}

/** POST /api/staff/customers/:customerId/corrections (BIL-7): carried into the customer's next invoice. */
export function useAddCorrection(customerId: string) {
  return useBillingMutation((body: CorrectionBody) => api.post<{ id: string }>(`${customerPath(customerId)}/corrections`, body));
}

// ---- tariffs -----------------------------------------------------------------------------------------------------

/** GET /api/staff/tariffs: every tariff with all its versions. */
export function useStaffTariffs() {
  return useQuery({ queryKey: billingKeys.tariffs, queryFn: () => api.get<TariffList>('/api/staff/tariffs') });
}

/** POST /api/staff/tariffs (administrators) */
export function useCreateTariff() {
  return useBillingMutation((body: CreateTariffBody) => api.post<{ id: string }>('/api/staff/tariffs', body));
}

/** POST /api/staff/tariffs/:tariffId/versions (administrators): the elements are checked and refused naming the exact path. */
export function useAddTariffVersion(tariffId: string) {
  return useBillingMutation((body: AddTariffVersionBody) => api.post<{ id: string }>(`/api/staff/tariffs/${encodeURIComponent(tariffId)}/versions`, body));
}
