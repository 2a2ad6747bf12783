import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateDataTokenBody, CreatedDataToken, DataTokenList } from '@up/common/contracts/data-tokens';
import type { ObjectList } from '@up/common/contracts/metering';
import { api } from '../../api/client.ts';
import { customerPartKey, customerPath, useCustomerQuery } from '../customer.ts';

/**
 * The customer's data API tokens (issue 11, point 7), managed by the main user from the profile. Cached per
 * customer (['customer', customerId, 'data-tokens']), so switching customers never shows another one's.
 */

const TOKENS = 'data-tokens';

/** GET /api/customers/:customerId/data-tokens: newest first, revoked and expired ones too. */
export function useDataTokens(customerId: string | undefined, enabled: boolean) {
  return useCustomerQuery<DataTokenList>(customerId, TOKENS, enabled);
}

/** GET /api/customers/:customerId/objects: the objects a token may be limited to (the same answer as the objects page's). */
export function useTokenObjects(customerId: string | undefined, enabled: boolean) {
  return useCustomerQuery<ObjectList>(customerId, 'objects', enabled);
}

function useTokenMutation<TBody, TAnswer>(customerId: string, mutationFn: (body: TBody) => Promise<TAnswer>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: customerPartKey(customerId, TOKENS) }) });
}

/** POST …/data-tokens: answers the token itself, once (the portal keeps only its hash). */
export function useCreateDataToken(customerId: string) {
  return useTokenMutation(customerId, (body: CreateDataTokenBody) => api.post<CreatedDataToken>(customerPath(customerId, TOKENS), body));
}

/** DELETE …/data-tokens/:tokenId: refused from the next request on. */
export function useRevokeDataToken(customerId: string) {
  return useTokenMutation(customerId, (tokenId: string) => api.delete(customerPath(customerId, `${TOKENS}/${encodeURIComponent(tokenId)}`)));
}
