import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { MaintenanceWindow } from '@up/common/contracts/operator';
import { SubmitButton } from '../../components/Buttons.tsx';
import { ConfirmDialog } from '../../components/ConfirmDialog.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { SelectField, TextArea, TextField } from '../../components/Fields.tsx';
import { FormError, PageHeading, QueryState, Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { formatDateTime } from '../../lib/format.ts';
import { rigaLocalToUtcIso } from '../../lib/rigaTime.ts';
import { useLang } from '../../lib/useLang.ts';
import { useFields } from './shared.ts';
import { useAnnounceMaintenance, useCancelMaintenance, useStaffMaintenanceWindows } from './staff.api.ts';

/** Modules a maintenance window can cover; '' is the whole portal. */
const MAINTENANCE_MODULES = ['billing', 'charging', 'metering', 'grid'] as const;

/** OPS-2: announced maintenance windows, announcing and cancelling them (administrators). */
export default function MaintenancePage() {
  const { t } = useTranslation('staff');
  const windows = useStaffMaintenanceWindows();
  return (
    <section className="page" aria-labelledby="staff-maintenance-title">
      <PageHeading id="staff-maintenance-title">{t('maintenance.title')}</PageHeading>
      <QueryState isPending={windows.isPending} error={windows.error}>
        {windows.data ? <WindowsTable windows={windows.data} /> : null}
      </QueryState>
      <AnnounceForm />
    </section>
  );
}

function WindowsTable({ windows }: { windows: MaintenanceWindow[] }) {
  const { t } = useTranslation('staff');
  const lang = useLang();
  const [target, setTarget] = useState<MaintenanceWindow | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const cancel = useCancelMaintenance();

  function confirmCancel(w: MaintenanceWindow) {
    cancel.reset();
    setTarget(w);
    setDialogOpen(true);
  }

  return (
    <>
      <DataTable
        caption={t('maintenance.caption')}
        rows={windows}
        rowKey={(w) => w.id}
        empty={<p className="muted">{t('maintenance.empty')}</p>}
        columns={[
          { key: 'startsAt', header: t('maintenance.startsAt'), rowHeader: true, cell: (w) => formatDateTime(w.startsAt, lang) },
          { key: 'endsAt', header: t('maintenance.endsAt'), className: 'nowrap', cell: (w) => formatDateTime(w.endsAt, lang) },
          {
            key: 'module',
            header: t('maintenance.module'),
            cell: (w) => (w.module ? t(`module.${w.module}`, { defaultValue: w.module }) : t('module.all')),
          },
          { key: 'message', header: t('maintenance.message'), cell: (w) => w.message[lang] },
          { key: 'state', header: t('maintenance.state'), cell: (w) => (w.active ? t('maintenance.active') : t('maintenance.scheduled')) },
          {
            key: 'actions',
            header: t('users.actions'),
            cell: (w) => (
              <button type="button" className="button button--danger button--small" onClick={() => confirmCancel(w)}>
                {t('maintenance.cancel')}
              </button>
            ),
          },
        ]}
      />
      <Success>{cancel.isSuccess ? t('maintenance.cancelled') : null}</Success>
      <ConfirmDialog
        open={dialogOpen}
        title={t('maintenance.confirmCancel')}
        confirmLabel={t('maintenance.cancel')}
        danger
        busy={cancel.isPending}
        onCancel={() => setDialogOpen(false)}
        onConfirm={() => target && cancel.mutate(target.id, { onSuccess: () => setDialogOpen(false) })}
      >
        {target ? <p>{formatDateTime(target.startsAt, lang)} – {formatDateTime(target.endsAt, lang)}</p> : null}
        <FormError error={cancel.error} />
      </ConfirmDialog>
    </>
  );
}

const EMPTY = { startsAt: '', endsAt: '', module: '', lv: '', en: '', ru: '' };
type Field = keyof typeof EMPTY;
/** the API's name of each field: the texts are message.lv, message.en and message.ru */
const API_FIELD: Record<Field, string> = { startsAt: 'startsAt', endsAt: 'endsAt', module: 'module', lv: 'message.lv', en: 'message.en', ru: 'message.ru' };

function AnnounceForm() {
  const { t } = useTranslation('staff');
  const { values, bind, reset } = useFields(EMPTY);
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const announce = useAnnounceMaintenance();
  const fieldError = useServerFieldError(announce.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Partial<Record<Field, string>> = {};
    for (const key of ['startsAt', 'endsAt', 'lv', 'en', 'ru'] as const) {
      if (!values[key].trim()) errors[key] = t('validation.required');
    }
    const startsAt = rigaLocalToUtcIso(values.startsAt);
    const endsAt = rigaLocalToUtcIso(values.endsAt);
    if (values.startsAt && !startsAt) errors.startsAt = t('validation.dateTime');
    if (values.endsAt && !endsAt) errors.endsAt = t('validation.dateTime');
    if (startsAt && endsAt && endsAt <= startsAt) errors.endsAt = t('validation.endBeforeStart');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0 || !startsAt || !endsAt) return;
    announce.mutate(
      {
        startsAt,
        endsAt,
        module: values.module || undefined,
        message: { lv: values.lv.trim(), en: values.en.trim(), ru: values.ru.trim() },
      },
      { onSuccess: reset },
    );
  }

  // an error about the whole message object is shown at each of its texts
  const error = (field: Field) =>
    clientErrors[field] ?? fieldError(API_FIELD[field]) ?? (API_FIELD[field].startsWith('message.') ? fieldError('message') : undefined);
  const moduleOptions = [
    { value: '', label: t('module.all') },
    ...MAINTENANCE_MODULES.map((m) => ({ value: m, label: t(`module.${m}`) })),
  ];
  return (
    <section className="card" aria-labelledby="staff-announce-title">
      <h2 id="staff-announce-title">{t('maintenance.announceTitle')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <div className="staff-grid">
          <TextField {...bind('startsAt')} type="datetime-local" label={t('maintenance.startsAt')} hint={t('maintenance.timeHint')} required markRequired error={error('startsAt')} />
          <TextField {...bind('endsAt')} type="datetime-local" label={t('maintenance.endsAt')} hint={t('maintenance.timeHint')} required markRequired error={error('endsAt')} />
          <SelectField {...bind('module')} label={t('maintenance.module')} options={moduleOptions} error={error('module')} />
        </div>
        <TextArea {...bind('lv')} lang="lv" rows={2} label={t('maintenance.messageLv')} required markRequired error={error('lv')} />
        <TextArea {...bind('en')} lang="en" rows={2} label={t('maintenance.messageEn')} required markRequired error={error('en')} />
        <TextArea {...bind('ru')} lang="ru" rows={2} label={t('maintenance.messageRu')} required markRequired error={error('ru')} />
        <FormError error={announce.error} fields={[...Object.values(API_FIELD), 'message']} />
        <Success>{announce.isSuccess ? t('maintenance.announced') : null}</Success>
        <div className="actions">
          <SubmitButton busy={announce.isPending}>{t('maintenance.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
