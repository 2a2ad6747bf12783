import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useActiveCustomer, useSession, useSwitchCustomer } from '../api/session.ts';
import { useErrorMessage } from '../lib/errors.ts';
import './CustomerSwitcher.css';

/** ACC-11: a user acting for several customers picks the one to act for. */
export function CustomerSwitcher() {
  const { t } = useTranslation();
  const id = useId();
  const user = useSession().data?.user;
  const active = useActiveCustomer();
  const errorMessage = useErrorMessage();
  const switchTo = useSwitchCustomer();

  if (!user || !active) return null;
  if (user.customers.length < 2) {
    return <span className="customer-name">{active.name}</span>;
  }
  return (
    <div className="customer-switcher">
      <label htmlFor={id}>{t('layout.actingFor')}</label>
      <select id={id} value={active.id} onChange={(e) => switchTo.mutate({ customerId: e.target.value })} disabled={switchTo.isPending}>
        {user.customers.map((c) => (
          <option key={c.id} value={c.id}>
            {c.name} ({c.customerNumber})
          </option>
        ))}
      </select>
      {switchTo.error && (
        <span className="field__error" role="alert">
          {errorMessage(switchTo.error)}
        </span>
      )}
    </div>
  );
}
