import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** Shown on customer pages when the user acts for no customer yet (e.g. staff, or all links removed). */
export function NoCustomer() {
  const { t } = useTranslation();
  return (
    <div className="card">
      <p>{t('overview.noCustomer')}</p>
      <p>
        <Link to="/profile#link-customer">{t('overview.linkCustomer')}</Link>
      </p>
    </div>
  );
}
