import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LinkCustomerBody } from '@up/common/contracts/accounts';
import { CheckboxField, RadioGroup, TextField } from '../../components/Fields.tsx';
import { Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { identityCodeProblem } from '../auth/identity.ts';
import { RecordMatchError } from '../auth/RecordMatchError.tsx';
import { useLinkCustomer } from './profile.api.ts';

/** ACC-11: one user acting for several customers (own household and an employer) links another. */
export function LinkCustomerForm() {
  const { t } = useTranslation();
  const [kind, setKind] = useState<LinkCustomerBody['customerKind']>('person');
  const [customerName, setCustomerName] = useState('');
  const [identityCode, setIdentityCode] = useState('');
  const [customerNumber, setCustomerNumber] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const link = useLinkCustomer();
  const serverError = useServerFieldError(link.error);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const found: Record<string, string> = {};
    if (!customerName.trim()) found.customerName = t('validation.required');
    const codeProblem = identityCodeProblem(kind, identityCode);
    if (codeProblem) found.identityCode = t(codeProblem);
    if (!customerNumber.trim()) found.customerNumber = t('validation.required');
    if (!confirm) found.confirm = t('validation.confirmData');
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    link.mutate(
      {
        customerKind: kind,
        customerName: customerName.trim(),
        identityCode: identityCode.trim(),
        customerNumber: customerNumber.trim(),
        confirmDataTruthful: true,
      },
      {
        onSuccess: () => {
          setCustomerName('');
          setIdentityCode('');
          setCustomerNumber('');
          setConfirm(false);
        },
      },
    );
  };

  const company = kind === 'company';
  return (
    <form className="form" onSubmit={submit} noValidate>
      <RadioGroup
        legend={t('register.customerKind')}
        name="linkCustomerKind"
        value={kind}
        onChange={setKind}
        options={[
          { value: 'person', label: t('register.kindPerson') },
          { value: 'company', label: t('register.kindCompany') },
        ]}
      />
      <TextField
        label={company ? t('register.companyName') : t('register.personName')}
        value={customerName}
        onChange={setCustomerName}
        required
        error={errors.customerName ?? serverError('customerName')}
      />
      <TextField
        label={company ? t('fields.registrationNumber') : t('fields.personalCode')}
        value={identityCode}
        onChange={setIdentityCode}
        required
        error={errors.identityCode ?? serverError('identityCode')}
      />
      <TextField
        label={t('fields.customerNumber')}
        value={customerNumber}
        onChange={setCustomerNumber}
        required
        error={errors.customerNumber ?? serverError('customerNumber')}
      />
      <CheckboxField label={t('register.confirmData')} checked={confirm} onChange={setConfirm} required error={errors.confirm ?? serverError('confirmDataTruthful')} />
      {link.isSuccess && <Success>{t('linkCustomer.done')}</Success>}
      <RecordMatchError error={link.error} fields={['customerName', 'identityCode', 'customerNumber', 'confirmDataTruthful']} />
      <div className="actions">
        <button type="submit" className="button" disabled={link.isPending}>
          {t('linkCustomer.submit')}
        </button>
      </div>
    </form>
  );
}
