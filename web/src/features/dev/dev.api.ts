import { useQuery } from '@tanstack/react-query';
import type { CaughtMail } from '@up/common/contracts/operator';
import { api } from '../../api/client.ts';

/** DEV_MODE only: GET /api/dev/mail, what the local SMTP catcher received, asked again every five seconds. */
export function useCaughtMail(enabled: boolean) {
  return useQuery({
    queryKey: ['dev', 'mail'],
    queryFn: () => api.get<CaughtMail[]>('/api/dev/mail'),
    enabled,
    refetchInterval: 5000,
  });
}
