import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BlockUserBody, RegisterAccountAnswer, RegisterAccountBody, StaffPortalUser } from '@up/common/contracts/accounts';
import type {
  AddContractBody,
  CreateCustomerBody,
  CreatedRecord,
  Customer,
  ImportCustomersBody,
  ImportResult,
  ServicePasswordBody,
  ServicePasswordCheck,
  UpdateCustomerBody,
} from '@up/common/contracts/customers';
import type { JobRun } from '@up/common/contracts/jobs';
import type { AnnounceMaintenanceBody, Created, ErrorReport, MaintenanceWindow } from '@up/common/contracts/operator';
import type { AuditEventWithNames, AuditTrailQuery, CustomerFile } from '@up/common/contracts/overview';
import type { PublishTermsBody, Terms } from '@up/common/contracts/terms';
import { api } from '../../api/client.ts';
import { MAINTENANCE_KEY } from '../../api/session.ts';
import { TERMS_KEY } from '../terms/terms.api.ts';

/**
 * The back office's API (/api/staff/…). Every answer is cached under ['staff', …]; a change to a customer
 * refetches all of them (the search results, the customer file and the audit trail may all show it).
 */
export const staffKeys = {
  all: ['staff'] as const,
  customers: (q: string) => ['staff', 'customers', q] as const,
  customer: (customerId: string) => ['staff', 'customer', customerId] as const,
  audit: (query: string) => ['staff', 'audit', query] as const,
  errorReports: ['staff', 'error-reports'] as const,
  maintenance: ['staff', 'maintenance'] as const,
  terms: ['staff', 'terms'] as const,
  jobs: ['staff', 'jobs'] as const,
};

const customerPath = (customerId: string) => `/api/staff/customers/${encodeURIComponent(customerId)}`;

/** A mutation whose success refetches every back-office answer. */
function useStaffMutation<TBody, TAnswer>(mutationFn: (body: TBody) => Promise<TAnswer>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: staffKeys.all }) });
}

// ---- customers (ACC-5, ACC-13, ACC-15, ACC-19) ------------------------------------------------------------

/** GET /api/staff/customers?q=: at most 50 records; nothing is asked while the query is empty. */
export function useCustomerSearch(q: string) {
  return useQuery({
    queryKey: staffKeys.customers(q),
    queryFn: () => api.get<Customer[]>(`/api/staff/customers?q=${encodeURIComponent(q)}`),
    enabled: q.trim() !== '',
  });
}

/** GET /api/staff/customers/:customerId: the record, its contracts and its portal users. */
export function useCustomerFile(customerId: string) {
  return useQuery({ queryKey: staffKeys.customer(customerId), queryFn: () => api.get<CustomerFile>(customerPath(customerId)) });
}

/** POST /api/staff/customers */
export function useCreateCustomer() {
  return useStaffMutation((body: CreateCustomerBody) => api.post<CreatedRecord>('/api/staff/customers', body));
}

/** PATCH /api/staff/customers/:customerId: only the fields sent change. */
export function useUpdateCustomer(customerId: string) {
  return useStaffMutation((body: UpdateCustomerBody) => api.patch(customerPath(customerId), body));
}

/** POST /api/staff/customers/:customerId/contracts */
export function useAddContract(customerId: string) {
  return useStaffMutation((body: AddContractBody) => api.post<CreatedRecord>(`${customerPath(customerId)}/contracts`, body));
}

/** POST /api/staff/customers/:customerId/accounts: ACC-5, a main user registered at a service centre. */
export function useRegisterAccount(customerId: string) {
  return useStaffMutation((body: RegisterAccountBody) => api.post<RegisterAccountAnswer>(`${customerPath(customerId)}/accounts`, body));
}

/** POST /api/staff/customers/:customerId/service-password/check (ACC-19); changes nothing. */
export function useCheckServicePassword(customerId: string) {
  return useMutation({
    mutationFn: (body: ServicePasswordBody) => api.post<ServicePasswordCheck>(`${customerPath(customerId)}/service-password/check`, body),
  });
}

/** POST /api/staff/customers/import: a file with a bad row imports nothing and lists every bad row. */
export function useImportCustomers() {
  return useStaffMutation((body: ImportCustomersBody) => api.post<ImportResult>('/api/staff/customers/import', body));
}

// ---- portal users (ACC-6, ACC-7, ACC-12, ACC-13) ----------------------------------------------------------

export type PortalUserAction = 'unblock' | 'requireNewPassword' | 'block' | 'deny' | 'delete';

function portalUserRequest(action: PortalUserAction, user: StaffPortalUser, reason: string): Promise<void> {
  const userPath = `/api/staff/users/${encodeURIComponent(user.userId)}`;
  switch (action) {
    case 'unblock': // ACC-7: lifts a temporary lockout and a staff block
      return api.post(`${userPath}/unblock`);
    case 'requireNewPassword': // ACC-6: when compromise of the password is suspected
      return api.post(`${userPath}/require-password-change`);
    case 'block': // ACC-13: on suspicion of unlawful use
      return api.post(`${userPath}/block`, { reason } satisfies BlockUserBody);
    case 'deny': // ACC-13: the customer asked to deny this user
      return api.post(`/api/staff/memberships/${encodeURIComponent(user.membershipId)}/deny`);
    case 'delete': // ACC-12: on the customer's request
      return api.delete(userPath);
  }
}

/** What staff do about a portal user of the customer; `reason` is for blocking only. */
export function usePortalUserAction() {
  return useStaffMutation(({ action, user, reason = '' }: { action: PortalUserAction; user: StaffPortalUser; reason?: string }) =>
    portalUserRequest(action, user, reason),
  );
}

// ---- audit trail and error reports (ACC-17, OPS-4) --------------------------------------------------------

/** GET /api/staff/audit with the filters given: newest first, 500 at most. */
export function useAuditTrail(filters: AuditTrailQuery) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) query.set(key, String(value));
  const search = query.toString();
  return useQuery({
    queryKey: staffKeys.audit(search),
    queryFn: () => api.get<AuditEventWithNames[]>(`/api/staff/audit${search ? `?${search}` : ''}`),
  });
}

/** GET /api/staff/error-reports, newest first. */
export function useErrorReports() {
  return useQuery({
    queryKey: staffKeys.errorReports,
    queryFn: () => api.get<ErrorReport[]>('/api/staff/error-reports'),
    select: (list) => [...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt)),
  });
}

// ---- administrators: maintenance windows, terms of use, jobs (OPS-1, OPS-2) ---------------------------------

/** GET /api/maintenance, as the back office lists it. */
export function useStaffMaintenanceWindows() {
  return useQuery({ queryKey: staffKeys.maintenance, queryFn: () => api.get<MaintenanceWindow[]>('/api/maintenance') });
}

/** A change to the maintenance windows refetches the back office's list and the banner of the app shell. */
function useMaintenanceMutation<TBody, TAnswer>(mutationFn: (body: TBody) => Promise<TAnswer>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: staffKeys.maintenance }),
        queryClient.invalidateQueries({ queryKey: MAINTENANCE_KEY }),
      ]),
  });
}

/** POST /api/staff/maintenance */
export function useAnnounceMaintenance() {
  return useMaintenanceMutation((body: AnnounceMaintenanceBody) => api.post<Created>('/api/staff/maintenance', body));
}

/** DELETE /api/staff/maintenance/:windowId */
export function useCancelMaintenance() {
  return useMaintenanceMutation((windowId: string) => api.delete(`/api/staff/maintenance/${encodeURIComponent(windowId)}`));
}

/** GET /api/terms, as the back office lists it. */
export function useStaffTermsVersions() {
  return useQuery({ queryKey: staffKeys.terms, queryFn: () => api.get<Terms[]>('/api/terms') });
}

/** POST /api/staff/terms; the customers' pages of the terms are refetched too. */
export function usePublishTerms() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PublishTermsBody) => api.post<Terms>('/api/staff/terms', body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: staffKeys.terms }),
        queryClient.invalidateQueries({ queryKey: TERMS_KEY }),
      ]),
  });
}

/** GET /api/staff/jobs (administrators): the newest 200 runs of the scheduled jobs, newest first. */
export function useJobRuns() {
  return useQuery({
    queryKey: staffKeys.jobs,
    queryFn: () => api.get<JobRun[]>('/api/staff/jobs'),
    select: (runs) => [...runs].sort((a, b) => b.startedAt.localeCompare(a.startedAt)),
  });
}
