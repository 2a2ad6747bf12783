import { useTranslation } from 'react-i18next';
import type { Contract } from '@up/common/contracts/customers';
import { TableWrap } from '../../components/TableWrap.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';

/** A customer's contracts: type, number, status and dates (the customer's contracts page and the back office). */
export function ContractsTable({ contracts, caption }: { contracts: Contract[]; caption: string }) {
  const { t } = useTranslation();
  const lang = useLang();
  return (
    <TableWrap label={caption}>
      <table>
        <caption className="visually-hidden">{caption}</caption>
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
          {contracts.map((c) => (
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
  );
}
