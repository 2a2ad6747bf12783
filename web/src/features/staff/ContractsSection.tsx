import { useState, type FormEvent } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import { SubmitButton } from '../../components/Buttons.tsx';
import { SelectField, TextField } from '../../components/Fields.tsx';
import { FormError, Success } from '../../components/Messages.tsx';
import { useServerFieldError } from '../../lib/errors.ts';
import { ContractsTable } from '../contracts/ContractsTable.tsx';
import { useFields } from './shared.ts';
import { CONTRACT_STATUSES, CONTRACT_TYPES, type Contract } from './types.ts';

export function ContractsSection({ customerId, contracts }: { customerId: string; contracts: Contract[] }) {
  const { t } = useTranslation('staff');
  return (
    <section className="card" aria-labelledby="staff-contracts-title">
      <h2 id="staff-contracts-title">{t('contracts.title')}</h2>
      {contracts.length === 0 ? (
        <p className="muted">{t('contracts.empty')}</p>
      ) : (
        <ContractsTable contracts={contracts.map((c) => ({ ...c, endsOn: c.endsOn ?? null }))} caption={t('contracts.caption')} />
      )}
      <AddContractForm customerId={customerId} />
    </section>
  );
}

const EMPTY = { type: CONTRACT_TYPES[0] as string, number: '', status: 'active', startsOn: '' };
const FIELDS = ['type', 'number', 'status', 'startsOn'];

function AddContractForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation('staff');
  const queryClient = useQueryClient();
  const { values, bind, reset } = useFields(EMPTY);
  const [missing, setMissing] = useState(false);
  const add = useMutation({
    mutationFn: () =>
      api.post(`/api/staff/customers/${encodeURIComponent(customerId)}/contracts`, {
        type: values.type,
        number: values.number.trim(),
        status: values.status,
        startsOn: values.startsOn || undefined,
      }),
    onSuccess: () => {
      reset();
      return queryClient.invalidateQueries({ queryKey: ['staff'] });
    },
  });
  const fieldError = useServerFieldError(add.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    const isMissing = !values.number.trim();
    setMissing(isMissing);
    if (!isMissing) add.mutate();
  }

  // the contract types and statuses in the words of the contracts table above
  const main = { ns: 'translation' } as const;
  return (
    <form onSubmit={submit} noValidate aria-labelledby="staff-add-contract-title" className="form staff-subform">
      <h3 id="staff-add-contract-title">{t('contracts.add')}</h3>
      <div className="staff-grid">
        <SelectField
          {...bind('type')}
          label={t('contracts.type')}
          options={CONTRACT_TYPES.map((type) => ({ value: type, label: t(`contractType.${type}`, main) }))}
          error={fieldError('type')}
        />
        <TextField
          {...bind('number')}
          label={t('contracts.number')}
          required
          markRequired
          error={missing ? t('validation.required') : fieldError('number')}
        />
        <SelectField
          {...bind('status')}
          label={t('contracts.status')}
          options={CONTRACT_STATUSES.map((s) => ({ value: s, label: t(`contractStatus.${s}`, main) }))}
          error={fieldError('status')}
        />
        <TextField {...bind('startsOn')} type="date" label={t('contracts.startsOn')} error={fieldError('startsOn')} />
      </div>
      <FormError error={add.error} fields={FIELDS} />
      <Success>{add.isSuccess ? t('contracts.added') : null}</Success>
      <div className="actions">
        <SubmitButton busy={add.isPending}>{t('contracts.submit')}</SubmitButton>
      </div>
    </form>
  );
}
