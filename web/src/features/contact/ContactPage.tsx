import { useTranslation } from 'react-i18next';
import { useActiveCustomer } from '../../api/session.ts';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { NoCustomer } from '../../components/NoCustomer.tsx';
import { useContactDetails } from './contact.api.ts';
import { ContactForm } from './ContactForm.tsx';
import { ContactView } from './ContactView.tsx';
import { ServicePasswordForm } from './ServicePasswordForm.tsx';

export default function ContactPage() {
  const { t } = useTranslation();
  const customer = useActiveCustomer();
  const contact = useContactDetails(customer?.id);
  const isMain = customer?.role === 'main';

  return (
    <div className="page page--narrow">
      <PageHeading>{t('contact.title')}</PageHeading>
      {!customer ? (
        <NoCustomer />
      ) : (
        <>
          <section className="card" aria-labelledby="contact-data">
            <h2 id="contact-data">{t('contact.dataTitle')}</h2>
            {isMain ? <p>{t('contact.intro')}</p> : <p className="alert alert--info">{t('contact.readOnly')}</p>}
            <QueryState isPending={contact.isPending} error={contact.error}>
              {contact.data &&
                (isMain ? (
                  <ContactForm key={customer.id} customerId={customer.id} contact={contact.data} />
                ) : (
                  <ContactView contact={contact.data} />
                ))}
            </QueryState>
          </section>
          {isMain && (
            <section className="card" aria-labelledby="service-password">
              <h2 id="service-password">{t('servicePassword.title')}</h2>
              <p>{t('servicePassword.intro')}</p>
              <ServicePasswordForm customerId={customer.id} />
            </section>
          )}
        </>
      )}
    </div>
  );
}
