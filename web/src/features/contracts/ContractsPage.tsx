import { useTranslation } from 'react-i18next';
import { useActiveCustomer } from '../../api/session.ts';
import type { Contract } from '../../api/types.ts';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { NoCustomer } from '../../components/NoCustomer.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { useCustomerQuery } from '../customer.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

export default function ContractsPage() {
  const { t } = useTranslation();
  const lang = useLang();
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
            <TableWrap label={t('contracts.caption', { customer: customer.name })}>
              <table>
                <caption className="visually-hidden">{t('contracts.caption', { customer: customer.name })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('contracts.type')}</th>
                    <th scope="col">{t('contracts.number')}</th>
                    <th scope="col">{t('contracts.status')}</th>
                    <th scope="col">{t('contracts.startsOn')}</th>
                    <th scope="col">{t('contracts.endsOn')}</th>
                  </tr>
                </thead>
                <tbody>
                  {contracts.data?.map((c) => (
                    <tr key={c.id}>
                      <td>{t(`contractType.${c.type}`, { defaultValue: c.type })}</td>
                      <td>{c.number}</td>
                      <td>
                        <span className={`badge badge--${c.status}`}>{t(`contractStatus.${c.status}`, { defaultValue: c.status })}</span>
                      </td>
                      <td>{formatDate(c.startsOn, lang) || '—'}</td>
                      <td>{formatDate(c.endsOn, lang) || '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableWrap>
          )}
        </QueryState>
      )}
    </div>
  );
}
