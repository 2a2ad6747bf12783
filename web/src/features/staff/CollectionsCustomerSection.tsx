import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffTerminationBody, SuspendBody, SuspensionReason } from '@up/common/contracts/collections';
import type { Contract } from '@up/common/contracts/customers';
import { formatMoney } from '@up/common/money';
import { SubmitButton } from '../../components/Buttons.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { RadioGroup, SelectField, TextArea } from '../../components/Fields.tsx';
import { FormError, QueryState, Success } from '../../components/Messages.tsx';
import { formatDate, formatDateTime } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { useRestore, useStaffServiceStatus, useStaffTerminate, useStaffTerminationPreview, useSuspend } from './Collections.api.ts';
import { COLLECTIONS_NAMESPACE } from './Collections.i18n.ts';
import '../payments/Suspension.css';

const REASONS: SuspensionReason[] = ['late_payment', 'breach', 'limit_exceeded', 'debt_registry'];

/**
 * The staff customer page's collections (BIL-11, BIL-12): whether the service is suspended and why, the overdue
 * amount, suspend (with a reason and a note) or restore, the reminders and suspensions so far, and notice on a
 * contract for the customer or for the operator (after 10 days' delay; the server says when it is too early).
 */
export function CollectionsCustomerSection({ customerId, contracts }: { customerId: string; contracts: Contract[] }) {
  const { t } = useTranslation(COLLECTIONS_NAMESPACE);
  const lang = useLang();
  const status = useStaffServiceStatus(customerId);
  return (
    <section className="card" id="collections" aria-labelledby="staff-collections-customer-title">
      <h2 id="staff-collections-customer-title">{t('section.title')}</h2>
      <QueryState isPending={status.isPending} error={status.error}>
        {status.data ? (
          <>
            <p>
              {status.data.suspension ? (
                <strong className="badge badge--suspended">
                  {t('section.suspended', { reason: t(`reason.${status.data.suspension.reason}`), since: formatDateTime(status.data.suspension.since, lang) })}
                </strong>
              ) : (
                <span className="badge badge--active">{t('section.notSuspended')}</span>
              )}{' '}
              {t('section.overdue', { amount: formatMoney(status.data.overdueCents, lang) })}
            </p>
            {status.data.suspension?.note ? <p className="muted">{status.data.suspension.note}</p> : null}
            {status.data.suspension ? <RestoreForm customerId={customerId} /> : <SuspendForm customerId={customerId} />}
            <History history={status.data.history} reminders={status.data.reminders} />
          </>
        ) : null}
      </QueryState>
      <TerminationForm customerId={customerId} contracts={contracts} />
    </section>
  );
}

function SuspendForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation(COLLECTIONS_NAMESPACE);
  const [reason, setReason] = useState<SuspensionReason>('late_payment');
  const [note, setNote] = useState('');
  const suspend = useSuspend(customerId);
  function submit(event: FormEvent) {
    event.preventDefault();
    const body: SuspendBody = { reason, note: note.trim() };
    suspend.mutate(body, { onSuccess: () => setNote('') });
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormError error={suspend.error} fields={['reason', 'note']} />
      <RadioGroup legend={t('section.reason')} name="suspension-reason" value={reason} onChange={setReason}
        options={REASONS.map((value) => ({ value, label: t(`reason.${value}`) }))} />
      <TextArea label={t('section.note')} value={note} onChange={setNote} rows={2} maxLength={500} markRequired />
      <div className="actions">
        <SubmitButton busy={suspend.isPending} disabled={note.trim() === ''} className="button button--danger">{t('section.suspend')}</SubmitButton>
      </div>
    </form>
  );
}

function RestoreForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation(COLLECTIONS_NAMESPACE);
  const [note, setNote] = useState('');
  const restore = useRestore(customerId);
  function submit(event: FormEvent) {
    event.preventDefault();
    restore.mutate({ note: note.trim() }, { onSuccess: () => setNote('') });
  }
  return (
    <form className="form" onSubmit={submit} noValidate>
      <FormError error={restore.error} fields={['note']} />
      <TextArea label={t('section.restoreNote')} value={note} onChange={setNote} rows={2} maxLength={500} markRequired />
      <div className="actions">
        <SubmitButton busy={restore.isPending} disabled={note.trim() === ''}>{t('section.restore')}</SubmitButton>
      </div>
    </form>
  );
}

function History({ history, reminders }: {
  history: { id: string; reason: SuspensionReason; since: string; restoredAt: string | null; restoreCause: 'paid' | 'staff' | null }[];
  reminders: { invoiceNumber: string; stage: number; sentOn: string; openCents: number }[];
}) {
  const { t } = useTranslation(COLLECTIONS_NAMESPACE);
  const lang = useLang();
  return (
    <div className="collections-history">
      {reminders.length > 0 ? (
        <DataTable caption={t('section.reminders')} rows={reminders} rowKey={(row, index) => `${row.invoiceNumber}-${row.stage}-${index}`}
          columns={[
            { key: 'invoice', header: t('section.invoice'), cell: (row) => row.invoiceNumber, rowHeader: true },
            { key: 'sent', header: t('section.sentOn'), cell: (row) => formatDate(row.sentOn, lang) },
            { key: 'open', header: t('section.openThen'), cell: (row) => formatMoney(row.openCents, lang) },
          ]} />
      ) : null}
      {history.length > 0 ? (
        <DataTable caption={t('section.history')} rows={history} rowKey={(row) => row.id}
          columns={[
            { key: 'reason', header: t('section.reason'), cell: (row) => t(`reason.${row.reason}`), rowHeader: true },
            { key: 'since', header: t('section.since'), cell: (row) => formatDateTime(row.since, lang) },
            {
              key: 'restored', header: t('section.restored'),
              cell: (row) => (row.restoredAt ? `${formatDateTime(row.restoredAt, lang)} (${t(`cause.${row.restoreCause}`)})` : '—'),
            },
          ]} />
      ) : null}
    </div>
  );
}

function TerminationForm({ customerId, contracts }: { customerId: string; contracts: Contract[] }) {
  const { t } = useTranslation(COLLECTIONS_NAMESPACE);
  const lang = useLang();
  const running = contracts.filter((contract) => (contract.status === 'active' || contract.status === 'suspended') && contract.endsOn === null);
  const [chosen, setChosen] = useState('');
  const [givenBy, setGivenBy] = useState<StaffTerminationBody['givenBy']>('operator');
  const [reason, setReason] = useState('');
  const contractId = chosen || running[0]?.id || '';
  const preview = useStaffTerminationPreview(customerId, contractId);
  const terminate = useStaffTerminate(customerId);
  function submit(event: FormEvent) {
    event.preventDefault();
    terminate.mutate({ contractId, givenBy, reason: reason.trim() }, { onSuccess: () => setReason('') });
  }
  return (
    <div className="termination">
      <h3>{t('end.title')}</h3>
      {terminate.data ? <Success>{t('end.given', { number: terminate.data.number, endsOn: formatDate(terminate.data.endsOn, lang) })}</Success> : null}
      {running.length === 0 ? (
        <p className="muted">{t('end.none')}</p>
      ) : (
        <form className="form" onSubmit={submit} noValidate>
          <FormError error={terminate.error} fields={['givenBy', 'reason']} />
          <SelectField label={t('end.contract')} value={contractId} onChange={setChosen}
            options={running.map((contract) => ({ value: contract.id, label: contract.number }))} />
          <RadioGroup legend={t('end.givenBy')} name="termination-given-by" value={givenBy} onChange={setGivenBy}
            options={[{ value: 'operator', label: t('end.operator') }, { value: 'customer', label: t('end.customer') }]} />
          <TextArea label={t('end.reason')} value={reason} onChange={setReason} rows={2} maxLength={500} markRequired />
          {preview.data && !preview.data.given ? (
            <p className="termination__preview">{t('end.preview', { endsOn: formatDate(preview.data.endsOn, lang) })}</p>
          ) : null}
          <div className="actions">
            <SubmitButton busy={terminate.isPending} disabled={reason.trim() === '' || !contractId} className="button button--danger">{t('end.submit')}</SubmitButton>
          </div>
        </form>
      )}
    </div>
  );
}
