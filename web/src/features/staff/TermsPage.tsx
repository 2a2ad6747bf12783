import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Terms } from '@up/common/contracts/terms';
import { SubmitButton } from '../../components/Buttons.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { TextArea, TextField } from '../../components/Fields.tsx';
import { FormError, PageHeading, QueryState, Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { formatDate } from '../../lib/format.ts';
import { useLang } from '../../lib/useLang.ts';
import { useFields } from './shared.ts';
import { usePublishTerms, useStaffTermsVersions } from './staff.api.ts';

/** OPS-1: published versions of the terms of use and publishing a new one (administrators). */
export default function TermsPage() {
  const { t } = useTranslation('staff');
  const versions = useStaffTermsVersions();
  return (
    <section className="page" aria-labelledby="staff-terms-title">
      <PageHeading id="staff-terms-title">{t('terms.title')}</PageHeading>
      <QueryState isPending={versions.isPending} error={versions.error}>
        {versions.data ? <VersionsTable versions={versions.data} /> : null}
      </QueryState>
      <PublishTermsForm />
    </section>
  );
}

function VersionsTable({ versions }: { versions: Terms[] }) {
  const { t } = useTranslation('staff');
  const lang = useLang();
  return (
    <DataTable
      caption={t('terms.caption')}
      rows={versions}
      rowKey={(v) => v.version}
      empty={<p className="muted">{t('terms.empty')}</p>}
      columns={[
        { key: 'version', header: t('terms.version'), rowHeader: true, cell: (v) => v.version },
        { key: 'approvedOn', header: t('terms.approvedOn'), cell: (v) => formatDate(v.approvedOn, lang) },
        { key: 'validFrom', header: t('terms.validFrom'), cell: (v) => formatDate(v.validFrom, lang) },
        { key: 'validTo', header: t('terms.validTo'), cell: (v) => (v.validTo ? formatDate(v.validTo, lang) : t('terms.open')) },
      ]}
    />
  );
}

const EMPTY = { version: '', approvedOn: '', validFrom: '', lv: '', en: '', ru: '' };
type Field = keyof typeof EMPTY;
/** the API's name of each field: the texts are texts.lv, texts.en and texts.ru */
const API_FIELD: Record<Field, string> = { version: 'version', approvedOn: 'approvedOn', validFrom: 'validFrom', lv: 'texts.lv', en: 'texts.en', ru: 'texts.ru' };

function PublishTermsForm() {
  const { t } = useTranslation('staff');
  const { values, bind, reset } = useFields(EMPTY);
  const [missing, setMissing] = useState<Field[]>([]);
  const [published, setPublished] = useState('');
  const publish = usePublishTerms();
  const fieldError = useServerFieldError(publish.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const empty = (Object.keys(EMPTY) as Field[]).filter((key) => !values[key].trim());
    setMissing(empty);
    setPublished('');
    if (empty.length > 0) return;
    publish.mutate(
      {
        version: values.version.trim(),
        approvedOn: values.approvedOn,
        validFrom: values.validFrom,
        texts: { lv: values.lv, en: values.en, ru: values.ru },
      },
      {
        onSuccess: (terms) => {
          setPublished(terms.version);
          reset();
        },
      },
    );
  }

  // an error about the whole texts object is shown at each of the texts
  const error = (field: Field) =>
    missing.includes(field)
      ? t('validation.required')
      : (fieldError(API_FIELD[field]) ?? (API_FIELD[field].startsWith('texts.') ? fieldError('texts') : undefined));
  return (
    <section className="card" aria-labelledby="staff-terms-publish-title">
      <h2 id="staff-terms-publish-title">{t('terms.publishTitle')}</h2>
      <p>{t('terms.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <div className="staff-grid">
          <TextField {...bind('version')} label={t('terms.version')} required markRequired hint={t('terms.versionHint')} error={error('version')} />
          <TextField {...bind('approvedOn')} type="date" label={t('terms.approvedOn')} required markRequired error={error('approvedOn')} />
          <TextField {...bind('validFrom')} type="date" label={t('terms.validFrom')} required markRequired error={error('validFrom')} />
        </div>
        <TextArea {...bind('lv')} lang="lv" rows={10} label={t('terms.textLv')} required markRequired error={error('lv')} />
        <TextArea {...bind('en')} lang="en" rows={10} label={t('terms.textEn')} required markRequired error={error('en')} />
        <TextArea {...bind('ru')} lang="ru" rows={10} label={t('terms.textRu')} required markRequired error={error('ru')} />
        <FormError error={publish.error} fields={[...Object.values(API_FIELD), 'texts']} />
        <Success>{published ? t('terms.published', { version: published }) : null}</Success>
        <div className="actions">
          <SubmitButton busy={publish.isPending}>{t('terms.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
