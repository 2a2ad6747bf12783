import { type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SubmitButton } from '../../components/Buttons.tsx';
import { TextField } from '../../components/Fields.tsx';
import { ErrorMessage, FormError, Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { useFields } from './shared.ts';
import { useCheckServicePassword } from './staff.api.ts';

/** ACC-19: checks the password a caller gives on the phone; the stored one is never shown. */
export function ServicePasswordCheck({ customerId }: { customerId: string }) {
  const { t } = useTranslation('staff');
  const { values, bind } = useFields({ servicePassword: '' });
  const check = useCheckServicePassword(customerId);
  const fieldError = useServerFieldError(check.error);
  const field = bind('servicePassword');

  function submit(event: FormEvent) {
    event.preventDefault();
    if (values.servicePassword) check.mutate({ servicePassword: values.servicePassword });
  }

  return (
    <section className="card" aria-labelledby="staff-service-password-title">
      <h2 id="staff-service-password-title">{t('servicePassword.title')}</h2>
      <p className="muted">{t('servicePassword.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <TextField
          {...field}
          onChange={(value) => {
            field.onChange(value);
            check.reset();
          }}
          type="password"
          label={t('servicePassword.label')}
          required
          markRequired
          error={fieldError('servicePassword')}
        />
        <FormError error={check.error} fields={['servicePassword']} />
        <Success>{check.data?.matches ? <strong>{t('servicePassword.matches')}</strong> : null}</Success>
        {check.data && !check.data.matches ? <ErrorMessage><strong>{t('servicePassword.noMatch')}</strong></ErrorMessage> : null}
        <div className="actions">
          <SubmitButton busy={check.isPending}>{t('servicePassword.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
