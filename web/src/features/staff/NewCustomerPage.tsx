import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CreateCustomerBody } from '@up/common/contracts/customers';
import { isPlausibleEmail } from '@up/common/email';
import { LANGS } from '@up/common/lang';
import { validatePersonalCode, validateRegistrationNumber } from '@up/common/personal-code';
import { SubmitButton } from '../../components/Buttons.tsx';
import { SelectField, TextArea, TextField } from '../../components/Fields.tsx';
import { FormError, PageHeading, Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { orUndefined, useFields } from './shared.ts';
import { useCreateCustomer } from './staff.api.ts';

const EMPTY = {
  kind: 'person',
  name: '',
  identityCode: '',
  customerNumber: '',
  email: '',
  phone: '',
  postalAddress: '',
  language: 'lv',
};

type Values = typeof EMPTY;

/** ACC-14: the code is checked here for quick feedback; the server checks it again. */
function checkIdentityCode(kind: string, code: string): { normalized: string } | { error: string } {
  if (kind === 'person') {
    const result = validatePersonalCode(code);
    return result.ok ? { normalized: result.normalized } : { error: `validation.personalCode_${result.reason}` };
  }
  const result = validateRegistrationNumber(code);
  return result.ok ? { normalized: result.normalized } : { error: 'validation.registrationNumber_format' };
}

function validate(values: Values): { errors: Record<string, string>; identityCode: string } {
  const errors: Record<string, string> = {};
  for (const field of ['name', 'identityCode', 'customerNumber'] as const) {
    if (!values[field].trim()) errors[field] = 'validation.required';
  }
  let identityCode = values.identityCode.trim();
  if (identityCode) {
    const checked = checkIdentityCode(values.kind, identityCode);
    if ('error' in checked) errors.identityCode = checked.error;
    else identityCode = checked.normalized;
  }
  if (values.email.trim() && !isPlausibleEmail(values.email)) errors.email = 'validation.email';
  return { errors, identityCode };
}

export default function NewCustomerPage() {
  const { t } = useTranslation('staff');
  const navigate = useNavigate();
  const { values, bind } = useFields(EMPTY);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const create = useCreateCustomer();

  function submit(event: FormEvent) {
    event.preventDefault();
    const { errors, identityCode } = validate(values);
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    create.mutate(
      {
        // the selects offer only these
        kind: values.kind as CreateCustomerBody['kind'],
        name: values.name.trim(),
        identityCode,
        customerNumber: values.customerNumber.trim(),
        email: orUndefined(values.email),
        phone: orUndefined(values.phone),
        postalAddress: orUndefined(values.postalAddress),
        language: values.language as CreateCustomerBody['language'],
      },
      { onSuccess: (created) => navigate(`/staff/customers/${encodeURIComponent(created.id)}`) },
    );
  }

  const fieldError = useServerFieldError(create.error);
  const error = (field: string) => (clientErrors[field] ? t(clientErrors[field]) : fieldError(field));
  const isPerson = values.kind === 'person';
  return (
    <section className="page" aria-labelledby="staff-new-customer-title">
      <PageHeading id="staff-new-customer-title">{t('newCustomer.title')}</PageHeading>
      <form className="card form" onSubmit={submit} noValidate>
        <SelectField
          {...bind('kind')}
          label={t('fields.kind')}
          options={(['person', 'company'] as const).map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))}
          error={error('kind')}
        />
        <TextField {...bind('name')} label={isPerson ? t('fields.personName') : t('fields.companyName')} required markRequired error={error('name')} />
        <TextField
          {...bind('identityCode')}
          label={isPerson ? t('fields.personalCode') : t('fields.registrationNumber')}
          hint={isPerson ? t('newCustomer.personalCodeHint') : t('newCustomer.registrationNumberHint')}
          inputMode="numeric"
          required
          markRequired
          error={error('identityCode')}
        />
        <TextField {...bind('customerNumber')} label={t('fields.customerNumber')} required markRequired error={error('customerNumber')} />
        <TextField {...bind('email')} type="email" label={t('fields.email')} error={error('email')} />
        <TextField {...bind('phone')} type="tel" label={t('fields.phone')} error={error('phone')} />
        <TextArea {...bind('postalAddress')} rows={2} label={t('fields.postalAddress')} error={error('postalAddress')} />
        <SelectField
          {...bind('language')}
          label={t('fields.language')}
          options={LANGS.map((lang) => ({ value: lang, label: t(`language.${lang}`) }))}
          error={error('language')}
        />
        <FormError error={create.error} fields={Object.keys(EMPTY)} />
        <Success>{create.isSuccess ? t('newCustomer.created') : null}</Success>
        <div className="actions">
          <SubmitButton busy={create.isPending}>{t('newCustomer.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
