import { useTranslation } from 'react-i18next';
import { useActiveCustomer } from '../../api/session.ts';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { NoCustomer } from '../../components/NoCustomer.tsx';
import { useObjects } from './consumption.api.ts';
import { NAMESPACE } from './i18n.ts';
import { ObjectCard } from './ObjectCard.tsx';
import './consumption.css';

/** GRD-1: the customer's objects (connection points or radio permits) with their technical parameters. */
export default function ObjectsPage() {
  const { t } = useTranslation(NAMESPACE);
  const customer = useActiveCustomer();
  const objects = useObjects(customer?.id);

  return (
    <div className="page">
      <PageHeading>{t('objects.title')}</PageHeading>
      {!customer ? (
        <NoCustomer />
      ) : (
        <QueryState isPending={objects.isPending} error={objects.error}>
          {objects.data && objects.data.length === 0 && <p className="card">{t('objects.none')}</p>}
          {objects.data && objects.data.length > 0 && (
            <>
              <p className="lead">{t('objects.lead')}</p>
              <ul className="card-list">
                {objects.data.map((object) => (
                  <ObjectCard key={object.id} object={object} />
                ))}
              </ul>
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}
