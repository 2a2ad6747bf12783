import { useTranslation } from 'react-i18next';
import type { ContactDetails } from '@up/common/contracts/customers';

/** Read-only contact data for additional users (ACC-10: they cannot change it). */
export function ContactView({ contact }: { contact: ContactDetails }) {
  const { t } = useTranslation();
  return (
    <dl className="facts facts--stacked">
      <div>
        <dt>{t('fields.email')}</dt>
        <dd>{contact.email || '—'}</dd>
      </div>
      <div>
        <dt>{t('contact.phoneSms')}</dt>
        <dd>{contact.phone || '—'}</dd>
      </div>
      <div>
        <dt>{t('fields.postalAddress')}</dt>
        <dd>{contact.postalAddress || '—'}</dd>
      </div>
      <div>
        <dt>{t('contact.invoiceChannel')}</dt>
        <dd>{t(`invoiceChannel.${contact.invoiceChannel}`)}</dd>
      </div>
      <div>
        <dt>{t('contact.noticeChannel')}</dt>
        <dd>{t(`noticeChannel.${contact.noticeChannel}`)}</dd>
      </div>
    </dl>
  );
}
