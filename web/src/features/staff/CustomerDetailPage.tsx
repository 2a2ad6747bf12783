import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CustomerFile } from '@up/common/contracts/overview';
import { ApiError } from '../../api/client.ts';
import { ErrorMessage, PageHeading, QueryState } from '../../components/Messages.tsx';
import { CustomerRecordForm } from './CustomerRecordForm.tsx';
import { ContractsSection } from './ContractsSection.tsx';
import { PortalUsersSection } from './PortalUsersSection.tsx';
import { RegisterAccountForm } from './RegisterAccountForm.tsx';
import { ServicePasswordCheck } from './ServicePasswordCheck.tsx';
import { useCustomerFile } from './staff.api.ts';
import { CollectionsCustomerSection } from './CollectionsCustomerSection.tsx';
import { useOperator } from '../../api/session.ts';

export default function CustomerDetailPage() {
  const { t } = useTranslation('staff');
  const { customerId = '' } = useParams();
  const detail = useCustomerFile(customerId);

  if (detail.error instanceof ApiError && detail.error.status === 404) return <ErrorMessage>{t('detail.notFound')}</ErrorMessage>;
  return (
    <QueryState isPending={detail.isPending} error={detail.error}>
      {detail.data ? <CustomerDetails detail={detail.data} /> : null}
    </QueryState>
  );
}

function CustomerDetails({ detail: { customer, contracts, users } }: { detail: CustomerFile }) {
  const { t } = useTranslation('staff');
  const billing = Boolean(useOperator().data?.modules.includes('billing'));
  return (
    <article aria-labelledby="staff-customer-title" className="page">
      <div>
        <p><Link to="/staff">{t('detail.back')}</Link></p>
        <PageHeading id="staff-customer-title">{customer.name}</PageHeading>
        <p className="muted">
          {t(`kind.${customer.kind}`)} · {t('fields.identityCode')}: {customer.identityCode} · {t('fields.customerNumber')}: {customer.customerNumber}
        </p>
        <p>
          <Link to={`/staff/audit?customerId=${encodeURIComponent(customer.id)}`}>{t('detail.auditLink')}</Link>
        </p>
      </div>
      <CustomerRecordForm customer={customer} />
      <ContractsSection customerId={customer.id} contracts={contracts} />
      {billing ? <CollectionsCustomerSection customerId={customer.id} contracts={contracts} /> : null}
      <PortalUsersSection users={users} />
      <RegisterAccountForm customerId={customer.id} />
      <ServicePasswordCheck customerId={customer.id} />
    </article>
  );
}
