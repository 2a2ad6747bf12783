import { useTranslation } from 'react-i18next';
import type { AuditEvent } from '@up/common/contracts/audit';
import { TableWrap } from '../../components/TableWrap.tsx';
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
  if (events.length === 0) return <p>{t('activity.none')}</p>;
  const actorName = (e: AuditEvent) => {
    if (e.actorRole === 'system') return t('activity.system');
    if (e.actorRole === 'customer_service' || e.actorRole === 'administrator') return t('activity.staff');
    return (e.actorUserId && actorNames?.get(e.actorUserId)) || t('activity.formerUser');
  };
  return (
    <TableWrap label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('activity.time')}</th>
            {actorNames && <th scope="col">{t('activity.who')}</th>}
            <th scope="col">{t('activity.action')}</th>
            <th scope="col">{t('activity.ip')}</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => (
            <tr key={e.seq}>
              <td className="nowrap">{formatDateTime(e.occurredAt, lang)}</td>
              {actorNames && <td>{actorName(e)}</td>}
              <td>{t(`auditAction.${e.action}`, { defaultValue: e.action })}</td>
              <td>{e.ip ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
