import { useTranslation } from 'react-i18next';
import type { OperatorProfile } from '@up/common/contracts/operator';
import { useLang } from '../lib/useLang.ts';
import './SupportInfo.css';

type OperatorSupport = OperatorProfile['support'];

/**
 * Customer service's contacts: GET /api/operator gives the service centres as objects; the details of a 422
 * REGISTRATION_DATA_MISMATCH (an error's details, which the contract leaves open) give them as text.
 */
export type SupportContacts = Omit<OperatorSupport, 'serviceCentres'> & {
  serviceCentres: (OperatorSupport['serviceCentres'][number] | string)[];
};

/** Phone, e-mail and service centres of customer service (OPS-4, ACC-2). */
export function SupportInfo({ support }: { support: SupportContacts }) {
  const { t } = useTranslation();
  const lang = useLang();
  const centres = support.serviceCentres ?? [];
  return (
    <div className="support">
      <p>
        {t('support.phone')}: <a href={`tel:${support.phone.replace(/\s/g, '')}`}>{support.phone}</a>
        <br />
        {t('support.email')}: <a href={`mailto:${support.email}`}>{support.email}</a>
      </p>
      {centres.length > 0 && (
        <ul className="plain-list">
          {centres.map((centre) =>
            typeof centre === 'string' ? (
              <li key={centre}>{centre}</li>
            ) : (
              <li key={centre.address}>
                <strong>{centre.name[lang] || centre.name.lv}</strong>, {centre.address}
                <br />
                {centre.hours[lang] || centre.hours.lv}
              </li>
            ),
          )}
        </ul>
      )}
    </div>
  );
}
