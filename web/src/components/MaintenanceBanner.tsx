import { useTranslation } from 'react-i18next';
import { useMaintenanceWindows } from '../api/session.ts';
import { formatDateTime } from '../lib/format.ts';
import { useLang } from '../lib/useLang.ts';
import './MaintenanceBanner.css';

/** OPS-2: announced and ongoing maintenance windows, above everything else. */
export function MaintenanceBanner() {
  const { t } = useTranslation();
  const lang = useLang();
  const { data } = useMaintenanceWindows();
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
