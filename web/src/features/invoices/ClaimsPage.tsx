import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ClaimView } from '@up/common/contracts/billing';
import { useActiveCustomer, useOperator } from '../../api/session.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { Fact } from '../../components/Fact.tsx';
import { ErrorMessage, PageHeading, QueryState } from '../../components/Messages.tsx';
import { NoCustomer } from '../../components/NoCustomer.tsx';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { ClaimDecision, ClaimedAmount, ClaimStatusBadge, dayOf } from './ClaimParts.tsx';
import { CLAIMS_NAMESPACE } from './ClaimTexts.ts';
import { useClaims } from './claims.api.ts';
import { maySeeInvoices } from './invoices.api.ts';
import { useNarrow } from './useNarrow.ts';
import './invoices.css';

const invoicePath = (invoiceId: string) => `/invoices/${encodeURIComponent(invoiceId)}`;

/** BIL-7: the customer's claims against invoices, newest first, each with staff's decision. */
export default function ClaimsPage() {
  const { t } = useTranslation(CLAIMS_NAMESPACE);
  const customer = useActiveCustomer();
  const operator = useOperator();
  const allowed = maySeeInvoices(customer, operator.data);
  const claims = useClaims(customer?.id, allowed);

  return (
    <div className="page invoices">
      <p className="back-link"><Link to="/invoices">{t('list.back')}</Link></p>
      <PageHeading>{t('list.title')}</PageHeading>
      {!customer ? (
        <NoCustomer />
      ) : !allowed && operator.data ? (
        <ErrorMessage>{t('list.notAllowed')}</ErrorMessage>
      ) : (
        <>
          <p>{t('list.intro')}</p>
          <QueryState isPending={claims.isPending} error={claims.error}>
            {claims.data ? <ClaimTable claims={claims.data.claims} caption={t('list.caption', { customer: customer.name })} /> : null}
          </QueryState>
        </>
      )}
    </div>
  );
}

function ClaimTable({ claims, caption }: { claims: ClaimView[]; caption: string }) {
  const { t } = useTranslation(CLAIMS_NAMESPACE);
  const lang = useLang();
  const narrow = useNarrow();
  if (claims.length === 0) return <p className="card">{t('list.none')}</p>;
  if (narrow) {
    return (
      <ul className="card-list" aria-label={caption}>
        {claims.map((claim) => (
          <li key={claim.id} className="card claim-card">
            <div className="claim-item__head">
              <h2 className="claim-card__title"><Link to={invoicePath(claim.invoiceId)}>{claim.invoiceNumber}</Link></h2>
              <ClaimStatusBadge status={claim.status} />
            </div>
            <dl className="facts">
              <Fact term={t('claim.filed')}>{formatDate(dayOf(claim.filedAt), lang)}</Fact>
              <Fact term={t('claim.text')}><span className="claim-text">{claim.text}</span></Fact>
              {claim.amountCents !== null ? <Fact term={t('claim.amount')}><ClaimedAmount claim={claim} /></Fact> : null}
              {claim.status !== 'open' ? <Fact term={t('claim.outcome')}><span className="claim-outcome"><ClaimDecision claim={claim} /></span></Fact> : null}
            </dl>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <DataTable
      caption={caption}
      captionHidden
      rows={claims}
      rowKey={(claim) => claim.id}
      columns={[
        { key: 'invoice', header: t('claim.invoice'), rowHeader: true, className: 'nowrap', cell: (claim) => <Link to={invoicePath(claim.invoiceId)}>{claim.invoiceNumber}</Link> },
        { key: 'filed', header: t('claim.filed'), className: 'nowrap', cell: (claim) => formatDate(dayOf(claim.filedAt), lang) },
        { key: 'text', header: t('claim.text'), cell: (claim) => <span className="claim-text">{claim.text}</span> },
        { key: 'amount', header: t('claim.amount'), className: 'num', cell: (claim) => <ClaimedAmount claim={claim} /> },
        { key: 'status', header: t('claim.status'), cell: (claim) => <ClaimStatusBadge status={claim.status} /> },
        { key: 'outcome', header: t('claim.outcome'), cell: (claim) => <span className="claim-outcome"><ClaimDecision claim={claim} /></span> },
      ]}
    />
  );
}
