import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isPlausibleEmail } from '@up/common/email';
import { validatePersonalCode } from '@up/common/personal-code';
import { SubmitButton } from '../../components/Buttons.tsx';
import { TextField } from '../../components/Fields.tsx';
import { FormError, Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { orUndefined, useFields } from './shared.ts';
import { useRegisterAccount } from './staff.api.ts';

const EMPTY = { fullName: '', email: '', phone: '', personalCode: '' };

/** ACC-5: staff register a main user for a customer who showed an ID document at a service centre. */
export function RegisterAccountForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation('staff');
  const { values, bind, reset } = useFields(EMPTY);
  const [clientErrors, setClientErrors] = useState<Record<string, string>>({});
  const [sentTo, setSentTo] = useState('');
  const register = useRegisterAccount(customerId);

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
    register.mutate(
      {
        fullName: values.fullName.trim(),
        email: values.email.trim(),
        phone: orUndefined(values.phone),
        personalCode,
      },
      {
        onSuccess: (_answer, body) => {
          setSentTo(body.email);
          reset();
        },
      },
    );
  }

  const fieldError = useServerFieldError(register.error);
  const error = (field: string) => clientErrors[field] ?? fieldError(field);
  return (
    <section className="card" aria-labelledby="staff-account-title">
      <h2 id="staff-account-title">{t('account.title')}</h2>
      <p>{t('account.intro')}</p>
      <form className="form" onSubmit={submit} noValidate>
        <div className="staff-grid">
          <TextField {...bind('fullName')} label={t('fields.fullName')} required markRequired error={error('fullName')} />
          <TextField {...bind('email')} type="email" label={t('fields.email')} required markRequired error={error('email')} hint={t('account.emailHint')} />
          <TextField {...bind('phone')} type="tel" label={t('fields.phone')} error={error('phone')} />
          <TextField
            {...bind('personalCode')}
            label={t('fields.personalCode')}
            inputMode="numeric"
            hint={t('account.personalCodeHint')}
            error={error('personalCode')}
          />
        </div>
        {/* the customers' text for this code asks them to be invited; staff are told what it means for them */}
        <FormError error={register.error} fields={Object.keys(EMPTY)} messages={{ CUSTOMER_HAS_MAIN_USER: t('account.hasMainUser') }} />
        <Success>{sentTo ? t('account.done', { email: sentTo }) : null}</Success>
        <div className="actions">
          <SubmitButton busy={register.isPending}>{t('account.submit')}</SubmitButton>
        </div>
      </form>
    </section>
  );
}
