import { useTranslation } from 'react-i18next';
import { useActiveCustomer } from '../../api/session.ts';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { useCustomerUsers } from '../users/users.api.ts';
import { useCustomerActivity, useMyActivity } from './activity.api.ts';
import { ActivityTable } from './ActivityTable.tsx';

/** ACC-17: the user's own actions, and for a main user everything done for the customer. */
export default function ActivityPage() {
  const { t } = useTranslation();
  const customer = useActiveCustomer();
  const isMain = customer?.role === 'main';
  const own = useMyActivity();
  const customerEvents = useCustomerActivity(customer?.id, isMain);
  const users = useCustomerUsers(customer?.id, isMain);
  const names = new Map((users.data ?? []).map((u) => [u.userId, u.fullName]));

  return (
    <div className="page">
      <PageHeading>{t('activity.title')}</PageHeading>
      <p>{t('activity.intro')}</p>
      <section>
        <h2 id="activity-own">{t('activity.own')}</h2>
        <QueryState isPending={own.isPending} error={own.error}>
          {own.data && <ActivityTable events={own.data} caption={t('activity.own')} />}
        </QueryState>
      </section>
      {isMain && customer && (
        <section>
          <h2 id="activity-customer">{t('activity.customer', { customer: customer.name })}</h2>
          <QueryState isPending={customerEvents.isPending} error={customerEvents.error}>
            {customerEvents.data && (
              <ActivityTable events={customerEvents.data} caption={t('activity.customer', { customer: customer.name })} actorNames={names} />
            )}
          </QueryState>
        </section>
      )}
    </div>
  );
}
