import { useTranslation } from 'react-i18next';
import { useActiveCustomer } from '../../api/session.ts';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { NoCustomer } from '../../components/NoCustomer.tsx';
import { InviteUserForm } from './InviteUserForm.tsx';
import { UserCard } from './UserCard.tsx';
import { useCustomerUsers } from './users.api.ts';

/** ACC-10: the main user manages the customer's additional users. */
export default function UsersPage() {
  const { t } = useTranslation();
  const customer = useActiveCustomer();
  const isMain = customer?.role === 'main';
  const users = useCustomerUsers(customer?.id, isMain);

  return (
    <div className="page">
      <PageHeading>{t('users.title')}</PageHeading>
      {!customer ? (
        <NoCustomer />
      ) : !isMain ? (
        <p className="alert alert--info">{t('users.mainOnly')}</p>
      ) : (
        <>
          <p>{t('users.intro')}</p>
          <section aria-labelledby="users-list-title">
            <h2 id="users-list-title">{t('users.listTitle', { customer: customer.name })}</h2>
            <QueryState isPending={users.isPending} error={users.error}>
              <ul className="card-list">
                {users.data?.map((u) => (
                  <UserCard key={u.membershipId} customerId={customer.id} user={u} />
                ))}
              </ul>
            </QueryState>
          </section>
          <section className="card" aria-labelledby="invite-title">
            <h2 id="invite-title">{t('users.inviteTitle')}</h2>
            <InviteUserForm customerId={customer.id} />
          </section>
        </>
      )}
    </div>
  );
}
