import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CollectionRow } from '@up/common/contracts/collections';
import { formatMoney } from '@up/common/money';
import { DataTable } from '../../components/DataTable.tsx';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { useCollections } from './Collections.api.ts';
import { COLLECTIONS_NAMESPACE } from './Collections.i18n.ts';
import '../payments/payments.css';

const customerLink = (row: CollectionRow) => `/staff/customers/${encodeURIComponent(row.customerId)}#collections`;

/**
 * The back office's collections (BIL-11, BIL-12): customers late with payment (the latest first) and customers
 * suspended, with days late, the reminders sent, the suspension, and whether the operator may end their contracts
 * (10 days late). Suspend, restore and end with notice on the customer's page, where the contracts are.
 */
export default function CollectionsPage() {
  const { t } = useTranslation(COLLECTIONS_NAMESPACE);
  const lang = useLang();
  const list = useCollections();
  return (
    <section className="page" aria-labelledby="staff-collections-title">
      <PageHeading id="staff-collections-title">{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <QueryState isPending={list.isPending} error={list.error}>
        {list.data ? (
          <DataTable
            caption={t('caption', { today: formatDate(list.data.today, lang) })}
            rows={list.data.customers}
            rowKey={(row) => row.customerId}
            empty={<p>{t('none')}</p>}
            columns={[
              {
                key: 'customer', header: t('customer'), rowHeader: true,
                cell: (row) => (
                  <>
                    <Link to={customerLink(row)}>{row.name}</Link>
                    <span className="muted payment-note">{row.customerNumber}</span>
                  </>
                ),
              },
              { key: 'overdue', header: t('overdue'), cell: (row) => formatMoney(row.overdueCents, lang), className: 'nowrap' },
              {
                key: 'late', header: t('daysLate'), className: 'nowrap',
                cell: (row) => (row.oldestDueDate ? t('days', { count: row.daysLate }) : '—'),
              },
              {
                key: 'reminders', header: t('reminders'),
                cell: (row) => (row.remindersSent > 0 ? t('remindersSent', { count: row.remindersSent, last: formatDate(row.lastReminderOn, lang) }) : '—'),
              },
              {
                key: 'state', header: t('state'),
                cell: (row) => (
                  <>
                    {row.suspension ? (
                      <span className="badge badge--suspended">{t(`reason.${row.suspension.reason}`)}</span>
                    ) : (
                      <span className="badge">{t('notSuspended')}</span>
                    )}
                    {row.endingContracts.map((contract) => (
                      <span key={contract.contractId} className="muted payment-note">
                        {t('ending', { number: contract.number, endsOn: formatDate(contract.endsOn, lang) })}
                      </span>
                    ))}
                  </>
                ),
              },
              {
                key: 'actions', header: t('actions'),
                cell: (row) => (
                  <Link to={customerLink(row)} aria-label={t('openFor', { name: row.name })}>
                    {row.suspension ? t('restoreOrEnd') : row.mayTerminate ? t('suspendOrEnd') : t('suspend')}
                  </Link>
                ),
              },
            ]}
          />
        ) : null}
      </QueryState>
    </section>
  );
}
