import { useTranslation } from 'react-i18next';
import type { SupportContacts } from '../api/types.ts';
import { useLang } from '../lib/useLang.ts';
import './SupportInfo.css';

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
