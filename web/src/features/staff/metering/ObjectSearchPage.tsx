import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { StaffObjectSummary } from '@up/common/contracts/metering-staff';
import { DataTable } from '../../../components/DataTable.tsx';
import { TextField } from '../../../components/Fields.tsx';
import { PageHeading, QueryState } from '../../../components/Messages.tsx';
import { useObjectSearch } from './metering.api.ts';
import { StatusBadge } from './StatusBadge.tsx';

/** GRD-1: objects by EIC, address or permit number; the query lives in the address (?q=) so "back" returns to the results. */
export default function ObjectSearchPage() {
  const { t } = useTranslation('staff');
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const [draft, setDraft] = useState(q);
  const results = useObjectSearch(q);

  function submit(event: FormEvent) {
    event.preventDefault();
    setParams(draft.trim() ? { q: draft.trim() } : {});
  }

  return (
    <section className="page" aria-labelledby="staff-objects-title">
      <PageHeading id="staff-objects-title">{t('metering.search.title')}</PageHeading>
      <form role="search" className="card staff-search" onSubmit={submit}>
        <TextField
          type="search"
          name="q"
          autoComplete="off"
          maxLength={100}
          label={t('metering.search.label')}
          hint={t('metering.search.hint')}
          value={draft}
          onChange={setDraft}
        />
        <button type="submit" className="button">{t('search.submit')}</button>
      </form>
      <p><Link to="/staff/metering/imports">{t('metering.search.importsLink')}</Link></p>
      {/* isLoading, not isPending: without a query nothing is fetched */}
      <QueryState isPending={results.isLoading} error={results.error}>
        {results.data ? <ObjectsTable q={q} objects={results.data} /> : null}
      </QueryState>
    </section>
  );
}

function ObjectsTable({ q, objects }: { q: string; objects: StaffObjectSummary[] }) {
  const { t } = useTranslation('staff');
  return (
    <DataTable
      caption={t('metering.search.caption', { count: objects.length, q })}
      rows={objects}
      rowKey={(o) => o.id}
      empty={<p role="status">{t('metering.search.noResults', { q })}</p>}
      columns={[
        {
          key: 'address',
          header: t('metering.fields.address'),
          rowHeader: true,
          cell: (o) => <Link to={`/staff/metering/objects/${encodeURIComponent(o.id)}`}>{o.address}</Link>,
        },
        { key: 'eic', header: t('metering.fields.eic'), className: 'nowrap', cell: (o) => (o.eic ? <code>{o.eic}</code> : '—') },
        { key: 'kind', header: t('metering.fields.kind'), cell: (o) => t(`metering.kind.${o.kind}`) },
        { key: 'status', header: t('metering.fields.status'), cell: (o) => <StatusBadge status={o.status} /> },
        {
          key: 'holder',
          header: t('metering.fields.holder'),
          cell: (o) =>
            o.holder ? (
              <Link to={`/staff/customers/${encodeURIComponent(o.holder.customerId)}`}>
                {o.holder.customerName} ({o.holder.customerNumber})
              </Link>
            ) : (
              <span className="muted">{t('metering.noHolder')}</span>
            ),
        },
      ]}
    />
  );
}
