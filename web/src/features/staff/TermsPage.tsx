import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Done, ErrorAlert, Loading, SubmitButton, TextAreaField, TextField } from './components.tsx';
import { serverFieldError, useFields } from './shared.ts';
import type { TermsVersion } from './types.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

/** OPS-1: published versions of the terms of use and publishing a new one (administrators). */
export default function TermsPage() {
  const { t } = useTranslation('staff');
  const versions = useQuery({ queryKey: ['staff', 'terms'], queryFn: () => api.get<TermsVersion[]>('/api/terms') });
  return (
    <section aria-labelledby="staff-terms-title">
      <h1 id="staff-terms-title">{t('terms.title')}</h1>
      {versions.isLoading ? <Loading /> : null}
      <ErrorAlert error={versions.error} />
      {versions.data ? <VersionsTable versions={versions.data} /> : null}
      <PublishTermsForm />
    </section>
  );
}

function VersionsTable({ versions }: { versions: TermsVersion[] }) {
  const { t } = useTranslation('staff');
  if (versions.length === 0) return <p className="muted">{t('terms.empty')}</p>;
  return (
    <TableWrap className="staff-table-wrap" label={t('terms.caption')}>
      <table className="table">
        <caption>{t('terms.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('terms.version')}</th>
            <th scope="col">{t('terms.approvedOn')}</th>
            <th scope="col">{t('terms.validFrom')}</th>
            <th scope="col">{t('terms.validTo')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.version}>
              <th scope="row">{v.version}</th>
              <td>{v.approvedOn}</td>
              <td>{v.validFrom}</td>
              <td>{v.validTo ?? t('terms.open')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

const EMPTY = { version: '', approvedOn: '', validFrom: '', lv: '', en: '', ru: '' };

function PublishTermsForm() {
  const { t } = useTranslation('staff');
  const queryClient = useQueryClient();
  const { values, bind, reset } = useFields(EMPTY);
  const [missing, setMissing] = useState<string[]>([]);
  const [published, setPublished] = useState('');
  const publish = useMutation({
    mutationFn: () =>
      api.post('/api/staff/terms', {
        version: values.version.trim(),
        approvedOn: values.approvedOn,
        validFrom: values.validFrom,
        texts: { lv: values.lv, en: values.en, ru: values.ru },
      }),
    onSuccess: () => {
      setPublished(values.version.trim());
      reset();
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: ['staff', 'terms'] }),
        queryClient.invalidateQueries({ queryKey: ['terms'] }),
      ]);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const empty = (Object.keys(EMPTY) as (keyof typeof EMPTY)[]).filter((key) => !values[key].trim());
    setMissing(empty);
    setPublished('');
    if (empty.length === 0) publish.mutate();
  }

  const error = (field: keyof typeof EMPTY) => {
    if (missing.includes(field)) return t('validation.required');
    const apiField = field === 'lv' || field === 'en' || field === 'ru' ? `texts.${field}` : field;
    return serverFieldError(publish.error, apiField) ?? (apiField !== field ? serverFieldError(publish.error, 'texts') : undefined);
  };
  return (
    <section className="card" aria-labelledby="staff-terms-publish-title">
      <h2 id="staff-terms-publish-title">{t('terms.publishTitle')}</h2>
      <p>{t('terms.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="staff-grid">
          <TextField {...bind('version')} label={t('terms.version')} required hint={t('terms.versionHint')} error={error('version')} />
          <TextField {...bind('approvedOn')} type="date" label={t('terms.approvedOn')} required error={error('approvedOn')} />
          <TextField {...bind('validFrom')} type="date" label={t('terms.validFrom')} required error={error('validFrom')} />
        </div>
        <TextAreaField {...bind('lv')} lang="lv" rows={10} label={t('terms.textLv')} required error={error('lv')} />
        <TextAreaField {...bind('en')} lang="en" rows={10} label={t('terms.textEn')} required error={error('en')} />
        <TextAreaField {...bind('ru')} lang="ru" rows={10} label={t('terms.textRu')} required error={error('ru')} />
        <ErrorAlert error={publish.error} />
        <Done>{published ? t('terms.published', { version: published }) : null}</Done>
        <SubmitButton pending={publish.isPending}>{t('terms.submit')}</SubmitButton>
      </form>
    </section>
  );
}
