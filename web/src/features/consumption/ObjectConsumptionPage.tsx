import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useActiveCustomer } from '../../api/session.ts';
import { ErrorMessage, PageHeading, QueryState } from '../../components/Messages.tsx';
import { NoCustomer } from '../../components/NoCustomer.tsx';
import { useObjects } from './consumption.api.ts';
import { ConsumptionSection } from './ConsumptionSection.tsx';
import { NAMESPACE } from './i18n.ts';
import { ObjectFacts, ObjectStatusBadge } from './ObjectCard.tsx';
import { ReadingsSection } from './ReadingsSection.tsx';
import { SettlementSection } from './SettlementSection.tsx';
import './consumption.css';

/**
 * One object: consumption and feed-in by period (GRD-3, GRD-4), the micro-generator's settlement (GRD-4)
 * and the meter readings with the form to submit one (GRD-2).
 */
export default function ObjectConsumptionPage() {
  const { t } = useTranslation(NAMESPACE);
  const { objectId = '' } = useParams();
  const customer = useActiveCustomer();
  const objects = useObjects(customer?.id);
  const object = objects.data?.find((o) => o.id === objectId);

  return (
    <div className="page">
      <p className="back-link">
        <Link to="/objects">{t('object.back')}</Link>
      </p>
      <PageHeading>{object ? object.address : t('object.title')}</PageHeading>
      {!customer ? (
        <NoCustomer />
      ) : (
        <QueryState isPending={objects.isPending} error={objects.error}>
          {objects.data && !object && <ErrorMessage>{t('object.notFound')}</ErrorMessage>}
          {object && (
            <>
              <details className="card object-summary">
                <summary>
                  <span>{t('object.details')}</span> <ObjectStatusBadge object={object} />
                </summary>
                <ObjectFacts object={object} />
              </details>
              <nav aria-label={t('object.sections')} className="section-links">
                <ul>
                  <li><a href="#consumption">{t('consumption.title')}</a></li>
                  {object.microGenerator && <li><a href="#settlement">{t('settlement.title')}</a></li>}
                  <li><a href="#readings">{t('readings.title')}</a></li>
                </ul>
              </nav>
              <ConsumptionSection key={`${customer.id}:${object.id}`} customerId={customer.id} object={object} />
              {object.microGenerator && <SettlementSection key={`s:${object.id}`} customerId={customer.id} object={object} />}
              <ReadingsSection key={`r:${object.id}`} customerId={customer.id} object={object} />
            </>
          )}
        </QueryState>
      )}
    </div>
  );
}
