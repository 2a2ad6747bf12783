import { useEffect, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AuditEventWithNames, AuditTrailQuery } from '@up/common/contracts/overview';
import { DataTable } from '../../components/DataTable.tsx';
import { TextField } from '../../components/Fields.tsx';
import { PageHeading, QueryState } from '../../components/Messages.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { rigaDayEndUtcIso, rigaDayStartUtcIso } from '../../lib/rigaTime.ts';
import { useLang } from '../../lib/useLang.ts';
import { useFields } from './shared.ts';
import { useAuditTrail } from './staff.api.ts';

const FILTERS = ['customerId', 'actorUserId', 'action', 'from', 'to'] as const;
type Filters = Record<(typeof FILTERS)[number], string>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The API query. The customer filter takes a customer number or an id, the user filter an e-mail or an id
 * (links from other pages carry ids); the action as typed. The dates are Riga calendar days, sent as the
 * UTC instants where they begin ("to" is inclusive here, so it becomes the start of the following day).
 */
function auditQuery(filters: Filters): AuditTrailQuery {
  const query: AuditTrailQuery = {};
  const customer = filters.customerId.trim();
  if (customer) query[UUID.test(customer) ? 'customerId' : 'customerNumber'] = customer;
  const actor = filters.actorUserId.trim();
  if (actor) query[actor.includes('@') ? 'actorEmail' : 'actorUserId'] = actor;
  if (filters.action.trim()) query.action = filters.action.trim();
  const from = rigaDayStartUtcIso(filters.from);
  const to = rigaDayEndUtcIso(filters.to);
  if (from) query.from = from;
  if (to) query.to = to;
  return query;
}

/** ACC-17: the audit trail, filtered; the filters live in the address so a customer page can link here. */
export default function AuditPage() {
  const { t } = useTranslation('staff');
  const actions = useAuditActions();
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(FILTERS.map((key) => [key, params.get(key) ?? ''])) as Filters;
  const { values, setValues, bind } = useFields<Filters>(applied);
  const appliedKey = params.toString();
  useEffect(() => {
    setValues(Object.fromEntries(FILTERS.map((key) => [key, new URLSearchParams(appliedKey).get(key) ?? ''])) as Filters);
  }, [appliedKey, setValues]);

  const events = useAuditTrail(auditQuery(applied));

  function submit(event: FormEvent) {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const key of FILTERS) if (values[key].trim()) next.set(key, values[key].trim());
    setParams(next);
  }

  return (
    <section className="page" aria-labelledby="staff-audit-title">
      <PageHeading id="staff-audit-title">{t('audit.title')}</PageHeading>
      <form className="card form" onSubmit={submit} aria-label={t('audit.filters')}>
        <div className="staff-grid">
          <TextField {...bind('customerId')} label={t('audit.customerId')} />
          <TextField {...bind('actorUserId')} label={t('audit.actorUserId')} />
          <TextField {...bind('action')} label={t('audit.action')} hint={t('audit.actionHint')} suggestions={actions} />
          <TextField {...bind('from')} type="date" label={t('audit.from')} />
          <TextField {...bind('to')} type="date" label={t('audit.to')} />
        </div>
        <div className="actions">
          <button type="submit" className="button">{t('audit.submit')}</button>
          <button type="button" className="button button--secondary" onClick={() => setParams(new URLSearchParams())}>
            {t('audit.clear')}
          </button>
        </div>
      </form>
      <QueryState isPending={events.isPending} error={events.error}>
        {events.data ? <AuditTable events={events.data} /> : null}
      </QueryState>
    </section>
  );
}

function AuditTable({ events }: { events: AuditEventWithNames[] }) {
  const { t } = useTranslation('staff');
  const lang = useLang();
  return (
    <DataTable
      caption={t('audit.caption', { count: events.length })}
      rows={events}
      rowKey={(e) => e.seq}
      empty={<p role="status">{t('audit.empty')}</p>}
      columns={[
        { key: 'seq', header: t('audit.seq'), rowHeader: true, cell: (e) => e.seq },
        { key: 'time', header: t('audit.time'), className: 'nowrap', cell: (e) => formatDateTime(e.occurredAt, lang) },
        { key: 'actor', header: t('audit.actor'), cell: (e) => <Actor event={e} /> },
        { key: 'role', header: t('audit.role'), cell: (e) => t(`audit.roles.${e.actorRole}`, { defaultValue: e.actorRole }) },
        {
          key: 'customer',
          header: t('audit.customer'),
          cell: (e) =>
            e.customerId ? (
              <Link to={`/staff/customers/${encodeURIComponent(e.customerId)}`} title={e.customerId}>
                {e.customerName ?? <code>{e.customerId}</code>}
              </Link>
            ) : '',
        },
        {
          key: 'action',
          header: t('audit.action'),
          cell: (e) => (
            <>
              <ActionLabel action={e.action} />
              <code>{e.action}</code>
            </>
          ),
        },
        {
          key: 'object',
          header: t('audit.object'),
          cell: (e) => (e.objectType ? <code>{e.objectType}{e.objectId ? ` ${e.objectId}` : ''}</code> : ''),
        },
        { key: 'ip', header: t('audit.ip'), cell: (e) => e.ip ?? '' },
        { key: 'details', header: t('audit.details'), cell: (e) => <Details details={e.details} /> },
      ]}
    />
  );
}

type AuditActionTexts = Record<string, string | Record<string, string>>;

/**
 * The action names the portal records, each with its label in the page's language: the same texts the
 * customers' activity page shows (auditAction in the main translations).
 */
function useAuditActions(): { value: string; label: string }[] {
  const { t, i18n } = useTranslation();
  const texts = (i18n.getResourceBundle('en', 'translation') as { auditAction: AuditActionTexts }).auditAction;
  return Object.entries(texts).flatMap(([group, names]) =>
    (typeof names === 'string' ? [group] : Object.keys(names).map((name) => `${group}.${name}`))
      .map((action) => ({ value: action, label: t(`auditAction.${action}`) })));
}

function ActionLabel({ action }: { action: string }) {
  const { t } = useTranslation();
  const label = t(`auditAction.${action}`, { defaultValue: '' });
  return label ? <>{label}<br /></> : null;
}

/** Who acted: the user's name (a link that narrows the trail to them) and e-mail. */
function Actor({ event }: { event: AuditEventWithNames }) {
  const { t } = useTranslation('staff');
  if (!event.actorUserId) return <>{t('audit.system')}</>;
  return (
    <>
      <Link to={`/staff/audit?actorUserId=${encodeURIComponent(event.actorUserId)}`} title={event.actorUserId}>
        {event.actorName ?? event.actorUserId}
      </Link>
      <br />
      <span className="muted">{event.actorEmail}{event.actorDeleted ? ` · ${t('audit.deletedUser')}` : ''}</span>
    </>
  );
}

function Details({ details }: { details: Record<string, unknown> }) {
  const { t } = useTranslation('staff');
  if (!details || Object.keys(details).length === 0) return null;
  return (
    <details>
      <summary>{t('audit.showDetails')}</summary>
      <pre className="staff-code">{JSON.stringify(details, null, 2)}</pre>
    </details>
  );
}
