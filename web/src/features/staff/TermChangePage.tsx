import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContractType } from '@up/common/contracts/customers';
import type { StaffTermChange } from '@up/common/contracts/contract-lifecycle';
import { addDays, rigaDate } from '@up/common/riga-time';
import { SubmitButton } from '../../components/Buttons.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { SelectField, TextArea, TextField } from '../../components/Fields.tsx';
import { FormError, PageHeading, QueryState, Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { useFields, useStaffRole } from './shared.ts';
import { useAnnounceTermChange, useStaffTermChanges } from './TermChange.api.ts';
import { TERM_CHANGES_NAMESPACE } from './TermChange.i18n.ts';

const CONTRACT_TYPES: ContractType[] = ['electricity_supply', 'gas_supply', 'grid_connection', 'ev_charging', 'radio_permit', 'product_purchase', 'additional_service'];

/** BIL-14: the announced changes of contract terms with their counts; administrators announce a new one. */
export default function TermChangePage() {
  const { t } = useTranslation(TERM_CHANGES_NAMESPACE);
  const changes = useStaffTermChanges();
  const { role } = useStaffRole();
  return (
    <section className="page" aria-labelledby="term-changes-title">
      <PageHeading id="term-changes-title">{t('title')}</PageHeading>
      <p>{t('intro')}</p>
      <QueryState isPending={changes.isPending} error={changes.error}>
        {changes.data ? <TermChangesTable changes={changes.data} /> : null}
      </QueryState>
      {role === 'administrator' ? <AnnounceForm /> : null}
    </section>
  );
}

function TermChangesTable({ changes }: { changes: StaffTermChange[] }) {
  const { t } = useTranslation(TERM_CHANGES_NAMESPACE);
  const { t: tc } = useTranslation();
  const lang = useLang();
  return (
    <DataTable
      caption={t('caption')}
      rows={changes}
      rowKey={(c) => c.id}
      empty={<p className="muted">{t('empty')}</p>}
      columns={[
        { key: 'type', header: t('contractType'), rowHeader: true, cell: (c) => tc(`contractType.${c.contractType}`, { defaultValue: c.contractType }) },
        { key: 'version', header: t('termsVersion'), cell: (c) => c.termsVersion },
        { key: 'announcedOn', header: t('announcedOn'), cell: (c) => formatDate(c.announcedOn, lang) },
        { key: 'effectiveOn', header: t('effectiveOn'), cell: (c) => <>{formatDate(c.effectiveOn, lang)} <span className="muted">({c.applied ? t('applied') : t('pending')})</span></> },
        { key: 'notified', header: t('notified'), cell: (c) => c.notified },
        { key: 'left', header: t('left'), cell: (c) => c.left },
        { key: 'accepted', header: t('accepted'), cell: (c) => c.accepted },
      ]}
    />
  );
}

const EMPTY = { contractType: 'ev_charging', termsVersion: '', effectiveOn: '', lv: '', en: '', ru: '' };
type Field = keyof typeof EMPTY;
const API_FIELD: Record<Field, string> = {
  contractType: 'contractType', termsVersion: 'termsVersion', effectiveOn: 'effectiveOn', lv: 'summary.lv', en: 'summary.en', ru: 'summary.ru',
};

function AnnounceForm() {
  const { t } = useTranslation(TERM_CHANGES_NAMESPACE);
  const { t: ts } = useTranslation('staff');
  const { t: tc } = useTranslation();
  const lang = useLang();
  const { values, bind, reset } = useFields(EMPTY);
  const [missing, setMissing] = useState<Field[]>([]);
  const [done, setDone] = useState<StaffTermChange | null>(null);
  const announce = useAnnounceTermChange();
  const fieldError = useServerFieldError(announce.error);
  const earliest = addDays(rigaDate(new Date()), 30);

  function submit(event: FormEvent) {
    event.preventDefault();
    const empty = (Object.keys(EMPTY) as Field[]).filter((key) => !values[key].trim());
    setMissing(empty);
    setDone(null);
    if (empty.length > 0) return;
    announce.mutate(
      {
        contractType: values.contractType as ContractType, termsVersion: values.termsVersion.trim(), effectiveOn: values.effectiveOn,
        summary: { lv: values.lv, en: values.en, ru: values.ru },
      },
      { onSuccess: (change) => { setDone(change); reset(); } },
    );
  }

  const error = (field: Field) => (missing.includes(field) ? ts('validation.required') : fieldError(API_FIELD[field]));
  return (
    <section className="card" aria-labelledby="term-change-announce-title">
      <h2 id="term-change-announce-title">{t('announce.title')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <div className="staff-grid">
          <SelectField
            {...bind('contractType')}
            label={t('contractType')}
            options={CONTRACT_TYPES.map((type) => ({ value: type, label: tc(`contractType.${type}`) }))}
          />
          <TextField {...bind('termsVersion')} label={t('termsVersion')} required markRequired error={error('termsVersion')} />
          <TextField
            {...bind('effectiveOn')} type="date" label={t('effectiveOn')} required markRequired
            hint={t('announce.effectiveHint', { earliest: formatDate(earliest, lang) })} error={error('effectiveOn')}
          />
        </div>
        <TextArea {...bind('lv')} lang="lv" rows={3} label={t('announce.summaryLv')} required markRequired error={error('lv')} />
        <TextArea {...bind('en')} lang="en" rows={3} label={t('announce.summaryEn')} required markRequired error={error('en')} />
        <TextArea {...bind('ru')} lang="ru" rows={3} label={t('announce.summaryRu')} required markRequired error={error('ru')} />
        <FormError error={announce.error} fields={Object.values(API_FIELD)} />
        <Success>{done ? t('announce.done', { notified: done.notified }) : null}</Success>
        <div className="actions">
          <SubmitButton busy={announce.isPending}>{t('announce.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
