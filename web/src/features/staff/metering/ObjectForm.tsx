import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StaffObject } from '@up/common/contracts/metering-staff';
import { SubmitButton } from '../../../components/Buttons.tsx';
import { SelectField, TextField } from '../../../components/Fields.tsx';
import { FormError, Success } from '../../../components/Messages.tsx';
import { useServerFieldError } from '../../../lib/errors.ts';
import { useLang } from '../../../lib/useLang.ts';
import { useFields } from '../shared.ts';
import { OBJECT_FORM_FIELDS, OBJECT_LIMITS, OBJECT_STATUSES, objectChanges, objectFormValues, type ObjectChanges } from './metering.ts';
import { useUpdateObject } from './metering.api.ts';

/**
 * GRD-1: staff correct an object's technical parameters (PATCH /api/staff/metering/objects/:objectId); only
 * what changed is sent. A radio permit's parameters come from its permit, so only its address and status are here.
 */
export function ObjectForm({ object }: { object: StaffObject }) {
  const { t } = useTranslation('staff');
  const { values, setValues, bind } = useFields(objectFormValues(object));
  const [clientErrors, setClientErrors] = useState<ObjectChanges['errors']>({});
  const [unchanged, setUnchanged] = useState(false);
  // Take over the server's values when they change (after saving), not on every refetch.
  const saved = JSON.stringify(objectFormValues(object));
  useEffect(() => setValues(JSON.parse(saved)), [saved, setValues]);

  const save = useUpdateObject(object.id);
  const fieldError = useServerFieldError(save.error);
  const isPermit = object.kind === 'radio_permit';
  const lang = useLang();

  function submit(event: FormEvent) {
    event.preventDefault();
    const { body, errors } = objectChanges(object, values);
    setClientErrors(errors);
    setUnchanged(body === null && Object.keys(errors).length === 0);
    if (!body) return;
    save.mutate(body);
  }

  const error = (field: (typeof OBJECT_FORM_FIELDS)[number]) => {
    const problem = clientErrors[field];
    if (!problem) return fieldError(field);
    const limits = Object.fromEntries(Object.entries(OBJECT_LIMITS).map(([key, value]) => [key, value.toLocaleString(lang === 'en' ? 'en-GB' : lang)]));
    return t(`metering.validation.${problem}`, limits);
  };
  const notStated = { value: '', label: t('metering.notStated') };
  return (
    <form className="form staff-subform" onSubmit={submit} noValidate aria-labelledby="staff-object-edit">
      <h3 id="staff-object-edit">{t('metering.edit.title')}</h3>
      <TextField {...bind('address')} label={t('metering.fields.address')} required markRequired maxLength={OBJECT_LIMITS.addressMax} error={error('address')} />
      <div className="staff-grid">
        {isPermit ? null : (
          <>
            <TextField
              {...bind('capacityAmperes')}
              inputMode="numeric"
              label={t('metering.fields.capacityAmperes')}
              hint={t('metering.edit.emptyHint')}
              error={error('capacityAmperes')}
            />
            <SelectField
              {...bind('phases')}
              label={t('metering.fields.phases')}
              options={[notStated, { value: '1', label: t('metering.phases.1') }, { value: '3', label: t('metering.phases.3') }]}
              error={error('phases')}
            />
            <TextField
              {...bind('voltageVolts')}
              inputMode="numeric"
              label={t('metering.fields.voltageVolts')}
              hint={t('metering.edit.emptyHint')}
              error={error('voltageVolts')}
            />
          </>
        )}
        <SelectField
          {...bind('status')}
          label={t('metering.fields.status')}
          options={OBJECT_STATUSES.map((status) => ({ value: status, label: t(`metering.status.${status}`) }))}
          error={error('status')}
        />
      </div>
      <FormError error={save.error} fields={[...OBJECT_FORM_FIELDS]} />
      <Success>{unchanged ? t('metering.edit.unchanged') : save.isSuccess ? t('metering.edit.saved') : null}</Success>
      <div className="actions">
        <SubmitButton busy={save.isPending}>{t('common.save', { ns: 'translation' })}</SubmitButton>
      </div>
    </form>
  );
}
