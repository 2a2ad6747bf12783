import { useTranslation } from 'react-i18next';
import type { Contract } from '@up/common/contracts/customers';
import { DataTable } from '../../components/DataTable.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';

/** A customer's contracts: type, number, status and dates (the customer's contracts page and the back office). */
export function ContractsTable({ contracts, caption }: { contracts: Contract[]; caption: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={contracts}
      rowKey={(c) => c.id}
      columns={[
        { key: 'type', header: t('contracts.type'), cell: (c) => t(`contractType.${c.type}`, { defaultValue: c.type }) },
        { key: 'number', header: t('contracts.number'), cell: (c) => c.number },
        {
          key: 'status',
          header: t('contracts.status'),
          cell: (c) => <span className={`badge badge--${c.status}`}>{t(`contractStatus.${c.status}`, { defaultValue: c.status })}</span>,
        },
        { key: 'startsOn', header: t('contracts.startsOn'), cell: (c) => formatDate(c.startsOn, lang) || '—' },
        { key: 'endsOn', header: t('contracts.endsOn'), cell: (c) => formatDate(c.endsOn, lang) || '—' },
      ]}
    />
  );
}
