import { useTranslation } from 'react-i18next';
import { useActiveCustomer } from '../../api/session.ts';
import type { Contract } from '../../api/types.ts';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { NoCustomer } from '../../components/NoCustomer.tsx';
import { useCustomerQuery } from '../customer.ts';
import { ContractsTable } from './ContractsTable.tsx';

export default function ContractsPage() {
  const { t } = useTranslation();
  const customer = useActiveCustomer();
  const contracts = useCustomerQuery<Contract[]>('contracts');

  return (
    <div className="page">
      <PageHeading>{t('contracts.title')}</PageHeading>
      {!customer ? (
        <NoCustomer />
      ) : (
        <QueryState isPending={contracts.isPending} error={contracts.error}>
          {contracts.data?.length === 0 ? (
            <p>{t('contracts.none')}</p>
          ) : (
            <ContractsTable contracts={contracts.data ?? []} caption={t('contracts.caption', { customer: customer.name })} />
          )}
        </QueryState>
      )}
    </div>
  );
}
