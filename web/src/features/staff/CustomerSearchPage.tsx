import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Customer } from '@up/common/contracts/customers';
import { TextField } from '../../components/Fields.tsx';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { TableWrap } from '../../components/TableWrap.tsx';
import { useCustomerSearch } from './staff.api.ts';

/** Customer search; the query lives in the address (?q=) so "back" returns to the results. */
export default function CustomerSearchPage() {
  const { t } = useTranslation('staff');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const results = useCustomerSearch(q);

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  }

  return (
    <section className="page" aria-labelledby="staff-search-title">
      <PageHeading id="staff-search-title">{t('search.title')}</PageHeading>
      <form role="search" className="card staff-search" onSubmit={submit}>
        <TextField type="search" name="q" autoComplete="off" label={t('search.label')} value={draft} onChange={setDraft} />
        <button type="submit" className="button">{t('search.submit')}</button>
      </form>
      {/* isLoading, not isPending: without a query nothing is fetched */}
      <QueryState isPending={results.isLoading} error={results.error}>
        {results.data ? <ResultsTable q={q} customers={results.data} /> : null}
      </QueryState>
    </section>
  );
}

function ResultsTable({ q, customers }: { q: string; customers: Customer[] }) {
  const { t } = useTranslation('staff');
  if (customers.length === 0) return <p role="status">{t('search.noResults', { q })}</p>;
  return (
    <TableWrap label={t('search.caption', { count: customers.length, q })}>
      <table>
        <caption>{t('search.caption', { count: customers.length, q })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fields.name')}</th>
            <th scope="col">{t('fields.kind')}</th>
            <th scope="col">{t('fields.identityCode')}</th>
            <th scope="col">{t('fields.customerNumber')}</th>
            <th scope="col">{t('fields.email')}</th>
          </tr>
        </thead>
        <tbody>
          {customers.map((c) => (
            <tr key={c.id}>
              <th scope="row"><Link to={`/staff/customers/${encodeURIComponent(c.id)}`}>{c.name}</Link></th>
              <td>{t(`kind.${c.kind}`)}</td>
              <td>{c.identityCode}</td>
              <td>{c.customerNumber}</td>
              <td>{c.email ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}
