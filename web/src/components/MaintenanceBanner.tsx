import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client.ts';
import type { MaintenanceWindow } from '../api/types.ts';
import { formatDateTime } from '../lib/format.ts';
import { useLang } from '../lib/useLang.ts';
import './MaintenanceBanner.css';

/** OPS-2: announced and ongoing maintenance windows, above everything else. */
export function MaintenanceBanner() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data } = useQuery({
    queryKey: ['maintenance'],
    queryFn: () => api.get<MaintenanceWindow[]>('/api/maintenance'),
    refetchInterval: 5 * 60_000,
  });
  if (!data || data.length === 0) return null;
  return (
    <div className="maintenance" role="region" aria-label={t('maintenance.label')}>
      {data.map((w) => (
        <p key={w.id}>
          <strong>
            {w.active
              ? t('maintenance.active', { until: formatDateTime(w.endsAt, lang) })
              : t('maintenance.planned', { from: formatDateTime(w.startsAt, lang), until: formatDateTime(w.endsAt, lang) })}
          </strong>{' '}
          {w.message[lang] || w.message.lv}
        </p>
      ))}
    </div>
  );
}
