import { useTranslation } from 'react-i18next';
import { useActiveCustomer } from '../../api/session.ts';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { NoCustomer } from '../../components/NoCustomer.tsx';
import { useContracts } from './contracts.api.ts';
import { ContractsTable } from './ContractsTable.tsx';
import { WithdrawalSection } from './WithdrawalSection.tsx';
import { TermChangeSection } from './TermChangeSection.tsx';
import { useLifecycleContracts } from './Withdrawal.api.ts';
import { TerminationSection } from '../payments/TerminationSection.tsx';

export default function ContractsPage() {
  const { t } = useTranslation();
  const customer = useActiveCustomer();
  const contracts = useContracts(customer?.id);
  const lifecycle = useLifecycleContracts(customer?.id);

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
            <>
              <ContractsTable contracts={contracts.data ?? []} caption={t('contracts.caption', { customer: customer.name })} />
              <WithdrawalSection contracts={lifecycle.data ?? []} />
              <TermChangeSection />
              <TerminationSection contracts={contracts.data ?? []} />
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}
