import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ErrorAlert, Loading, TextField } from './components.tsx';
import type { CustomerListItem } from './types.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

/** Customer search; the query lives in the address (?q=) so "back" returns to the results. */
export default function CustomerSearchPage() {
  const { t } = useTranslation('staff');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const results = useQuery({
    queryKey: ['staff', 'customers', q],
    queryFn: () => api.get<CustomerListItem[]>(`/api/staff/customers?q=${encodeURIComponent(q)}`),
    enabled: q.trim() !== '',
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  }

  return (
    <section aria-labelledby="staff-search-title">
      <h1 id="staff-search-title">{t('search.title')}</h1>
      <form role="search" className="card staff-search" onSubmit={submit}>
        <TextField type="search" name="q" label={t('search.label')} value={draft} onChange={setDraft} />
        <button type="submit" className="button">{t('search.submit')}</button>
      </form>
      {results.isFetching ? <Loading /> : null}
      <ErrorAlert error={results.error} />
      {results.data ? <ResultsTable q={q} customers={results.data} /> : null}
    </section>
  );
}

function ResultsTable({ q, customers }: { q: string; customers: CustomerListItem[] }) {
  const { t } = useTranslation('staff');
  if (customers.length === 0) return <p role="status">{t('search.noResults', { q })}</p>;
  return (
    <TableWrap className="staff-table-wrap" label={t('search.caption', { count: customers.length, q })}>
      <table className="table">
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
