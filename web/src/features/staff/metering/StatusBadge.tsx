import { useTranslation } from 'react-i18next';
import type { ObjectStatus } from '@up/common/contracts/metering';

const TONE: Record<ObjectStatus, string> = { active: 'badge badge--active', disconnected: 'badge badge--pending', closed: 'badge' };

/** An object's status (GRD-1) as a badge: active green, disconnected amber, closed grey; the word says it too. */
export function StatusBadge({ status }: { status: ObjectStatus }) {
  const { t } = useTranslation('staff');
  return <span className={TONE[status]}>{t(`metering.status.${status}`)}</span>;
}
