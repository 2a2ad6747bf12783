import { type FormEvent } from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { Done, ErrorAlert, SubmitButton, TextField } from './components.tsx';
import { serverFieldError, useFields } from './shared.ts';

/** ACC-19: checks the password a caller gives on the phone; the stored one is never shown. */
export function ServicePasswordCheck({ customerId }: { customerId: string }) {
  const { t } = useTranslation('staff');
  const { values, bind } = useFields({ servicePassword: '' });
  const check = useMutation({
    mutationFn: (servicePassword: string) =>
      api.post<{ matches: boolean }>(`/api/staff/customers/${encodeURIComponent(customerId)}/service-password/check`, {
        servicePassword,
      }),
  });
  const field = bind('servicePassword');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (values.servicePassword) check.mutate(values.servicePassword);
  }

  return (
    <section className="card" aria-labelledby="staff-service-password-title">
      <h2 id="staff-service-password-title">{t('servicePassword.title')}</h2>
      <p className="muted">{t('servicePassword.intro')}</p>
      <form onSubmit={submit} noValidate>
        <TextField
          {...field}
          onChange={(value) => {
            field.onChange(value);
            check.reset();
          }}
          type="password"
          autoComplete="off"
          label={t('servicePassword.label')}
          required
          error={serverFieldError(check.error, 'servicePassword')}
        />
        <ErrorAlert error={check.error} />
        <Done className={check.data?.matches ? 'staff-match' : 'staff-no-match'}>
          {check.data ? <strong>{check.data.matches ? t('servicePassword.matches') : t('servicePassword.noMatch')}</strong> : null}
        </Done>
        <SubmitButton pending={check.isPending}>{t('servicePassword.submit')}</SubmitButton>
      </form>
    </section>
  );
}
