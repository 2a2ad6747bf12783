import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { isPlausibleEmail } from '@up/common';
import type { RegisterBody } from '@up/common/contracts/accounts';
import { CheckboxField, RadioGroup, TextField } from '../../components/Fields.tsx';
import { FormError, PageHeading } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { useLang } from '../../lib/useLang.ts';
import { useTerms } from '../terms/terms.api.ts';
import { useRegister } from './auth.api.ts';
import { identityCodeProblem } from './identity.ts';
import { RecordMatchError } from './RecordMatchError.tsx';

interface RegisterForm {
  customerKind: RegisterBody['customerKind'];
  customerName: string;
  fullName: string;
  identityCode: string;
  customerNumber: string;
  email: string;
  phone: string;
  acceptTerms: boolean;
  confirmDataTruthful: boolean;
}

const EMPTY: RegisterForm = {
  customerKind: 'person',
  customerName: '',
  fullName: '',
  identityCode: '',
  customerNumber: '',
  email: '',
  phone: '',
  acceptTerms: false,
  confirmDataTruthful: false,
};

type Errors = Partial<Record<keyof RegisterForm, string>>;

/** Fields whose server errors are shown beside an input of this form. */
const REGISTER_FIELDS = ['customerName', 'fullName', 'identityCode', 'customerNumber', 'email', 'phone', 'acceptTerms', 'termsVersion', 'confirmDataTruthful'];

/** Client-side checks (ACC-14 and the required fields); the server checks everything again. */
function validate(form: RegisterForm): Errors {
  const errors: Errors = {};
  if (form.customerKind === 'company' && !form.customerName.trim()) errors.customerName = 'validation.required';
  if (!form.fullName.trim()) errors.fullName = 'validation.required';
  const codeProblem = identityCodeProblem(form.customerKind, form.identityCode);
  if (codeProblem) errors.identityCode = codeProblem;
  if (!form.customerNumber.trim()) errors.customerNumber = 'validation.required';
  if (!isPlausibleEmail(form.email)) errors.email = 'validation.email';
  if (!form.phone.trim()) errors.phone = 'validation.required';
  if (!form.acceptTerms) errors.acceptTerms = 'validation.acceptTerms';
  if (!form.confirmDataTruthful) errors.confirmDataTruthful = 'validation.confirmData';
  return errors;
}

export default function RegisterPage() {
  const { t } = useTranslation();
  const lang = useLang();
  const [form, setForm] = useState<RegisterForm>(EMPTY);
  const [errors, setErrors] = useState<Errors>({});
  const terms = useTerms('current');
  const register = useRegister();
  const serverError = useServerFieldError(register.error);

  const set = <K extends keyof RegisterForm>(key: K) => (value: RegisterForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const fieldError = (key: keyof RegisterForm) => (errors[key] ? t(errors[key]) : serverError(key));
  const checkIdentityCode = () => {
    if (!form.identityCode) return;
    const problem = identityCodeProblem(form.customerKind, form.identityCode);
    setErrors((e) => ({ ...e, identityCode: problem ?? undefined }));
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found = validate(form);
    setErrors(found);
    if (Object.keys(found).length > 0 || !terms.data) return;
    register.mutate({
      customerKind: form.customerKind,
      customerName: form.customerKind === 'person' ? form.fullName.trim() : form.customerName.trim(),
      identityCode: form.identityCode.trim(),
      customerNumber: form.customerNumber.trim(),
      fullName: form.fullName.trim(),
      email: form.email.trim(),
      phone: form.phone.trim(),
      language: lang,
      termsVersion: terms.data.version,
      acceptTerms: true,
      confirmDataTruthful: true,
    });
  };

  if (register.isSuccess) {
    return (
      <div className="page page--narrow">
        <PageHeading>{t('register.checkEmailTitle')}</PageHeading>
        <div className="card" role="status">
          <p>{t('register.checkEmail', { email: form.email.trim() })}</p>
        </div>
        <p>
          <Link to="/login">{t('common.toLogin')}</Link>
        </p>
      </div>
    );
  }

  const company = form.customerKind === 'company';
  return (
    <div className="page page--narrow">
      <PageHeading>{t('register.title')}</PageHeading>
      <p>{t('register.intro')}</p>
      <form className="card form" onSubmit={submit} noValidate>
        <RadioGroup
          legend={t('register.customerKind')}
          name="customerKind"
          value={form.customerKind}
          onChange={(kind) => {
            set('customerKind')(kind);
            setErrors((e) => ({ ...e, identityCode: undefined }));
          }}
          options={[
            { value: 'person', label: t('register.kindPerson') },
            { value: 'company', label: t('register.kindCompany') },
          ]}
        />
        {company && (
          <TextField label={t('register.companyName')} value={form.customerName} onChange={set('customerName')} required autoComplete="organization" error={fieldError('customerName')} />
        )}
        <TextField
          label={company ? t('register.yourName') : t('register.personName')}
          value={form.fullName}
          onChange={set('fullName')}
          required
          autoComplete="name"
          error={fieldError('fullName') ?? (company ? undefined : serverError('customerName'))}
        />
        <TextField
          label={company ? t('fields.registrationNumber') : t('fields.personalCode')}
          hint={company ? t('register.registrationNumberHint') : t('register.personalCodeHint')}
          value={form.identityCode}
          onChange={set('identityCode')}
          onBlur={checkIdentityCode}
          required
          inputMode={company ? 'numeric' : 'text'}
          error={fieldError('identityCode')}
        />
        <TextField
          label={t('fields.customerNumber')}
          hint={t('register.customerNumberHint')}
          value={form.customerNumber}
          onChange={set('customerNumber')}
          required
          error={fieldError('customerNumber')}
        />
        <TextField label={t('fields.email')} hint={t('register.emailHint')} type="email" autoComplete="email" value={form.email} onChange={set('email')} required error={fieldError('email')} />
        <TextField label={t('fields.phone')} type="tel" autoComplete="tel" value={form.phone} onChange={set('phone')} required error={fieldError('phone')} />
        <CheckboxField
          label={
            <>
              {t('register.acceptTerms')}{' '}
              <Link to="/terms" target="_blank" rel="noopener">
                {terms.data ? t('register.termsLink', { version: terms.data.version }) : t('terms.title')}
              </Link>
            </>
          }
          checked={form.acceptTerms}
          onChange={set('acceptTerms')}
          required
          error={fieldError('acceptTerms') ?? serverError('termsVersion')}
        />
        <CheckboxField
          label={t('register.confirmData')}
          checked={form.confirmDataTruthful}
          onChange={set('confirmDataTruthful')}
          required
          error={fieldError('confirmDataTruthful')}
        />
        <FormError error={terms.error} />
        <RecordMatchError error={register.error} fields={REGISTER_FIELDS} />
        <div className="actions">
          <button type="submit" className="button" disabled={register.isPending || !terms.data}>
            {t('register.submit')}
          </button>
        </div>
      </form>
      <p>
        {t('register.haveAccount')} <Link to="/login">{t('common.toLogin')}</Link>
      </p>
    </div>
  );
}
