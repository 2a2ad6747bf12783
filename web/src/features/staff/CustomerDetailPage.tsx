import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../api/client.ts';
import { ErrorAlert, Loading } from './components.tsx';
import { CustomerRecordForm } from './CustomerRecordForm.tsx';
import { ContractsSection } from './ContractsSection.tsx';
import { PortalUsersSection } from './PortalUsersSection.tsx';
import { RegisterAccountForm } from './RegisterAccountForm.tsx';
import { ServicePasswordCheck } from './ServicePasswordCheck.tsx';
import type { CustomerDetail } from './types.ts';

const customerDetailKey = (customerId: string) => ['staff', 'customer', customerId] as const;

export default function CustomerDetailPage() {
  const { t } = useTranslation('staff');
  const { customerId = '' } = useParams();
  const detail = useQuery({
    queryKey: customerDetailKey(customerId),
    queryFn: () => api.get<CustomerDetail>(`/api/staff/customers/${encodeURIComponent(customerId)}`),
  });

  if (detail.isLoading) return <Loading />;
  if (detail.error instanceof ApiError && detail.error.status === 404) {
    return <p role="alert" className="error">{t('detail.notFound')}</p>;
  }
  if (!detail.data) return <ErrorAlert error={detail.error} />;

  const { customer, contracts, users } = detail.data;
  return (
    <article aria-labelledby="staff-customer-title" className="staff-detail">
      <p><Link to="/staff">{t('detail.back')}</Link></p>
      <h1 id="staff-customer-title">{customer.name}</h1>
      <p className="muted">
        {t(`kind.${customer.kind}`)} · {t('fields.identityCode')}: {customer.identityCode} · {t('fields.customerNumber')}: {customer.customerNumber}
      </p>
      <p>
        <Link to={`/staff/audit?customerId=${encodeURIComponent(customer.id)}`}>{t('detail.auditLink')}</Link>
      </p>
      <CustomerRecordForm customer={customer} />
      <ContractsSection customerId={customer.id} contracts={contracts ?? []} />
      <PortalUsersSection users={users ?? []} />
      <RegisterAccountForm customerId={customer.id} />
      <ServicePasswordCheck customerId={customer.id} />
    </article>
  );
}
