import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ChangeRightsBody, CustomerUser, InviteUserAnswer, InviteUserBody } from '@up/common/contracts/accounts';
import { api } from '../../api/client.ts';
import { customerKey, customerPath, useCustomerQuery } from '../customer.ts';

/**
 * The customer's users (ACC-10), for its main user. A change refetches everything of the customer: the
 * summary counts the users, and the activity page names them.
 */

/** GET /api/customers/:customerId/users */
export function useCustomerUsers(customerId: string | undefined, enabled = true) {
  return useCustomerQuery<CustomerUser[]>(customerId, 'users', enabled);
}

/** POST /api/customers/:customerId/users: invites an additional user by e-mail. */
export function useInviteUser(customerId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: InviteUserBody) => api.post<InviteUserAnswer>(customerPath(customerId, 'users'), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerKey(customerId) }),
  });
}

/** PATCH /api/customers/:customerId/users/:membershipId: an additional user's rights. */
export function useChangeRights(customerId: string, membershipId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ChangeRightsBody) => api.patch(customerPath(customerId, `users/${encodeURIComponent(membershipId)}`), body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerKey(customerId) }),
  });
}

/** DELETE /api/customers/:customerId/users/:membershipId: the user no longer acts for the customer (ACC-13). */
export function useRemoveUser(customerId: string, membershipId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete(customerPath(customerId, `users/${encodeURIComponent(membershipId)}`)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerKey(customerId) }),
  });
}
