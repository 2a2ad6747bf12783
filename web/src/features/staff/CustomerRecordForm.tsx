import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '@up/common/contracts/customers';
import { isPlausibleEmail } from '@up/common/email';
import { SubmitButton } from '../../components/Buttons.tsx';
import { TextArea, TextField } from '../../components/Fields.tsx';
import { FormError, Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { useFields } from './shared.ts';
import { useUpdateCustomer } from './staff.api.ts';

function initialValues(customer: Customer) {
  return {
    name: customer.name,
    email: customer.email ?? '',
    phone: customer.phone ?? '',
    postalAddress: customer.postalAddress ?? '',
  };
}

const FIELDS = ['name', 'email', 'phone', 'postalAddress'];

/** Edits the customer's name and contact data (PATCH /api/staff/customers/:id). */
export function CustomerRecordForm({ customer }: { customer: Customer }) {
  const { t } = useTranslation('staff');
  const { values, setValues, bind } = useFields(initialValues(customer));
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  // Take over the server's values when they change (after saving), not on every refetch.
  const saved = JSON.stringify(initialValues(customer));
  useEffect(() => setValues(JSON.parse(saved)), [saved, setValues]);

  const save = useUpdateCustomer(customer.id);
  const fieldError = useServerFieldError(save.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!values.name.trim()) errors.name = t('validation.required');
    if (values.email.trim() && !isPlausibleEmail(values.email.trim())) errors.email = t('validation.email');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    save.mutate({
      name: values.name.trim(),
      email: values.email.trim() || null,
      phone: values.phone.trim() || null,
      postalAddress: values.postalAddress.trim() || null,
    });
  }

  const error = (field: string) => clientErrors[field] ?? fieldError(field);
  return (
    <section className="card" aria-labelledby="staff-record-title">
      <h2 id="staff-record-title">{t('detail.record')}</h2>
      <form className="form" onSubmit={submit} noValidate>
        <TextField {...bind('name')} label={t('fields.name')} required markRequired error={error('name')} />
        <TextField {...bind('email')} type="email" label={t('fields.email')} error={error('email')} />
        <TextField {...bind('phone')} type="tel" label={t('fields.phone')} error={error('phone')} />
        <TextArea {...bind('postalAddress')} rows={2} label={t('fields.postalAddress')} error={error('postalAddress')} />
        <FormError error={save.error} fields={FIELDS} />
        <Success>{save.isSuccess ? t('detail.recordSaved') : null}</Success>
        <div className="actions">
          <SubmitButton busy={save.isPending}>{t('common.save', { ns: 'translation' })}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
