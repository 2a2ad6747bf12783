import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Notice } from '@up/common/contracts/notifications';
import { api } from '../../api/client.ts';
import { CUSTOMER_KEY } from '../customer.ts';

/** The inbox's API (GRD-7). */

export const NOTICES_KEY = ['me', 'notices'] as const;

/** GET /api/me/notices: newest first. */
export function useNotices() {
  return useQuery({ queryKey: NOTICES_KEY, queryFn: () => api.get<Notice[]>('/api/me/notices') });
}

/** POST /api/me/notices/:noticeId/read; the customers' summaries count unread notices, so they are refetched too. */
export function useMarkNoticeRead(noticeId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`/api/me/notices/${encodeURIComponent(noticeId)}/read`),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: NOTICES_KEY }),
        queryClient.invalidateQueries({ queryKey: CUSTOMER_KEY }),
      ]),
  });
}
