import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CollectionList, RestoreBody, StaffServiceStatus, StaffTerminationBody, SuspendBody, TerminationView,
} from '@up/common/contracts/collections';
import { api } from '../../api/client.ts';

/** The back office's collections (BIL-11, BIL-12): the list of late customers, a customer's state, suspend, restore, end with notice. */
const COLLECTIONS = ['staff', 'collections'] as const;
const customerPath = (customerId: string, path: string) => `/api/staff/customers/${encodeURIComponent(customerId)}/${path}`;

/** GET /api/staff/collections */
export function useCollections() {
  return useQuery({ queryKey: COLLECTIONS, queryFn: () => api.get<CollectionList>('/api/staff/collections') });
}

/** GET /api/staff/customers/:customerId/service-status */
export function useStaffServiceStatus(customerId: string) {
  return useQuery({ queryKey: [...COLLECTIONS, customerId], queryFn: () => api.get<StaffServiceStatus>(customerPath(customerId, 'service-status')) });
}

/** Every staff view of collections and customers is asked again after a change (the contracts' status and end days change too). */
function useCollectionsMutation<TBody, TAnswer>(mutationFn: (body: TBody) => Promise<TAnswer>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ['staff'] }) });
}

export function useSuspend(customerId: string) {
  return useCollectionsMutation((body: SuspendBody) => api.post<StaffServiceStatus>(customerPath(customerId, 'suspension'), body));
}

export function useRestore(customerId: string) {
  return useCollectionsMutation((body: RestoreBody) => api.post<StaffServiceStatus>(customerPath(customerId, 'suspension/restore'), body));
}

/** GET …/contracts/:contractId/termination: the end day notice given today would set, or the notice given. */
export function useStaffTerminationPreview(customerId: string, contractId: string) {
  return useQuery({
    queryKey: [...COLLECTIONS, customerId, 'termination', contractId],
    queryFn: () => api.get<TerminationView>(customerPath(customerId, `contracts/${encodeURIComponent(contractId)}/termination`)),
    enabled: contractId !== '',
  });
}

export function useStaffTerminate(customerId: string) {
  return useCollectionsMutation(({ contractId, ...body }: StaffTerminationBody & { contractId: string }) =>
    api.post<TerminationView>(customerPath(customerId, `contracts/${encodeURIComponent(contractId)}/termination`), body));
}
