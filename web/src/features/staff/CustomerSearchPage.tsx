import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Customer } from '@up/common/contracts/customers';
import { DataTable } from '../../components/DataTable.tsx';
import { TextField } from '../../components/Fields.tsx';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
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
  return (
    <DataTable
      caption={t('search.caption', { count: customers.length, q })}
      rows={customers}
      rowKey={(c) => c.id}
      empty={<p role="status">{t('search.noResults', { q })}</p>}
      columns={[
        {
          key: 'name',
          header: t('fields.name'),
          rowHeader: true,
          cell: (c) => <Link to={`/staff/customers/${encodeURIComponent(c.id)}`}>{c.name}</Link>,
        },
        { key: 'kind', header: t('fields.kind'), cell: (c) => t(`kind.${c.kind}`) },
        { key: 'identityCode', header: t('fields.identityCode'), cell: (c) => c.identityCode },
        { key: 'customerNumber', header: t('fields.customerNumber'), cell: (c) => c.customerNumber },
        { key: 'email', header: t('fields.email'), cell: (c) => c.email ?? '' },
      ]}
    />
  );
}
