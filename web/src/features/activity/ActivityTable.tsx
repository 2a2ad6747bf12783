import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@up/common/contracts/audit';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';

interface ActivityTableProps {
  events: AuditEvent[];
  caption: string;
  /** names of the customer's users by id, to show who acted; omitted for the user's own activity */
  actorNames?: Map<string, string>;
}

/** ACC-17: recorded actions with time (Riga), what, and from which IP address. */
export function ActivityTable({ events, caption, actorNames }: ActivityTableProps) {
  const { t } = useTranslation();
  const lang = useLang();
  const actorName = (e: AuditEvent) => {
    if (e.actorRole === 'system') return t('activity.system');
    if (e.actorRole === 'customer_service' || e.actorRole === 'administrator') return t('activity.staff');
    return (e.actorUserId && actorNames?.get(e.actorUserId)) || t('activity.formerUser');
  };
  const columns: Column<AuditEvent>[] = [
    { key: 'time', header: t('activity.time'), className: 'nowrap', cell: (e) => formatDateTime(e.occurredAt, lang) },
    ...(actorNames ? [{ key: 'who', header: t('activity.who'), cell: actorName }] : []),
    { key: 'action', header: t('activity.action'), cell: (e) => t(`auditAction.${e.action}`, { defaultValue: e.action }) },
    { key: 'ip', header: t('activity.ip'), cell: (e) => e.ip ?? '—' },
  ];
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={events}
      rowKey={(e) => e.seq}
      empty={<p>{t('activity.none')}</p>}
      columns={columns}
    />
  );
}
