import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TariffView } from '@up/common/contracts/billing';
import { rigaDate, addDays } from '@up/common/riga-time';
import { ApiError } from '../../../api/client.ts';
import { SubmitButton } from '../../../components/Buttons.tsx';
import { SelectField, TextArea, TextField } from '../../../components/Fields.tsx';
import { FormError, PageHeading, QueryState, Success } from '../../../components/Messages.tsx';
import { useServerFieldError } from '../../../lib/errors.ts';
import { useLang } from '../../../lib/useLang.ts';
import { localized } from '../../invoices/format.ts';
import { TariffElementsTable, useValidity } from '../../invoices/TariffElements.tsx';
import { useStaffRole } from '../shared.ts';
import { useAddTariffVersion, useCreateTariff, useStaffTariffs } from './billing.api.ts';
import { elementsForEditing, newestVersionsFirst, parseElements } from './billing.ts';
import { NAMESPACE } from './i18n.ts';
import '../../invoices/invoices.css';
import './billing.css';

const KINDS = ['supply', 'grid', 'charging', 'service'] as const;

/**
 * Tariffs (BIL-8) after OCPI 2.2.1: every tariff with its versions, each version's elements in words (what is
 * priced, the price without VAT, the VAT rate, when it applies). Administrators add a tariff or a version.
 */
export default function TariffsPage() {
  const { t } = useTranslation(NAMESPACE);
  const { role } = useStaffRole();
  const tariffs = useStaffTariffs();
  const admin = role === 'administrator';
  return (
    <section className="page staff-billing" aria-labelledby="staff-tariffs-title">
      <PageHeading id="staff-tariffs-title">{t('tariffs.title')}</PageHeading>
      <p>{t('tariffs.intro')}</p>
      <QueryState isPending={tariffs.isPending} error={tariffs.error}>
        {tariffs.data?.length === 0 ? <p className="card">{t('tariffs.none')}</p> : null}
        <ul className="card-list">
          {tariffs.data?.map((tariff) => <TariffCard key={tariff.id} tariff={tariff} admin={admin} />)}
        </ul>
      </QueryState>
      {admin ? <CreateTariffForm /> : <p className="muted">{t('tariffs.adminChanges')}</p>}
    </section>
  );
}

function TariffCard({ tariff, admin }: { tariff: TariffView; admin: boolean }) {
  const { t } = useTranslation(NAMESPACE);
  const lang = useLang();
  const validity = useValidity();
  const name = localized(tariff.name, lang);
  const versions = newestVersionsFirst(tariff.versions);
  const headingId = `tariff-${tariff.id}`;
  return (
    <li className="card tariff-card">
      <div className="tariff-card__head">
        <h2 id={headingId}>{name} <span className="muted">({tariff.code})</span></h2>
        <span className="badge">{t(`tariffs.kinds.${tariff.kind}`)}</span>
      </div>
      {versions.length === 0 ? <p className="muted">{t('tariffs.noVersions')}</p> : null}
      {versions.map((version, i) => (
        <details key={version.id} className="tariff-version" open={i === 0}>
          <summary>
            {t('tariffs.version', { version: version.version })} · {validity(version)}
            {i === 0 && !version.validUntil ? <> <span className="badge badge--active">{t('tariffs.current')}</span></> : null}
          </summary>
          <TariffElementsTable version={version} caption={t('tariffs.elementsCaption', { name, version: version.version })} />
        </details>
      ))}
      {admin ? <AddVersionForm tariff={tariff} /> : null}
    </li>
  );
}

/** A field path the server named (e.g. elements[0].priceComponents[0].price) and its reason, under the textarea. */
function useElementsError(error: unknown): string | undefined {
  const { t } = useTranslation(NAMESPACE);
  if (!(error instanceof ApiError) || typeof error.details.field !== 'string' || !error.details.field.startsWith('elements')) return undefined;
  const reason = typeof error.details.reason === 'string' ? error.details.reason : error.message;
  return t('version.serverError', { field: error.details.field, reason });
}

function AddVersionForm({ tariff }: { tariff: TariffView }) {
  const { t } = useTranslation(NAMESPACE);
  const [open, setOpen] = useState(false);
  const latest = newestVersionsFirst(tariff.versions)[0];
  const [validFrom, setValidFrom] = useState(() => addDays(rigaDate(new Date()), 1));
  const [text, setText] = useState(() => elementsForEditing(latest));
  const [jsonError, setJsonError] = useState<string | undefined>();
  const run = useAddTariffVersion(tariff.id);
  const fieldError = useServerFieldError(run.error);
  const elementsError = useElementsError(run.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = parseElements(text);
    if ('error' in parsed) {
      setJsonError(parsed.error === 'json' ? t('version.invalidJson', { detail: parsed.detail ?? '' }) : t('version.notArray'));
      return;
    }
    setJsonError(undefined);
    run.mutate({ validFrom, elements: parsed.elements });
  }

  if (!open) {
    return (
      <div className="actions">
        <button type="button" className="button button--secondary button--small" onClick={() => setOpen(true)} aria-label={t('version.openLabel', { code: tariff.code })}>
          {t('version.open')}
        </button>
      </div>
    );
  }
  return (
    <form className="form staff-subform" onSubmit={submit} noValidate aria-label={t('version.formLabel', { code: tariff.code })}>
      <h3>{t('version.title', { code: tariff.code })}</h3>
      <p className="muted">{t('version.intro')}</p>
      <TextField label={t('version.validFrom')} type="date" value={validFrom} onChange={(value) => { setValidFrom(value); run.reset(); }} error={fieldError('validFrom')} markRequired />
      <TextArea
        label={t('version.elements')}
        hint={t('version.elementsHint')}
        value={text}
        onChange={(value) => { setText(value); setJsonError(undefined); run.reset(); }}
        rows={14}
        spellCheck={false}
        error={jsonError ?? elementsError}
      />
      <FormError error={run.error} fields={['validFrom', ...(elementsError ? [String((run.error as ApiError).details.field)] : [])]} messages={{ TARIFF_NOT_FOUND: t('version.notFound') }} />
      <div className="actions">
        <SubmitButton busy={run.isPending}>{t('version.submit')}</SubmitButton>
        <button type="button" className="button button--secondary" onClick={() => { setOpen(false); run.reset(); }}>{t('version.close')}</button>
      </div>
      <Success>{run.isSuccess ? t('version.done', { code: tariff.code }) : null}</Success>
    </form>
  );
}

function CreateTariffForm() {
  const { t } = useTranslation(NAMESPACE);
  const [values, setValues] = useState({ code: '', kind: 'supply', lv: '', en: '', ru: '' });
  const [errors, setErrors] = useState<Partial<Record<keyof typeof values, string>>>({});
  const run = useCreateTariff();
  const fieldError = useServerFieldError(run.error);
  const taken = run.error instanceof ApiError && run.error.code === 'TARIFF_CODE_TAKEN';
  const bind = (name: keyof typeof values) => ({
    value: values[name],
    onChange: (value: string) => {
      setValues((all) => ({ ...all, [name]: name === 'code' ? value.toUpperCase() : value }));
      run.reset();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const next: typeof errors = {};
    if (!/^[A-Z0-9][A-Z0-9_-]{1,39}$/.test(values.code.trim())) next.code = t('create.errors.code');
    for (const lang of ['lv', 'en', 'ru'] as const) if (!values[lang].trim()) next[lang] = t('create.errors.name');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    run.mutate(
      { code: values.code.trim(), kind: values.kind as (typeof KINDS)[number], name: { lv: values.lv.trim(), en: values.en.trim(), ru: values.ru.trim() } },
      { onSuccess: () => setValues({ code: '', kind: values.kind, lv: '', en: '', ru: '' }) },
    );
  }

  return (
    <section className="card" aria-labelledby="staff-create-tariff-title">
      <h2 id="staff-create-tariff-title">{t('create.title')}</h2>
      <p>{t('create.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <div className="staff-grid">
          <TextField label={t('create.code')} hint={t('create.codeHint')} {...bind('code')} maxLength={40} autoComplete="off" error={errors.code ?? (taken ? t('create.errors.taken') : fieldError('code'))} markRequired />
          <SelectField label={t('create.kind')} {...bind('kind')} options={KINDS.map((kind) => ({ value: kind, label: t(`tariffs.kinds.${kind}`) }))} />
        </div>
        <div className="staff-grid">
          <TextField label={t('create.nameLv')} {...bind('lv')} maxLength={200} autoComplete="off" error={errors.lv ?? fieldError('name.lv')} markRequired />
          <TextField label={t('create.nameEn')} {...bind('en')} maxLength={200} autoComplete="off" error={errors.en ?? fieldError('name.en')} markRequired />
          <TextField label={t('create.nameRu')} {...bind('ru')} maxLength={200} autoComplete="off" error={errors.ru ?? fieldError('name.ru')} markRequired />
        </div>
        <FormError error={run.error} fields={['code', 'name.lv', 'name.en', 'name.ru']} />
        <div className="actions"><SubmitButton busy={run.isPending}>{t('create.submit')}</SubmitButton></div>
      </form>
      <Success>{run.isSuccess ? t('create.done') : null}</Success>
    </section>
  );
}
