import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router';
import type { CustomerSummary } from '@up/common/contracts/overview';
import { hasRight, useActiveCustomer, useOperator, useSession } from '../../api/session.ts';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { NoCustomer } from '../../components/NoCustomer.tsx';
import { useCustomerSummary } from './overview.api.ts';
import './OverviewPage.css';

// BIL-15: "this month so far", only for users who may see invoices (its texts load with it, not with the overview)
const EstimateCard = lazy(() => import('../invoices/EstimateCard.tsx'));

export default function OverviewPage() {
  const { t } = useTranslation();
  const user = useSession().data?.user;
  const customer = useActiveCustomer();
  const summary = useCustomerSummary(customer?.id);
  const billing = Boolean(useOperator().data?.modules.includes('billing'));
  if (!customer && user?.staffRole) return <Navigate to="/staff" replace />;

  return (
    <div className="page">
      <PageHeading>{t('overview.title')}</PageHeading>
      <p className="lead">{t('overview.greeting', { name: user?.fullName ?? '' })}</p>
      {!customer ? (
        <NoCustomer />
      ) : (
        <QueryState isPending={summary.isPending} error={summary.error}>
          {summary.data && (
            <SummaryCards
              summary={summary.data}
              estimate={billing && hasRight(customer, 'see_invoices') ? (
                <Suspense fallback={null}>
                  <EstimateCard customerId={customer.id} />
                </Suspense>
              ) : null}
            />
          )}
        </QueryState>
      )}
    </div>
  );
}

function SummaryCards({ summary, estimate }: { summary: CustomerSummary; estimate: ReactNode }) {
  const { t } = useTranslation();
  const isMain = summary.role === 'main';
  const userCount = summary.users;
  return (
    <>
      <section className="card" aria-labelledby="overview-customer">
        <h2 id="overview-customer">{summary.customer.name}</h2>
        <dl className="facts">
          <div>
            <dt>{t('fields.customerNumber')}</dt>
            <dd>{summary.customer.customerNumber}</dd>
          </div>
          <div>
            <dt>{t('overview.customerKind')}</dt>
            <dd>{t(`customerKind.${summary.customer.kind}`)}</dd>
          </div>
          <div>
            <dt>{t('overview.yourRole')}</dt>
            <dd>{t(`role.${summary.role}`)}</dd>
          </div>
        </dl>
      </section>
      <div className="tiles">
        <Link to="/contracts" className="tile">
          <span className="tile__number">{summary.contracts.active}</span>
          <span className="tile__label">{t('overview.activeContracts', { count: summary.contracts.active, total: summary.contracts.total })}</span>
        </Link>
        <Link to="/notices" className="tile">
          <span className="tile__number">{summary.unreadNotices}</span>
          <span className="tile__label">{t('overview.unreadNotices', { count: summary.unreadNotices })}</span>
        </Link>
        {isMain && userCount !== null && (
          <Link to="/users" className="tile">
            <span className="tile__number">{userCount}</span>
            <span className="tile__label">{t('overview.users', { count: userCount })}</span>
          </Link>
        )}
      </div>
      {estimate}
      <section className="card" aria-labelledby="overview-quick">
        <h2 id="overview-quick">{t('overview.quickLinks')}</h2>
        <ul className="quick-links">
          <li>
            <Link to="/orders">{t('overview.newOrder')}</Link>
          </li>
          {isMain && (
            <li>
              <Link to="/contact">{t('overview.changeContact')}</Link>
            </li>
          )}
          {isMain && (
            <li>
              <Link to="/users">{t('overview.inviteUser')}</Link>
            </li>
          )}
          <li>
            <Link to="/profile">{t('nav.profile')}</Link>
          </li>
        </ul>
      </section>
    </>
  );
}
