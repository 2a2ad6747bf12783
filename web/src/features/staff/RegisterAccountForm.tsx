import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isPlausibleEmail } from '@up/common/email';
import { validatePersonalCode } from '@up/common/personal-code';
import { api } from '../../api/client.ts';
import { Done, ErrorAlert, SubmitButton, TextField } from './components.tsx';
import { orUndefined, serverFieldError, useFields } from './shared.ts';

const EMPTY = { fullName: '', email: '', phone: '', personalCode: '' };

/** ACC-5: staff register a main user for a customer who showed an ID document at a service centre. */
export function RegisterAccountForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation('staff');
  const queryClient = useQueryClient();
  const { values, bind, reset } = useFields(EMPTY);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [sentTo, setSentTo] = useState('');
  const register = useMutation({
    mutationFn: (body: Record<string, string | undefined>) =>
      api.post(`/api/staff/customers/${encodeURIComponent(customerId)}/accounts`, body),
    onSuccess: (_answer, body) => {
      setSentTo(body.email ?? '');
      reset();
      return queryClient.invalidateQueries({ queryKey: ['staff'] });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const errors: Record<string, string> = {};
    if (!values.fullName.trim()) errors.fullName = t('validation.required');
    if (!values.email.trim()) errors.email = t('validation.required');
    else if (!isPlausibleEmail(values.email)) errors.email = t('validation.email');
    let personalCode = orUndefined(values.personalCode);
    if (personalCode) {
      const result = validatePersonalCode(personalCode);
      if (result.ok) personalCode = result.normalized;
      else errors.personalCode = t(`validation.personalCode_${result.reason}`);
    }
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    register.mutate({
      fullName: values.fullName.trim(),
      email: values.email.trim(),
      phone: orUndefined(values.phone),
      personalCode,
    });
  }

  const error = (field: string) => clientErrors[field] ?? serverFieldError(register.error, field);
  return (
    <section className="card" aria-labelledby="staff-account-title">
      <h2 id="staff-account-title">{t('account.title')}</h2>
      <p>{t('account.intro')}</p>
      <form onSubmit={submit} noValidate>
        <div className="staff-grid">
          <TextField {...bind('fullName')} label={t('fields.fullName')} required error={error('fullName')} />
          <TextField {...bind('email')} type="email" label={t('fields.email')} required error={error('email')} hint={t('account.emailHint')} />
          <TextField {...bind('phone')} type="tel" label={t('fields.phone')} error={error('phone')} />
          <TextField
            {...bind('personalCode')}
            label={t('fields.personalCode')}
            inputMode="numeric"
            hint={t('account.personalCodeHint')}
            error={error('personalCode')}
          />
        </div>
        <ErrorAlert error={register.error} />
        <Done>{sentTo ? t('account.done', { email: sentTo }) : null}</Done>
        <SubmitButton pending={register.isPending}>{t('account.submit')}</SubmitButton>
      </form>
    </section>
  );
}
