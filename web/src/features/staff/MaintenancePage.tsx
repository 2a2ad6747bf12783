import { useState, type FormEvent } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { ConfirmDialog, Done, ErrorAlert, Loading, SelectField, SubmitButton, TextAreaField, TextField } from './components.tsx';
import { rigaLocalToUtcIso } from './rigaTime.ts';
import { serverFieldError, useFields, useFormatInstant, useLang } from './shared.ts';
import { MAINTENANCE_MODULES, type MaintenanceWindow } from './types.ts';
import { TableWrap } from '../../components/TableWrap.tsx';

const LIST_KEY = ['staff', 'maintenance'] as const;

/** OPS-2: announced maintenance windows, announcing and cancelling them (administrators). */
export default function MaintenancePage() {
  const { t } = useTranslation('staff');
  const windows = useQuery({ queryKey: LIST_KEY, queryFn: () => api.get<MaintenanceWindow[]>('/api/maintenance') });
  return (
    <section aria-labelledby="staff-maintenance-title">
      <h1 id="staff-maintenance-title">{t('maintenance.title')}</h1>
      {windows.isLoading ? <Loading /> : null}
      <ErrorAlert error={windows.error} />
      {windows.data ? <WindowsTable windows={windows.data} /> : null}
      <AnnounceForm />
    </section>
  );
}

function useInvalidateMaintenance() {
  const queryClient = useQueryClient();
  // ['maintenance'] is what the app shell's banner would use for the same list.
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: LIST_KEY }),
      queryClient.invalidateQueries({ queryKey: ['maintenance'] }),
    ]);
}

function WindowsTable({ windows }: { windows: MaintenanceWindow[] }) {
  const { t } = useTranslation('staff');
  const lang = useLang();
  const formatInstant = useFormatInstant();
  const invalidate = useInvalidateMaintenance();
  const [target, setTarget] = useState<MaintenanceWindow | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);
  const cancel = useMutation({
    mutationFn: (id: string) => api.delete(`/api/staff/maintenance/${encodeURIComponent(id)}`),
    onSuccess: () => {
      setDialogOpen(false);
      return invalidate();
    },
  });

  return (
    <>
      {windows.length === 0 ? (
        <p className="muted">{t('maintenance.empty')}</p>
      ) : (
        <TableWrap className="staff-table-wrap" label={t('maintenance.caption')}>
          <table className="table">
            <caption>{t('maintenance.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('maintenance.startsAt')}</th>
                <th scope="col">{t('maintenance.endsAt')}</th>
                <th scope="col">{t('maintenance.module')}</th>
                <th scope="col">{t('maintenance.message')}</th>
                <th scope="col">{t('maintenance.state')}</th>
                <th scope="col">{t('users.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {windows.map((w) => (
                <tr key={w.id}>
                  <th scope="row" className="staff-nowrap">{formatInstant(w.startsAt)}</th>
                  <td className="staff-nowrap">{formatInstant(w.endsAt)}</td>
                  <td>{w.module ? t(`module.${w.module}`, { defaultValue: w.module }) : t('module.all')}</td>
                  <td>{w.message?.[lang] ?? ''}</td>
                  <td>{w.active ? t('maintenance.active') : t('maintenance.scheduled')}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-danger"
                      onClick={() => {
                        cancel.reset();
                        setTarget(w);
                        setDialogOpen(true);
                      }}
                    >
                      {t('maintenance.cancel')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Done>{cancel.isSuccess ? t('maintenance.cancelled') : null}</Done>
      <ConfirmDialog
        open={dialogOpen}
        title={t('maintenance.confirmCancel')}
        confirmLabel={t('maintenance.cancel')}
        pending={cancel.isPending}
        onCancel={() => setDialogOpen(false)}
        onConfirm={() => target && cancel.mutate(target.id)}
      >
        {target ? <p>{formatInstant(target.startsAt)} – {formatInstant(target.endsAt)}</p> : null}
        <ErrorAlert error={cancel.error} />
      </ConfirmDialog>
    </>
  );
}

const EMPTY = { startsAt: '', endsAt: '', module: '', lv: '', en: '', ru: '' };

function AnnounceForm() {
  const { t } = useTranslation('staff');
  const invalidate = useInvalidateMaintenance();
  const { values, bind, reset } = useFields(EMPTY);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const announce = useMutation({
    mutationFn: (body: unknown) => api.post('/api/staff/maintenance', body),
    onSuccess: () => {
      reset();
      return invalidate();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    for (const key of ['startsAt', 'endsAt', 'lv', 'en', 'ru'] as const) {
      if (!values[key].trim()) errors[key] = t('validation.required');
    }
    const startsAt = rigaLocalToUtcIso(values.startsAt);
    const endsAt = rigaLocalToUtcIso(values.endsAt);
    if (values.startsAt && !startsAt) errors.startsAt = t('validation.dateTime');
    if (values.endsAt && !endsAt) errors.endsAt = t('validation.dateTime');
    if (startsAt && endsAt && endsAt <= startsAt) errors.endsAt = t('validation.endBeforeStart');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    announce.mutate({
      startsAt,
      endsAt,
      module: values.module || undefined,
      message: { lv: values.lv.trim(), en: values.en.trim(), ru: values.ru.trim() },
    });
  }

  const error = (field: keyof typeof EMPTY) => {
    const apiField = field === 'lv' || field === 'en' || field === 'ru' ? `message.${field}` : field;
    return clientErrors[field] ?? serverFieldError(announce.error, apiField) ?? (apiField !== field ? serverFieldError(announce.error, 'message') : undefined);
  };
  const moduleOptions = [
    { value: '', label: t('module.all') },
    ...MAINTENANCE_MODULES.map((m) => ({ value: m, label: t(`module.${m}`) })),
  ];
  return (
    <section className="card" aria-labelledby="staff-announce-title">
      <h2 id="staff-announce-title">{t('maintenance.announceTitle')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="staff-grid">
          <TextField {...bind('startsAt')} type="datetime-local" label={t('maintenance.startsAt')} hint={t('maintenance.timeHint')} required error={error('startsAt')} />
          <TextField {...bind('endsAt')} type="datetime-local" label={t('maintenance.endsAt')} hint={t('maintenance.timeHint')} required error={error('endsAt')} />
          <SelectField {...bind('module')} label={t('maintenance.module')} options={moduleOptions} error={error('module')} />
        </div>
        <TextAreaField {...bind('lv')} lang="lv" rows={2} label={t('maintenance.messageLv')} required error={error('lv')} />
        <TextAreaField {...bind('en')} lang="en" rows={2} label={t('maintenance.messageEn')} required error={error('en')} />
        <TextAreaField {...bind('ru')} lang="ru" rows={2} label={t('maintenance.messageRu')} required error={error('ru')} />
        <ErrorAlert error={announce.error} />
        <Done>{announce.isSuccess ? t('maintenance.announced') : null}</Done>
        <SubmitButton pending={announce.isPending}>{t('maintenance.submit')}</SubmitButton>
      </form>
    </section>
  );
}
